/// Turns Python source into tokens, including the INDENT/DEDENT/NEWLINE layout tokens.
///
/// In CPython: `Parser/tokenizer.c` (`tok_get`). The lexer runs over UTF-8 bytes and produces the
/// whole token list up front; the parser then reads it by index.
/// Docs: https://docs.python.org/3.11/reference/lexical_analysis.html
public struct Lexer {
    let bytes: [UInt8]
    var pos = 0
    /// Current 1-based line and the byte index where it starts.
    var line: Int
    var lineStart = 0
    /// Added to columns on the first line (for f-string fields lexed on their own).
    let firstLine: Int
    let firstColumnOffset: Int
    /// An f-string field: newlines are insignificant and no NEWLINE/INDENT tokens are made.
    let isNested: Bool

    var tokens: [Token] = []
    /// Indentation levels: `column` counts a tab as up to 8 columns, `alternate` as 1, and both
    /// must agree (CPython's `altindstack`), otherwise it is a `TabError`.
    var indents: [(column: Int, alternate: Int)] = [(0, 0)]
    /// Open brackets with their locations, for implicit line joining and error messages.
    var brackets: [(byte: UInt8, location: SourceLocation)] = []
    var atLineStart = true

    public init(_ source: String, start: SourceLocation = SourceLocation(line: 1, column: 0), nested: Bool = false) {
        // Universal newlines: `\r\n` and `\r` become `\n`, as when CPython reads a file.
        var raw = Array(source.utf8)
        if raw.contains(UInt8(ascii: "\r")) {
            var normalized: [UInt8] = []
            normalized.reserveCapacity(raw.count)
            for (i, byte) in raw.enumerated() where byte != UInt8(ascii: "\r") || i + 1 == raw.count || raw[i + 1] != UInt8(ascii: "\n") {
                normalized.append(byte == UInt8(ascii: "\r") ? UInt8(ascii: "\n") : byte)
            }
            raw = normalized
        }
        bytes = raw
        line = start.line
        firstLine = start.line
        firstColumnOffset = start.column
        isNested = nested
        atLineStart = !nested
    }

    /// Tokenizes `source`, ending with NEWLINE (unless empty), DEDENTs and ENDMARKER.
    public static func tokenize(_ source: String) throws(SyntaxError) -> [Token] {
        let result = Lexer(source).run()
        if let error = result.error { throw error.error }
        return result.tokens
    }

    /// The result of lexing: the tokens, and if lexing stopped early, the error and how it ranks
    /// against a parser error (see `LexerFailure`).
    struct Result {
        var tokens: [Token]
        var error: LexerFailure?
    }

    /// Lexes everything. On error the token list is cut at the error and closed by an ENDMARKER,
    /// so the parser can still run on the part before it.
    consuming func run() -> Result {
        do {
            try lexAll()
            return Result(tokens: tokens, error: nil)
        } catch {
            let here = location(at: min(pos, bytes.count))
            tokens.append(Token(.endOfFile, range: SourceRange(start: here, end: here)))
            return Result(tokens: tokens, error: failure ?? LexerFailure(error: error, rank: .always))
        }
    }

    /// Set before throwing when the error must not always win over a parser error.
    var failure: LexerFailure?

    private mutating func lexAll() throws(SyntaxError) {
        while true {
            if atLineStart {
                try lexIndentation()
                if atLineStart { continue }  // a blank line was skipped
            }
            skipSpaces()
            guard pos < bytes.count else { return try finish() }
            let byte = bytes[pos]
            switch byte {
            case UInt8(ascii: "#"):
                let start = pos
                while pos < bytes.count && !isLineBreak(bytes[pos]) { pos += 1 }
                // CPython puts the NEWLINE that ends a line at its comment.
                if brackets.isEmpty && !isNested {
                    add(.newline, from: start, to: pos)
                    atLineStart = true
                    if pos < bytes.count { consumeLineBreak() }
                }
            case UInt8(ascii: "\n"):
                if brackets.isEmpty && !isNested {
                    add(.newline, from: pos, to: pos + 1)
                    atLineStart = true
                }
                consumeLineBreak()
            case UInt8(ascii: "\\"):
                try lexContinuation()
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                try lexNumber()
            case UInt8(ascii: "."):
                if isDigit(peek(1)) { try lexNumber() } else { try lexOperator() }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                try lexString(prefixStart: pos)
            default:
                if isIdentifierStart(byte) {
                    try lexName()
                } else {
                    try lexOperator()
                }
            }
        }
    }

    /// At end of input: a final NEWLINE, DEDENTs back to column 0, ENDMARKER.
    private mutating func finish() throws(SyntaxError) {
        if let open = brackets.last {
            let error = SyntaxError("'\(Character(UnicodeScalar(open.byte)))' was never closed", at: open.location)
            failure = LexerFailure(error: error, rank: .unclosedBracket)
            throw error
        }
        let here = location(at: pos)
        if let last = tokens.last, last.kind != .newline, last.kind != .dedent, !isNested {
            tokens.append(Token(.newline, range: SourceRange(start: here, end: here)))
        }
        // DEDENTs and ENDMARKER sit at the end of the last line, where CPython reports errors.
        var anchor = SourceRange(start: here, end: here)
        if !isNested && bytes.last == UInt8(ascii: "\n") && line > firstLine {
            var start = bytes.count - 1
            while start > 0 && bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
            let end = SourceLocation(line: line - 1, column: bytes.count - 1 - start + (line - 1 == firstLine ? firstColumnOffset : 0))
            anchor = SourceRange(start: end, end: end)
        }
        while indents.count > 1 {
            indents.removeLast()
            tokens.append(Token(.dedent, range: anchor))
        }
        tokens.append(Token(.endOfFile, range: anchor))
    }

    /// A backslash joins the next physical line to this one.
    private mutating func lexContinuation() throws(SyntaxError) {
        // CPython checks a backslash that starts a line while measuring its indentation, before
        // the parser sees any of the line; elsewhere only when the parser gets there.
        let startsLine = bytes[lineStart..<pos].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == 0x0C }
        pos += 1
        guard pos < bytes.count else {
            let error = SyntaxError("unexpected EOF while parsing", at: location(at: pos))
            failure = LexerFailure(error: error, rank: .unexpectedEOF)
            throw error
        }
        guard isLineBreak(bytes[pos]) else {
            let error = SyntaxError("unexpected character after line continuation character", at: location(at: pos))
            failure = LexerFailure(error: error, rank: startsLine ? .immediate : .ifReached)
            throw error
        }
        consumeLineBreak()
        if pos >= bytes.count {
            let error = SyntaxError("unexpected EOF while parsing", at: location(at: pos))
            failure = LexerFailure(error: error, rank: .unexpectedEOF)
            throw error
        }
    }

    // MARK: - Helpers

    /// Consumes a `\n` and starts a new line.
    mutating func consumeLineBreak() {
        pos += 1
        line += 1
        lineStart = pos
    }

    mutating func skipSpaces() {
        while pos < bytes.count {
            let byte = bytes[pos]
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == 0x0C else { return }
            pos += 1
        }
    }

    /// The byte `offset` past the current one, or 0 past the end.
    @inline(__always) func peek(_ offset: Int = 0) -> UInt8 {
        pos + offset < bytes.count ? bytes[pos + offset] : 0
    }

    /// The location of byte `index`, which must be on the current line.
    func location(at index: Int) -> SourceLocation {
        SourceLocation(line: line, column: index - lineStart + (line == firstLine ? firstColumnOffset : 0))
    }

    /// Appends a token spanning bytes `start..<end` of the current line.
    mutating func add(_ kind: TokenKind, _ value: TokenValue = .none, from start: Int, to end: Int) {
        tokens.append(Token(kind, value, range: SourceRange(start: location(at: start), end: location(at: end))))
    }

    /// Text of bytes `start..<end`.
    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
