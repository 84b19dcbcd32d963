/// `list` (and the storage of instances of user subclasses of `list`).
public final class PyList: PyObject, @unchecked Sendable {
    public var items: [PyValue]

    public init(type: PyType = .list, _ items: [PyValue]) {
        self.items = items
        super.init(type: type, hasDict: type.isHeapType)
    }

    public convenience init(_ items: [PyValue]) {
        self.init(type: .list, items)
    }

    deinit { Trashcan.free(&items) }  // see Note [Trashcan]
}
