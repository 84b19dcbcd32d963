/// A variable shared between a function and the closures defined inside it.
final class PyCell: PyObject, @unchecked Sendable {
    var value: PyValue?

    init(_ value: PyValue? = nil) {
        self.value = value
        super.init(type: .cell)
    }

    deinit {
        // Closures of closures of closures: see Note [Trashcan].
        if case .object? = value { Trashcan.release(owner: value.take()) }
    }
}
