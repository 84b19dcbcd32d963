/// Names, keywords and the string prefixes that look like names (`rb"..."`).
///
/// In CPython: the identifier branch of `tok_get` and `verify_identifier` in `Parser/tokenizer.c`.
extension Lexer {
    mutating func lexName() throws(SyntaxError) {
        let start = pos
        var isASCII = true
        while pos < bytes.count && isIdentifierContinue(bytes[pos]) {
            if bytes[pos] >= 0x80 { isASCII = false }
            pos += 1
        }
        let quote = peek()
        if pos - start <= 2 && (quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"))
            && StringPrefix(bytes[start..<pos]) != nil {
            return try lexString(prefixStart: start)
        }
        let name = text(start, pos)
        if !isASCII { try validateIdentifier(name, start: start) }
        // Keywords are 2 to 8 ASCII letters, lowercase except `False`, `None`, `True`.
        let length = pos - start
        let first = bytes[start]
        let mayBeKeyword = isASCII && length >= 2 && length <= 8
            && (first >= UInt8(ascii: "a") || first == UInt8(ascii: "F") || first == UInt8(ascii: "N") || first == UInt8(ascii: "T"))
        if mayBeKeyword, let keyword = TokenKind.keywords[name] {
            add(keyword, from: start, to: pos)
        } else {
            add(.name, .name(name), from: start, to: pos)
        }
    }

    /// Python identifiers are `XID_Start XID_Continue*` (PEP 3131); anything else is an
    /// "invalid character".
    private func validateIdentifier(_ name: String, start: Int) throws(SyntaxError) {
        var offset = start
        var first = true
        for scalar in name.unicodeScalars {
            let ok = scalar == "_" || (first ? scalar.properties.isXIDStart : scalar.properties.isXIDContinue)
            if !ok {
                let code = String(scalar.value, radix: 16, uppercase: true)
                let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
                let message = isPrintable(scalar)
                    ? "invalid character '\(Character(scalar))' (U+\(padded))"
                    : "invalid non-printable character U+\(padded)"
                throw SyntaxError(message, at: location(at: offset))
            }
            first = false
            offset += String(scalar).utf8.count
        }
    }

    /// Operators and delimiters, longest match first; brackets are tracked for implicit line joining.
    mutating func lexOperator() throws(SyntaxError) {
        let start = pos
        // Only `...`, `**=`, `//=`, `>>=`, `<<=` are three bytes long.
        let longest = bytes[pos] == UInt8(ascii: ".") || bytes[pos] == UInt8(ascii: "*") || bytes[pos] == UInt8(ascii: "/")
            || bytes[pos] == UInt8(ascii: ">") || bytes[pos] == UInt8(ascii: "<") ? 3 : 2
        for length in stride(from: longest, through: 1, by: -1) where pos + length <= bytes.count {
            guard let kind = Self.operatorKind(bytes[pos..<pos + length]) else { continue }
            pos += length
            try trackBracket(kind, at: start)
            add(kind, from: start, to: pos)
            return
        }
        pos += 1
        add(.errorToken, from: start, to: pos)
    }

    private static func operatorKind(_ slice: ArraySlice<UInt8>) -> TokenKind? {
        guard let first = slice.first, operatorStart[Int(first)] else { return nil }
        return TokenKind.operators[String(decoding: slice, as: UTF8.self)]
    }

    /// Bytes that can begin an operator, so most lookups skip building a string.
    private static let operatorStart: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for text in TokenKind.operators.keys { table[Int(text.utf8.first!)] = true }
        return table
    }()

    private mutating func trackBracket(_ kind: TokenKind, at start: Int) throws(SyntaxError) {
        switch kind {
        case .leftParen, .leftBracket, .leftBrace:
            if brackets.count >= 200 {  // CPython's MAXLEVEL
                throw SyntaxError("too many nested parentheses", at: location(at: start))
            }
            brackets.append((bytes[start], location(at: start)))
        case .rightParen, .rightBracket, .rightBrace:
            let close = Character(UnicodeScalar(bytes[start]))
            guard let open = brackets.popLast() else {
                throw SyntaxError("unmatched '\(close)'", at: location(at: start))
            }
            let expected: UInt8 = switch bytes[start] {
            case UInt8(ascii: ")"): UInt8(ascii: "(")
            case UInt8(ascii: "]"): UInt8(ascii: "[")
            default: UInt8(ascii: "{")
            }
            if open.byte != expected {
                var message = "closing parenthesis '\(close)' does not match opening parenthesis '\(Character(UnicodeScalar(open.byte)))'"
                if open.location.line != line { message += " on line \(open.location.line)" }
                throw SyntaxError(message, at: location(at: start))
            }
        default:
            break
        }
    }
}
