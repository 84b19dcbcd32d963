import MiniPython
import TensorEngine

extension TensorType {
    /// Properties: `shape`, `dtype`, `device`, `ndim`, `T`, `mT`, `data`, `grad`,
    /// `requires_grad`, `is_leaf`, `grad_fn`, ... (https://pytorch.org/docs/stable/tensors.html).
    static func addProperties(_ type: PyType) {
        type.addProperty("shape") { (_, v) throws(PyError) in TorchSize.make(try receiver(v, "shape").shape) }
        type.addProperty("dtype") { (_, v) throws(PyError) in .object(PyDType.object(try receiver(v, "dtype").dtype)) }
        type.addProperty("device") { (_, _) throws(PyError) in .object(PyDevice.cpu) }
        type.addProperty("is_cuda") { (_, _) throws(PyError) in .bool(false) }
        type.addProperty("is_cpu") { (_, _) throws(PyError) in .bool(true) }
        type.addProperty("is_sparse") { (_, _) throws(PyError) in .bool(false) }
        type.addProperty("is_quantized") { (_, _) throws(PyError) in .bool(false) }
        type.addProperty("is_meta") { (_, _) throws(PyError) in .bool(false) }
        type.addProperty("ndim") { (_, v) throws(PyError) in PyValue(try receiver(v, "ndim").dim) }
        type.addProperty("itemsize") { (_, v) throws(PyError) in PyValue(try receiver(v, "itemsize").dtype.itemSize) }
        type.addProperty("nbytes") { (_, v) throws(PyError) in
            let t = try receiver(v, "nbytes")
            return PyValue(t.numel * t.dtype.itemSize)
        }
        type.addProperty("T") { (_, v) throws(PyError) in
            let t = try receiver(v, "T")
            return .tensor(try engine { try t.reversedDims() })
        }
        type.addProperty("mT") { (_, v) throws(PyError) in
            let t = try receiver(v, "mT")
            return .tensor(try engine { try t.matrixTranspose() })
        }
        type.addProperty("is_leaf") { (_, v) throws(PyError) in .bool(try receiver(v, "is_leaf").isLeaf) }
        type.addProperty("retains_grad") { (_, v) throws(PyError) in .bool(try receiver(v, "retains_grad").retainsGrad) }
        type.addProperty("grad_fn") { (_, v) throws(PyError) in
            guard let fn = try receiver(v, "grad_fn").gradFn else { return .none }
            return .object(PyGradFn(fn))
        }
        type.addProperty("requires_grad", get: { (_, v) throws(PyError) in
            .bool(try receiver(v, "requires_grad").requiresGrad)
        }, set: { (interp, v, value) throws(PyError) in
            let t = try receiver(v, "requires_grad")
            guard case .bool(let flag) = value else {
                throw PyError.typeError("requires_grad must be a bool, not \(value.type.name)")
            }
            if !t.isLeaf && flag { return }
            try engine { _ = try t.requiresGrad_(flag) }
        })
        type.addProperty("grad", get: { (_, v) throws(PyError) in
            guard let g = try receiver(v, "grad").grad else { return .none }
            return .tensor(g)
        }, set: { (_, v, value) throws(PyError) in
            let t = try receiver(v, "grad")
            if value.isNone { t.grad = nil; return }
            guard let g = value.tensorValue else {
                throw PyError.typeError("assigned grad expected to be a Tensor or None but got grad of type \(value.type.name)")
            }
            guard g.dtype == t.dtype else { throw PyError.runtimeError("assigned grad has data of a different type") }
            guard g.shape == t.shape else { throw PyError.runtimeError("assigned grad has data of a different size") }
            t.grad = g
        })
        type.addProperty("data", get: { (_, v) throws(PyError) in
            .tensor(try receiver(v, "data").detach())
        }, set: { (_, v, value) throws(PyError) in
            guard let box = v.as(PyTensor.self) else { throw PyError.typeError("data must be set on a Tensor") }
            guard let new = value.tensorValue else {
                throw PyError.typeError("data must be a Tensor, not \(value.type.name)")
            }
            // `t.data = x`: the box now holds x's storage; the leaf keeps requires_grad and grad.
            let old = box.tensor
            let replacement = new.detach()
            if old.requiresGrad { try engine { _ = try replacement.requiresGrad_(true) } }
            replacement.grad = old.grad
            box.tensor = replacement
        })
        type.addProperty("output_nr") { (_, _) throws(PyError) in PyValue(0) }
        type.addProperty("layout") { (_, _) throws(PyError) in .str("torch.strided") }
    }
}
