#if canImport(Glibc)
import Glibc
#endif

/// Runs Python source: the ``Parser``'s AST, resolved and compiled to closures (see
/// Note [Closure compilation]).
///
/// One interpreter is one Python "process": its `__main__` module, the modules imported so
/// far, and the output sinks. It is not thread-safe: use it from one thread at a time (the
/// ``interrupt`` flag is the exception). Run it on a thread with a large stack (see
/// ``Interpreter/runOnLargeStack(_:)``): deep Python recursion becomes `RecursionError`, never
/// a crash, but the limit is reached sooner on a small stack.
///
/// ```swift
/// let interp = Interpreter()
/// interp.writeStdout = { text in captured += text }
/// do throws(PyError) { try interp.execute("print(1 + 2)", filename: "demo.py") }
/// catch { interp.writeStderr(interp.formatTraceback(error)) }
/// ```
///
/// Extension points for other modules (TorchBridge): ``registerModule(_:_:)`` for native
/// modules, ``PyType`` for native types, ``PyError`` for raising, and the conversion helpers in
/// `Interpreter+Conversions.swift`.
public final class Interpreter {
    // MARK: - Configuration

    /// Where `print` and REPL echoes go.
    public var writeStdout: (String) -> Void
    /// Where tracebacks and warnings go (`sys.stderr`).
    public var writeStderr: (String) -> Void
    /// Reads a line for `input()` (without its newline); nil at end of input.
    public var readLine: () -> String? = { nil }
    /// Set it from any thread to raise `KeyboardInterrupt` in the running code.
    public let interrupt: InterruptFlag
    /// `sys.getrecursionlimit()`: the maximum depth of Python calls.
    public var recursionLimit = 1000
    /// `sys.argv`
    public var argv: [String] = [""]
    /// Wraps each outermost ``execute(_:filename:in:)`` and ``evaluate(_:filename:)``: an
    /// extension binds its per-interpreter state to the running thread there, for as long as
    /// Python code runs (TorchBridge binds this interpreter's `torch.default_generator`).
    public var runScope: ((_ body: () throws(PyError) -> Void) throws(PyError) -> Void)?
    private var isInRunScope = false

    // MARK: - State

    /// `__main__`
    public let mainModule: PyModule
    /// The `builtins` module.
    public let builtinsModule: PyModule
    var builtins: PyDict { builtinsModule.namespace }
    /// `sys.modules`
    var modules: [String: PyModule] = [:]
    var moduleFactories: [String: (Interpreter) throws(PyError) -> PyModule] = [:]
    /// Source lines by file name, for tracebacks.
    var sourceLines: [String: [Substring]] = [:]
    /// Python call depth.
    var depth = 0
    var nextFrameID = 0
    /// Exceptions being handled by `except` blocks, innermost last (`sys.exc_info()`).
    var handling: [PyBaseException] = []
    /// Containers being repr'd, for `[...]` on self-reference.
    var reprGuard: Set<ObjectIdentifier> = []
    /// The lowest safe stack address of the running thread (0: unknown).
    var stackLimit: UInt = 0
    /// True while running a REPL entry: expression statements at module level echo their repr.
    var isInteractive = false
    /// The innermost running frame (for `globals()`, `locals()`, `vars()`).
    var currentFrame: Frame?

    public init(interrupt: InterruptFlag = InterruptFlag()) {
        BuiltinTypes.install()
        self.interrupt = interrupt
        self.writeStdout = { text in StandardStreams.write(text, to: 1) }
        self.writeStderr = { text in StandardStreams.write(text, to: 2) }
        mainModule = PyModule(name: "__main__")
        builtinsModule = PyModule(name: "builtins")
        Builtins.fill(builtinsModule)
        mainModule["__builtins__"] = .object(builtinsModule)
        modules["__main__"] = mainModule
        modules["builtins"] = builtinsModule
        StandardModules.register(in: self)
        stackLimit = Interpreter.currentStackLimit()
    }

    // MARK: - Running code

    /// Parses and runs `source` as the body of `module` (default `__main__`).
    ///
    /// - Throws: the uncaught Python exception; a syntax error arrives as a Python
    ///   `SyntaxError` exception (see ``formatTraceback(_:)``).
    public func execute(_ source: String, filename: String = "<string>", in module: PyModule? = nil) throws(PyError) {
        try scoped { () throws(PyError) in try executeInScope(source, filename: filename, in: module) }
    }

    private func executeInScope(_ source: String, filename: String, in module: PyModule?) throws(PyError) {
        let module = module ?? mainModule
        if depth == 0 { stackLimit = Interpreter.currentStackLimit() }
        let body: [Stmt]
        do throws(SyntaxError) {
            body = try Parser.parseModule(source, filename: filename)
        } catch {
            throw makeSyntaxError(error)
        }
        if !filename.hasPrefix("<") {
            sourceLines[filename] = source.split(separator: "\n", omittingEmptySubsequences: false)
        }
        let code = Resolver.resolveModule(body, filename: filename)
        let run = code.compiledBody(body)
        let frame = makeFrame(code: code, globals: module.namespace)
        let saved = currentFrame
        currentFrame = frame
        defer { currentFrame = saved }
        do throws(PyError) {
            _ = try run(self, frame)
        } catch {
            record(error, in: frame)
            throw error
        }
    }

    /// Runs one REPL entry: like ``execute(_:filename:in:)``, but the value of each expression
    /// statement that is not `None` is echoed with `repr` (and stored in `builtins._`).
    public func executeInteractive(_ source: String, filename: String = "<stdin>") throws(PyError) {
        isInteractive = true
        defer { isInteractive = false }
        try execute(source, filename: filename)
    }

    /// Evaluates one expression in `__main__` and returns its value.
    public func evaluate(_ source: String, filename: String = "<string>") throws(PyError) -> PyValue {
        try scoped { () throws(PyError) in try evaluateInScope(source, filename: filename) }
    }

    private func evaluateInScope(_ source: String, filename: String) throws(PyError) -> PyValue {
        let expr: Expr
        do throws(SyntaxError) {
            expr = try Parser.parseExpression(source, filename: filename)
        } catch {
            throw makeSyntaxError(error)
        }
        let code = Resolver.resolveModule([.expression(expr, expr.range)], filename: filename)
        let frame = makeFrame(code: code, globals: mainModule.namespace)
        return try code.compiledExpression(expr)(self, frame)
    }

    /// Runs `body` inside ``runScope`` unless already inside it.
    private func scoped<T>(_ body: () throws(PyError) -> T) throws(PyError) -> T {
        guard let runScope, !isInRunScope else { return try body() }
        isInRunScope = true
        defer { isInRunScope = false }
        var outcome: Result<T, PyError>?
        try runScope { () throws(PyError) in
            do throws(PyError) { outcome = .success(try body()) } catch { outcome = .failure(error) }
        }
        guard let outcome else { throw PyError.runtimeError("the interpreter's run scope did not run the code") }
        return try outcome.get()
    }

    func makeFrame(code: CodeInfo, globals: PyDict, namespace: PyDict? = nil, cells: [PyCell] = []) -> Frame {
        nextFrameID += 1
        return Frame(code: code, globals: globals, namespace: namespace, cells: cells, id: nextFrameID)
    }

    // MARK: - Output

    /// Writes text to `sys.stdout`.
    public func write(_ text: String) { writeStdout(text) }

    // MARK: - Checks

    /// Raises `KeyboardInterrupt` if an interrupt was requested.
    @inline(__always)
    func checkInterrupt() throws(PyError) {
        if interrupt.isSet && interrupt.take() {
            throw PyError(type: .keyboardInterrupt, message: "")
        }
    }

    /// Raises `RecursionError` when the Python call depth or the native stack runs out.
    @inline(__always)
    func enterCall() throws(PyError) {
        depth += 1
        if depth > recursionLimit || isStackLow() {
            depth -= 1
            throw PyError(type: .recursionError, message: "maximum recursion depth exceeded")
        }
    }

    func isStackLow() -> Bool {
        guard stackLimit != 0 else { return false }
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        return here < stackLimit
    }

    /// Guards recursive native code (repr, equality of nested containers).
    func checkStack() throws(PyError) {
        if isStackLow() { throw PyError(type: .recursionError, message: "maximum recursion depth exceeded") }
    }
}
