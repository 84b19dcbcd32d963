/// A Python value: immediates for the common scalars, a heap object for everything else.
///
/// `None`, `bool`, `int`, `float` and `str` are stored inline so arithmetic on them allocates
/// nothing; lists, dicts, functions, user instances, tensors (from TorchBridge)... are
/// ``PyObject`` subclasses behind `.object`. Identity (`is`) of immediates compares values,
/// which is what CPython's small-int and interned-string caches make visible in practice.
public enum PyValue: @unchecked Sendable {
    case none
    case bool(Bool)
    case int(PyIntValue)
    case float(Double)
    case str(String)
    case object(PyObject)
}

extension PyValue {
    /// An `int` from a Swift `Int`.
    public init(_ value: Int) { self = .int(.small(value)) }
    /// A `float`.
    public init(_ value: Double) { self = .float(value) }
    /// A `str`.
    public init(_ value: String) { self = .str(value) }
    /// A `bool`.
    public init(_ value: Bool) { self = .bool(value) }
    /// Any heap object.
    public init(_ object: PyObject) { self = .object(object) }

    /// The `NotImplemented` singleton, returned by binary special methods that give up.
    public static var notImplemented: PyValue { .object(PySingleton.notImplemented) }
    /// The `Ellipsis` singleton (`...`).
    public static var ellipsis: PyValue { .object(PySingleton.ellipsis) }

    /// The Python type of the value (`type(x)`).
    public var type: PyType {
        switch self {
        case .none: return PyType.noneType
        case .bool: return PyType.bool
        case .int: return PyType.int
        case .float: return PyType.float
        case .str: return PyType.str
        case .object(let object): return object.type
        }
    }

    public var isNone: Bool { if case .none = self { return true } else { return false } }

    public var isNotImplemented: Bool {
        if case .object(let o) = self { return o === PySingleton.notImplemented } else { return false }
    }

    /// The heap object, if the value is one.
    public var object: PyObject? {
        if case .object(let o) = self { return o } else { return nil }
    }

    /// The heap object as a given Swift class, if it is one (`value.as(PyList.self)`).
    public func `as`<T: PyObject>(_: T.Type) -> T? {
        if case .object(let o) = self { return o as? T } else { return nil }
    }

    /// `a is b`.
    public func isIdentical(to other: PyValue) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a.bitPattern == b.bitPattern
        case (.str(let a), .str(let b)): return a.utf8.elementsEqual(b.utf8)
        case (.object(let a), .object(let b)): return a === b
        default: return false
        }
    }
}

/// `NotImplemented` and `Ellipsis`.
public enum PySingleton {
    public static let notImplemented = PyObject(type: PyType.notImplementedType)
    public static let ellipsis = PyObject(type: PyType.ellipsisType)
}
