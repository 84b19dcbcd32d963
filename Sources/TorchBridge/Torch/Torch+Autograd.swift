import MiniPython
import TensorEngine

/// Autograd: tensor methods (`backward`, `detach`, ...), grad-mode context managers and the
/// `torch.autograd` module (https://pytorch.org/docs/stable/autograd.html).
enum AutogradOps {
    static let tensorOps: [TorchOp] = {
        var ops: [TorchOp] = []
        /// Tensor.backward(gradient=None, retain_graph=None, create_graph=False, inputs=None)
        ops.append(TorchOp("backward", "gradient=None, retain_graph=None, create_graph=False, inputs=None", .method) { (interp, args) throws(PyError) in
            let x = try args.tensor(0), g = try args.optionalTensor("gradient")
            let retain: Bool? = args["retain_graph"].isNone ? nil : try interp.isTrue(args["retain_graph"])
            let create = try args.bool("create_graph")
            if !args["inputs"].isNone { throw TorchErrors.notInTutor("backward(inputs=...)") }
            if g == nil && x.requiresGrad && x.numel != 1 {
                throw PyError.runtimeError("grad can be implicitly created only for scalar outputs")
            }
            try engine { try x.backward(gradient: g, retainGraph: retain, createGraph: create) }
            return .none
        })
        /// torch.detach(input) / Tensor.detach()
        ops.append(TorchOp("detach", "") { (_, args) throws(PyError) in
            .tensor(try args.tensor(0).detach())
        })
        /// Tensor.detach_(): the box now holds a detached view.
        ops.append(TorchOp("detach_", "", .method) { (_, args) throws(PyError) in
            guard let box = args[0].as(PyTensor.self) else { _ = try args.tensor(0); return .none }
            box.tensor = box.tensor.detach()
            return args.selfValue
        })
        /// Tensor.requires_grad_(requires_grad=True)
        /// torch.is_inference(input) / Tensor.is_inference(): whether the tensor's memory was
        /// allocated in inference mode.
        ops.append(TorchOp("is_inference", "", .both) { (_, args) throws(PyError) in
            .bool(try args.tensor(0).storage.isInference)
        })
        ops.append(TorchOp("requires_grad_", "requires_grad=True", .method) { (_, args) throws(PyError) in
            let x = try args.tensor(0), flag = try args.bool("requires_grad")
            try engine { _ = try x.requiresGrad_(flag) }
            return args.selfValue
        })
        /// Tensor.retain_grad()
        ops.append(TorchOp("retain_grad", "", .method) { (_, args) throws(PyError) in
            let x = try args.tensor(0)
            try engine { try x.retainGrad() }
            return .none
        })
        ops.append(TorchOp("register_hook", "hook", .method) { (_, _) throws(PyError) in
            throw TorchErrors.notInTutor("Tensor.register_hook")
        })
        return ops
    }()

    // MARK: - Grad mode

    /// A grad-mode context manager class: `no_grad`, `enable_grad`, `inference_mode`,
    /// `set_grad_enabled`. Usable as `with torch.no_grad():`, as `@torch.no_grad()` and as
    /// `@torch.no_grad`. `set_grad_enabled(mode)` switches immediately (it also works as a
    /// plain function) and restores the previous mode on `__exit__`.
    final class GradModeManager: PyObject, @unchecked Sendable {
        let mode: Bool
        /// For `inference_mode`: whether it switches inference mode on (grad mode then off) or
        /// off (grad mode unchanged); nil for the grad-mode managers.
        let inference: Bool?
        var saved: [(grad: Bool, inference: Bool)] = []

        init(type: PyType, mode: Bool, inference: Bool? = nil) {
            self.mode = mode
            self.inference = inference
            super.init(type: type)
        }

        /// Switches the modes on, remembering the previous ones for `leave`.
        func enter() {
            saved.append((GradMode.isEnabled, InferenceMode.isEnabled))
            if let inference {
                InferenceMode.isEnabled = inference
                if inference { GradMode.isEnabled = false }
            } else {
                GradMode.isEnabled = mode
            }
        }

        func leave() {
            guard let previous = saved.popLast() else { return }
            GradMode.isEnabled = previous.grad
            InferenceMode.isEnabled = previous.inference
        }
    }

    static func managerType(_ name: String, module: String, mode fixed: Bool?) -> PyType {
        let type = PyType(name: name, module: module, base: .object)
        let signature = fixed == nil ? "__new__(cls, mode)"
            : name == "inference_mode" ? "__new__(cls, mode=True)" : "__new__(cls, orig_func=<unset>)"
        type.addStaticMethod(signature) { (interp, args) throws(PyError) in
            let cls = args[0].as(PyType.self) ?? type
            if let fixed {
                if name == "inference_mode" {
                    // `inference_mode(False)`, `inference_mode()` or `@inference_mode` on a function.
                    let argument = args.optional("mode")
                    var on = true
                    if case .bool(let b)? = argument { on = b }
                    let manager = GradModeManager(type: cls, mode: fixed, inference: on)
                    if let f = argument, !f.isNone, f.tensorValue == nil, case .object = f { return wrap(f, manager) }
                    return .object(manager)
                }
                let manager = GradModeManager(type: cls, mode: fixed)
                // `@torch.no_grad` without parentheses decorates the function directly.
                if let f = args.optional("orig_func"), !f.isNone {
                    return wrap(f, manager)
                }
                return .object(manager)
            }
            let manager = GradModeManager(type: cls, mode: try interp.isTrue(args[1]))
            manager.enter()
            return .object(manager)
        }
        type.addMethod("__enter__(self)") { (_, args) throws(PyError) in
            guard let m = args[0].as(GradModeManager.self) else { return .none }
            if fixed != nil { m.enter() }
            return .none
        }
        type.addMethod("__exit__(self, exc_type=None, exc_value=None, traceback=None)") { (_, args) throws(PyError) in
            args[0].as(GradModeManager.self)?.leave()
            return .bool(false)
        }
        type.addMethod("__call__(self, func)") { (_, args) throws(PyError) in
            guard let m = args[0].as(GradModeManager.self) else { return .none }
            return wrap(args[1], m)
        }
        type.addMethod("clone(self)") { (_, args) throws(PyError) in
            guard let m = args[0].as(GradModeManager.self) else { return .none }
            return .object(GradModeManager(type: m.type, mode: m.mode, inference: m.inference))
        }
        return type
    }

    /// A function that runs `function` under the modes of `manager`.
    static func wrap(_ function: PyValue, _ manager: GradModeManager) -> PyValue {
        let name = (function.object as? PyFunction)?.name ?? "decorated"
        let wrapper = PyBuiltinFunction(name: name) { (interp, args) throws(PyError) in
            let scope = GradModeManager(type: manager.type, mode: manager.mode, inference: manager.inference)
            scope.enter()
            defer { scope.leave() }
            return try interp.call(function, args)
        }
        return .object(wrapper)
    }

    static let noGrad = managerType("no_grad", module: "torch.autograd.grad_mode", mode: false)
    static let enableGrad = managerType("enable_grad", module: "torch.autograd.grad_mode", mode: true)
    static let inferenceMode = managerType("inference_mode", module: "torch.autograd.grad_mode", mode: false)
    static let setGradEnabled = managerType("set_grad_enabled", module: "torch.autograd.grad_mode", mode: nil)

    /// The names shared by `torch` and `torch.autograd`.
    static func addGradMode(to module: PyModule) {
        module["no_grad"] = .object(noGrad)
        module["enable_grad"] = .object(enableGrad)
        module["inference_mode"] = .object(inferenceMode)
        module["set_grad_enabled"] = .object(setGradEnabled)
        /// torch.is_grad_enabled()
        module.addFunction("is_grad_enabled()") { (_, _) throws(PyError) in .bool(GradMode.isEnabled) }
        module.addFunction("is_inference_mode_enabled()") { (_, _) throws(PyError) in .bool(InferenceMode.isEnabled) }
    }

    // MARK: - torch.autograd

    /// One tensor or a sequence of tensors (`outputs`, `inputs` of `torch.autograd.grad`).
    static func tensors(_ v: PyValue, _ interp: Interpreter, _ what: String) throws(PyError) -> [Tensor] {
        if let t = v.tensorValue { return [t] }
        return try tensorSequence(v, interp, what, what)
    }

    static func optionalTensors(_ v: PyValue, count: Int, _ interp: Interpreter) throws(PyError) -> [Tensor?] {
        if v.isNone { return [] }
        if let t = v.tensorValue { return [t] }
        var out: [Tensor?] = []
        for item in try interp.toArray(v) {
            if item.isNone { out.append(nil); continue }
            guard let t = item.tensorValue else { throw PyError.typeError("grad_outputs must contain Tensors or None, not \(item.type.name)") }
            out.append(t)
        }
        return out
    }

    /// The `torch.autograd` module.
    static func makeAutogradModule(_ interp: Interpreter) -> PyModule {
        let module = PyModule(name: "torch.autograd")
        addGradMode(to: module)
        /// torch.autograd.grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, allow_unused=None)
        module.addFunction("grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, only_inputs=True, allow_unused=None, is_grads_batched=False, materialize_grads=False)") { (interp, args) throws(PyError) in
            let outputs = try tensors(args["outputs"], interp, "outputs")
            let inputs = try tensors(args["inputs"], interp, "inputs")
            let gradOutputs = try optionalTensors(args["grad_outputs"], count: outputs.count, interp)
            let retain: Bool? = args["retain_graph"].isNone ? nil : try interp.isTrue(args["retain_graph"])
            let create = try args.bool("create_graph")
            let materializeGrads = try args.bool("materialize_grads")
            let allowUnused = try args.bool("allow_unused") || materializeGrads
            for (i, out) in outputs.enumerated() where (i >= gradOutputs.count || gradOutputs[i] == nil) && out.requiresGrad && out.numel != 1 {
                throw PyError.runtimeError("grad can be implicitly created only for scalar outputs")
            }
            let grads = try engine { try Autograd.grad(outputs: outputs, inputs: inputs, gradOutputs: gradOutputs,
                                                         retainGraph: retain, createGraph: create, allowUnused: allowUnused) }
            let materialize = try args.bool("materialize_grads")
            var items: [PyValue] = []
            for (g, input) in zip(grads, inputs) {
                if let g { items.append(.tensor(g)) } else if materialize {
                    items.append(.tensor(try engine { try Tensor.zerosLike(input) }))
                } else { items.append(.none) }
            }
            return .tuple(items)
        }
        /// torch.autograd.backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False)
        module.addFunction("backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False, grad_variables=None, inputs=None)") { (interp, args) throws(PyError) in
            let roots = try tensors(args["tensors"], interp, "tensors")
            let grads = try optionalTensors(args["grad_tensors"], count: roots.count, interp)
            let retain: Bool? = args["retain_graph"].isNone ? nil : try interp.isTrue(args["retain_graph"])
            let create = try args.bool("create_graph")
            let all = grads.isEmpty ? [Tensor?](repeating: nil, count: roots.count) : grads
            for (root, g) in zip(roots, all) where g == nil && root.requiresGrad && root.numel != 1 {
                throw PyError.runtimeError("grad can be implicitly created only for scalar outputs")
            }
            try engine { try Autograd.backward(roots, gradients: all, retainGraph: retain, createGraph: create) }
            return .none
        }
        return module
    }
}
