/// String and bytes literals in all their forms: quotes, triple quotes, prefixes.
///
/// In CPython: the string branch of `tok_get` (`Parser/tokenizer.c`) finds the end of the literal;
/// `Parser/string_parser.c` decodes it. F-strings stay undecoded until the parser splits them.
/// Docs: https://docs.python.org/3.11/reference/lexical_analysis.html#string-and-bytes-literals
extension Lexer {
    /// Lexes a literal whose prefix (possibly empty) starts at `prefixStart`; `pos` is at the quote.
    mutating func lexString(prefixStart: Int) throws(SyntaxError) {
        guard let prefix = StringPrefix(bytes[prefixStart..<pos]) else { preconditionFailure("bad prefix") }
        let start = location(at: prefixStart)
        let quote = bytes[pos]
        let isTriple = peek(1) == quote && peek(2) == quote
        pos += isTriple ? 3 : 1
        let bodyStart = pos
        let bodyLocation = location(at: pos)
        var bodyEnd = pos
        while true {
            guard pos < bytes.count else {
                if isTriple {
                    let detected = bytes.last == UInt8(ascii: "\n") && line > start.line ? line - 1 : line
                    throw SyntaxError("unterminated triple-quoted string literal (detected at line \(detected))", at: start)
                }
                throw SyntaxError("unterminated string literal (detected at line \(line))", at: start)
            }
            let byte = bytes[pos]
            if byte == quote {
                if !isTriple {
                    bodyEnd = pos
                    pos += 1
                    break
                }
                if peek(1) == quote && peek(2) == quote {
                    bodyEnd = pos
                    pos += 3
                    break
                }
                pos += 1
            } else if byte == UInt8(ascii: "\\") {
                // Even in raw strings a backslash keeps the next character inside the literal.
                pos += 1
                if pos < bytes.count {
                    if bytes[pos] == UInt8(ascii: "\n") { consumeLineBreak() } else { pos += 1 }
                }
            } else if byte == UInt8(ascii: "\n") {
                guard isTriple else {
                    throw SyntaxError("unterminated string literal (detected at line \(line))", at: start)
                }
                consumeLineBreak()
            } else {
                pos += 1
            }
        }
        let range = SourceRange(start: start, end: location(at: pos))
        let body = bytes[bodyStart..<bodyEnd]
        // Bad contents are reported when the parser reaches the literal, as in CPython, where
        // the parser (not the tokenizer) decodes strings.
        if prefix.isFormat {
            let token = FStringToken(body: String(decoding: body, as: UTF8.self), isRaw: prefix.isRaw, bodyStart: bodyLocation)
            tokens.append(Token(.fstring, .fstring(token), range: range))
        } else if prefix.isBytes {
            if body.contains(where: { $0 >= 0x80 }) {
                let error = SyntaxError("bytes can only contain ASCII literal characters", at: start, end: range.end)
                tokens.append(Token(.bytes, .invalid(error), range: range))
                return
            }
            guard let value = decode(body, isBytes: true, isRaw: prefix.isRaw, range: range) else { return }
            tokens.append(Token(.bytes, .bytes(value), range: range))
        } else {
            guard let value = decode(body, isBytes: false, isRaw: prefix.isRaw, range: range) else { return }
            tokens.append(Token(.string, .string(String(decoding: value, as: UTF8.self)), range: range))
        }
    }

    /// The decoded literal, or nil after appending a token that carries the error.
    private mutating func decode(_ body: ArraySlice<UInt8>, isBytes: Bool, isRaw: Bool, range: SourceRange) -> [UInt8]? {
        if isRaw { return Array(body) }
        do {
            return try decodeEscapes(body, isBytes: isBytes)
        } catch {
            let invalid = SyntaxError(error.message, at: range.end)  // where CPython reports it
            tokens.append(Token(isBytes ? .bytes : .string, .invalid(invalid), range: range))
            return nil
        }
    }
}

/// The flags a string prefix sets: `r` raw, `b` bytes, `f` formatted (`u` sets nothing).
struct StringPrefix {
    var isRaw = false
    var isBytes = false
    var isFormat = false

    /// Accepts the prefixes Python allows, in any letter case: `r u f b fr rf br rb`, or none.
    init?(_ letters: ArraySlice<UInt8>) {
        guard letters.count <= 2 else { return nil }
        var seenU = false
        for letter in letters {
            switch letter | 0x20 {  // lowercase
            case UInt8(ascii: "r") where !isRaw: isRaw = true
            case UInt8(ascii: "b") where !isBytes: isBytes = true
            case UInt8(ascii: "f") where !isFormat: isFormat = true
            case UInt8(ascii: "u") where letters.count == 1: seenU = true
            default: return nil
            }
        }
        if isBytes && isFormat { return nil }
        _ = seenU
    }
}
