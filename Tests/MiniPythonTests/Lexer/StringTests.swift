import Testing
@testable import MiniPython

/// String and bytes literals: quotes, prefixes, escapes.
@Suite struct StringTests {
    private func string(_ source: String) throws -> String? {
        guard case .string(let text) = try Lexer.tokenize(source)[0].value else { return nil }
        return text
    }

    private func bytes(_ source: String) throws -> [UInt8]? {
        guard case .bytes(let value) = try Lexer.tokenize(source)[0].value else { return nil }
        return value
    }

    @Test func quotes() throws {
        #expect(try string("'a'") == "a")
        #expect(try string("\"b\"") == "b")
        #expect(try string("'''c\n'd'\n'''") == "c\n'd'\n")
        #expect(try string("\"\"\"x\"\"y\"\"\"") == "x\"\"y")
        #expect(try string("''") == "")
    }

    @Test func escapes() throws {
        #expect(try string(#"'\n\t\\\'\"\a\b\f\v\r'"#) == "\n\t\\'\"\u{07}\u{08}\u{0C}\u{0B}\r")
        #expect(try string(#"'\x41\101\0\u00e9\U0001F600'"#) == "AA\u{0}é😀")
        #expect(try string(#"'\d\w'"#) == #"\d\w"#)  // unknown escapes stay
        #expect(try string("'a\\\nb'") == "ab")  // backslash-newline
        #expect(try string(#"'\777'"#) == "\u{1FF}")
    }

    @Test func rawStrings() throws {
        #expect(try string(#"r'\n\d'"#) == #"\n\d"#)
        #expect(try string(#"R"\"""#) == #"\""#)  // the backslash keeps the quote inside
        #expect(try string("r'a\\\nb'") == "a\\\nb")
    }

    @Test func prefixesInAnyCase() throws {
        #expect(try string("u'x'") == "x")
        #expect(try string("U'x'") == "x")
        #expect(try bytes("b'x'") == [0x78])
        #expect(try bytes(#"Rb'\x'"#) == Array(#"\x"#.utf8))
        #expect(try bytes(#"bR'\x'"#) == Array(#"\x"#.utf8))
        #expect(try tokens("rf'{x}' Fr'a' fR'b'") == "FSTRING '{x}' FSTRING 'a' FSTRING 'b' NEWLINE ENDMARKER")
    }

    @Test func bytesEscapes() throws {
        #expect(try bytes(#"b'\x00\xff\101\n'"#) == [0, 255, 65, 10])
        #expect(try bytes(#"b'\u1234'"#) == Array(#"\u1234"#.utf8))  // no \u in bytes
    }

    @Test func notAPrefix() throws {
        #expect(try tokens("ur'x'") == "NAME ur STRING 'x' NEWLINE ENDMARKER")
        #expect(try tokens("bf'x'") == "NAME bf STRING 'x' NEWLINE ENDMARKER")
    }

    @Test func fStringBodyIsKeptUndecoded() throws {
        let lexed = try Lexer.tokenize(#"x = f"a{b}\n""#)
        guard case .fstring(let token) = lexed[2].value else {
            Issue.record("not an f-string")
            return
        }
        #expect(token.body == #"a{b}\n"#)
        #expect(!token.isRaw)
        #expect(token.bodyStart == SourceLocation(line: 1, column: 6))
    }

    @Test func namedUnicodeEscapeIsUnimplemented() throws {
        let error = try #require(syntaxError(#"x = "\N{DASH}""#))
        #expect(error.message == UNIMPLEMENTED.namedUnicodeEscape.message)
    }

    @Test func pythonReprOfStrings() {
        #expect(pythonRepr("it's") == #""it's""#)
        #expect(pythonRepr("a'b\"c") == #"'a\'b"c'"#)
        #expect(pythonRepr("\u{0}\u{7F}\u{A0}\u{FEFF}é\n") == #"'\x00\x7f\xa0\ufeffé\n'"#)
        #expect(pythonRepr([0, 65, 39, 255] as [UInt8]) == #"b"\x00A'\xff""#)
    }
}
