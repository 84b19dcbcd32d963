/// Statement sequencing: the file, one statement, `;`-separated simple statements, and blocks.
///
/// Grammar (`Grammar/python.gram`):
///
///     file: [statements] ENDMARKER
///     statement: compound_stmt | simple_stmts
///     simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE
///     block: NEWLINE INDENT statements DEDENT | simple_stmts
extension Parser {
    mutating func file() throws(SyntaxError) -> [Stmt] {
        var body: [Stmt] = []
        while !check(.endOfFile) {
            try body.append(contentsOf: statement())
        }
        return body
    }

    /// One statement; `a; b` gives two.
    mutating func statement() throws(SyntaxError) -> [Stmt] {
        switch peekKind() {
        case .if: return [try ifStatement()]
        case .while: return [try whileStatement()]
        case .for: return [try forStatement()]
        case .try: return [try tryStatement()]
        case .with: return [try withStatement()]
        case .def: return [try functionDefinition(decorators: [])]
        case .class: return [try classDefinition(decorators: [])]
        case .at: return [try decorated()]
        case .async: throw error(UNIMPLEMENTED.asyncStatement.message)
        case .name where isMatchStatement(): throw error(UNIMPLEMENTED.matchStatement.message)
        default: return try simpleStatements()
        }
    }

    mutating func simpleStatements() throws(SyntaxError) -> [Stmt] {
        var statements = [try simpleStatement()]
        while match(.semicolon) {
            if check(.newline) { break }
            statements.append(try simpleStatement())
        }
        if !check(.newline) {
            try legacyPrint(statements[statements.count - 1])
            let generic = invalidSyntax()
            probeExpression()
            throw generic
        }
        advance()
        return statements
    }

    /// The body of a compound statement, after its `:`. `header` names the statement for the
    /// IndentationError (`'if' statement`, `function definition`).
    mutating func block(after header: String, line: Int) throws(SyntaxError) -> [Stmt] {
        guard match(.newline) else { return try simpleStatements() }
        guard match(.indent) else {
            throw error("expected an indented block after \(header) on line \(line)", kind: .indentationError)
        }
        var body: [Stmt] = []
        while !check(.dedent) && !check(.endOfFile) {
            try body.append(contentsOf: statement())
        }
        _ = match(.dedent)
        return body
    }

    /// The `:` of a block header. CPython says "expected ':'" only when the line ends there
    /// (`if x` NEWLINE); `def`, `try`, `else` and `finally` use `consume(.colon, "expected ':'")`,
    /// which always does (a forced token, `&&':'`, in the grammar).
    mutating func expectColon() throws(SyntaxError) {
        if match(.colon) { return }
        throw check(.newline) ? error("expected ':'") : invalidSyntax()
    }

    /// `match` is a soft keyword: `match x:` followed by an indented block starts a match
    /// statement, while `match = 1` or `match(x)` are ordinary statements.
    func isMatchStatement() -> Bool {
        guard case .name("match") = peek.value else { return false }
        switch peekKind(1) {
        case .equal, .dot, .colon, .comma, .newline, .semicolon, .endOfFile: return false
        default: break
        }
        if BinaryOperator.augmented(peekKind(1)) != nil { return false }
        var depth = 0
        var i = index + 1
        while i < tokens.count - 1 {
            switch tokens[i].kind {
            case .leftParen, .leftBracket, .leftBrace: depth += 1
            case .rightParen, .rightBracket, .rightBrace: depth -= 1
            case .newline, .endOfFile:
                return tokens[i - 1].kind == .colon && tokens[i + 1].kind == .indent
            default: break
            }
            i += 1
        }
        return false
    }

    /// Python 2's `print x` gets CPython's hint instead of a bare `invalid syntax`.
    private mutating func legacyPrint(_ statement: Stmt) throws(SyntaxError) {
        guard case .expression(.name(let name, let nameRange), _) = statement,
              name == "print" || name == "exec" else { return }
        let saved = index
        guard !check(.leftParen), let argument = try? starExpressions() else {
            index = saved
            return
        }
        throw error("Missing parentheses in call to '\(name)'. Did you mean \(name)(...)?",
                    at: SourceRange(start: nameRange.start, end: argument.range.end))
    }

    /// Parses an expression only to look ahead, then rewinds. CPython's error pass explores
    /// `a b` as a possible missing comma, and what it reads decides whether an unclosed
    /// bracket further on is reported instead (see `Parser.run`).
    mutating func probeExpression() {
        let saved = (index, scope, firstCompileError)
        _ = try? expression()
        (index, scope, firstCompileError) = saved
    }

    /// Runs `body` with a changed scope, restoring the scope afterwards (even on error).
    mutating func withScope<T>(_ change: (inout Scope) -> Void,
                               _ body: (inout Parser) throws(SyntaxError) -> T) throws(SyntaxError) -> (T, Scope) {
        let saved = scope
        change(&scope)
        defer { scope = saved }
        let result = try body(&self)
        return (result, scope)
    }
}
