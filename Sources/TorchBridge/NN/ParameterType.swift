import MiniPython
import TensorEngine

/// `torch.nn.Parameter`: a `torch.Tensor` subclass that `nn.Module` registers as a learnable
/// weight. `Parameter(t)` shares `t`'s storage as a new leaf that requires grad.
enum ParameterType {
    static let type: PyType = {
        let type = PyType(name: "Parameter", module: "torch.nn.parameter", base: TensorType.type) {
            PyTensor(TensorType.placeholder, type: $0)
        }
        type.addStaticMethod("__new__(cls, data=None, requires_grad=True)") { (interp, args) throws(PyError) in
            let cls = args[0].as(PyType.self) ?? type
            let data = args[1].isNone ? try engine { try Tensor.empty([0]) } : try args.tensor(1)
            let leaf = data.detach()
            if try interp.isTrue(args[2]) { _ = try engine { try leaf.requiresGrad_(true) } }
            return .object(PyTensor(leaf, type: cls))
        }
        type.addMethod("__init__(self, *args, **kwargs)") { (_, _) throws(PyError) in .none }
        type.addMethod("__repr__(self, /)") { (interp, args) throws(PyError) in
            .str("Parameter containing:\n" + (try TensorType.text(args[0], interp)))
        }
        type.addMethod("__str__(self, /)") { (interp, args) throws(PyError) in
            .str("Parameter containing:\n" + (try TensorType.text(args[0], interp)))
        }
        return type
    }()
}
