/// Comprehension clauses and the closing bracket of a display, where CPython guesses a
/// missing comma (`[a b]` -> "invalid syntax. Perhaps you forgot a comma?").
///
/// Grammar (`Grammar/python.gram`, abridged):
///
///     for_if_clause: 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
///     invalid_expression: !(NAME STRING | SOFT_KEYWORD) disjunction expression_without_invalid
extension Parser {
    /// `for target in iter if cond ...` clauses, one or more.
    mutating func comprehensionClauses() throws(SyntaxError) -> [Comprehension] {
        var clauses: [Comprehension] = []
        while check(.for) || check(.async) {
            if check(.async) { throw error(UNIMPLEMENTED.asyncStatement.message) }
            advance()
            let target = try starTargets()
            try closing(.in, after: target)
            try validateTarget(target)
            let iter = try disjunction()
            var conditions: [Expr] = []
            while match(.if) { conditions.append(try disjunction()) }
            clauses.append(Comprehension(target: target, iter: iter, conditions: conditions))
        }
        return clauses
    }

    /// Consumes the closing bracket of a display. When instead another expression follows the
    /// last element, CPython guesses a missing comma (`invalid_expression` in the grammar).
    mutating func closing(_ kind: TokenKind, after last: Expr?) throws(SyntaxError) {
        if match(kind) { return }
        let generic = invalidSyntax()
        guard let last, startsCommaCandidate() else { throw generic }
        switch last {
        case .name("match", _), .name("case", _), .name("_", _), .lambda, .conditional, .namedExpr, .yield,
             .yieldFrom, .starred:
            throw generic
        case .name where peekKind() == .string || peekKind() == .fstring || peekKind() == .bytes:
            throw generic
        default:
            break
        }
        let saved = index
        let savedScope = scope
        if let next = try? expression() {
            throw error("invalid syntax. Perhaps you forgot a comma?",
                        at: SourceRange(start: last.location, end: next.range.end))
        }
        index = saved
        scope = savedScope
        throw generic
    }

    /// Tokens that start an expression but cannot continue one.
    private func startsCommaCandidate() -> Bool {
        switch peekKind() {
        case .name, .int, .float, .imaginary, .string, .bytes, .fstring, .leftBrace, .lambda, .none,
             .true, .false, .ellipsis, .tilde:
            return true
        default:
            return false
        }
    }
}
