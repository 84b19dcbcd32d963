import MiniPython
import TensorEngine

/// Tensor factories: https://pytorch.org/docs/stable/torch.html#creation-ops
enum CreationOps {
    /// Applies the common `requires_grad=`/`device=` keywords of a factory.
    static func finish(_ t: Tensor, _ args: BoundArguments) throws(PyError) -> PyValue {
        if let device = args.optional("device") { try PyDevice.requireCPU(device) }
        if args.optional("requires_grad").map({ $0.isNone ? false : (try? args.bool("requires_grad")) ?? false }) == true {
            try engine { _ = try t.requiresGrad_(true) }
        }
        return .tensor(t)
    }

    /// `torch.tensor(data)` without the keywords.
    static func fromData(_ data: PyValue, dtype: DType?, _ interp: Interpreter) throws(PyError) -> Tensor {
        if let t = data.tensorValue ?? NumPyModule.tensor(data) {
            // PyTorch warns and copies: `torch.tensor(t)` is `t.clone().detach()`.
            return try engine { () throws in
                let c = try GradMode.with(false) { () throws(TensorError) in try t.clone() }.detach()
                return try dtype.map { (d) throws(TensorError) in try c.to(d) } ?? c
            }
        }
        let nested = try NestedData.from(data, interp)
        // A numpy scalar keeps its dtype, as in torch (`torch.tensor(np.float64(2.5))` is float64).
        return try engine { try Tensor.from(nested: nested, dtype: dtype ?? NumPyModule.scalarDType(data)) }
    }

    static let sizeKeywords = "size=<unset>, out=None, dtype=None, layout=None, device=None, pin_memory=False, requires_grad=False"
    static let likeKeywords = "*, dtype=None, layout=None, device=None, requires_grad=False, memory_format=None"

    static let ops: [TorchOp] = {
        var ops: [TorchOp] = []
        /// torch.tensor(data, *, dtype=None, device=None, requires_grad=False, pin_memory=False)
        ops.append(TorchOp("tensor", "*, dtype=None, device=None, requires_grad=False, pin_memory=False", .function) { (interp, args) throws(PyError) in
            try finish(try fromData(args[0], dtype: try args.dtype(), interp), args)
        })
        /// torch.as_tensor(data, dtype=None, device=None)
        ops.append(TorchOp("as_tensor", "dtype=None, device=None", .function) { (interp, args) throws(PyError) in
            let dtype = try args.dtype()
            if let t = args[0].tensorValue {
                try PyDevice.requireCPU(args["device"])
                if dtype == nil || dtype == t.dtype { return args[0] }
                return .tensor(try engine { try t.to(dtype!) })
            }
            if let t = NumPyModule.tensor(args[0]) {
                try PyDevice.requireCPU(args["device"])
                return .tensor(try engine { try dtype.map { (d) throws(TensorError) in try t.to(d) } ?? t.detach() })
            }
            return try finish(try fromData(args[0], dtype: dtype, interp), args)
        })
        /// torch.from_numpy(ndarray): a tensor sharing the array's memory. Gymnasium's observations
        /// are tensors here, so tensors are accepted and returned as they are.
        ops.append(TorchOp("from_numpy", "", .function) { (_, args) throws(PyError) in
            if args[0].tensorValue != nil { return args[0] }
            if let t = NumPyModule.tensor(args[0]) { return .tensor(t.detach()) }
            throw PyError.typeError("expected np.ndarray (got \(args[0].type.name))")
        })
        /// torch.zeros(*size, dtype=None, requires_grad=False) / ones / empty
        for name in ["zeros", "ones", "empty"] {
            ops.append(TorchOp(name, "*sizes, \(sizeKeywords)", .function) { (interp, args) throws(PyError) in
                // The tensor parameter slot is unused: `size` travels in varargs.
                var all = args.varArgs
                if let first = args.optional("input") { all.insert(first, at: 0) }
                let shape = try IntArgs.size(all, keyword: args.optional("size"), interp, name)
                let dtype = try args.dtype() ?? .float32
                return try finish(try engine { name == "ones" ? try Tensor.ones(shape, dtype: dtype) : try Tensor.zeros(shape, dtype: dtype) }, args)
            })
        }
        /// torch.full(size, fill_value, *, dtype=None, requires_grad=False)
        ops.append(TorchOp("full", "fill_value, *, out=None, dtype=None, layout=None, device=None, pin_memory=False, requires_grad=False", .function) { (interp, args) throws(PyError) in
            let shape = try IntArgs.list(args[0], interp, "full", "size")
            let value = try args.scalar("fill_value")
            let dtype = try args.dtype()
            return try finish(try engine { try Tensor.full(shape, value, dtype: dtype) }, args)
        })
        /// torch.arange(start=0, end, step=1, *, dtype=None, requires_grad=False)
        ops.append(TorchOp("arange", "end=None, step=1, *, out=None, dtype=None, layout=None, device=None, pin_memory=False, requires_grad=False", .function) { (_, args) throws(PyError) in
            var start = try Scalars.expect(args[0], "arange", "start")
            var end: Scalar
            if args["end"].isNone { end = start; start = .int(0) } else { end = try args.scalar("end") }
            let step = try args.scalar("step")
            let dtype = try args.dtype()
            let s = start, e = end
            return try finish(try engine { try Tensor.arange(s, e, step: step, dtype: dtype) }, args)
        })
        /// torch.linspace(start, end, steps, *, dtype=None, requires_grad=False)
        ops.append(TorchOp("linspace", "end, steps, *, out=None, dtype=None, layout=None, device=None, pin_memory=False, requires_grad=False", .function) { (interp, args) throws(PyError) in
            let start = try Scalars.expect(args[0], "linspace", "start").doubleValue
            let end = try args.double("end", interp), steps = try args.int("steps", interp)
            let dtype = try args.dtype() ?? .float32
            guard steps >= 0 else { throw PyError.runtimeError("linspace(): number of steps must be non-negative") }
            return try finish(try engine { try Tensor.linspace(start, end, steps: steps, dtype: dtype) }, args)
        })
        /// torch.logspace(start, end, steps, base=10.0, *, dtype=None)
        ops.append(TorchOp("logspace", "end, steps, base=10.0, *, out=None, dtype=None, layout=None, device=None, pin_memory=False, requires_grad=False", .function) { (interp, args) throws(PyError) in
            let start = try Scalars.expect(args[0], "logspace", "start").doubleValue
            let end = try args.double("end", interp), steps = try args.int("steps", interp), base = try args.double("base", interp)
            let dtype = try args.dtype() ?? .float32
            let t = try engine { try Tensor.linspace(start, end, steps: steps, dtype: .float64).rpow(.double(base)).to(dtype) }
            return try finish(t, args)
        })
        /// torch.eye(n, m=None, *, dtype=None, requires_grad=False)
        ops.append(TorchOp("eye", "m=None, *, out=None, dtype=None, layout=None, device=None, pin_memory=False, requires_grad=False", .function) { (interp, args) throws(PyError) in
            let n = try IntArgs.int(args[0], interp, "eye", "n"), m = try args.optionalInt("m", interp)
            let dtype = try args.dtype() ?? .float32
            return try finish(try engine { try Tensor.eye(n, m, dtype: dtype) }, args)
        })
        /// torch.zeros_like(input, *, dtype=None, requires_grad=False) and friends
        for name in ["zeros_like", "ones_like", "empty_like"] {
            ops.append(TorchOp(name, likeKeywords, .function) { (_, args) throws(PyError) in
                let x = try args.tensor(0), dtype = try args.dtype()
                return try finish(try engine { name == "ones_like" ? try Tensor.onesLike(x, dtype: dtype) : try Tensor.zerosLike(x, dtype: dtype) }, args)
            })
        }
        /// torch.full_like(input, fill_value, *, dtype=None, requires_grad=False)
        ops.append(TorchOp("full_like", "fill_value, " + likeKeywords, .function) { (_, args) throws(PyError) in
            let x = try args.tensor(0), v = try args.scalar("fill_value"), dtype = try args.dtype()
            return try finish(try engine { try Tensor.fullLike(x, v, dtype: dtype) }, args)
        })
        // Tensor.new_zeros(size, *, dtype=None, requires_grad=False) and friends: the dtype defaults to self's.
        for name in ["new_zeros", "new_ones", "new_empty"] {
            ops.append(TorchOp(name, "*sizes, dtype=None, device=None, requires_grad=False, layout=None, pin_memory=False", .method) { (interp, args) throws(PyError) in
                let x = try args.tensor(0)
                let shape = try IntArgs.size(args.varArgs, interp, name)
                let dtype = try args.dtype() ?? x.dtype
                return try finish(try engine { name == "new_ones" ? try Tensor.ones(shape, dtype: dtype) : try Tensor.zeros(shape, dtype: dtype) }, args)
            })
        }
        ops.append(TorchOp("new_full", "size, fill_value, *, dtype=None, device=None, requires_grad=False, layout=None, pin_memory=False", .method) { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            let shape = try IntArgs.list(args["size"], interp, "new_full", "size")
            let v = try args.scalar("fill_value"), dtype = try args.dtype() ?? x.dtype
            return try finish(try engine { try Tensor.full(shape, v, dtype: dtype) }, args)
        })
        ops.append(TorchOp("new_tensor", "data, *, dtype=None, device=None, requires_grad=False, layout=None, pin_memory=False", .method) { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            return try finish(try fromData(args["data"], dtype: try args.dtype() ?? x.dtype, interp), args)
        })
        return ops
    }()
}
