import Testing
@testable import MiniPython

/// Token streams: layout (NEWLINE/INDENT/DEDENT), line joining, comments and operators.
@Suite struct LexerTests {
    @Test func simpleStatement() throws {
        #expect(try tokens("x = 1") == "NAME x '=' INT 1 NEWLINE ENDMARKER")
    }

    @Test func emptyAndBlankSourcesHaveNoNewline() throws {
        #expect(try tokens("") == "ENDMARKER")
        #expect(try tokens("\n\n  \n# only a comment\n") == "ENDMARKER")
    }

    @Test func indentAndDedent() throws {
        let source = """
            if x:
                y = 1
                if z:
                    pass
            w
            """
        #expect(try tokens(source) == """
            'if' NAME x ':' NEWLINE INDENT NAME y '=' INT 1 NEWLINE 'if' NAME z ':' NEWLINE \
            INDENT 'pass' NEWLINE DEDENT DEDENT NAME w NEWLINE ENDMARKER
            """)
    }

    @Test func dedentsAtEndOfInput() throws {
        #expect(try tokens("def f():\n  if x:\n    return 1\n") == """
            'def' NAME f '(' ')' ':' NEWLINE INDENT 'if' NAME x ':' NEWLINE INDENT 'return' INT 1 NEWLINE \
            DEDENT DEDENT ENDMARKER
            """)
    }

    @Test func blankLinesAndCommentsDoNotIndent() throws {
        let source = "if x:\n\n        # odd comment\n    y\n  \n    z\n"
        #expect(try tokens(source) == "'if' NAME x ':' NEWLINE INDENT NAME y NEWLINE NAME z NEWLINE DEDENT ENDMARKER")
    }

    @Test func tabsCountToTheNextMultipleOfEight() throws {
        #expect(try tokens("if x:\n\ty\n\tz\n") == "'if' NAME x ':' NEWLINE INDENT NAME y NEWLINE NAME z NEWLINE DEDENT ENDMARKER")
    }

    @Test func bracketsJoinLines() throws {
        #expect(try tokens("x = (1,\n     2)\n") == "NAME x '=' '(' INT 1 ',' INT 2 ')' NEWLINE ENDMARKER")
        #expect(try tokens("f(a,  # comment\n\n  b)") == "NAME f '(' NAME a ',' NAME b ')' NEWLINE ENDMARKER")
    }

    @Test func backslashJoinsLines() throws {
        #expect(try tokens("x = 1 + \\\n    2\n") == "NAME x '=' INT 1 '+' INT 2 NEWLINE ENDMARKER")
    }

    @Test func windowsLineEndings() throws {
        #expect(try tokens("if x:\r\n    y\r\n") == "'if' NAME x ':' NEWLINE INDENT NAME y NEWLINE DEDENT ENDMARKER")
    }

    @Test func allOperatorsTakeTheLongestMatch() throws {
        let source = "a **= b //= c >>= d <<= e ... f -> g := h @= i != j == k <= l >= m ** n // o"
        #expect(try tokens(source) == """
            NAME a '**=' NAME b '//=' NAME c '>>=' NAME d '<<=' NAME e '...' NAME f '->' NAME g ':=' NAME h \
            '@=' NAME i '!=' NAME j '==' NAME k '<=' NAME l '>=' NAME m '**' NAME n '//' NAME o NEWLINE ENDMARKER
            """)
    }

    @Test func keywordsAndSoftKeywords() throws {
        #expect(try tokens("None True False match case _ lambda") ==
            "'None' 'True' 'False' NAME match NAME case NAME _ 'lambda' NEWLINE ENDMARKER")
    }

    @Test func unicodeIdentifiers() throws {
        #expect(try tokens("café = π") == "NAME café '=' NAME π NEWLINE ENDMARKER")
    }

    @Test func strayCharacterIsAnErrorToken() throws {
        #expect(try tokens("x = $") == "NAME x '=' ERRORTOKEN NEWLINE ENDMARKER")
    }

    @Test func tokenPositions() throws {
        let lexed = try Lexer.tokenize("x = 'é'\n  # c\ny")
        #expect(lexed[0].range == SourceRange(start: SourceLocation(line: 1, column: 0), end: SourceLocation(line: 1, column: 1)))
        #expect(lexed[2].range == SourceRange(start: SourceLocation(line: 1, column: 4), end: SourceLocation(line: 1, column: 8)))
        #expect(lexed[4].start == SourceLocation(line: 3, column: 0))
    }
}
