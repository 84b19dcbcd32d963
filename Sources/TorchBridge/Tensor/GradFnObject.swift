import MiniPython
import TensorEngine
import Synchronization

/// A `grad_fn` node as Python sees it: `<MulBackward0 object at 0x...>`, with `name()` and
/// `next_functions`. Each node name is its own class, so `type(y.grad_fn).__name__` is
/// `MulBackward0` as in PyTorch.
final class PyGradFn: PyObject, @unchecked Sendable {
    let node: GradFn

    init(_ node: GradFn) {
        self.node = node
        super.init(type: PyGradFn.type(named: node.name))
    }

    private static let types = Mutex<[String: PyType]>([:])

    /// Nodes of PyTorch's tensor-tensor overloads: a Python number operand (`x * 2`) is
    /// wrapped as a tensor that needs no gradient, so PyTorch lists a `(None, 0)` edge for it
    /// where the engine keeps only the tensor's.
    private static let twoOperandNodes: Set<String> = ["AddBackward0", "SubBackward0", "MulBackward0", "DivBackward0"]

    /// The class for nodes called `name` (created once, then shared).
    static func type(named name: String) -> PyType {
        types.withLock { types in
            if let t = types[name] { return t }
            let t = PyType(name: name, module: "torch.autograd.graph", base: .object, isBaseType: false)
            // PyTorch names its C++ accumulation node with its namespace.
            let shownName = name == "AccumulateGrad" ? "torch::autograd::AccumulateGrad" : name
            t.addMethod("name(self)") { (_, _) throws(PyError) in .str(shownName) }
            t.addProperty("next_functions") { (_, v) throws(PyError) in
                guard let node = v.as(PyGradFn.self)?.node else { return .tuple([]) }
                var edges: [PyValue] = node.inputs.map { edge in
                    guard let edge else { return .tuple([.none, PyValue(0)]) }
                    return .tuple([.object(PyGradFn(edge.node)), PyValue(edge.inputNr)])
                }
                if edges.count == 1 && twoOperandNodes.contains(name) { edges.append(.tuple([.none, PyValue(0)])) }
                return .tuple(edges)
            }
            if name == "AccumulateGrad" {
                t.addProperty("variable") { (_, v) throws(PyError) in
                    v.as(PyGradFn.self)?.node.variable.map { .tensor($0) } ?? .none
                }
            }
            t.addMethod("__repr__(self, /)") { (_, args) throws(PyError) in
                .str("<\(name) object at \(args[0].object?.addressString ?? "0x0")>")
            }
            t.addMethod("__eq__(self, other, /)") { (_, args) throws(PyError) in
                guard let a = args[0].as(PyGradFn.self), let b = args[1].as(PyGradFn.self) else { return .notImplemented }
                return .bool(a.node === b.node)
            }
            t.addMethod("__hash__(self, /)") { (_, args) throws(PyError) in
                PyValue(args[0].as(PyGradFn.self).map { ObjectIdentifier($0.node).hashValue } ?? 0)
            }
            types[name] = t
            return t
        }
    }
}
