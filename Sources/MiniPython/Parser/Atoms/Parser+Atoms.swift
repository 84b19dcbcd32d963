/// Atoms: names, constants, numbers, strings, and the bracketed forms (tuples, groups, generator
/// expressions, list/set/dict displays and comprehensions).
///
/// Grammar (`Grammar/python.gram`, abridged):
///
///     atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER
///         | (tuple | group | genexp) | (list | listcomp) | (dict | set | dictcomp | setcomp) | '...'
///     group: '(' (yield_expr | named_expression) ')'
///     tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
///     dict: '{' [double_starred_kvpairs] '}'
extension Parser {
    mutating func atom() throws(SyntaxError) -> Expr {
        let token = peek
        if token.kind == .leftParen || token.kind == .leftBracket || token.kind == .leftBrace {
            try openBracket()
        }
        defer { if token.kind == .leftParen || token.kind == .leftBracket || token.kind == .leftBrace { bracketDepth -= 1 } }
        switch token.value {
        case .name(let name):
            advance()
            return .name(name, token.range)
        case .int(let literal):
            advance()
            return .constant(.int(literal), token.range)
        case .float(let value):
            advance()
            return .constant(.float(value), token.range)
        case .imaginary:
            throw error(UNIMPLEMENTED.imaginaryLiteral.message)
        case .string, .bytes, .fstring, .invalid:
            return try strings()
        case .none:
            break
        }
        switch token.kind {
        case .true, .false:
            advance()
            return .constant(.bool(token.kind == .true), token.range)
        case .none:
            advance()
            return .constant(.none, token.range)
        case .ellipsis:
            advance()
            return .constant(.ellipsis, token.range)
        case .leftParen:
            advance()
            return try parenthesized(closing: .rightParen, start: token.start)
        case .leftBracket:
            return try listDisplay()
        case .leftBrace:
            return try dictOrSetDisplay()
        default:
            throw invalidSyntax()
        }
    }

    /// What follows `(`: `()`, a group, a tuple, a generator expression or `(yield ...)`.
    /// F-string fields use the same rule with `closing: .endOfFile`, since CPython 3.11 parses
    /// `{expr}` as `(expr)`.
    mutating func parenthesized(closing: TokenKind, start: SourceLocation) throws(SyntaxError) -> Expr {
        if match(closing) { return .tuple([], range(from: start)) }
        if check(.yield) {
            let value = try yieldExpression()
            try self.closing(closing, after: value)
            return value
        }
        let first = try starNamedExpression()
        if check(.for) {
            try checkNotUnpacked(first)
            let clauses = try comprehensionClauses()
            try self.closing(closing, after: nil)
            return .generator(first, clauses, range(from: start))
        }
        guard check(.comma) else {
            try self.closing(closing, after: first)
            if case .starred = first { throw error("cannot use starred expression here", at: first.range) }
            return first
        }
        var items = [first]
        while match(.comma) {
            if check(closing) { break }
            items.append(try starNamedExpression())
        }
        try self.closing(closing, after: items[items.count - 1])
        return .tuple(items, range(from: start))
    }

    /// `[a, *b]` or `[x for x in y]`.
    private mutating func listDisplay() throws(SyntaxError) -> Expr {
        let start = advance().start
        if match(.rightBracket) { return .list([], range(from: start)) }
        let first = try starNamedExpression()
        if check(.for) {
            try checkNotUnpacked(first)
            let clauses = try comprehensionClauses()
            try closing(.rightBracket, after: nil)
            return .listComprehension(first, clauses, range(from: start))
        }
        var items = [first]
        while match(.comma) {
            if check(.rightBracket) { break }
            items.append(try starNamedExpression())
        }
        try closing(.rightBracket, after: items[items.count - 1])
        return .list(items, range(from: start))
    }

    /// `{}`, `{k: v, **m}`, `{k: v for ...}`, `{a, *b}`, `{x for ...}`.
    private mutating func dictOrSetDisplay() throws(SyntaxError) -> Expr {
        let start = advance().start
        if match(.rightBrace) { return .dict([], range(from: start)) }
        if check(.doubleStar) {
            let starStart = advance().start
            let mapping = try bitwiseOr()
            if check(.for) {
                throw error("dict unpacking cannot be used in dict comprehension", at: range(from: starStart))
            }
            return try dictRest([.unpack(mapping)], last: mapping, start: start)
        }
        let first = try starNamedExpression()
        if match(.colon) {
            let value = try expression()
            if check(.for) {
                let clauses = try comprehensionClauses()
                try closing(.rightBrace, after: nil)
                return .dictComprehension(key: first, value: value, clauses, range(from: start))
            }
            return try dictRest([.pair(key: first, value: value)], last: value, start: start)
        }
        if check(.for) {
            try checkNotUnpacked(first)
            let clauses = try comprehensionClauses()
            try closing(.rightBrace, after: nil)
            return .setComprehension(first, clauses, range(from: start))
        }
        var items = [first]
        while match(.comma) {
            if check(.rightBrace) { break }
            items.append(try starNamedExpression())
        }
        try closing(.rightBrace, after: items[items.count - 1])
        return .set(items, range(from: start))
    }

    private mutating func dictRest(_ first: [DictItem], last: Expr, start: SourceLocation) throws(SyntaxError) -> Expr {
        var items = first
        var last = last
        while match(.comma) {
            if check(.rightBrace) { break }
            if match(.doubleStar) {
                last = try bitwiseOr()
                items.append(.unpack(last))
                continue
            }
            let key = try expression()
            guard match(.colon) else {
                throw error("':' expected after dictionary key", at: SourceRange(start: key.location, end: key.location))
            }
            last = try expression()
            items.append(.pair(key: key, value: last))
        }
        try closing(.rightBrace, after: last)
        return .dict(items, range(from: start))
    }

    private func checkNotUnpacked(_ element: Expr) throws(SyntaxError) {
        if case .starred = element {
            throw error("iterable unpacking cannot be used in comprehension", at: element.range)
        }
    }
}
