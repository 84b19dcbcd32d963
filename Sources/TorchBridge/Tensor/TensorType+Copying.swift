import MiniPython
import TensorEngine

extension TensorType {
    /// `copy.copy(t)` and `copy.deepcopy(t)`.
    ///
    /// A deep copy is a new leaf with its own storage and the same `requires_grad` (and, for
    /// a plain tensor, a deep copy of its `.grad`), of the same class (an `nn.Parameter` stays
    /// one); `memo` keeps tensors shared between copied objects shared (tied weights). As in
    /// PyTorch, only leaves can be deep-copied. A shallow copy is a new tensor object over
    /// the same storage.
    static func addCopying(_ type: PyType) {
        type.addMethod("__deepcopy__(self, memo)") { (interp, args) throws(PyError) in
            guard let box = args[0].as(PyTensor.self) else { return .notImplemented }
            let original = box.tensor
            guard original.isLeaf else {
                throw PyError.runtimeError("Only Tensors created explicitly by the user (graph leaves) support the deepcopy protocol at the moment.  If you were attempting to deepcopy a module, this may be because of a torch.nn.utils.weight_norm usage, see https://github.com/pytorch/pytorch/pull/103001")
            }
            let memo = args[1].as(PyDict.self)
            let key = PyValue(box.identity)
            if let memo, let known = try memo.get(key, interp) { return known }
            let copied = try engine { () throws(TensorError) in
                let data = try original.detach().clone()
                return original.requiresGrad ? try data.requiresGrad_(true) : data
            }
            if box.type === TensorType.type, let grad = original.grad {
                copied.grad = try engine { try grad.detach().clone() }
            }
            let result = PyTensor(copied, type: box.type)
            if let memo { try memo.set(key, .object(result), interp) }
            if let attributes = box.dict, let target = result.dict, !attributes.items.isEmpty {
                let deepcopy = try interp.importModule("copy")["deepcopy"] ?? .none
                for (name, value) in attributes.items {
                    try target.set(name, try interp.call(deepcopy, [value, args[1]]), interp)
                }
            }
            return .object(result)
        }
        type.addMethod("__copy__(self)") { (_, args) throws(PyError) in
            guard let box = args[0].as(PyTensor.self) else { return .notImplemented }
            let copied = try engine { () throws(TensorError) in
                let view = box.tensor.detach()
                return box.tensor.requiresGrad && box.tensor.isLeaf ? try view.requiresGrad_(true) : view
            }
            return .object(PyTensor(copied, type: box.type))
        }
    }
}
