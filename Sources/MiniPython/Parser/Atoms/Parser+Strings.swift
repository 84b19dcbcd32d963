/// Adjacent string literals (`"a" 'b' f"{c}"`) joined into one constant or f-string.
///
/// In CPython: `strings` in `Grammar/python.gram` and `_PyPegen_concatenate_strings` in
/// `Parser/action_helpers.c`.
extension Parser {
    mutating func strings() throws(SyntaxError) -> Expr {
        let start = peekStart
        var parts: [FStringPart] = []
        var bytes: [UInt8] = []
        var sawBytes = false
        var sawText = false
        var sawFString = false
        loop: while true {
            switch peek.value {
            case .string(let text):
                sawText = true
                parts.append(.literal(text))
            case .bytes(let value):
                sawBytes = true
                bytes += value
            case .invalid(let error):
                throw error
            case .fstring(let token):
                sawFString = true
                var parser = FStringParser(token: token, range: peek.range, scope: scope)
                parser.depth = depth
                parser.bracketDepth = bracketDepth
                parts += try parser.parse()
                scope.sawYield = parser.scope.sawYield
                if let compileError = parser.compileError, firstCompileError == nil { firstCompileError = compileError }
            default:
                break loop
            }
            advance()
        }
        if sawBytes && (sawText || sawFString) {
            throw error("cannot mix bytes and nonbytes literals", at: SourceRange(start: peekStart, end: peekStart))
        }
        let range = range(from: start)
        if sawBytes { return .constant(.bytes(bytes), range) }
        let merged = Self.mergeLiterals(parts)
        if !sawFString {
            if case .literal(let text)? = merged.first { return .constant(.string(text), range) }
            return .constant(.string(""), range)
        }
        return .fstring(merged, range)
    }

    /// Joins neighbouring literal parts and drops empty ones.
    static func mergeLiterals(_ parts: [FStringPart]) -> [FStringPart] {
        var merged: [FStringPart] = []
        for part in parts {
            if case .literal(let text) = part {
                if text.isEmpty { continue }
                if case .literal(let previous)? = merged.last {
                    merged[merged.count - 1] = .literal(previous + text)
                    continue
                }
            }
            merged.append(part)
        }
        return merged
    }

    /// The expression of an f-string field, lexed and parsed on its own as if in parentheses.
    mutating func fstringField() throws(SyntaxError) -> Expr {
        try parenthesized(closing: .endOfFile, start: peekStart)
    }
}
