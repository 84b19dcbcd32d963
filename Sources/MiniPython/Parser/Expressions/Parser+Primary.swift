/// Primaries: an atom followed by any number of `.name`, `(arguments)` and `[slices]`.
///
/// Grammar (`Grammar/python.gram`, abridged):
///
///     primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
///            | primary '[' slices ']' | atom
///     slices: slice !',' | ','.(slice | starred_expression)+ [',']
///     slice: [expression] ':' [expression] [':' [expression]] | named_expression
///     args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs]
///         | kwargs
extension Parser {
    mutating func primary() throws(SyntaxError) -> Expr {
        let start = peekStart
        var expr = try atom()
        let outerDepth = depth
        defer { depth = outerDepth }
        while true {
            if check(.dot) || check(.leftParen) || check(.leftBracket) { try nest() }
            if match(.dot) {
                let name = try consumeName()
                expr = .attribute(expr, name: name, range(from: start))
            } else if match(.leftParen) {
                try openBracket()
                let arguments = try callArguments()
                try closing(.rightParen, after: lastArgumentExpression(arguments))
                bracketDepth -= 1
                expr = .call(expr, arguments: arguments, range(from: start))
            } else if match(.leftBracket) {
                try openBracket()
                let index = try slices()
                try closing(.rightBracket, after: index)
                bracketDepth -= 1
                expr = .subscript(expr, index: index, range(from: start))
            } else {
                return expr
            }
        }
    }

    /// The arguments of a call or class header, up to (not including) `)`.
    mutating func callArguments() throws(SyntaxError) -> [Argument] {
        var arguments: [Argument] = []
        var seenKeyword = false
        var seenDoubleStar = false
        var keywords: Set<String> = []
        var bareGenerator: Expr?
        while !check(.rightParen) {
            let start = peekStart
            if check(.star) {
                let star = advance()
                let value = try expression()
                if seenDoubleStar {
                    throw error("iterable argument unpacking follows keyword argument unpacking", at: star.range)
                }
                arguments.append(.starred(value))
            } else if match(.doubleStar) {
                arguments.append(.doubleStarred(try expression()))
                seenDoubleStar = true
            } else if case .name(let name) = peek.value, peekKind(1) == .equal {
                advance()
                let equal = advance()
                let value = try expression()
                if check(.for) {
                    throw error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                                at: SourceRange(start: start, end: equal.end))
                }
                if !keywords.insert(name).inserted {
                    compileError("keyword argument repeated: \(name)", at: range(from: start))
                }
                seenKeyword = true
                arguments.append(.keyword(name, value, range(from: start)))
            } else {
                var value = try namedExpression(checkEqual: false)
                if check(.equal) {
                    throw error("expression cannot contain assignment, perhaps you meant \"==\"?", at: value.range)
                }
                if check(.for) {
                    let clauses = try comprehensionClauses()
                    value = .generator(value, clauses, range(from: start))
                    bareGenerator = value
                }
                if seenDoubleStar {
                    throw error("positional argument follows keyword argument unpacking")
                }
                if seenKeyword { throw error("positional argument follows keyword argument") }
                arguments.append(.positional(value))
            }
            if !match(.comma) { break }
        }
        if let bareGenerator, arguments.count > 1 {
            throw error("Generator expression must be parenthesized", at: bareGenerator.range)
        }
        return arguments
    }

    func lastArgumentExpression(_ arguments: [Argument]) -> Expr? {
        switch arguments.last {
        case .positional(let e), .starred(let e), .keyword(_, let e, _), .doubleStarred(let e): return e
        case nil: return nil
        }
    }

    /// The index inside `[...]`: one expression or slice, or a tuple of them.
    private mutating func slices() throws(SyntaxError) -> Expr {
        let start = peekStart
        let first = try slice()
        guard check(.comma) else {
            if case .starred = first { return .tuple([first], range(from: start)) }  // `x[*a]`
            return first
        }
        var items = [first]
        while match(.comma) {
            if check(.rightBracket) { break }
            items.append(try slice())
        }
        return .tuple(items, range(from: start))
    }

    private mutating func slice() throws(SyntaxError) -> Expr {
        let start = peekStart
        if check(.star) { return try starredBitwiseOr() }
        var lower: Expr?
        if !check(.colon) {
            let expr = try namedExpression()
            guard check(.colon) else { return expr }
            lower = expr
        }
        advance()  // ':'
        let upper = endsSlicePart() ? nil : try expression()
        var step: Expr?
        if match(.colon) {
            step = endsSlicePart() ? nil : try expression()
        }
        return .slice(lower: lower, upper: upper, step: step, range(from: start))
    }

    private func endsSlicePart() -> Bool {
        check(.colon) || check(.comma) || check(.rightBracket)
    }
}
