/// Binding names at run time (imports bind names chosen by the module), unpacking for
/// assignment targets, and the errors of unbound names. Compiled code resolves its names
/// ahead of time (`Compiler+Names.swift`).
extension Interpreter {
    /// Binds `name` in the scope of `f`, wherever the resolver put it.
    func store(_ name: String, _ value: PyValue, _ f: Frame) throws(PyError) {
        switch f.code.slot(name) {
        case .fast(let i): f.fast[i] = value
        case .cell(let i): f.cells[i].value = value
        case .global: f.globals.set(str: name, value)
        case .name, .classCell: f.namespace.set(str: name, value)
        }
    }

    static func unboundLocal(_ name: String) -> PyError {
        PyError(type: .unboundLocalError,
                message: "cannot access local variable '\(name)' where it is not associated with a value")
    }

    /// The items `value` unpacks to for `count` targets: tuples and lists directly; other
    /// iterables are consumed, and without a starred target only up to one item too many
    /// (like CPython, so an infinite iterator raises instead of hanging).
    func unpackItems(_ value: PyValue, count: Int, hasStar: Bool) throws(PyError) -> [PyValue] {
        if let tuple = value.as(PyTuple.self) { return tuple.items }
        if let list = value.as(PyList.self), list.type === PyType.list { return list.items }
        guard isIterable(value) else {
            throw PyError.typeError("cannot unpack non-iterable \(value.type.name) object")
        }
        if hasStar { return try toArray(value) }
        let iterator = try iter(value)
        var collected: [PyValue] = []
        while let item = try next(iterator) {
            collected.append(item)
            if collected.count > count {
                throw PyError.valueError("too many values to unpack (expected \(count))")
            }
        }
        return collected
    }
}
