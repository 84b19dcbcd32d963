/// A native iterator: `iter(list)`, `enumerate(...)`, `zip(...)`, `map(...)`... Each call of
/// `next` returns the next value, or nil when exhausted (the caller raises StopIteration).
public final class PyIterator: PyObject, @unchecked Sendable {
    private var nextValue: ((Interpreter) throws(PyError) -> PyValue?)?

    public init(type: PyType = .iterator, _ next: @escaping (Interpreter) throws(PyError) -> PyValue?) {
        self.nextValue = next
        super.init(type: type)
    }

    deinit {
        // `map(f, map(f, ...))` a million deep: the closure holds the inner iterator.
        if nextValue != nil { Trashcan.release(owner: nextValue.take()) }
    }

    /// The next value, or nil once exhausted (and forever after).
    public func next(_ interp: Interpreter) throws(PyError) -> PyValue? {
        guard let nextValue else { return nil }
        if let value = try nextValue(interp) { return value }
        self.nextValue = nil
        return nil
    }
}

/// `dict.keys()`, `dict.values()`, `dict.items()`: live views of a dict.
public final class PyDictView: PyObject, @unchecked Sendable {
    public enum Kind { case keys, values, items }
    public let source: PyDict
    public let kind: Kind

    public init(_ dict: PyDict, _ kind: Kind) {
        self.source = dict
        self.kind = kind
        switch kind {
        case .keys: super.init(type: .dictKeys)
        case .values: super.init(type: .dictValues)
        case .items: super.init(type: .dictItems)
        }
    }
}
