/// Splits the body of an f-string into literal text and `{expr!conv:spec}` fields, parsing each
/// field's expression with a fresh lexer and parser (the same grammar, recursively).
///
/// In CPython 3.11: `fstring_find_literal`, `fstring_find_expr` and `fstring_compile_expr` in
/// `Parser/string_parser.c`; the messages are theirs.
/// Docs: https://docs.python.org/3.11/reference/lexical_analysis.html#f-strings
struct FStringParser {
    let body: [UInt8]
    let isRaw: Bool
    let bodyStart: SourceLocation
    /// The enclosing scope, so `yield` inside a field is checked and recorded like elsewhere.
    var scope: Parser.Scope
    /// The enclosing parser's nesting, carried into the fields (see `Parser.nest()`).
    var depth = 0
    var bracketDepth = 0
    /// A compile-time error found in a field (see `Parser.firstCompileError`).
    var compileError: SyntaxError?
    /// CPython 3.11 reports f-string scanning errors at the end of the literal.
    let end: SourceLocation
    var pos = 0

    init(token: FStringToken, range: SourceRange, scope: Parser.Scope) {
        end = range.end
        body = Array(token.body.utf8)
        isRaw = token.isRaw
        bodyStart = token.bodyStart
        self.scope = scope
    }

    mutating func parse() throws(SyntaxError) -> [FStringPart] {
        try parts(level: 0)
    }

    /// Literal text and fields up to the end (level 0) or up to the `}` closing a format spec.
    private mutating func parts(level: Int) throws(SyntaxError) -> [FStringPart] {
        var parts: [FStringPart] = []
        while pos < body.count {
            let literal = try literalText(level: level)
            if !literal.isEmpty { parts.append(.literal(literal)) }
            guard pos < body.count, body[pos] == UInt8(ascii: "{") else { break }
            parts += try field(level: level)
        }
        return parts
    }

    /// Text up to the next `{` or `}`. At the top level `{{` and `}}` stand for one brace.
    private mutating func literalText(level: Int) throws(SyntaxError) -> String {
        var out: [UInt8] = []
        var segmentStart = pos
        while pos < body.count {
            let byte = body[pos]
            if !isRaw && byte == UInt8(ascii: "\\") && pos + 1 < body.count {
                pos += 1  // the escaped character is looked at below (a brace still counts)
                if body[pos] != UInt8(ascii: "{") && body[pos] != UInt8(ascii: "}") { pos += 1 }
                continue
            }
            guard byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") else {
                pos += 1
                continue
            }
            if level == 0 && pos + 1 < body.count && body[pos + 1] == byte {
                out += try decoded(segmentStart..<pos + 1)
                pos += 2
                segmentStart = pos
                continue
            }
            if byte == UInt8(ascii: "}") && level == 0 {
                throw error("f-string: single '}' is not allowed", at: pos + 1)
            }
            break
        }
        out += try decoded(segmentStart..<pos)
        return String(decoding: out, as: UTF8.self)
    }

    private func decoded(_ range: Range<Int>) throws(SyntaxError) -> [UInt8] {
        if isRaw { return Array(body[range]) }
        do {
            return try decodeEscapes(body[range], isBytes: false)
        } catch {
            throw SyntaxError(error.message, at: end)
        }
    }

    /// One `{...}` field, starting at its `{`. Returns the `x=` text of a debugging field too.
    private mutating func field(level: Int) throws(SyntaxError) -> [FStringPart] {
        if level >= 2 { throw error("f-string: expressions nested too deeply", at: pos + 1) }
        pos += 1
        let expressionStart = pos
        try scanExpression()
        let text = body[expressionStart..<pos]
        if text.allSatisfy({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) {
            throw error("f-string: empty expression not allowed", at: pos)
        }
        let value = try compile(text, at: location(of: expressionStart))
        var result: [FStringPart] = []
        var isDebug = false
        if body[pos] == UInt8(ascii: "=") {
            pos += 1
            while pos < body.count && (body[pos] == 0x20 || (body[pos] >= 0x09 && body[pos] <= 0x0D)) { pos += 1 }
            result.append(.literal(String(decoding: body[expressionStart..<pos], as: UTF8.self)))
            isDebug = true
            try expectMore()
        }
        var conversion: FormattedValue.Conversion?
        if body[pos] == UInt8(ascii: "!") {
            pos += 1
            try expectMore()
            conversion = FormattedValue.Conversion(rawValue: Character(UnicodeScalar(body[pos])))
            if conversion == nil {
                throw error("f-string: invalid conversion character: expected 's', 'r', or 'a'", at: pos + 1)
            }
            pos += 1
            try expectMore()
        }
        var spec: [FStringPart]?
        if body[pos] == UInt8(ascii: ":") {
            pos += 1
            try expectMore()
            spec = Parser.mergeLiterals(try parts(level: level + 1))
        }
        guard pos < body.count, body[pos] == UInt8(ascii: "}") else { throw error("f-string: expecting '}'", at: pos + 1) }
        pos += 1
        if isDebug && conversion == nil && spec == nil { conversion = .repr }
        result.append(.field(FormattedValue(value: value, conversion: conversion, formatSpec: spec)))
        return result
    }

    /// Moves `pos` to the `=`, `!`, `:` or `}` that ends the expression, skipping nested
    /// brackets, strings and the operators `!=`, `==`, `<=`, `>=`.
    private mutating func scanExpression() throws(SyntaxError) {
        var brackets: [UInt8] = []
        var quote: UInt8?
        var isTriple = false
        while pos < body.count {
            let byte = body[pos]
            if byte == UInt8(ascii: "\\") {
                throw error("f-string expression part cannot include a backslash", at: pos + 1)
            }
            if let open = quote {
                if byte == open && (!isTriple || (pos + 2 < body.count && body[pos + 1] == open && body[pos + 2] == open)) {
                    pos += isTriple ? 3 : 1
                    quote = nil
                } else {
                    pos += 1
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                isTriple = pos + 2 < body.count && body[pos + 1] == byte && body[pos + 2] == byte
                quote = byte
                pos += isTriple ? 3 : 1
                continue
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                brackets.append(byte)
            case UInt8(ascii: "#"):
                throw error("f-string expression part cannot include '#'", at: pos + 1)
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                guard let open = brackets.popLast() else {
                    if byte == UInt8(ascii: "}") { return }  // the end of the field
                    throw error("f-string: unmatched '\(Character(UnicodeScalar(byte)))'", at: pos + 1)
                }
                let expected: UInt8 = byte == UInt8(ascii: ")") ? UInt8(ascii: "(") : byte == UInt8(ascii: "]") ? UInt8(ascii: "[") : UInt8(ascii: "{")
                if open != expected {
                    throw error("f-string: closing parenthesis '\(Character(UnicodeScalar(byte)))' does not match opening parenthesis '\(Character(UnicodeScalar(open)))'", at: pos + 1)
                }
            case UInt8(ascii: "!"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: ":"):
                guard brackets.isEmpty else { break }
                let next = pos + 1 < body.count ? body[pos + 1] : 0
                if next == UInt8(ascii: "=") && byte != UInt8(ascii: ":") {
                    pos += 2
                    continue
                }
                if byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") { break }
                return
            default:
                break
            }
            pos += 1
        }
        if quote != nil { throw error("f-string: unterminated string", at: pos) }
        if let open = brackets.last { throw error("f-string: unmatched '\(Character(UnicodeScalar(open)))'", at: pos) }
        throw error("f-string: expecting '}'", at: pos)
    }

    private func expectMore() throws(SyntaxError) {
        if pos >= body.count { throw error("f-string: expecting '}'", at: pos) }
    }

    /// Lexes and parses one field expression; its errors get CPython's `f-string: ` prefix.
    private mutating func compile(_ text: ArraySlice<UInt8>, at start: SourceLocation) throws(SyntaxError) -> Expr {
        let lexed = Lexer(String(decoding: text, as: UTF8.self), start: start, nested: true).run()
        do throws(SyntaxError) {
            if let failure = lexed.error { throw failure.error }
            var parser = Parser(tokens: lexed.tokens)
            parser.scope = scope
            parser.inFString = true
            parser.depth = depth
            parser.bracketDepth = bracketDepth + 1  // the field's implicit parentheses
            let value = try parser.fstringField()
            scope.sawYield = parser.scope.sawYield
            if compileError == nil { compileError = parser.firstCompileError }
            return value
        } catch {
            var prefixed = error
            if !error.message.hasPrefix("f-string") && !error.message.hasPrefix("'") {
                prefixed.message = "f-string: " + error.message
            }
            throw prefixed
        }
    }

    /// The source location of body byte `offset`.
    private func location(of offset: Int) -> SourceLocation {
        var line = bodyStart.line
        var column = bodyStart.column
        for i in 0..<min(offset, body.count) {
            if body[i] == UInt8(ascii: "\n") {
                line += 1
                column = 0
            } else {
                column += 1
            }
        }
        return SourceLocation(line: line, column: column + max(0, offset - body.count))
    }

    /// A scanning error; `offset` is where the problem is, but CPython 3.11 reports the end of
    /// the literal, and so do we.
    private func error(_ message: String, at offset: Int) -> SyntaxError {
        SyntaxError(message, at: end)
    }
}
