/// Simple statements: expressions, assignments, and the keyword statements that fit on one line.
///
/// Grammar (`Grammar/python.gram`, abridged):
///
///     simple_stmt: assignment | star_expressions | return_stmt | import_stmt | raise_stmt
///                | 'pass' | del_stmt | yield_stmt | assert_stmt | 'break' | 'continue'
///                | global_stmt | nonlocal_stmt
///     assignment: NAME ':' expression ['=' annotated_rhs]
///               | (star_targets '=')+ (yield_expr | star_expressions)
///               | single_target augassign (yield_expr | star_expressions)
extension Parser {
    mutating func simpleStatement() throws(SyntaxError) -> Stmt {
        let start = peekStart
        switch peekKind() {
        case .pass:
            advance()
            return .pass(range(from: start))
        case .break:
            advance()
            if !scope.inLoop { compileError("'break' outside loop", at: range(from: start)) }
            return .break(range(from: start))
        case .continue:
            advance()
            if !scope.inLoop { compileError("'continue' not properly in loop", at: range(from: start)) }
            return .continue(range(from: start))
        case .return:
            advance()
            let value = startsExpression() ? try starExpressions() : nil
            if scope.kind != .function { compileError("'return' outside function", at: range(from: start)) }
            return .return(value, range(from: start))
        case .raise:
            advance()
            guard startsExpression() else { return .raise(exception: nil, cause: nil, range(from: start)) }
            let exception = try expression()
            let cause = match(.from) ? try expression() : nil
            return .raise(exception: exception, cause: cause, range(from: start))
        case .global, .nonlocal:
            let isGlobal = advance().kind == .global
            var names = [try consumeName()]
            while match(.comma) { names.append(try consumeName()) }
            if isGlobal { return .global(names, range(from: start)) }
            if scope.kind == .module {
                compileError("nonlocal declaration not allowed at module level", at: range(from: start))
            }
            return .nonlocal(names, range(from: start))
        case .del:
            return try deleteStatement()
        case .assert:
            advance()
            let test = try expression()
            let message = match(.comma) ? try expression() : nil
            return .assert(test: test, message: message, range(from: start))
        case .import:
            return try importStatement()
        case .from:
            return try fromImportStatement()
        default:
            return try expressionStatement()
        }
    }

    /// Expression statements and all three kinds of assignment.
    private mutating func expressionStatement() throws(SyntaxError) -> Stmt {
        let start = peekStart
        let startsWithParen = check(.leftParen)
        let first = try check(.yield) ? yieldExpression() : starExpressions()
        if check(.colon) {
            return try annotatedAssignment(first, parenthesized: startsWithParen, start: start)
        }
        if let op = BinaryOperator.augmented(peekKind()) {
            try validateAugmentedTarget(first)
            advance()
            let value = try check(.yield) ? yieldExpression() : starExpressions()
            checkNotStarred(value)
            return .augmentedAssign(target: first, op: op, value: value, range(from: start))
        }
        guard check(.equal) else {
            checkNotStarred(first)
            return .expression(first, range(from: start))
        }
        var targets = [first]
        var value = first
        while match(.equal) {
            do {
                value = try check(.yield) ? yieldExpression() : starExpressions()
            } catch {
                // `f() =` with a broken right side still reports the bad target first.
                throw invalidTargetError(in: targets) ?? error
            }
            if check(.equal) { targets.append(value) }
        }
        try validateAssignmentTargets(targets, hasSingleTarget: targets.count == 1, value: value)
        checkNotStarred(value)
        return .assign(targets: targets, value: value, range(from: start))
    }

    private mutating func annotatedAssignment(_ target: Expr, parenthesized: Bool, start: SourceLocation) throws(SyntaxError) -> Stmt {
        // CPython names a bad target only when an annotation follows (`invalid_assignment`).
        let colon = peek
        let saved = index
        advance()
        let hasAnnotation = (try? expression()) != nil
        index = saved
        if !hasAnnotation { throw error("invalid syntax", at: colon.range) }
        switch target {
        case .name, .attribute, .subscript: break
        case .tuple, .list:
            let kind = if case .list = target { "list" } else { "tuple" }
            throw error("only single target (not \(kind)) can be annotated", at: target.range)
        default:
            throw error("illegal target for annotation", at: target.range)
        }
        advance()  // ':'
        let annotation = try expression()
        var value: Expr?
        if match(.equal) {
            value = try check(.yield) ? yieldExpression() : starExpressions()
        }
        var isSimple = false
        if case .name = target, !parenthesized { isSimple = true }
        return .annotatedAssign(target: target, annotation: annotation, value: value, isSimple: isSimple, range(from: start))
    }

    private mutating func deleteStatement() throws(SyntaxError) -> Stmt {
        let start = advance().start
        var targets: [Expr] = []
        repeat {
            if check(.newline) || check(.semicolon) { break }
            let target = try check(.star) ? starredBitwiseOr() : bitwiseOr()
            try validateDeleteTarget(target)
            targets.append(target)
        } while match(.comma)
        if targets.isEmpty { throw invalidSyntax() }
        return .delete(targets, range(from: start))
    }

    /// `import a.b.c as d, e`
    private mutating func importStatement() throws(SyntaxError) -> Stmt {
        let start = advance().start
        var names: [Alias] = []
        repeat {
            let aliasStart = peekStart
            let name = try dottedName()
            let asName = match(.as) ? try consumeName() : nil
            names.append(Alias(name: name, asName: asName, range: range(from: aliasStart)))
        } while match(.comma)
        return .import(names, range(from: start))
    }

    /// `from [.]*module import names`, `from . import x`, `from m import (a, b,)`, `from m import *`.
    private mutating func fromImportStatement() throws(SyntaxError) -> Stmt {
        let start = advance().start
        var level = 0
        while true {
            if match(.dot) { level += 1 } else if match(.ellipsis) { level += 3 } else { break }
        }
        let module = level == 0 || check(.name) ? try dottedName() : nil
        try consume(.import, "invalid syntax")
        if check(.star) {
            let star = advance()
            return .importFrom(module: module, names: [Alias(name: "*", asName: nil, range: star.range)], level: level, range(from: start))
        }
        let parenthesized = match(.leftParen)
        var names: [Alias] = []
        repeat {
            if parenthesized && check(.rightParen) && !names.isEmpty { break }
            if !parenthesized && !names.isEmpty && (check(.newline) || check(.semicolon)) {
                throw error("trailing comma not allowed without surrounding parentheses")
            }
            let aliasStart = peekStart
            let name = try consumeName()
            let asName = match(.as) ? try consumeName() : nil
            names.append(Alias(name: name, asName: asName, range: range(from: aliasStart)))
        } while match(.comma)
        if parenthesized { try consume(.rightParen, "invalid syntax") }
        return .importFrom(module: module, names: names, level: level, range(from: start))
    }

    /// `a.b.c` as one string.
    private mutating func dottedName() throws(SyntaxError) -> String {
        var name = try consumeName()
        while match(.dot) { name += "." + (try consumeName()) }
        return name
    }

    /// Consumes a NAME token and returns its text.
    mutating func consumeName() throws(SyntaxError) -> String {
        guard case .name(let name) = peek.value else { throw invalidSyntax() }
        advance()
        return name
    }

    /// True if the current token can begin an expression (used for optional operands such as
    /// `return` and `raise`).
    func startsExpression() -> Bool {
        switch peekKind() {
        case .name, .int, .float, .imaginary, .string, .bytes, .fstring, .leftParen, .leftBracket,
             .leftBrace, .minus, .plus, .tilde, .not, .lambda, .none, .true, .false, .ellipsis, .star,
             .await, .yield:
            return true
        default:
            return false
        }
    }
}
