import MiniPython
import TensorEngine

/// `torch.Size`: a tuple subclass that prints as `torch.Size([2, 3])`.
///
/// Slicing and concatenation keep the type (`s[1:]`, `s + (5,)`, `(5,) + s`), as in PyTorch.
enum TorchSize {
    static let type: PyType = {
        let type = PyType(name: "Size", module: "torch", base: .tuple) { PyTuple(type: $0, []) }
        type.addStaticMethod("__new__(cls, sizes=(), /)") { (interp, args) throws(PyError) in
            let cls = args[0].as(PyType.self) ?? type
            var items: [PyValue] = []
            for v in try interp.toArray(args[1]) {
                items.append(PyValue(try IntArgs.int(v, interp, "Size", "sizes")))
            }
            return .object(PyTuple(type: cls, items))
        }
        type.addMethod("__repr__(self, /)") { (interp, args) throws(PyError) in
            let items = args[0].as(PyTuple.self)?.items ?? []
            var parts: [String] = []
            for item in items { parts.append(try interp.repr(item)) }
            return .str("torch.Size([" + parts.joined(separator: ", ") + "])")
        }
        type.addMethod("__getitem__(self, key, /)") { (interp, args) throws(PyError) in
            let items = args[0].as(PyTuple.self)?.items ?? []
            if let slice = args[1].as(PySlice.self) {
                let s = try interp.sliceIndices(slice, length: items.count)
                return make(s.map { items[$0] })
            }
            var i = try interp.index(args[1], "tuple indices must be integers or slices, not \(args[1].type.name)")
            if i < 0 { i += items.count }
            guard i >= 0 && i < items.count else { throw PyError.indexError("tuple index out of range") }
            return items[i]
        }
        type.addMethod("__add__(self, other, /)") { (_, args) throws(PyError) in
            guard let other = args[1].as(PyTuple.self) else { return .notImplemented }
            return make((args[0].as(PyTuple.self)?.items ?? []) + other.items)
        }
        type.addMethod("__radd__(self, other, /)") { (_, args) throws(PyError) in
            guard let other = args[1].as(PyTuple.self) else { return .notImplemented }
            return make(other.items + (args[0].as(PyTuple.self)?.items ?? []))
        }
        type.addMethod("__mul__(self, n, /)") { (interp, args) throws(PyError) in
            guard case .int = args[1] else { return .notImplemented }
            let n = max(0, try interp.expectInt(args[1]))
            let items = args[0].as(PyTuple.self)?.items ?? []
            if n > 0 && items.count > (1 << 28) / n { throw PyError.memoryError() }
            return make(Array([[PyValue]](repeating: items, count: n).joined()))
        }
        type.addMethod("__rmul__(self, n, /)") { (interp, args) throws(PyError) in
            guard case .int = args[1] else { return .notImplemented }
            let n = max(0, try interp.expectInt(args[1]))
            let items = args[0].as(PyTuple.self)?.items ?? []
            if n > 0 && items.count > (1 << 28) / n { throw PyError.memoryError() }
            return make(Array([[PyValue]](repeating: items, count: n).joined()))
        }
        /// torch.Size.numel()
        type.addMethod("numel(self)") { (interp, args) throws(PyError) in
            var n = 1
            for item in args[0].as(PyTuple.self)?.items ?? [] { n &*= try interp.expectInt(item) }
            return PyValue(n)
        }
        return type
    }()

    /// A `torch.Size` value.
    static func make(_ items: [PyValue]) -> PyValue { .object(PyTuple(type: type, items)) }

    /// The `torch.Size` of a shape.
    static func make(_ shape: [Int]) -> PyValue { make(shape.map { PyValue($0) }) }
}
