/// An exception instance: `ValueError("bad")`, or an instance of a user subclass.
///
/// Besides `args` it keeps the chaining links CPython prints (`__cause__`, `__context__`)
/// and the traceback collected while it propagates, innermost frame first.
public final class PyBaseException: PyObject, @unchecked Sendable {
    /// `e.args`
    public var args: [PyValue]
    /// `raise ... from cause`
    public var cause: PyBaseException?
    /// The exception being handled when this one was raised.
    public var context: PyBaseException?
    /// Set by `raise ... from ...` (also `from None`): the context is not printed.
    public var suppressContext = false
    /// Frames the exception passed through, innermost first (printed reversed).
    public var traceback: [TracebackEntry] = []
    /// For a `SyntaxError` raised by the parser: the details CPython prints.
    public var syntaxError: SyntaxError?
    /// `NameError.name` / `AttributeError.name`, for "Did you mean" suggestions.
    var suggestionName: String?
    /// Names in scope when a NameError was raised: locals, globals, builtins.
    var nameCandidates: [[String]] = []
    /// The object of an AttributeError (`AttributeError.obj`).
    var attributeTarget: PyValue?
    /// `errno`, `strerror`, `filename`, `filename2` of an `OSError` built from them.
    var osDetails: OSErrorDetails?

    public init(type: PyType, args: [PyValue] = []) {
        self.args = args
        super.init(type: type, hasDict: true)
    }

    deinit {
        // `ValueError(ValueError(...))` and long `__context__` chains: see Note [Trashcan].
        var taken: [PyValue] = []
        swap(&taken, &args)
        Trashcan.releaseIfNested(consume taken)
        if cause != nil || context != nil { Trashcan.release(owner: (cause.take(), context.take())) }
    }

    /// The message for builtin exceptions with simple arguments (Swift-side convenience; use
    /// `Interpreter.str` for the exact `str(e)`).
    public var message: String {
        func text(_ v: PyValue) -> String {
            switch v {
            case .str(let s): return type.isSubtype(of: PyType.keyError) ? pythonRepr(s) : s
            case .int(let i): return i.description
            case .float(let d): return PyNumberFormat.repr(d)
            case .bool(let b): return b ? "True" : "False"
            case .none: return "None"
            case .object(let o): return "<\(o.type.name) object>"
            }
        }
        if let details = osDetails,
           let os = try? details.message(str: { text($0) }, repr: { if case .str(let s) = $0 { pythonRepr(s) } else { text($0) } }) {
            return os
        }
        return args.count == 1 ? text(args[0]) : ""
    }
}

/// One line of a traceback: `File "x.py", line 3, in f`.
public struct TracebackEntry: Sendable {
    public var filename: String
    public var line: Int
    public var function: String
    /// Which frame activation added it, so re-raising in the same frame adds nothing.
    var frameID: Int
}

/// A Python exception travelling through Swift code: thrown by every `throws(PyError)`
/// function of the interpreter, builtins and native modules.
///
/// Raise one from Swift with a convenience constructor, or by exception name:
/// ```swift
/// throw PyError.valueError("expected a positive size")
/// throw PyError(typeName: "RuntimeError", message: "mat1 and mat2 shapes cannot be multiplied")
/// ```
public struct PyError: Error, CustomStringConvertible {
    /// The exception instance.
    public var exception: PyBaseException
    /// Set for the silent unwinding of an abandoned generator: no handler or `finally` runs.
    var isGeneratorKill = false

    public init(_ exception: PyBaseException) {
        self.exception = exception
    }

    /// An exception of a builtin type with a one-string message (no args when it is empty).
    public init(type: PyType, message: String) {
        self.exception = PyBaseException(type: type, args: message.isEmpty ? [] : [.str(message)])
    }

    /// An exception of the builtin (or registered) exception class with this name, e.g.
    /// `"RuntimeError"`; unknown names give a `RuntimeError`.
    public init(typeName: String, message: String) {
        self.init(type: PyType.exceptionType(named: typeName) ?? PyType.runtimeError, message: message)
    }

    public static func typeError(_ message: String) -> PyError { PyError(type: .typeError, message: message) }
    public static func valueError(_ message: String) -> PyError { PyError(type: .valueError, message: message) }
    public static func indexError(_ message: String) -> PyError { PyError(type: .indexError, message: message) }
    public static func runtimeError(_ message: String) -> PyError { PyError(type: .runtimeError, message: message) }
    public static func attributeError(_ message: String) -> PyError { PyError(type: .attributeError, message: message) }
    public static func notImplementedError(_ message: String = "") -> PyError {
        PyError(type: .notImplementedError, message: message)
    }
    public static func zeroDivisionError(_ message: String) -> PyError { PyError(type: .zeroDivisionError, message: message) }
    public static func overflowError(_ message: String) -> PyError { PyError(type: .overflowError, message: message) }
    public static func memoryError(_ message: String = "") -> PyError { PyError(type: .memoryError, message: message) }
    public static func nameError(_ message: String) -> PyError { PyError(type: .nameError, message: message) }
    public static func stopIteration(_ value: PyValue = .none) -> PyError {
        PyError(PyBaseException(type: .stopIteration, args: value.isNone ? [] : [value]))
    }
    /// `KeyError(key)`: its message is the repr of the key.
    public static func keyError(_ key: PyValue) -> PyError {
        PyError(PyBaseException(type: .keyError, args: [key]))
    }

    /// True when the exception is an instance of `type` (or a subclass).
    public func matches(_ type: PyType) -> Bool { exception.type.isSubtype(of: type) }

    public var description: String {
        let message = exception.message
        return message.isEmpty ? exception.type.name : "\(exception.type.name): \(message)"
    }
}
