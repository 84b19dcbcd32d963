import MiniPython
import TensorEngine

/// A `torch.Tensor` as a Python object: a thin box around an engine ``Tensor``.
///
/// The box is what Python code sees (identity, `is`, `id()`); the engine tensor is what
/// the ops use. In-place methods return the same box, so `x.add_(1) is x` holds, as in
/// PyTorch. Setting `t.data = other` swaps the engine tensor inside the box.
public final class PyTensor: PyObject, @unchecked Sendable {
    /// The engine tensor.
    public var tensor: Tensor

    /// A box of type `torch.Tensor` (or of a subclass such as `nn.Parameter`).
    public init(_ tensor: Tensor, type: PyType = TensorType.type) {
        self.tensor = tensor
        super.init(type: type, hasDict: type.isHeapType)
    }
}

extension PyValue {
    /// A new `torch.Tensor` object for an engine tensor.
    static func tensor(_ t: Tensor) -> PyValue { .object(PyTensor(t)) }

    /// The engine tensor, if this value is a `torch.Tensor`.
    var tensorValue: Tensor? { (object as? PyTensor)?.tensor }
}
