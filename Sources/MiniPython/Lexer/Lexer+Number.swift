/// Integer, float and imaginary literals, with `_` separators and `0x`/`0o`/`0b` prefixes.
///
/// In CPython: the number branch of `tok_get`, `tok_decimal_tail` and `verify_end_of_number` in
/// `Parser/tokenizer.c`. Error columns follow CPython's (they point where its cursor stopped).
/// Docs: https://docs.python.org/3.11/reference/lexical_analysis.html#numeric-literals
extension Lexer {
    mutating func lexNumber() throws(SyntaxError) {
        let start = pos
        if peek() == UInt8(ascii: "0") {
            switch peek(1) | 0x20 {
            case UInt8(ascii: "x"): return try lexRadixInteger(start: start, radix: 16, name: "hexadecimal")
            case UInt8(ascii: "o"): return try lexRadixInteger(start: start, radix: 8, name: "octal")
            case UInt8(ascii: "b"): return try lexRadixInteger(start: start, radix: 2, name: "binary")
            default: break
            }
        }
        var isFloat = false
        if peek() != UInt8(ascii: ".") {
            try decimalTail()
        }
        if peek() == UInt8(ascii: ".") {
            isFloat = true
            pos += 1
            if isDigit(peek()) { try decimalTail() }
        }
        if peek() | 0x20 == UInt8(ascii: "e") {
            let exponent = pos
            pos += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") {
                pos += 1
                guard isDigit(peek()) else { throw SyntaxError("invalid decimal literal", at: location(at: pos - 1)) }
            }
            if isDigit(peek()) {
                isFloat = true
                try decimalTail()
            } else {
                pos = exponent  // `1else`: the number ends before the `e`
                try verifyEndOfNumber(kind: "decimal")
            }
        }
        let cleaned = text(start, pos).filter { $0 != "_" }
        if peek() | 0x20 == UInt8(ascii: "j") {
            pos += 1
            try verifyEndOfNumber(kind: "imaginary")
            add(.imaginary, .imaginary(Double(cleaned) ?? .infinity), from: start, to: pos)
            return
        }
        try verifyEndOfNumber(kind: "decimal")
        if isFloat {
            add(.float, .float(Double(cleaned) ?? .infinity), from: start, to: pos)
            return
        }
        // `0_0` is fine, `012` is not.
        let digits = String(cleaned.drop(while: { $0 == "0" }))
        if bytes[start] == UInt8(ascii: "0") && !digits.isEmpty {
            let firstNonZero = bytes[start..<pos].firstIndex(where: { $0 != UInt8(ascii: "0") && $0 != UInt8(ascii: "_") })!
            throw SyntaxError("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                              at: location(at: start), end: location(at: firstNonZero))
        }
        let literal = IntLiteral(text: text(start, pos), radix: 10, digits: digits.isEmpty ? "0" : digits)
        add(.int, .int(literal), from: start, to: pos)
    }

    /// Digits with single underscores between them.
    private mutating func decimalTail() throws(SyntaxError) {
        while true {
            while isDigit(peek()) { pos += 1 }
            guard peek() == UInt8(ascii: "_") else { return }
            pos += 1
            guard isDigit(peek()) else { throw SyntaxError("invalid decimal literal", at: location(at: pos - 1)) }
        }
    }

    private mutating func lexRadixInteger(start: Int, radix: Int, name: String) throws(SyntaxError) {
        pos += 2
        var digits: [UInt8] = []
        repeat {
            if peek() == UInt8(ascii: "_") { pos += 1 }
            guard let first = digitValue(peek()), first < radix else {
                if isDigit(peek()) { throw SyntaxError("invalid digit '\(Character(UnicodeScalar(peek())))' in \(name) literal", at: location(at: pos)) }
                throw SyntaxError("invalid \(name) literal", at: location(at: pos - 1))
            }
            while let digit = digitValue(peek()), digit < radix {
                digits.append(peek() | 0x20)
                pos += 1
            }
        } while peek() == UInt8(ascii: "_")
        if isDigit(peek()) {
            throw SyntaxError("invalid digit '\(Character(UnicodeScalar(peek())))' in \(name) literal", at: location(at: pos))
        }
        try verifyEndOfNumber(kind: name)
        var significant = String(decoding: digits.drop(while: { $0 == UInt8(ascii: "0") }), as: UTF8.self)
        if significant.isEmpty { significant = "0" }
        add(.int, .int(IntLiteral(text: text(start, pos), radix: radix, digits: significant)), from: start, to: pos)
    }

    private func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// A number may be followed directly by the keywords `and else for if in is not or`
    /// (deprecated but valid, as in `1if x else y`), but not by other name characters.
    private func verifyEndOfNumber(kind: String) throws(SyntaxError) {
        let next = peek()
        guard next < 0x80, isIdentifierContinue(next) else { return }
        let keywordFollows: Bool
        switch next {
        case UInt8(ascii: "a"): keywordFollows = follows("and")
        case UInt8(ascii: "e"): keywordFollows = follows("else")
        case UInt8(ascii: "f"): keywordFollows = follows("for")
        case UInt8(ascii: "i"): keywordFollows = follows("if") || follows("in") || follows("is")
        case UInt8(ascii: "o"): keywordFollows = follows("or")
        case UInt8(ascii: "n"): keywordFollows = follows("not")
        default: keywordFollows = false
        }
        if !keywordFollows {
            throw SyntaxError("invalid \(kind) literal", at: location(at: pos - 1))
        }
    }

    private func follows(_ word: String) -> Bool {
        var offset = 0
        for byte in word.utf8 {
            if peek(offset) != byte { return false }
            offset += 1
        }
        return true
    }
}
