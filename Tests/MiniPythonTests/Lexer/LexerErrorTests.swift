import Testing
@testable import MiniPython

/// Tokenizer errors and their positions, each checked against CPython 3.11.7's
/// `compile(source, "x.py", "exec")` (message, `lineno`, `offset`).
@Suite struct LexerErrorTests {
    @Test(arguments: lexerErrorCases)
    func matchesCPython(_ testCase: ErrorCase) {
        testCase.check()
    }

    @Test func unterminatedTripleQuotedStringReportsItsStart() throws {
        let error = try #require(syntaxError("x = 1\ny = '''abc\n\ndef\n"))
        #expect(error.message == "unterminated triple-quoted string literal (detected at line 4)")
        #expect(error.lineno == 2 && error.offset == 5)
        #expect(error.text == "y = '''abc")
    }

    @Test func formattedErrorLooksLikeCPythonsTraceback() throws {
        let error = try #require(syntaxError("def f():\n    f() = 1\n"))
        #expect(error.formatted() == """
              File "x.py", line 2
                f() = 1
                ^^^
            SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?
            """)
    }

    @Test func offsetsCountCharactersNotBytes() throws {
        let error = try #require(syntaxError("x = 'é' + $"))
        #expect(error.message == "invalid syntax")
        #expect(error.offset == 11)
        #expect(error.location.column == 11)  // UTF-8 bytes
    }
}

let lexerErrorCases: [ErrorCase] = [
    ErrorCase("x = (1, 2", .syntaxError, "'(' was never closed", 1, 5),
    ErrorCase("x = [1, 2)", .syntaxError, "closing parenthesis ')' does not match opening parenthesis '['", 1, 10),
    ErrorCase("x = )", .syntaxError, "unmatched ')'", 1, 5),
    ErrorCase("\"abc", .syntaxError, "unterminated string literal (detected at line 1)", 1, 1),
    ErrorCase("x = \"\"\"abc\ndef", .syntaxError, "unterminated triple-quoted string literal (detected at line 2)", 1, 5),
    ErrorCase("x = \\", .syntaxError, "unexpected EOF while parsing", 1, 6),
    ErrorCase("  x = 1", .indentationError, "unexpected indent", 1, 2),
    ErrorCase("if x:\n    a\n  b", .indentationError, "unindent does not match any outer indentation level", 3, 4),
    ErrorCase("1 = x", .syntaxError, "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1),
    ErrorCase("x = 012", .syntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5),
    ErrorCase("x = 1__0", .syntaxError, "invalid decimal literal", 1, 6),
    ErrorCase("x = 1_", .syntaxError, "invalid decimal literal", 1, 6),
    ErrorCase("x = 0x", .syntaxError, "invalid hexadecimal literal", 1, 6),
    ErrorCase("x = 0b2", .syntaxError, "invalid digit '2' in binary literal", 1, 7),
    ErrorCase("x = 0o8", .syntaxError, "invalid digit '8' in octal literal", 1, 7),
    ErrorCase("x = 1abc", .syntaxError, "invalid decimal literal", 1, 5),
    ErrorCase("x = €", .syntaxError, "invalid character '€' (U+20AC)", 1, 5),
    ErrorCase("x = 1e", .syntaxError, "invalid decimal literal", 1, 5),
    ErrorCase("a.b = 1 = 2", .syntaxError, "cannot assign to literal", 1, 7),
    ErrorCase("b\"é\"", .syntaxError, "bytes can only contain ASCII literal characters", 1, 1),
    ErrorCase("\"a\" b\"b\"", .syntaxError, "cannot mix bytes and nonbytes literals", 1, 9),
    ErrorCase("\"\\x4\"", .syntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 1, 6),
    ErrorCase("b\"\\x4\"", .syntaxError, "(value error) invalid \\x escape at position 0", 1, 7),
    ErrorCase("x = [1, 2,", .syntaxError, "'[' was never closed", 1, 5),
    ErrorCase("foo(", .syntaxError, "'(' was never closed", 1, 4),
    ErrorCase("'''abc\n", .syntaxError, "unterminated triple-quoted string literal (detected at line 1)", 1, 1),
    ErrorCase("    x = 1", .indentationError, "unexpected indent", 1, 4),
    ErrorCase("if x:\n    a\n  b\n", .indentationError, "unindent does not match any outer indentation level", 3, 4),
    ErrorCase("def f():\n    x = (1,", .syntaxError, "'(' was never closed", 2, 9),
    ErrorCase("x = [1, 2\ny = 3\n", .syntaxError, "'[' was never closed", 1, 5),
    ErrorCase("f(", .syntaxError, "'(' was never closed", 1, 2),
    ErrorCase("if x:\n    pass\n   else:\n    pass", .indentationError, "unindent does not match any outer indentation level", 3, 9),
    ErrorCase("\tif x:\n        pass", .indentationError, "unexpected indent", 1, 1),
    ErrorCase("if x:\n\ta\n        b", .tabError, "inconsistent use of tabs and spaces in indentation", 3, 1),
    ErrorCase("f\"abc", .syntaxError, "unterminated string literal (detected at line 1)", 1, 1),
    ErrorCase("rb'abc", .syntaxError, "unterminated string literal (detected at line 1)", 1, 1),
    ErrorCase("\"s\" = 1", .syntaxError, "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1),
    ErrorCase("{} = 1", .syntaxError, "cannot assign to dict literal here. Maybe you meant '==' instead of '='?", 1, 1),
    ErrorCase("x = 'a\nb'\n", .syntaxError, "unterminated string literal (detected at line 1)", 1, 5),
    ErrorCase("x = 1 = y", .syntaxError, "cannot assign to literal", 1, 5),
    ErrorCase("def f(): return\nx = 1 = 2", .syntaxError, "cannot assign to literal", 2, 5),
    ErrorCase("x = [1, 2", .syntaxError, "'[' was never closed", 1, 5),
    ErrorCase("x = $ + \"abc", .syntaxError, "unterminated string literal (detected at line 1)", 1, 9),
    ErrorCase("if x:\n    pass\n  y = 1", .indentationError, "unindent does not match any outer indentation level", 3, 8),
    ErrorCase("class A:\n    def f(self):\n        return 1\n  x = 2", .indentationError, "unindent does not match any outer indentation level", 4, 8),
]
