import MiniPython
import NeuralNet
import TensorEngine

extension FunctionalModule {
    /// Activation functions, softmax and dropout. `inplace=True` writes the result back into
    /// the input, as PyTorch's in-place variants do.
    static func addActivations(to module: PyModule) {
        func unary(_ signature: String, _ body: @escaping (Tensor, BoundArguments, Interpreter) throws(TensorError) -> Tensor) {
            module.addFunction(signature) { (interp, args) throws(PyError) in
                let x = try args.tensor(0)
                let y = try engine { try body(x, args, interp) }
                if signature.contains("inplace"), try args.bool("inplace") {
                    try engine { _ = try x.copy_(y) }
                    return args[0]
                }
                return .tensor(y)
            }
        }
        unary("relu(input, inplace=False)") { (x, _, _) throws(TensorError) in try x.relu() }
        unary("sigmoid(input)") { (x, _, _) throws(TensorError) in try x.sigmoid() }
        unary("tanh(input)") { (x, _, _) throws(TensorError) in try x.tanh() }
        unary("silu(input, inplace=False)") { (x, _, _) throws(TensorError) in try x.silu() }
        module.addFunction("leaky_relu(input, negative_slope=0.01, inplace=False)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), slope = try args.double("negative_slope", interp)
            let y = try engine { try x.leakyRelu(slope) }
            if try args.bool("inplace") { try engine { _ = try x.copy_(y) }; return args[0] }
            return .tensor(y)
        }
        module.addFunction("elu(input, alpha=1.0, inplace=False)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), alpha = try args.double("alpha", interp)
            let y = try engine { try x.elu(alpha: alpha) }
            if try args.bool("inplace") { try engine { _ = try x.copy_(y) }; return args[0] }
            return .tensor(y)
        }
        module.addFunction("gelu(input, approximate='none')") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), mode = try interp.expectStr(args["approximate"], "approximate")
            guard mode == "none" || mode == "tanh" else {
                throw PyError.runtimeError("approximate argument must be either none or tanh.")
            }
            return .tensor(try engine { try x.gelu(approximate: mode) })
        }
        module.addFunction("softplus(input, beta=1, threshold=20)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            let beta = try args.double("beta", interp), threshold = try args.double("threshold", interp)
            return .tensor(try engine { try x.softplus(beta: beta, threshold: threshold) })
        }
        module.addFunction("hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            let lo = try args.double("min_val", interp), hi = try args.double("max_val", interp)
            let y = try engine { try x.clamp(min: .double(lo), max: .double(hi)) }
            if try args.bool("inplace") { try engine { _ = try x.copy_(y) }; return args[0] }
            return .tensor(y)
        }
        module.addFunction("relu6(input, inplace=False)") { (_, args) throws(PyError) in
            let x = try args.tensor(0)
            let y = try engine { try x.clamp(min: .double(0), max: .double(6)) }
            if try args.bool("inplace") { try engine { _ = try x.copy_(y) }; return args[0] }
            return .tensor(y)
        }
        for name in ["softmax", "log_softmax", "softmin"] {
            module.addFunction("\(name)(input, dim=None, _stacklevel=3, dtype=None)") { (interp, args) throws(PyError) in
                var x = try args.tensor(0)
                let dim = try args.optionalInt("dim", interp) ?? implicitSoftmaxDim(x.dim)
                if let dtype = try args.dtype() { x = try engine { try x.to(dtype) } }
                return .tensor(try engine {
                    switch name {
                    case "log_softmax": return try x.logSoftmax(dim: dim)
                    case "softmin": return try x.neg().softmax(dim: dim)
                    default: return try x.softmax(dim: dim)
                    }
                })
            }
        }
        module.addFunction("dropout(input, p=0.5, training=True, inplace=False)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), p = try args.double("p", interp), training = try args.bool("training")
            guard p >= 0 && p <= 1 else {
                throw PyError.valueError("dropout probability has to be between 0 and 1, but got \(PyNumberFormat.repr(p))")
            }
            let y = try engine { try x.dropout(p: p, training: training) }
            if try args.bool("inplace") { try engine { _ = try x.copy_(y) }; return args[0] }
            return .tensor(y)
        }
        module.addFunction("one_hot(tensor, num_classes=-1)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), n = try args.int("num_classes", interp)
            return .tensor(try engine { try x.oneHot(numClasses: n) })
        }
    }

    /// The dim `softmax` picks when none is given (PyTorch's `_get_softmax_dim`, which also warns).
    static func implicitSoftmaxDim(_ rank: Int) -> Int { rank == 0 || rank == 1 || rank == 3 ? 0 : 1 }

    /// `F.linear(input, weight, bias=None)`: `input @ weight.T + bias`, through `addmm` for
    /// 2-d inputs as PyTorch does (so `grad_fn` is `AddmmBackward0`).
    static func addLinear(to module: PyModule) {
        module.addFunction("linear(input, weight, bias=None)") { (_, args) throws(PyError) in
            let x = try args.tensor(0), w = try args.tensor(1), b = try args.optionalTensor("bias")
            return .tensor(try engine { try NeuralNet.linear(x, weight: w, bias: b) })
        }
    }
}
