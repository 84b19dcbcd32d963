import MiniPython
import TensorEngine
import Synchronization

/// The named tuples of `torch.return_types`: `torch.return_types.max(values=..., indices=...)`.
///
/// Each op has its own class (`type(r).__name__ == "max"`), a tuple subclass with one
/// property per field, printed on several lines as PyTorch does:
/// ```
/// torch.return_types.max(
/// values=tensor([2., 4.]),
/// indices=tensor([1, 1]))
/// ```
enum ReturnTypes {
    private static let cache = Mutex<[String: PyType]>([:])

    /// The class for op `name` with `fields` (created once, then shared).
    static func type(_ name: String, fields: [String] = ["values", "indices"]) -> PyType {
        cache.withLock { types in
            if let t = types[name] { return t }
            let t = PyType(name: name, module: "torch.return_types", base: .tuple, isBaseType: false) { PyTuple(type: $0, []) }
            t.qualname = name
            for (i, field) in fields.enumerated() {
                t.addProperty(field) { (_, v) throws(PyError) in
                    guard let items = v.as(PyTuple.self)?.items, i < items.count else { return .none }
                    return items[i]
                }
            }
            t.addMethod("__repr__(self, /)") { (interp, args) throws(PyError) in
                let items = args[0].as(PyTuple.self)?.items ?? []
                var parts: [String] = []
                for (field, item) in zip(fields, items) { parts.append("\(field)=" + (try interp.repr(item))) }
                return .str("torch.return_types.\(name)(\n" + parts.joined(separator: ",\n") + ")")
            }
            types[name] = t
            return t
        }
    }

    /// A `(values, indices)` result of op `name`.
    static func make(_ name: String, _ values: Tensor, _ indices: Tensor) -> PyValue {
        .object(PyTuple(type: type(name), [.tensor(values), .tensor(indices)]))
    }
}
