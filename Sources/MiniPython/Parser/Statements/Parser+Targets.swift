/// Checks that an expression parsed on the left of `=`, after `for`, `as` or `del` can be a target,
/// with CPython's messages ("cannot assign to function call here. Maybe you meant '==' instead of '='?").
///
/// In CPython: `invalid_assignment`, `invalid_named_expression`, `invalid_del_stmt` in
/// `Grammar/python.gram`, `_PyPegen_get_expr_name` in `Parser/pegen.c`, and the starred checks
/// of `Python/compile.c`.
extension Parser {
    /// CPython's name for an expression kind in error messages.
    static func describe(_ expr: Expr) -> String {
        switch expr {
        case .call: return "function call"
        case .boolean, .binary, .unary: return "expression"
        case .generator: return "generator expression"
        case .yield, .yieldFrom: return "yield expression"
        case .listComprehension: return "list comprehension"
        case .setComprehension: return "set comprehension"
        case .dictComprehension: return "dict comprehension"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .fstring: return "f-string expression"
        case .constant(.none, _): return "None"
        case .constant(.bool(true), _): return "True"
        case .constant(.bool(false), _): return "False"
        case .constant(.ellipsis, _): return "ellipsis"
        case .constant: return "literal"
        case .compare: return "comparison"
        case .conditional: return "conditional expression"
        case .namedExpr: return "named expression"
        case .lambda: return "lambda"
        case .slice: return "slice"
        case .starred: return "starred"
        case .name: return "name"
        case .attribute: return "attribute"
        case .subscript: return "subscript"
        case .tuple: return "tuple"
        case .list: return "list"
        }
    }

    /// The first part of `target` that cannot be assigned to, or nil if all of it can.
    private func invalidTarget(in target: Expr, deleting: Bool = false) -> Expr? {
        switch target {
        case .name, .attribute, .subscript:
            return nil
        case .tuple(let items, _), .list(let items, _):
            for item in items {
                if let bad = invalidTarget(in: item, deleting: deleting) { return bad }
            }
            return nil
        case .starred(let inner, _):
            return deleting ? target : invalidTarget(in: inner)
        default:
            return target
        }
    }

    /// The targets of `t1 = t2 = ... = value`.
    mutating func validateAssignmentTargets(_ targets: [Expr], hasSingleTarget: Bool, value: Expr) throws(SyntaxError) {
        for (position, target) in targets.enumerated() {
            if case .yield = target { throw error("assignment to yield expression not possible", at: target.range) }
            if case .yieldFrom = target { throw error("assignment to yield expression not possible", at: target.range) }
            guard let bad = invalidTarget(in: target) else { continue }
            // CPython's `invalid_named_expression` adds a hint when `x = y` looks like a comparison.
            var message = "cannot assign to \(Self.describe(bad))"
            if position == 0 && hasSingleTarget && isBitwiseOrLevel(bad) && startsWithBitwiseOr(value) {
                if bad == target || isLastItemOfBareTuple(bad, in: target) {
                    message += " here. Maybe you meant '==' instead of '='?"
                }
            }
            throw error(message, at: bad.range)
        }
        for target in targets { checkStarredTarget(target) }
    }

    /// "cannot assign to X" for the first bad part of `targets`, if any.
    func invalidTargetError(in targets: [Expr]) -> SyntaxError? {
        for target in targets {
            if case .yield = target { return error("assignment to yield expression not possible", at: target.range) }
            if let bad = invalidTarget(in: target) { return error("cannot assign to \(Self.describe(bad))", at: bad.range) }
        }
        return nil
    }

    /// Targets of `for`, `with ... as` and comprehensions.
    mutating func validateTarget(_ target: Expr) throws(SyntaxError) {
        if let bad = invalidTarget(in: target) {
            throw error("cannot assign to \(Self.describe(bad))", at: bad.range)
        }
        checkStarredTarget(target)
    }

    func validateAugmentedTarget(_ target: Expr) throws(SyntaxError) {
        switch target {
        case .name, .attribute, .subscript: return
        default: throw error("'\(Self.describe(target))' is an illegal expression for augmented assignment", at: target.range)
        }
    }

    func validateDeleteTarget(_ target: Expr) throws(SyntaxError) {
        if let bad = invalidTarget(in: target, deleting: true) {
            throw error("cannot delete \(Self.describe(bad))", at: bad.range)
        }
    }

    /// `*a = b` needs a list or tuple around the star, and only one star is allowed per level.
    private mutating func checkStarredTarget(_ target: Expr) {
        switch target {
        case .starred:
            compileError("starred assignment target must be in a list or tuple", at: target.range)
        case .tuple(let items, _), .list(let items, _):
            var starred = 0
            for item in items {
                if case .starred(let inner, _) = item {
                    starred += 1
                    checkNested(inner)
                } else {
                    checkNested(item)
                }
            }
            if starred > 1 { compileError("multiple starred expressions in assignment", at: target.range) }
        default:
            return
        }
        func checkNested(_ item: Expr) {
            switch item {
            case .tuple, .list: checkStarredTarget(item)
            default: return
            }
        }
    }

    /// A bare `*x` cannot be a value on its own (`x = *a` or the statement `*a`).
    mutating func checkNotStarred(_ value: Expr) {
        if case .starred = value { compileError("can't use starred expression here", at: value.range) }
    }

    /// Could `expr` have come from CPython's `bitwise_or` rule (so no comparison, `not`, `and`,
    /// `or`, conditional, lambda), and is it not one of the displays that rule excludes?
    private func isBitwiseOrLevel(_ expr: Expr) -> Bool {
        switch expr {
        case .compare, .boolean, .unary(.not, _, _), .conditional, .lambda, .namedExpr, .yield, .yieldFrom,
             .generator, .constant(.none, _), .constant(.bool, _), .starred:
            return false
        default:
            return true
        }
    }

    /// Does the source text of `expr` begin with a `bitwise_or` expression?
    private func startsWithBitwiseOr(_ expr: Expr) -> Bool {
        switch expr {
        case .compare(let left, _, _, _): return startsWithBitwiseOr(left)
        case .boolean(_, let values, _): return startsWithBitwiseOr(values[0])
        case .conditional(_, let body, _, _): return startsWithBitwiseOr(body)
        case .tuple(let items, let range) where items.first?.location == range.start:
            return startsWithBitwiseOr(items[0])
        case .starred, .unary(.not, _, _), .lambda, .yield, .yieldFrom, .namedExpr: return false
        default: return true
        }
    }

    private func isLastItemOfBareTuple(_ item: Expr, in target: Expr) -> Bool {
        guard case .tuple(let items, let range) = target, items.first?.location == range.start else { return false }
        return items.last == item
    }
}
