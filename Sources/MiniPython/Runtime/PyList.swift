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

    deinit {
        // Move the items to a local first: an inout access to the stored property would stay
        // active during the whole nested release and make exclusivity checks quadratic.
        var taken: [PyValue] = []
        swap(&taken, &items)
        Trashcan.release(consume taken)
    }
}
