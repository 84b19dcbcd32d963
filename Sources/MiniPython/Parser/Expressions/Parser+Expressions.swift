/// The loosest-binding expression rules: expression lists, starred and named expressions,
/// conditionals, lambda, `or`/`and`/`not`, comparisons, `yield`, and assignment-target lists.
///
/// Grammar (`Grammar/python.gram`, abridged), loosest first:
///
///     star_expressions: star_expression (',' star_expression)* [',']
///     star_expression: '*' bitwise_or | expression
///     star_named_expression: '*' bitwise_or | named_expression
///     named_expression: NAME ':=' expression | expression !':='
///     expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
///     disjunction: conjunction ('or' conjunction)+ | conjunction
///     conjunction: inversion ('and' inversion)+ | inversion
///     inversion: 'not' inversion | comparison
///     comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
extension Parser {
    /// `a, *b, c` (a tuple when there is a comma) or a single expression.
    mutating func starExpressions() throws(SyntaxError) -> Expr {
        let start = peekStart
        let first = try starExpression()
        guard check(.comma) else { return first }
        var items = [first]
        while match(.comma) {
            if !startsExpression() || check(.yield) { break }
            items.append(try starExpression())
        }
        return .tuple(items, range(from: start))
    }

    mutating func starExpression() throws(SyntaxError) -> Expr {
        check(.star) ? try starredBitwiseOr() : try expression()
    }

    /// An element of a list, tuple or set display.
    mutating func starNamedExpression() throws(SyntaxError) -> Expr {
        check(.star) ? try starredBitwiseOr() : try namedExpression()
    }

    /// `*expr` where the grammar allows it.
    mutating func starredBitwiseOr() throws(SyntaxError) -> Expr {
        let start = advance().start
        let value = try bitwiseOr()
        return .starred(value, range(from: start))
    }

    /// `name := value` or a plain expression. Where a named expression is expected, `x = y`
    /// gets CPython's hint (`invalid_named_expression`); call arguments check `=` themselves.
    mutating func namedExpression(checkEqual: Bool = true) throws(SyntaxError) -> Expr {
        let start = peekStart
        if case .name(let name) = peek.value, peekKind(1) == .colonEqual {
            advance()
            advance()
            let value = try expression()
            return .namedExpr(name: name, value: value, range(from: start))
        }
        let expr = try expression()
        if check(.colonEqual) {
            throw error("cannot use assignment expressions with \(Self.describe(expr))", at: expr.range)
        }
        if checkEqual && check(.equal) { try misusedEqual(after: expr) }
        return expr
    }

    /// `if x = 1:` and the like: an `=` where `==` or `:=` was probably meant.
    private mutating func misusedEqual(after target: Expr) throws(SyntaxError) {
        let saved = (index, scope, firstCompileError)
        advance()
        let value = try? bitwiseOr()
        let followedByAssignment = check(.equal) || check(.colonEqual)
        (index, scope, firstCompileError) = saved
        guard let value, !followedByAssignment else { return }
        if case .name = target {
            throw error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        at: SourceRange(start: target.location, end: value.range.end))
        }
        switch target {
        case .list, .tuple, .generator, .constant(.bool, _), .constant(.none, _), .compare, .boolean,
             .unary(.not, _, _), .conditional, .lambda, .namedExpr, .yield, .yieldFrom, .starred:
            return
        default:
            throw error("cannot assign to \(Self.describe(target)) here. Maybe you meant '==' instead of '='?",
                        at: target.range)
        }
    }

    /// A full expression: lambda, conditional, or anything tighter.
    mutating func expression() throws(SyntaxError) -> Expr {
        try nest()
        defer { depth -= 1 }
        if check(.lambda) { return try lambda() }
        let start = peekStart
        let body = try disjunction()
        guard match(.if) else { return body }
        let test = try disjunction()
        guard match(.else) else {
            throw error("expected 'else' after 'if' expression", at: range(from: start))
        }
        let orElse = try expression()
        return .conditional(test: test, body: body, orElse: orElse, range(from: start))
    }

    /// `lambda params: body`; the body is a new function scope.
    private mutating func lambda() throws(SyntaxError) -> Expr {
        let start = advance().start
        let parameters = try parameterList(closing: .colon, isLambda: true)
        try consume(.colon, "invalid syntax")
        let (body, _) = try withScope({ $0 = Scope(kind: .function) }) { (parser: inout Parser) throws(SyntaxError) in
            try parser.expression()
        }
        return .lambda(parameters, body: body, range(from: start))
    }

    mutating func disjunction() throws(SyntaxError) -> Expr {
        let start = peekStart
        let first = try conjunction()
        guard check(.or) else { return first }
        var values = [first]
        while match(.or) { values.append(try conjunction()) }
        return .boolean(.or, values, range(from: start))
    }

    private mutating func conjunction() throws(SyntaxError) -> Expr {
        let start = peekStart
        let first = try inversion()
        guard check(.and) else { return first }
        var values = [first]
        while match(.and) { values.append(try inversion()) }
        return .boolean(.and, values, range(from: start))
    }

    private mutating func inversion() throws(SyntaxError) -> Expr {
        let start = peekStart
        guard match(.not) else { return try comparison() }
        try nest()
        defer { depth -= 1 }
        let operand = try inversion()
        return .unary(.not, operand, range(from: start))
    }

    /// `a < b <= c` is one node; `not in` and `is not` are single operators.
    private mutating func comparison() throws(SyntaxError) -> Expr {
        let start = peekStart
        let left = try bitwiseOr()
        var operators: [ComparisonOperator] = []
        var comparators: [Expr] = []
        while let op = comparisonOperator() {
            operators.append(op)
            comparators.append(try bitwiseOr())
        }
        if operators.isEmpty { return left }
        return .compare(left, operators, comparators, range(from: start))
    }

    private mutating func comparisonOperator() -> ComparisonOperator? {
        let op: ComparisonOperator
        switch peekKind() {
        case .equalEqual: op = .equal
        case .notEqual: op = .notEqual
        case .less: op = .less
        case .lessEqual: op = .lessEqual
        case .greater: op = .greater
        case .greaterEqual: op = .greaterEqual
        case .in: op = .in
        case .is:
            advance()
            return match(.not) ? .isNot : .is
        case .not where peekKind(1) == .in:
            advance()
            advance()
            return .notIn
        default: return nil
        }
        advance()
        return op
    }

    /// `yield`, `yield value`, `yield a, b`, `yield from iterable`; only inside a function.
    mutating func yieldExpression() throws(SyntaxError) -> Expr {
        let start = advance().start
        let result: Expr
        if match(.from) {
            let value = try expression()
            result = .yieldFrom(value, range(from: start))
        } else {
            let value = startsExpression() && !check(.yield) ? try starExpressions() : nil
            result = .yield(value, range(from: start))
        }
        if scope.kind != .function { compileError("'yield' outside function", at: result.range) }
        scope.sawYield = true
        return result
    }

    /// The targets of `for` and comprehensions: `a`, `a, b`, `(a, *b)`.
    mutating func starTargets() throws(SyntaxError) -> Expr {
        let start = peekStart
        let first = try starTarget()
        guard check(.comma) else { return first }
        var items = [first]
        while match(.comma) {
            if check(.in) || !startsExpression() { break }
            items.append(try starTarget())
        }
        return .tuple(items, range(from: start))
    }

    /// One target, parsed as an expression and checked later (see `Parser+Targets.swift`).
    mutating func starTarget() throws(SyntaxError) -> Expr {
        check(.star) ? try starredBitwiseOr() : try bitwiseOr()
    }
}
