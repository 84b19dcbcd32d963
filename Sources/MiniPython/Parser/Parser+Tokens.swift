/// The small helpers every grammar rule uses: `peek`, `check`, `match`, `advance`,
/// `consume(_:_:)` (which keeps the error message at the call site, as in jlox), ranges, and
/// the error constructors.
extension Parser {
    /// The current (not yet consumed) token.
    var peek: Token { tokens[index] }

    /// Where the current token starts (cheaper than `peek.start`, which copies the token).
    var peekStart: SourceLocation { tokens[index].range.start }

    /// The kind of the token `offset` places ahead.
    func peekKind(_ offset: Int = 0) -> TokenKind {
        tokens[min(index + offset, tokens.count - 1)].kind
    }

    /// The last consumed token.
    var previous: Token { tokens[max(index - 1, 0)] }

    func check(_ kind: TokenKind) -> Bool { tokens[index].kind == kind }

    /// Consumes the current token if it is of one of the given kinds.
    mutating func match(_ kinds: TokenKind...) -> Bool {
        guard kinds.contains(tokens[index].kind) else { return false }
        advance()
        return true
    }

    @discardableResult @inline(__always)
    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 {
            index += 1
            if index > furthest { furthest = index }
        }
        return token
    }

    /// Consumes a token of `kind` or throws `message` at the current token.
    @discardableResult
    mutating func consume(_ kind: TokenKind, _ message: String) throws(SyntaxError) -> Token {
        guard check(kind) else { throw error(message) }
        return advance()
    }

    /// The range from `start` to the end of the last consumed token, not counting the layout
    /// tokens (NEWLINE, INDENT, DEDENT) that close a block.
    func range(from start: SourceLocation) -> SourceRange {
        var last = index - 1
        while last > 0 {
            switch tokens[last].kind {
            case .newline, .indent, .dedent, .endOfFile: last -= 1
            default: return SourceRange(start: start, end: max(tokens[last].end, start))
            }
        }
        return SourceRange(start: start, end: max(tokens[max(last, 0)].end, start))
    }

    /// A `SyntaxError` at `range`, or at the current token.
    func error(_ message: String, at range: SourceRange? = nil, kind: SyntaxError.Kind = .syntaxError) -> SyntaxError {
        let range = range ?? peek.range
        return SyntaxError(message, at: range.start, end: range.end, kind: kind)
    }

    /// Enters one level of tree depth: a nested expression, or one more link of a chain like
    /// `a + b + c` or `x.y.z` (the evaluator recurses over those too). CPython gives up on such
    /// inputs as well ("maximum recursion depth exceeded during compilation").
    mutating func nest() throws(SyntaxError) {
        depth += 1
        if depth > 1000 { throw error("maximum recursion depth exceeded during compilation") }
    }

    /// Enters a bracket. The lexer stops at 200 open brackets like CPython, but an f-string
    /// field starts a new lexer, so the parser keeps its own count.
    mutating func openBracket() throws(SyntaxError) {
        bracketDepth += 1
        if bracketDepth > 200 { throw error("too many nested parentheses") }
    }

    /// Records an error that CPython's compiler or symbol table would raise after parsing.
    mutating func compileError(_ message: String, at range: SourceRange) {
        if firstCompileError == nil { firstCompileError = error(message, at: range) }
    }

    /// CPython's generic error for the current token: `invalid syntax`, or `unexpected indent`.
    func invalidSyntax() -> SyntaxError {
        switch peekKind() {
        case .indent:
            let start = SourceLocation(line: peek.end.line, column: max(peek.end.column - 1, 0))
            return SyntaxError("unexpected indent", at: start, kind: .indentationError)
        case .dedent:
            return SyntaxError("unexpected unindent", at: peekStart, kind: .indentationError)
        case .async:
            return error(UNIMPLEMENTED.asyncStatement.message)
        case .await:
            return error(UNIMPLEMENTED.awaitExpression.message)
        default:
            return error("invalid syntax")
        }
    }
}
