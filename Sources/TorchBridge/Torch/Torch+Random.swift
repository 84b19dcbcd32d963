import MiniPython
import TensorEngine

/// `torch.Generator`: a PyTorch-identical CPU generator (mt19937) as a Python object.
final class PyTorchGenerator: PyObject, @unchecked Sendable {
    /// The generator; nil for `torch.default_generator`, which stands for `Generator.default`.
    private let own: Generator?

    var generator: Generator { own ?? .default }

    init(_ generator: Generator?, type: PyType = PyTorchGenerator.type) {
        own = generator
        super.init(type: type)
    }

    /// `torch.default_generator`: one object for every interpreter, drawing from the generator
    /// the running interpreter binds (see `TorchBridge.install(into:)`).
    static let defaultObject = PyTorchGenerator(nil)

    /// torch.Generator(device='cpu') — https://pytorch.org/docs/stable/generated/torch.Generator.html
    static let type: PyType = {
        let type = PyType(name: "Generator", module: "torch", base: .object, isBaseType: false)
        type.addStaticMethod("__new__(cls, device='cpu')") { (_, args) throws(PyError) in
            try PyDevice.requireCPU(args[1])
            return .object(PyTorchGenerator(Generator()))
        }
        type.addMethod("manual_seed(self, seed)") { (interp, args) throws(PyError) in
            generator(args[0]).manualSeed(try seedValue(args[1], interp))
            return args[0]
        }
        type.addMethod("initial_seed(self)") { (_, args) throws(PyError) in
            seedObject(generator(args[0]).initialSeed)
        }
        type.addMethod("seed(self)") { (_, args) throws(PyError) in
            seedObject(generator(args[0]).seed())
        }
        type.addMethod("get_state(self)") { (_, args) throws(PyError) in
            try state(of: generator(args[0]))
        }
        type.addMethod("set_state(self, new_state)") { (_, args) throws(PyError) in
            try setState(generator(args[0]), args[1])
            return args[0]
        }
        type.addProperty("device") { (_, _) throws(PyError) in .object(PyDevice.cpu) }
        return type
    }()

    private static func generator(_ v: PyValue) -> Generator {
        v.as(PyTorchGenerator.self)?.generator ?? .default
    }

    /// A `generator=` argument: None is the default generator.
    static func argument(_ v: PyValue) throws(PyError) -> Generator {
        if v.isNone { return .default }
        guard let g = v.as(PyTorchGenerator.self) else {
            throw PyError.typeError("generator must be a torch.Generator, not \(Scalars.typeName(v))")
        }
        return g.generator
    }

    /// A seed: any Python int; negative seeds wrap to 64 bits as in PyTorch.
    static func seedValue(_ v: PyValue, _ interp: Interpreter) throws(PyError) -> UInt64 {
        guard case .int(let i) = v else {
            if case .bool(let b) = v { return b ? 1 : 0 }
            if let f = try? interp.expectFloat(v), case .float = v, f == f.rounded(.towardZero), abs(f) < 9.2e18 { return UInt64(bitPattern: Int64(f)) }
            throw PyError.typeError("manual_seed expected a long, but got \(v.type.name)")
        }
        guard let n = i.asInt else { throw PyError.runtimeError("Overflow when unpacking long") }
        return UInt64(bitPattern: Int64(n))
    }

    static func seedObject(_ seed: UInt64) -> PyValue {
        PyValue(Int(bitPattern: UInt(seed & 0x7fff_ffff_ffff_ffff)))
    }

    /// The state as a `torch.ByteTensor`, as `get_rng_state()` returns it.
    static func state(of g: Generator) throws(PyError) -> PyValue {
        .tensor(try engine { try Tensor.from(g.stateBytes()) })
    }

    static func setState(_ g: Generator, _ v: PyValue) throws(PyError) {
        guard let t = v.tensorValue else { throw PyError.typeError("expected a torch.ByteTensor, but got \(Scalars.typeName(v))") }
        guard t.dtype == .uint8 else {
            throw PyError.typeError("expected a torch.ByteTensor, but got \(t.dtype.legacyTypeName)")
        }
        try engine { try g.setStateBytes(t.contiguous().toArray(UInt8.self)) }
    }
}

/// Random sampling: https://pytorch.org/docs/stable/torch.html#random-sampling
enum RandomOps {
    static let factoryKeywords = "size=<unset>, generator=None, out=None, dtype=None, layout=None, device=None, pin_memory=False, requires_grad=False"

    static let ops: [TorchOp] = {
        var ops: [TorchOp] = []
        /// torch.rand(*size, generator=None, dtype=None, requires_grad=False) / randn
        for name in ["rand", "randn"] {
            ops.append(TorchOp(name, "*sizes, \(factoryKeywords)", .function) { (interp, args) throws(PyError) in
                var all = args.varArgs
                if let first = args.optional("input") { all.insert(first, at: 0) }
                let shape = try IntArgs.size(all, keyword: args.optional("size"), interp, name)
                let g = try PyTorchGenerator.argument(args["generator"]), dtype = try args.dtype() ?? .float32
                return try CreationOps.finish(try engine { name == "rand" ? try Tensor.rand(shape, dtype: dtype, generator: g)
                                                                          : try Tensor.randn(shape, dtype: dtype, generator: g) }, args)
            })
        }
        /// torch.randint(low=0, high, size, *, generator=None, dtype=None, requires_grad=False)
        ops.append(TorchOp("randint", "*args, low=None, high=None, \(factoryKeywords)", .function) { (interp, args) throws(PyError) in
            var positional = args.varArgs
            if let first = args.optional("input") { positional.insert(first, at: 0) }
            var size: PyValue? = args.optional("size")
            if size == nil, let last = positional.last, IntArgs.isSequence(last) { size = positional.removeLast() }
            guard let size else { throw PyError.typeError("randint() missing 1 required positional arguments: \"size\"") }
            var bounds = try positional.map { (v) throws(PyError) in try IntArgs.int(v, interp, "randint", "high") }
            if let low = args.optional("low"), !low.isNone { bounds.insert(try IntArgs.int(low, interp, "randint", "low"), at: 0) }
            if let high = args.optional("high"), !high.isNone { bounds.append(try IntArgs.int(high, interp, "randint", "high")) }
            let low: Int, high: Int
            switch bounds.count {
            case 1: (low, high) = (0, bounds[0])
            case 2: (low, high) = (bounds[0], bounds[1])
            default: throw PyError.typeError("randint() received an invalid combination of arguments")
            }
            let shape = try IntArgs.list(size, interp, "randint", "size")
            let g = try PyTorchGenerator.argument(args["generator"]), dtype = try args.dtype() ?? .int64
            return try CreationOps.finish(try engine { try Tensor.randint(low: Int64(low), high: Int64(high), shape, dtype: dtype, generator: g) }, args)
        })
        /// torch.randperm(n, *, generator=None, dtype=torch.int64, requires_grad=False)
        ops.append(TorchOp("randperm", "*, generator=None, out=None, dtype=None, layout=None, device=None, pin_memory=False, requires_grad=False", .function) { (interp, args) throws(PyError) in
            let n = try IntArgs.int(args[0], interp, "randperm", "n")
            let g = try PyTorchGenerator.argument(args["generator"]), dtype = try args.dtype() ?? .int64
            return try CreationOps.finish(try engine { try Tensor.randperm(n, dtype: dtype, generator: g) }, args)
        })
        /// torch.rand_like(input, *, dtype=None) / randn_like
        for name in ["rand_like", "randn_like"] {
            ops.append(TorchOp(name, "*, generator=None, dtype=None, layout=None, device=None, requires_grad=False, memory_format=None", .function) { (_, args) throws(PyError) in
                let x = try args.tensor(0), g = try PyTorchGenerator.argument(args["generator"])
                let dtype = try args.dtype() ?? x.dtype
                return try CreationOps.finish(try engine { name == "rand_like" ? try Tensor.rand(x.shape, dtype: dtype, generator: g)
                                                                               : try Tensor.randn(x.shape, dtype: dtype, generator: g) }, args)
            })
        }
        /// torch.randint_like(input, low=0, high, *, dtype=None)
        ops.append(TorchOp("randint_like", "low, high=None, *, generator=None, dtype=None, layout=None, device=None, requires_grad=False, memory_format=None", .function) { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            var low = try args.int("low", interp), high = try args.optionalInt("high", interp)
            if high == nil { high = low; low = 0 }
            let g = try PyTorchGenerator.argument(args["generator"]), dtype = try args.dtype() ?? x.dtype
            let lo = Int64(low), hi = Int64(high ?? 0)
            return try CreationOps.finish(try engine { try Tensor.randint(low: lo, high: hi, x.shape, dtype: dtype, generator: g) }, args)
        })
        /// torch.bernoulli(input, *, generator=None) / Tensor.bernoulli(p=None)
        ops.append(TorchOp("bernoulli", "p=None, *, generator=None") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), g = try PyTorchGenerator.argument(args["generator"])
            if !args["p"].isNone {
                let p = try args.double("p", interp)
                return .tensor(try engine { try Tensor.zerosLike(x).bernoulli_(p, generator: g) })
            }
            return .tensor(try engine { try x.bernoulli(generator: g) })
        })
        /// torch.multinomial(input, num_samples, replacement=False, *, generator=None)
        ops.append(TorchOp("multinomial", "num_samples, replacement=False, *, generator=None") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), n = try args.int("num_samples", interp), r = try args.bool("replacement")
            let g = try PyTorchGenerator.argument(args["generator"])
            return .tensor(try engine { try x.multinomial(n, replacement: r, generator: g) })
        })
        /// torch.normal(mean, std, size=None, *, generator=None)
        ops.append(TorchOp("normal", "std=1.0, size=None, *, generator=None, out=None, dtype=None, layout=None, device=None, pin_memory=False, requires_grad=False", .function) { (interp, args) throws(PyError) in
            let g = try PyTorchGenerator.argument(args["generator"])
            let mean = args[0], std = args["std"]
            if mean.tensorValue == nil && std.tensorValue == nil {
                guard !args["size"].isNone else {
                    throw PyError.typeError("normal() received an invalid combination of arguments - got (float, float), but expected (float mean, float std, tuple of ints size, *, torch.Generator generator = None)")
                }
                let m = try Scalars.expect(mean, "normal", "mean").doubleValue, s = try Scalars.expect(std, "normal", "std").doubleValue
                let shape = try IntArgs.list(args["size"], interp, "normal", "size")
                let dtype = try args.dtype() ?? .float32
                return try CreationOps.finish(try engine { try Tensor.empty(shape, dtype: dtype).normal_(m, s, generator: g) }, args)
            }
            // Tensor mean and/or std: standard normal draws, then `* std + mean` (as ATen's normal_impl_).
            let mt = try Operand(mean)?.asTensor(), st = try Operand(std)?.asTensor()
            guard let mt, let st else { throw PyError.typeError("normal(): mean and std must be tensors or numbers") }
            let dtype = mean.tensorValue?.dtype ?? std.tensorValue?.dtype ?? .float32
            return .tensor(try engine { () throws in
                let shape = try Shape.broadcast(mean.tensorValue?.shape ?? [], std.tensorValue?.shape ?? [])
                let z = try Tensor.empty(shape, dtype: dtype).normal_(0, 1, generator: g)
                return try z.mul(st.to(dtype)).add(mt.to(dtype))
            })
        })
        // In-place sampling methods.
        /// Tensor.uniform_(from=0, to=1, *, generator=None)
        ops.append(TorchOp("uniform_", "from_=0, to=1, *, generator=None", .method) { (interp, args) throws(PyError) in
            let x = try args.tensor(0), lo = try args.double("from_", interp), hi = try args.double("to", interp)
            let g = try PyTorchGenerator.argument(args["generator"])
            try engine { _ = try x.uniform_(lo, hi, generator: g) }
            return args.selfValue
        })
        /// Tensor.normal_(mean=0, std=1, *, generator=None)
        ops.append(TorchOp("normal_", "mean=0, std=1, *, generator=None", .method) { (interp, args) throws(PyError) in
            let x = try args.tensor(0), m = try args.double("mean", interp), s = try args.double("std", interp)
            let g = try PyTorchGenerator.argument(args["generator"])
            try engine { _ = try x.normal_(m, s, generator: g) }
            return args.selfValue
        })
        /// Tensor.random_(from=0, to=None, *, generator=None)
        ops.append(TorchOp("random_", "from_=None, to=None, *, generator=None", .method) { (interp, args) throws(PyError) in
            let x = try args.tensor(0), g = try PyTorchGenerator.argument(args["generator"])
            var lo = try args.optionalInt("from_", interp), hi = try args.optionalInt("to", interp)
            if hi == nil, let only = lo { hi = only; lo = 0 }
            let l = lo.map(Int64.init), h = hi.map(Int64.init)
            try engine { _ = try x.random_(l, h, generator: g) }
            return args.selfValue
        })
        /// Tensor.exponential_(lambd=1, *, generator=None)
        ops.append(TorchOp("exponential_", "lambd=1, *, generator=None", .method) { (interp, args) throws(PyError) in
            let x = try args.tensor(0), l = try args.double("lambd", interp), g = try PyTorchGenerator.argument(args["generator"])
            try engine { _ = try x.exponential_(l, generator: g) }
            return args.selfValue
        })
        /// Tensor.bernoulli_(p=0.5, *, generator=None)
        ops.append(TorchOp("bernoulli_", "p=0.5, *, generator=None", .method) { (interp, args) throws(PyError) in
            let x = try args.tensor(0), g = try PyTorchGenerator.argument(args["generator"])
            if let pt = args["p"].tensorValue {
                try engine { _ = try x.copy_(try pt.expand(x.shape).contiguous().bernoulli(generator: g)) }
            } else {
                let p = try args.double("p", interp)
                try engine { _ = try x.bernoulli_(p, generator: g) }
            }
            return args.selfValue
        })
        return ops
    }()

    /// The functions shared by `torch` and `torch.random`.
    static func addSeedFunctions(to module: PyModule) {
        /// torch.manual_seed(seed) -> torch.Generator
        module.addFunction("manual_seed(seed)") { (interp, args) throws(PyError) in
            Generator.default.manualSeed(try PyTorchGenerator.seedValue(args[0], interp))
            return .object(PyTorchGenerator.defaultObject)
        }
        /// torch.seed() -> int
        module.addFunction("seed()") { (_, _) throws(PyError) in PyTorchGenerator.seedObject(Generator.default.seed()) }
        /// torch.initial_seed() -> int
        module.addFunction("initial_seed()") { (_, _) throws(PyError) in PyTorchGenerator.seedObject(Generator.default.initialSeed) }
        /// torch.get_rng_state() -> ByteTensor
        module.addFunction("get_rng_state()") { (_, _) throws(PyError) in try PyTorchGenerator.state(of: .default) }
        /// torch.set_rng_state(new_state)
        module.addFunction("set_rng_state(new_state)") { (_, args) throws(PyError) in
            try PyTorchGenerator.setState(.default, args[0])
            return .none
        }
        module["default_generator"] = .object(PyTorchGenerator.defaultObject)
    }
}
