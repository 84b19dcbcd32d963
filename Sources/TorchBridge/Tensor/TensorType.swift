import MiniPython
import TensorEngine

/// The `torch.Tensor` class: built once, on first use (the first `import torch`), then
/// shared by every interpreter.
///
/// Its members come from the op tables (`MathOps`, `ReductionOps`, ...), whose method forms
/// become methods, plus the conversions, properties and special methods defined in the
/// `TensorType+*.swift` files.
public enum TensorType {
    /// `torch.Tensor`
    public static let type: PyType = {
        let type = PyType(name: "Tensor", module: "torch", base: .object) { PyTensor(placeholder, type: $0) }
        for op in TorchOps.all where op.kind != .function {
            type.addMethod(op.methodSignature, op.body)
        }
        addProperties(type)
        addOperators(type)
        addProtocols(type)
        addIndexing(type)
        addCopying(type)
        Unimplemented.add(to: type)
        OpHooks.instrument(type)
        return type
    }()

    /// The tensor of a fresh `torch.Tensor` subclass instance before `__init__` fills it.
    static let placeholder: Tensor = {
        do { return try Tensor.zeros([0]) } catch { preconditionFailure("cannot allocate an empty tensor: \(error)") }
    }()

    /// `self` of a method, with PyTorch's error for a non-tensor receiver.
    static func receiver(_ v: PyValue, _ method: String) throws(PyError) -> Tensor {
        if let t = v.tensorValue { return t }
        throw PyError.typeError("descriptor '\(method)' for 'torch._C.TensorBase' objects doesn't apply to a '\(v.type.name)' object")
    }
}

/// Every op table, in registration order.
enum TorchOps {
    static let all: [TorchOp] = MathOps.unaryOps + MathOps.binaryOps + MathOps.selectionOps
        + ReductionOps.ops + ShapeOps.ops + IndexingOps.ops + CreationOps.ops + RandomOps.ops
        + ConversionOps.ops + AutogradOps.tensorOps + MatrixOps.ops + ArrangementOps.ops + SpecialMathOps.ops
        + FunctionalModule.convolutionTorchOps + FunctionalModule.poolingTorchOps + FunctionalModule.paddingTorchOps
}
