import MiniPython
import NeuralNet
import TensorEngine

/// `torch._optim_kernels`: the native update of one parameter group for each optimizer, called
/// by the Python classes of `torch.optim` once per group and step. Each function takes the
/// group's parameters with gradients and their state tensors as parallel lists (PyTorch's
/// functional `torch.optim._functional` layout) and updates them in place with NeuralNet's
/// fused, PyTorch-exact updates, so a step costs one Python call per group.
enum OptimKernels {
    static func make() -> PyModule {
        let module = PyModule(name: "torch._optim_kernels")
        /// Returns the momentum buffers (new ones for parameters that had none).
        module.addFunction("sgd(params, grads, momentum_buffers, *, lr, momentum, dampening, weight_decay, nesterov, maximize)") { (interp, args) throws(PyError) in
            let (params, grads) = try parametersAndGrads(args, interp)
            let buffers = try optionalTensors(args["momentum_buffers"], count: params.count, interp, "momentum_buffers")
            let rule = NeuralNet.SGD(lr: try args.double("lr", interp), momentum: try args.double("momentum", interp),
                                     dampening: try args.double("dampening", interp),
                                     weightDecay: try args.double("weight_decay", interp),
                                     nesterov: try args.bool("nesterov"), maximize: try args.bool("maximize"))
            var out: [PyValue] = []
            for i in params.indices {
                let buffer = try engine { try rule.update(params[i], grad: grads[i], momentumBuffer: buffers[i]) }
                out.append(buffer.map { .tensor($0) } ?? .none)
            }
            return .list(out)
        }
        module.addFunction("adam(params, grads, exp_avgs, exp_avg_sqs, max_exp_avg_sqs, state_steps, *, amsgrad, beta1, beta2, lr, weight_decay, eps, maximize, decoupled_weight_decay)") { (interp, args) throws(PyError) in
            let (params, grads) = try parametersAndGrads(args, interp)
            let n = params.count
            let expAvgs = try tensors(args["exp_avgs"], count: n, interp, "exp_avgs")
            let expAvgSqs = try tensors(args["exp_avg_sqs"], count: n, interp, "exp_avg_sqs")
            let amsgrad = try args.bool("amsgrad")
            let maxSqs = amsgrad ? try tensors(args["max_exp_avg_sqs"], count: n, interp, "max_exp_avg_sqs") : []
            let steps = try tensors(args["state_steps"], count: n, interp, "state_steps")
            let rule = NeuralNet.Adam(lr: try args.double("lr", interp), beta1: try args.double("beta1", interp),
                                      beta2: try args.double("beta2", interp), eps: try args.double("eps", interp),
                                      weightDecay: try args.double("weight_decay", interp), amsgrad: amsgrad,
                                      maximize: try args.bool("maximize"),
                                      decoupledWeightDecay: try args.bool("decoupled_weight_decay"))
            for i in 0..<n {
                try engine {
                    try rule.update(params[i], grad: grads[i], step: steps[i], expAvg: expAvgs[i], expAvgSq: expAvgSqs[i],
                                    maxExpAvgSq: amsgrad ? maxSqs[i] : nil)
                }
            }
            return .none
        }
        module.addFunction("rmsprop(params, grads, square_avgs, grad_avgs, momentum_buffers, state_steps, *, lr, alpha, eps, weight_decay, momentum, centered, maximize)") { (interp, args) throws(PyError) in
            let (params, grads) = try parametersAndGrads(args, interp)
            let n = params.count
            let rule = NeuralNet.RMSprop(lr: try args.double("lr", interp), alpha: try args.double("alpha", interp),
                                         eps: try args.double("eps", interp),
                                         weightDecay: try args.double("weight_decay", interp),
                                         momentum: try args.double("momentum", interp),
                                         centered: try args.bool("centered"), maximize: try args.bool("maximize"))
            let squareAvgs = try tensors(args["square_avgs"], count: n, interp, "square_avgs")
            let gradAvgs = rule.centered ? try tensors(args["grad_avgs"], count: n, interp, "grad_avgs") : []
            let buffers = rule.momentum > 0 ? try tensors(args["momentum_buffers"], count: n, interp, "momentum_buffers") : []
            let steps = try tensors(args["state_steps"], count: n, interp, "state_steps")
            for i in 0..<n {
                try engine {
                    try rule.update(params[i], grad: grads[i], step: steps[i], squareAvg: squareAvgs[i],
                                    gradAvg: rule.centered ? gradAvgs[i] : nil,
                                    momentumBuffer: rule.momentum > 0 ? buffers[i] : nil)
                }
            }
            return .none
        }
        module.addFunction("adagrad(params, grads, state_sums, state_steps, *, lr, weight_decay, lr_decay, eps, maximize)") { (interp, args) throws(PyError) in
            let (params, grads) = try parametersAndGrads(args, interp)
            let n = params.count
            let sums = try tensors(args["state_sums"], count: n, interp, "state_sums")
            let steps = try tensors(args["state_steps"], count: n, interp, "state_steps")
            let rule = NeuralNet.Adagrad(lr: try args.double("lr", interp), lrDecay: try args.double("lr_decay", interp),
                                         weightDecay: try args.double("weight_decay", interp),
                                         eps: try args.double("eps", interp), maximize: try args.bool("maximize"))
            for i in 0..<n {
                try engine { try rule.update(params[i], grad: grads[i], step: steps[i], sum: sums[i]) }
            }
            return .none
        }
        return module
    }

    // MARK: - Arguments

    private static func parametersAndGrads(_ args: BoundArguments, _ interp: Interpreter) throws(PyError) -> ([Tensor], [Tensor]) {
        let params = try tensors(args["params"], count: nil, interp, "params")
        return (params, try tensors(args["grads"], count: params.count, interp, "grads"))
    }

    /// A list of tensors, of `count` items when given.
    private static func tensors(_ v: PyValue, count: Int?, _ interp: Interpreter, _ name: String) throws(PyError) -> [Tensor] {
        let items = try optionalTensors(v, count: count, interp, name)
        var out: [Tensor] = []
        for item in items {
            guard let t = item else { throw PyError.typeError("\(name) must contain Tensors, not NoneType") }
            out.append(t)
        }
        return out
    }

    /// A list of tensors or `None`s.
    private static func optionalTensors(_ v: PyValue, count: Int?, _ interp: Interpreter, _ name: String) throws(PyError) -> [Tensor?] {
        var out: [Tensor?] = []
        for item in try interp.toArray(v) {
            if item.isNone { out.append(nil); continue }
            guard let t = item.tensorValue else { throw PyError.typeError("\(name) must contain Tensors, not \(item.type.name)") }
            out.append(t)
        }
        if let count, out.count != count {
            throw PyError.valueError("\(name) has \(out.count) items, expected \(count)")
        }
        return out
    }
}
