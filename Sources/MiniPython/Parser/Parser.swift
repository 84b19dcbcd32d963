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
    /// How deep the tree being built is, to fail cleanly instead of overflowing the stack on
    /// inputs like a thousand `-` signs (see `nest()`).
    var depth = 0
    /// Open brackets, counted across f-string fields too (see `openBracket()`).
    var bracketDepth = 0
    /// The first error of the kind CPython's compiler reports (`'return' outside function`).
    /// It is thrown only if the whole source parses, as CPython compiles only a valid tree.
    var firstCompileError: SyntaxError?

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
        let result: Result<T, SyntaxError> = withLargeStack {
            do throws(SyntaxError) {
                return .success(try runHere(source, filename: filename, rule))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private static func runHere<T>(_ source: String, filename: String,
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
}
