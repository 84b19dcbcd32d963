/// Converting Python values to Swift values in native functions, with CPython's TypeErrors.
///
/// ```swift
/// let n = try interp.expectInt(args["n"], "n")          // Int, or TypeError
/// let x = try interp.expectFloat(args[0])               // int, float, bool or __float__
/// let items = try interp.toArray(args["sizes"])         // any iterable
/// ```
extension Interpreter {
    /// An `int` (or bool, or object with `__index__`) that fits in a Swift Int.
    public func expectInt(_ v: PyValue, _ name: String? = nil) throws(PyError) -> Int {
        switch v {
        case .int(let i):
            guard let n = i.asInt else { throw PyError.overflowError("Python int too large to convert to C ssize_t") }
            return n
        case .bool(let b): return b ? 1 : 0
        case .object(let o) where o.type.lookup("__index__") != nil:
            return try index(v, "")
        default:
            throw PyError.typeError("'\(v.type.name)' object cannot be interpreted as an integer")
        }
    }

    /// A Python int of any size.
    public func expectBigInt(_ v: PyValue) throws(PyError) -> PyIntValue {
        switch v {
        case .int(let i): return i
        case .bool(let b): return PyIntValue(b ? 1 : 0)
        case .object(let o) where o.type.lookup("__index__") != nil:
            if let r = try callSpecial(v, "__index__"), case .int(let i) = r { return i }
            throw PyError.typeError("__index__ returned non-int (type \(v.type.name))")
        default:
            throw PyError.typeError("'\(v.type.name)' object cannot be interpreted as an integer")
        }
    }

    /// A real number as a Double (`float(x)` semantics for int, bool, float, `__float__`, `__index__`).
    public func expectFloat(_ v: PyValue, _ name: String? = nil) throws(PyError) -> Double {
        switch v {
        case .float(let d): return d
        case .int(let i): return try toDouble(i)
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            if o.type.lookup("__float__") != nil, let r = try callSpecial(v, "__float__") {
                if case .float(let d) = r { return d }
                throw PyError.typeError("\(o.type.name).__float__ returned non-float (type \(r.type.name))")
            }
            if o.type.lookup("__index__") != nil { return try toDouble(try expectBigInt(v)) }
        default: break
        }
        throw PyError.typeError("must be real number, not \(v.type.name)")
    }

    /// A `str`.
    public func expectStr(_ v: PyValue, _ what: String? = nil) throws(PyError) -> String {
        if case .str(let s) = v { return s }
        throw PyError.typeError("\(what ?? "argument") must be str, not \(v.type.name)")
    }

    /// `isinstance(v, type)`
    public func isInstance(_ v: PyValue, _ type: PyType) -> Bool {
        v.type.isSubtype(of: type)
    }

    /// A Python list of Swift values converted by `transform`.
    public func makeList<S: Sequence>(_ items: S, _ transform: (S.Element) -> PyValue) -> PyValue {
        .list(items.map(transform))
    }

    /// A Python dict with string keys, in order.
    public func makeDict(_ pairs: [(String, PyValue)]) -> PyValue {
        let dict = PyDict()
        for (k, v) in pairs { dict.set(str: k, v) }
        return .object(dict)
    }
}
