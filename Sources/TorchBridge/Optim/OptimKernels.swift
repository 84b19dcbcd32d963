import MiniPython
import NeuralNet
import TensorEngine

/// `torch._optim_kernels`: one optimizer step of one parameter group, called by the Python
/// classes of `torch.optim` as `_kernels.sgd(group, self.state)`.
///
/// Each function does what PyTorch's `_init_group` plus `_single_tensor_*` do: it reads the
/// group's hyperparameters, skips parameters without a gradient, creates the per-parameter
/// state on first use (same keys, same order, same tensors as PyTorch) and updates parameter
/// and state in place with NeuralNet's fused, PyTorch-exact rules. Doing the loop natively
/// keeps a training step's Python work to one call per group.
enum OptimKernels {
    static func make() -> PyModule {
        let module = PyModule(name: "torch._optim_kernels")
        module.addFunction("sgd(group, state)") { (interp, args) throws(PyError) in
            let group = try Group(args[0], interp)
            let rule = NeuralNet.SGD(lr: try group.double("lr"), momentum: try group.double("momentum"),
                                     dampening: try group.double("dampening"),
                                     weightDecay: try group.double("weight_decay"),
                                     nesterov: try group.bool("nesterov"), maximize: try group.bool("maximize"))
            for (value, param, grad) in try group.parametersWithGrad() {
                guard rule.momentum != 0 else {
                    _ = try engine { try rule.update(param, grad: grad, momentumBuffer: nil) }
                    continue
                }
                let state = try entry(args[1], value, interp)
                let buffer = try optionalTensor(state, "momentum_buffer")
                if let updated = try engine({ try rule.update(param, grad: grad, momentumBuffer: buffer) }) {
                    state.set(str: "momentum_buffer", .tensor(updated))
                }
            }
            return .none
        }
        module.addFunction("adam(group, state)") { (interp, args) throws(PyError) in
            let group = try Group(args[0], interp)
            let betas = try interp.toArray(try group.value("betas"))
            guard betas.count == 2 else { throw PyError.valueError("betas must hold 2 values, not \(betas.count)") }
            let rule = NeuralNet.Adam(lr: try group.double("lr"), beta1: try group.double(betas[0], "betas"),
                                      beta2: try group.double(betas[1], "betas"), eps: try group.double("eps"),
                                      weightDecay: try group.double("weight_decay"), amsgrad: try group.bool("amsgrad"),
                                      maximize: try group.bool("maximize"),
                                      decoupledWeightDecay: try group.bool("decoupled_weight_decay"))
            for (value, param, grad) in try group.parametersWithGrad() {
                let state = try entry(args[1], value, interp)
                if state.count == 0 {
                    state.set(str: "step", .tensor(try engine { try Tensor.zeros([], dtype: .float32) }))
                    state.set(str: "exp_avg", .tensor(try zerosLike(param)))
                    state.set(str: "exp_avg_sq", .tensor(try zerosLike(param)))
                    if rule.amsgrad { state.set(str: "max_exp_avg_sq", .tensor(try zerosLike(param))) }
                }
                let maxExpAvgSq = rule.amsgrad ? try tensor(state, "max_exp_avg_sq") : nil
                let (step, expAvg, expAvgSq) = (try tensor(state, "step"), try tensor(state, "exp_avg"),
                                                try tensor(state, "exp_avg_sq"))
                try engine {
                    try rule.update(param, grad: grad, step: step, expAvg: expAvg, expAvgSq: expAvgSq, maxExpAvgSq: maxExpAvgSq)
                }
            }
            return .none
        }
        module.addFunction("rmsprop(group, state)") { (interp, args) throws(PyError) in
            let group = try Group(args[0], interp)
            let rule = NeuralNet.RMSprop(lr: try group.double("lr"), alpha: try group.double("alpha"),
                                         eps: try group.double("eps"), weightDecay: try group.double("weight_decay"),
                                         momentum: try group.double("momentum"), centered: try group.bool("centered"),
                                         maximize: try group.bool("maximize"))
            for (value, param, grad) in try group.parametersWithGrad() {
                let state = try entry(args[1], value, interp)
                if state.count == 0 {
                    state.set(str: "step", .tensor(try engine { try Tensor.zeros([], dtype: .float32) }))
                    state.set(str: "square_avg", .tensor(try zerosLike(param)))
                    if rule.momentum > 0 { state.set(str: "momentum_buffer", .tensor(try zerosLike(param))) }
                    if rule.centered { state.set(str: "grad_avg", .tensor(try zerosLike(param))) }
                }
                let gradAvg = rule.centered ? try tensor(state, "grad_avg") : nil
                let buffer = rule.momentum > 0 ? try tensor(state, "momentum_buffer") : nil
                let (step, squareAvg) = (try tensor(state, "step"), try tensor(state, "square_avg"))
                try engine {
                    try rule.update(param, grad: grad, step: step, squareAvg: squareAvg, gradAvg: gradAvg, momentumBuffer: buffer)
                }
            }
            return .none
        }
        /// `initial_accumulator_value` comes from the optimizer's defaults, as in PyTorch.
        module.addFunction("adagrad(group, state, initial_accumulator_value)") { (interp, args) throws(PyError) in
            let group = try Group(args[0], interp)
            let rule = NeuralNet.Adagrad(lr: try group.double("lr"), lrDecay: try group.double("lr_decay"),
                                         weightDecay: try group.double("weight_decay"), eps: try group.double("eps"),
                                         maximize: try group.bool("maximize"))
            for (value, param, grad) in try group.parametersWithGrad() {
                let state = try entry(args[1], value, interp)
                if state.count == 0 {
                    let initial = try group.double(args[2], "initial_accumulator_value")
                    state.set(str: "step", .tensor(try engine { try Tensor.zeros([], dtype: .float32) }))
                    state.set(str: "sum", .tensor(try engine { try Tensor.full(param.shape, .double(initial), dtype: param.dtype) }))
                }
                let (step, sum) = (try tensor(state, "step"), try tensor(state, "sum"))
                try engine { try rule.update(param, grad: grad, step: step, sum: sum) }
            }
            return .none
        }
        /// `zero_grad(set_to_none=True)`: drops every parameter's gradient.
        module.addFunction("clear_grads(param_groups)") { (interp, args) throws(PyError) in
            for group in try interp.toArray(args[0]) {
                for item in try interp.toArray(try Group(group, interp).value("params")) { item.tensorValue?.grad = nil }
            }
            return .none
        }
        return module
    }

    // MARK: - Groups and state

    /// A param group dict: its hyperparameters and its parameters.
    private struct Group {
        let dict: PyDict
        let interp: Interpreter

        init(_ value: PyValue, _ interp: Interpreter) throws(PyError) {
            guard let dict = value.as(PyDict.self) else {
                throw PyError.typeError("param_group must be a dict, but got \(value.type.name)")
            }
            self.dict = dict
            self.interp = interp
        }

        func value(_ key: String) throws(PyError) -> PyValue {
            guard let v = dict.get(str: key) else { throw PyError.keyError(.str(key)) }
            return v
        }

        /// A number, or a 1-element tensor (a tensor `lr`).
        func double(_ key: String) throws(PyError) -> Double { try double(try value(key), key) }

        func double(_ v: PyValue, _ key: String) throws(PyError) -> Double {
            if let t = v.tensorValue, t.numel == 1 { return try engine { try t.item() }.doubleValue }
            switch v {
            case .int, .float, .bool: return try interp.expectFloat(v)
            default: throw PyError.typeError("\(key) must be a number, not \(v.type.name)")
            }
        }

        func bool(_ key: String) throws(PyError) -> Bool { try interp.isTrue(try value(key)) }

        /// Each parameter that has a gradient, with the Python object that keys its state.
        func parametersWithGrad() throws(PyError) -> [(PyValue, Tensor, Tensor)] {
            var out: [(PyValue, Tensor, Tensor)] = []
            for item in try interp.toArray(try value("params")) {
                guard let param = item.tensorValue else {
                    throw PyError.typeError("optimizer can only optimize Tensors, but one of the params is \(item.type.name)")
                }
                if let grad = param.grad { out.append((item, param, grad)) }
            }
            return out
        }
    }

    /// `state[param]`, created empty on first use by the optimizer's `defaultdict(dict)`.
    private static func entry(_ state: PyValue, _ param: PyValue, _ interp: Interpreter) throws(PyError) -> PyDict {
        let value = try interp.getItem(state, param)
        guard let dict = value.as(PyDict.self) else {
            throw PyError.typeError("optimizer state entries must be dicts, not \(value.type.name)")
        }
        return dict
    }

    private static func optionalTensor(_ state: PyDict, _ key: String) throws(PyError) -> Tensor? {
        guard let v = state.get(str: key), !v.isNone else { return nil }
        guard let t = v.tensorValue else { throw PyError.typeError("optimizer state '\(key)' must be a Tensor, not \(v.type.name)") }
        return t
    }

    private static func tensor(_ state: PyDict, _ key: String) throws(PyError) -> Tensor {
        guard let t = try optionalTensor(state, key) else { throw PyError.keyError(.str(key)) }
        return t
    }

    /// `torch.zeros_like(param)`: contiguous, same shape and dtype.
    private static func zerosLike(_ param: Tensor) throws(PyError) -> Tensor {
        try engine { try Tensor.zeros(param.shape, dtype: param.dtype) }
    }
}
