/// Compound statements with blocks: `if`, `while`, `for`, `try`, `with`.
///
/// Grammar (`Grammar/python.gram`, abridged):
///
///     if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
///     while_stmt: 'while' named_expression ':' block [else_block]
///     for_stmt: 'for' star_targets 'in' star_expressions ':' block [else_block]
///     try_stmt: 'try' ':' block (finally_block | except_block+ [else_block] [finally_block])
///     with_stmt: 'with' ( ','.with_item+ ','? ) ':' block | 'with' ','.with_item+ ':' block
extension Parser {
    /// `if` and `elif` (an `elif` becomes an `if` inside `orElse`).
    mutating func ifStatement() throws(SyntaxError) -> Stmt {
        let keyword = advance()
        let name = keyword.kind == .elif ? "'elif' statement" : "'if' statement"
        let test = try namedExpression()
        try expectColon()
        let body = try block(after: name, line: keyword.start.line)
        var orElse: [Stmt] = []
        if check(.elif) {
            let depth = self.depth
            defer { self.depth = depth }
            try nest()
            orElse = [try ifStatement()]
        } else if check(.else) {
            orElse = try elseBlock()
        }
        return .if(test: test, body: body, orElse: orElse, range(from: keyword.start))
    }

    private mutating func elseBlock() throws(SyntaxError) -> [Stmt] {
        let keyword = advance()
        try consume(.colon, "expected ':'")
        return try block(after: "'else' statement", line: keyword.start.line)
    }

    mutating func whileStatement() throws(SyntaxError) -> Stmt {
        let keyword = advance()
        let test = try namedExpression()
        try expectColon()
        let body = try loopBody(after: "'while' statement", line: keyword.start.line)
        let orElse = check(.else) ? try elseBlock() : []
        return .while(test: test, body: body, orElse: orElse, range(from: keyword.start))
    }

    mutating func forStatement() throws(SyntaxError) -> Stmt {
        let keyword = advance()
        let target = try starTargets()
        try consume(.in, "invalid syntax")
        try validateTarget(target)
        let iter = try starExpressions()
        try expectColon()
        let body = try loopBody(after: "'for' statement", line: keyword.start.line)
        let orElse = check(.else) ? try elseBlock() : []
        return .for(target: target, iter: iter, body: body, orElse: orElse, range(from: keyword.start))
    }

    /// A loop body, where `break` and `continue` are allowed (but not in the loop's `else`).
    private mutating func loopBody(after header: String, line: Int) throws(SyntaxError) -> [Stmt] {
        let saved = scope.inLoop
        scope.inLoop = true
        defer { scope.inLoop = saved }
        return try block(after: header, line: line)
    }

    mutating func tryStatement() throws(SyntaxError) -> Stmt {
        let keyword = advance()
        try consume(.colon, "expected ':'")
        let body = try block(after: "'try' statement", line: keyword.start.line)
        var handlers: [ExceptHandler] = []
        while check(.except) {
            let handler = try exceptBlock()
            if let previous = handlers.last, previous.type == nil {
                compileError("default 'except:' must be last", at: previous.range)
            }
            handlers.append(handler)
        }
        let orElse = !handlers.isEmpty && check(.else) ? try elseBlock() : []
        var finalBody: [Stmt] = []
        if check(.finally) {
            let finallyKeyword = advance()
            try consume(.colon, "expected ':'")
            finalBody = try block(after: "'finally' statement", line: finallyKeyword.start.line)
        } else if handlers.isEmpty {
            throw error("expected 'except' or 'finally' block")
        }
        return .try(body: body, handlers: handlers, orElse: orElse, finally: finalBody, range(from: keyword.start))
    }

    /// `except [type [as name]]: block`
    private mutating func exceptBlock() throws(SyntaxError) -> ExceptHandler {
        let keyword = advance()
        if check(.star) { throw error(UNIMPLEMENTED.exceptionGroups.message) }
        var type: Expr?
        var name: String?
        if !check(.colon) {
            let first = try expression()
            if check(.comma) {
                var items = [first]
                while match(.comma) {
                    if check(.colon) || check(.as) { break }
                    items.append(try expression())
                }
                throw error("multiple exception types must be parenthesized",
                            at: SourceRange(start: first.location, end: items[items.count - 1].range.end))
            }
            type = first
            if match(.as) { name = try consumeName() }
        }
        try expectColon()
        let body = try block(after: "'except' statement", line: keyword.start.line)
        return ExceptHandler(type: type, name: name, body: body, range: range(from: keyword.start))
    }

    mutating func withStatement() throws(SyntaxError) -> Stmt {
        let keyword = advance()
        var items: [WithItem]
        let saved = index
        if check(.leftParen), let parenthesized = try? parenthesizedWithItems() {
            items = parenthesized
        } else {
            index = saved
            items = [try withItem()]
            while match(.comma) { items.append(try withItem()) }
        }
        try expectColon()
        let body = try block(after: "'with' statement", line: keyword.start.line)
        return .with(items, body: body, range(from: keyword.start))
    }

    /// `with (a as b, c as d):`, tried first and abandoned (by restoring the position) when the
    /// parentheses turn out to be part of an expression, as in `with (a) + b:`.
    private mutating func parenthesizedWithItems() throws(SyntaxError) -> [WithItem] {
        advance()
        var items: [WithItem] = []
        repeat {
            if check(.rightParen) && !items.isEmpty { break }
            items.append(try withItem())
        } while match(.comma)
        guard match(.rightParen), check(.colon) else { throw invalidSyntax() }
        return items
    }

    private mutating func withItem() throws(SyntaxError) -> WithItem {
        let context = try expression()
        var target: Expr?
        if match(.as) {
            let parsed = try starTarget()
            try validateTarget(parsed)
            target = parsed
        }
        return WithItem(context: context, target: target)
    }
}
