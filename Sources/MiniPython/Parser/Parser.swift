/// A recursive-descent parser for the Python 3.11 grammar subset MiniPython runs, producing
/// ``Stmt`` and ``Expr`` trees. One method per grammar rule, in precedence order.
///
/// In CPython: `Grammar/python.gram` -> `Parser/parser.c` (a PEG parser) -> `Python/ast.c`.
/// The checks CPython leaves to its compiler and symbol table (`'return' outside function`,
/// starred targets) are done here too, so every `SyntaxError` surfaces before a program runs.
/// Docs: https://docs.python.org/3.11/reference/grammar.html
public struct Parser {
    var tokens: [Token]
    var index = 0
    /// Scope facts for the compiler-style checks.
    var scope = Scope()
    /// True while parsing the inside of an f-string field.
    var inFString = false
    /// The furthest token index looked at, to rank a parser error against a lexer error.
    var furthest = 0
    /// The first error of the kind CPython's compiler reports (`'return' outside function`).
    /// It is thrown only if the whole source parses, as CPython compiles only a valid tree.
    var firstCompileError: SyntaxError?
    /// How deeply the expression being parsed is nested (see ``nest()``).
    var depth = 0

    struct Scope {
        enum Kind { case module, function, classBody }
        var kind = Kind.module
        var inLoop = false
        /// Set when a `yield` is parsed directly in the current function.
        var sawYield = false
    }

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    // MARK: - Entry points

    /// Parses a whole module (`exec` mode): a file or a REPL entry.
    public static func parseModule(_ source: String, filename: String = "<string>") throws(SyntaxError) -> [Stmt] {
        try run(source, filename: filename) { (parser: inout Parser) throws(SyntaxError) in try parser.file() }
    }

    /// Parses a single expression (`eval` mode), allowing surrounding blank lines and leading
    /// spaces, as `eval()` does.
    public static func parseExpression(_ source: String, filename: String = "<string>") throws(SyntaxError) -> Expr {
        try run(source, filename: filename) { (parser: inout Parser) throws(SyntaxError) in
            while parser.match(.newline, .indent) {}
            let expr = try parser.starExpressions()
            while parser.match(.newline, .dedent) {}
            if !parser.check(.endOfFile) { throw parser.invalidSyntax() }
            return expr
        }
    }

    /// Lexes, parses, and decides between a lexer error and a parser error the way CPython does;
    /// then fills in the file name and source line of the error.
    private static func run<T>(_ source: String, filename: String,
                               _ rule: (inout Parser) throws(SyntaxError) -> T) throws(SyntaxError) -> T {
        let lexed = Lexer(source).run()
        var parser = Parser(tokens: lexed.tokens)
        var failure: SyntaxError
        do {
            let result = try rule(&parser)
            if let lexError = lexed.error {
                failure = lexError.error
            } else if let compileError = parser.firstCompileError {
                failure = compileError
            } else {
                return result
            }
        } catch {
            failure = error
            if let lexError = lexed.error {
                let last = lexed.tokens.count - 1
                let reachedEnd = parser.furthest >= last
                switch lexError.rank {
                case .always:
                    // CPython tokenizes the rest of the file after a parser error, and a
                    // tokenizer error found there wins, except over an unexpected (un)indent.
                    let unexpectedIndent = error.message == "unexpected indent" || error.message == "unexpected unindent"
                    if !unexpectedIndent || reachedEnd { failure = lexError.error }
                case .immediate:
                    failure = lexError.error
                case .unclosedBracket:
                    let line = lexed.tokens[parser.furthest].start.line
                    if reachedEnd || line > lexError.error.location.line { failure = lexError.error }
                case .ifReached, .unexpectedEOF:
                    if reachedEnd { failure = lexError.error }
                }
            }
        }
        failure.filename = filename
        failure.text = sourceLine(failure.location.line, of: source)
        throw failure
    }

    /// Line `number` (1-based) of `source`, without its line break.
    static func sourceLine(_ number: Int, of source: String) -> String? {
        var line = 1
        var lineStart = source.utf8.startIndex
        var i = source.utf8.startIndex
        while i < source.utf8.endIndex {
            let byte = source.utf8[i]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if line == number { break }
                if byte == UInt8(ascii: "\r"), source.utf8.index(after: i) < source.utf8.endIndex,
                   source.utf8[source.utf8.index(after: i)] == UInt8(ascii: "\n") {
                    i = source.utf8.index(after: i)
                }
                line += 1
                lineStart = source.utf8.index(after: i)
            }
            i = source.utf8.index(after: i)
        }
        guard line == number else { return nil }
        return String(source[lineStart..<i])
    }

    // MARK: - Token helpers

    /// The current (not yet consumed) token.
    var peek: Token { tokens[index] }

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

    @discardableResult
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

    // MARK: - Errors

    /// A `SyntaxError` at `range`, or at the current token.
    func error(_ message: String, at range: SourceRange? = nil, kind: SyntaxError.Kind = .syntaxError) -> SyntaxError {
        let range = range ?? peek.range
        return SyntaxError(message, at: range.start, end: range.end, kind: kind)
    }

    /// The deepest nesting of expressions (and `elif` chains) the parser accepts; CPython's
    /// parser stops at 6000 levels of its rules, about 3000 nested operators.
    static let maxDepth = 3000

    /// Counts one level of nesting; the caller restores `depth`. The limit bounds the recursion
    /// of the parser and of everything that walks the tree (resolver, evaluator), so deeply
    /// nested source is a `SyntaxError`, never a stack overflow.
    mutating func nest() throws(SyntaxError) {
        depth += 1
        // CPython 3.11 raises a MemoryError without a message; 3.12 words it like this.
        if depth > Parser.maxDepth { throw error("Parser stack overflowed - Python source too complex to parse") }
    }

    /// Records an error that CPython's compiler or symbol table would raise after parsing.
    mutating func compileError(_ message: String, at range: SourceRange) {
        if firstCompileError == nil { firstCompileError = error(message, at: range) }
    }

    /// CPython's generic error for the current token: `invalid syntax`, or `unexpected indent`.
    func invalidSyntax() -> SyntaxError {
        switch peek.kind {
        case .indent:
            let start = SourceLocation(line: peek.end.line, column: max(peek.end.column - 1, 0))
            return SyntaxError("unexpected indent", at: start, kind: .indentationError)
        case .dedent:
            return SyntaxError("unexpected unindent", at: peek.start, kind: .indentationError)
        case .async:
            return error(UNIMPLEMENTED.asyncStatement.message)
        case .await:
            return error(UNIMPLEMENTED.awaitExpression.message)
        default:
            return error("invalid syntax")
        }
    }
}
