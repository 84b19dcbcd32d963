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
        // Only objects can nest (see Note [Trashcan]): items that are all numbers or strings
        // are freed right here.
        guard items.contains(where: { if case .object = $0 { return true } else { return false } }) else { return }
        // Move the items to a local first: an inout access to the stored property would stay
        // active during the whole nested release and make exclusivity checks quadratic.
        var taken: [PyValue] = []
        swap(&taken, &items)
        Trashcan.release(consume taken)
    }
}
