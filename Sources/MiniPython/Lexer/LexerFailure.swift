/// A lexer error and how it competes with a parser error on the tokens before it, following
/// CPython, where the parser pulls tokens lazily and `_PyPegen_tokenize_full_source_to_check_for_errors`
/// decides which error is reported.
struct LexerFailure {
    enum Rank {
        /// Reported even if the parser fails earlier (bad literals, unterminated strings),
        /// unless the parser failed on an unexpected indent.
        case always
        /// Reported no matter what (found before the parser sees the line).
        case immediate
        /// Reported only if the parser gets that far (indentation errors, stray characters).
        case ifReached
        /// An unclosed bracket: a parser error on an earlier line wins.
        case unclosedBracket
        /// A backslash at the very end of the input.
        case unexpectedEOF
    }
    var error: SyntaxError
    var rank: Rank
}

@inline(__always) func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
}

@inline(__always) func isLineBreak(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "\n")
}

@inline(__always) func isIdentifierStart(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
        || byte == UInt8(ascii: "_") || byte >= 0x80
}

@inline(__always) func isIdentifierContinue(_ byte: UInt8) -> Bool {
    isIdentifierStart(byte) || isDigit(byte)
}
