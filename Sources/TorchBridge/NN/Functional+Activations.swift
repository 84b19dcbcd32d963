import MiniPython
import NeuralNet
import TensorEngine

extension FunctionalModule {
    /// Activation functions, softmax and dropout. `inplace=True` writes the result back into
    /// the input, as PyTorch's in-place variants do.
    static func addActivations(to module: PyModule) {
        /// The activation `make` returns once it has read its arguments, applied to x; with
        /// `inplace=True` its result is written into x, which takes over its history (the
        /// activation sees a copy of x while autograd records, so what it saves stays intact).
        func activation(_ signature: String,
                        _ make: @escaping (BoundArguments, Interpreter) throws(PyError) -> (Tensor, _ inplace: Bool) throws(TensorError) -> Tensor) {
            module.addFunction(signature) { (interp, args) throws(PyError) in
                let x = try args.tensor(0)
                let apply = try make(args, interp)
                if signature.contains("inplace"), try args.bool("inplace") {
                    try engine { () throws(TensorError) in try x.applyInPlace { (old: Tensor) throws(TensorError) in try apply(old, true) } }
                    return args[0]
                }
                return .tensor(try engine { try apply(x, false) })
            }
        }
        func unary(_ signature: String, _ body: @escaping (Tensor) throws(TensorError) -> Tensor) {
            activation(signature) { (_, _) throws(PyError) in { (x, _) throws(TensorError) in try body(x) } }
        }
        unary("relu(input, inplace=False)") { (x) throws(TensorError) in try x.relu() }
        unary("sigmoid(input)") { (x) throws(TensorError) in try x.sigmoid() }
        unary("tanh(input)") { (x) throws(TensorError) in try x.tanh() }
        unary("silu(input, inplace=False)") { (x) throws(TensorError) in try x.silu() }
        activation("leaky_relu(input, negative_slope=0.01, inplace=False)") { (args, interp) throws(PyError) in
            let slope = try args.double("negative_slope", interp)
            return { (x, inplace) throws(TensorError) in
                try x.leakyRelu(slope, backwardName: inplace ? "LeakyReluBackward1" : "LeakyReluBackward0")
            }
        }
        activation("elu(input, alpha=1.0, inplace=False)") { (args, interp) throws(PyError) in
            let alpha = try args.double("alpha", interp)
            return { (x, inplace) throws(TensorError) in
                try x.elu(alpha: alpha, backwardName: inplace ? "EluBackward1" : "EluBackward0")
            }
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
        activation("hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False)") { (args, interp) throws(PyError) in
            let lo = try args.double("min_val", interp), hi = try args.double("max_val", interp)
            return { (x, _) throws(TensorError) in try x.clamp(min: .double(lo), max: .double(hi)) }
        }
        unary("relu6(input, inplace=False)") { (x) throws(TensorError) in try x.clamp(min: .double(0), max: .double(6)) }
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
            if try args.bool("inplace") {
                try engine { () throws(TensorError) in try x.applyInPlace { (old: Tensor) throws(TensorError) in try old.dropout(p: p, training: training) } }
                return args[0]
            }
            return .tensor(try engine { try x.dropout(p: p, training: training) })
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
