import Testing
import MiniPython

/// Parses a module and returns its dump, one statement per line.
func dump(_ source: String) throws -> String {
    Stmt.dump(try Parser.parseModule(source))
}

/// The `SyntaxError` parsing `source` raises, or nil if it parses.
func syntaxError(_ source: String) -> SyntaxError? {
    do {
        _ = try Parser.parseModule(source, filename: "x.py")
        return nil
    } catch {
        return error
    }
}

/// The token stream of `source` as one line: `NAME x '=' INT 1 NEWLINE ENDMARKER`.
func tokens(_ source: String) throws -> String {
    try Lexer.tokenize(source).map(\.description).joined(separator: " ")
}

/// A source and the dump CPython's `ast` gives for it (converted to our format by a script
/// that walks `ast.parse(source)`; see the report of the front-end task).
struct DumpCase: Sendable, CustomTestStringConvertible {
    var source: String
    var expected: String
    init(_ source: String, _ expected: String) {
        self.source = source
        self.expected = expected
    }
    var testDescription: String { source }
}

/// A source and the error `compile(source, "x.py", "exec")` raises in CPython 3.11.7.
struct ErrorCase: Sendable, CustomTestStringConvertible {
    var source: String
    var kind: SyntaxError.Kind
    var message: String
    var line: Int
    /// CPython's 1-based `SyntaxError.offset`.
    var offset: Int
    init(_ source: String, _ kind: SyntaxError.Kind, _ message: String, _ line: Int, _ offset: Int) {
        self.source = source
        self.kind = kind
        self.message = message
        self.line = line
        self.offset = offset
    }
    var testDescription: String { source }

    func check() {
        guard let error = syntaxError(source) else {
            Issue.record("expected \(kind.rawValue): \(message)")
            return
        }
        #expect(error.kind == kind)
        #expect(error.message == message)
        #expect(error.lineno == line)
        #expect(error.offset == offset)
    }
}

