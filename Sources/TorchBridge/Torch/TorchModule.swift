import MiniPython
import TensorEngine

/// The `torch` module: its names and their registration.
///
/// Everything expensive (the `Tensor` class, the function objects) is built once per process
/// on the first `import torch` and shared; each interpreter gets its own module dict.
enum TorchModule {
    /// `torch.__version__`
    static let version = "2.15.0"

    /// The `torch.` functions from the op tables, created once.
    static let functions: [(String, PyValue)] = TorchOps.all.filter { $0.kind != .method }.map { op in
        (op.name, .object(PyBuiltinFunction(signature: op.functionSignature, module: "torch", op.body)))
    }

    /// Creates the module for one interpreter.
    static func make(_ interp: Interpreter) throws(PyError) -> PyModule {
        let module = PyModule(name: "torch")
        module["__version__"] = .str(version)
        module[PrintOptionsBox.attribute] = .object(PrintOptionsBox())
        for (name, function) in functions { module[name] = function }
        module["Tensor"] = .object(TensorType.type)
        module["Size"] = .object(TorchSize.type)
        module["dtype"] = .object(PyDType.type)
        module["device"] = .object(PyDevice.type)
        module["Generator"] = .object(PyTorchGenerator.type)
        module["OutOfMemoryError"] = .object(TorchErrors.outOfMemoryError)
        for (name, dtype) in PyDType.attributes { module[name] = .object(dtype) }
        module["strided"] = .str("torch.strided")
        module["e"] = .float(2.718281828459045)
        module["pi"] = .float(3.141592653589793)
        module["inf"] = .float(.infinity)
        module["nan"] = .float(.nan)
        for dtype in DType.allCases {
            let name = String(dtype.legacyTypeName.dropFirst("torch.".count))
            module.addRawFunction(name) { (interp, args) throws(PyError) in
                .tensor(try TensorType.legacyConstructor(args.positional, dtype, interp))
            }
        }
        /// `torch.nn`, `torch.optim` and `torch.utils` load on first use (`import torch` then
        /// `torch.nn.Linear` works, as in PyTorch, without slowing down scripts that never use them).
        module.addFunction("__getattr__(name)") { (interp, args) throws(PyError) in
            let name = try interp.expectStr(args[0], "name")
            if lazySubmodules.contains(name) { return .object(try interp.importModule("torch.\(name)")) }
            throw PyError.attributeError("module 'torch' has no attribute '\(name)'")
        }
        AutogradOps.addGradMode(to: module)
        RandomOps.addSeedFunctions(to: module)
        addUtilities(to: module)
        SerializationOps.add(to: module)
        Unimplemented.add(to: module)
        OpHooks.instrument(module)
        // `import torch` also imports these, as in PyTorch (`torch.autograd.grad` works at once).
        for (name, factory) in submodules {
            let sub = try factory(interp)
            module[name] = .object(sub)
            interp.addLoadedModule(sub, as: "torch.\(name)")
        }
        return module
    }

    /// The submodules made on their first use.
    static let lazySubmodules: Set<String> = ["nn", "optim", "utils", "distributions", "onnx", "profiler", "backends"]

    /// The submodules created with `torch` itself.
    nonisolated(unsafe) static let submodules: [(String, (Interpreter) throws(PyError) -> PyModule)] = [
        ("autograd", { (interp) throws(PyError) in AutogradOps.makeAutogradModule(interp) }),
        ("random", { (_) throws(PyError) in
            let module = PyModule(name: "torch.random")
            RandomOps.addSeedFunctions(to: module)
            return module
        }),
        ("cuda", makeCUDA),
        ("linalg", makeLinalg),
        ("jit", makeJIT),
        ("return_types", { (_) throws(PyError) in
            let module = PyModule(name: "torch.return_types")
            for name in ["max", "min", "sort", "topk", "kthvalue", "median", "mode", "cummax", "cummin"] {
                module[name] = .object(ReturnTypes.type(name))
            }
            return module
        }),
    ]

    /// Registers `torch` and its submodules (built on first import).
    static func register(_ interp: Interpreter) {
        interp.registerModule("torch", make)
        for (name, factory) in submodules { interp.registerModule("torch.\(name)", factory) }
        interp.registerModule("torch.nn", NNModule.make)
        interp.registerModule("torch.utils", DataModule.makeUtils)
        interp.registerModule("torch.utils.data", DataModule.makeData)
        interp.registerModule("torch.optim", OptimModule.make)
        interp.registerModule("torch.distributions", DistributionsModule.make)
        interp.registerModule("torch.onnx", OnnxModule.make)
        ProfilerModule.register(interp)
        BackendsModule.register(interp)
        BenchmarkModule.register(interp)
    }

    // MARK: - Utilities

    static func addUtilities(to module: PyModule) {
        /// torch.set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None, sci_mode=None)
        module.addFunction("set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None, sci_mode=None)") { (interp, args) throws(PyError) in
            var profile: PrintOptions.Profile?
            if !args.isNone(4) {
                let name = try interp.expectStr(args["profile"], "profile")
                guard let p = PrintOptions.Profile(rawValue: name) else {
                    throw PyError.valueError("profile must be one of 'default', 'short' or 'full', not '\(name)'")
                }
                profile = p
            }
            let precision = args.isNone(0) ? nil : try interp.expectInt(args[0])
            let threshold = args.isNone(1) ? nil : try interp.expectFloat(args[1])
            let edgeitems = args.isNone(2) ? nil : try interp.expectInt(args[2])
            let linewidth = args.isNone(3) ? nil : try interp.expectInt(args[3])
            let sci: Bool? = args.isNone(5) ? nil : try interp.isTrue(args[5])
            if let precision, precision < 0 { throw PyError.valueError("precision must be non-negative") }
            let box = try PrintOptionsBox.of(interp)
            box.options.set(precision: precision, threshold: threshold, edgeitems: edgeitems,
                            linewidth: linewidth, profile: profile, sciMode: sci)
            return .none
        }
        /// torch.get_printoptions() -> dict
        module.addFunction("get_printoptions()") { (interp, _) throws(PyError) in
            let o = try PrintOptionsBox.of(interp).options
            let threshold: PyValue = o.threshold.isInfinite ? .float(o.threshold) : PyValue(Int(o.threshold))
            return interp.makeDict([("precision", PyValue(o.precision)), ("threshold", threshold),
                                    ("edgeitems", PyValue(o.edgeitems)), ("linewidth", PyValue(o.linewidth)),
                                    ("sci_mode", o.sciMode.map { .bool($0) } ?? .none)])
        }
        /// torch.set_num_threads(int) / torch.get_num_threads()
        module.addFunction("set_num_threads(int)") { (interp, args) throws(PyError) in
            let n = try interp.expectInt(args[0])
            guard n > 0 else { throw PyError.runtimeError("set_num_threads expects a positive integer") }
            ThreadPool.shared.threadCount = min(n, 256)
            return .none
        }
        module.addFunction("get_num_threads()") { (_, _) throws(PyError) in PyValue(ThreadPool.shared.threadCount) }
        module.addFunction("get_num_interop_threads()") { (_, _) throws(PyError) in PyValue(1) }
        module.addFunction("set_num_interop_threads(int)") { (_, _) throws(PyError) in .none }
        /// torch.is_tensor(obj)
        module.addFunction("is_tensor(obj)") { (_, args) throws(PyError) in .bool(args[0].tensorValue != nil) }
        module.addFunction("is_storage(obj)") { (_, _) throws(PyError) in .bool(false) }
        /// torch.get_default_dtype() / torch.set_default_dtype(d)
        module.addFunction("get_default_dtype()") { (_, _) throws(PyError) in .object(PyDType.float32) }
        module.addFunction("set_default_dtype(d)") { (_, args) throws(PyError) in
            let d = try PyDType.argument(args[0], "set_default_dtype", "d")
            guard d == .float32 else {
                throw PyError.notImplementedError("pytorch-tutor's default dtype is always torch.float32")
            }
            return .none
        }
        /// torch.result_type(tensor1, tensor2)
        module.addFunction("result_type(tensor1, tensor2)") { (_, args) throws(PyError) in
            var state = ResultTypeState()
            for v in [args[0], args[1]] {
                if let t = v.tensorValue { state.add(t) } else { state.add(try Scalars.expect(v, "result_type", "other")) }
            }
            return .object(PyDType.object(state.result))
        }
        /// torch.promote_types(type1, type2)
        module.addFunction("promote_types(type1, type2)") { (_, args) throws(PyError) in
            guard let a = try PyDType.argument(args[0], "promote_types", "type1"),
                  let b = try PyDType.argument(args[1], "promote_types", "type2") else {
                throw PyError.typeError("promote_types(): argument 'type1' must be torch.dtype, not NoneType")
            }
            return .object(PyDType.object(DType.promote(a, b)))
        }
        /// torch.can_cast(from_, to)
        module.addFunction("can_cast(from_, to)") { (_, args) throws(PyError) in
            guard let a = try PyDType.argument(args[0], "can_cast", "from_"),
                  let b = try PyDType.argument(args[1], "can_cast", "to") else {
                throw PyError.typeError("can_cast(): argument 'from_' must be torch.dtype, not NoneType")
            }
            func kind(_ d: DType) -> Int { d == .bool ? 0 : (d.isFloatingPoint ? 2 : 1) }
            return .bool(kind(a) <= kind(b))
        }
        module.addFunction("use_deterministic_algorithms(mode, *, warn_only=False)") { (_, _) throws(PyError) in .none }
        module.addFunction("are_deterministic_algorithms_enabled()") { (_, _) throws(PyError) in .bool(true) }
        module.addFunction("set_float32_matmul_precision(precision)") { (_, _) throws(PyError) in .none }
        module.addFunction("get_float32_matmul_precision()") { (_, _) throws(PyError) in .str("highest") }
    }

    // MARK: - torch.cuda and torch.linalg

    /// `torch.cuda`: present, reporting no CUDA device.
    static func makeCUDA(_ interp: Interpreter) throws(PyError) -> PyModule {
        let module = PyModule(name: "torch.cuda")
        module.addFunction("is_available()") { (_, _) throws(PyError) in .bool(false) }
        module.addFunction("device_count()") { (_, _) throws(PyError) in PyValue(0) }
        module.addFunction("is_initialized()") { (_, _) throws(PyError) in .bool(false) }
        module.addFunction("manual_seed(seed)") { (_, _) throws(PyError) in .none }
        module.addFunction("manual_seed_all(seed)") { (_, _) throws(PyError) in .none }
        module.addFunction("synchronize(device=None)") { (_, _) throws(PyError) in throw TorchErrors.noCUDA }
        module.addFunction("current_device()") { (_, _) throws(PyError) in throw TorchErrors.noCUDA }
        module.addFunction("get_device_name(device=None)") { (_, _) throws(PyError) in throw TorchErrors.noCUDA }
        module.addFunction("empty_cache()") { (_, _) throws(PyError) in .none }
        module["OutOfMemoryError"] = .object(TorchErrors.outOfMemoryError)
        return module
    }

    /// `torch.linalg`: the vector norms the engine has.
    static func makeLinalg(_ interp: Interpreter) throws(PyError) -> PyModule {
        let module = PyModule(name: "torch.linalg")
        /// torch.linalg.vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None)
        module.addFunction("vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None)") { (interp, args) throws(PyError) in
            var x = try args.tensor(0)
            let p = try interp.expectFloat(args["ord"]), dims = try args.dims("dim", interp), keep = try args.bool("keepdim")
            if let dtype = try args.dtype() { x = try engine { try x.to(dtype) } }
            return .tensor(try engine { try x.norm(p: p, dims: dims, keepdim: keep) })
        }
        /// torch.linalg.norm(A, ord=None, dim=None, keepdim=False, *, dtype=None): vector norms and
        /// the Frobenius norm of matrices.
        module.addFunction("norm(A, ord=None, dim=None, keepdim=False, *, dtype=None)") { (interp, args) throws(PyError) in
            var x = try args.tensor(0)
            let dims = try args.dims("dim", interp), keep = try args.bool("keepdim")
            var p = 2.0
            if !args["ord"].isNone {
                if case .str(let s) = args["ord"], s == "fro" { p = 2 } else {
                    if (dims?.count ?? x.dim) >= 2 { throw TorchErrors.notInTutor("torch.linalg.norm with a matrix ord") }
                    p = try interp.expectFloat(args["ord"])
                }
            }
            if let dtype = try args.dtype() { x = try engine { try x.to(dtype) } }
            return .tensor(try engine { try x.norm(p: p, dims: dims, keepdim: keep) })
        }
        MatrixOps.addLinalg(to: module)
        Unimplemented.addLinalg(to: module)
        return module
    }
}

/// The print options of one interpreter's `torch` (PyTorch's `PRINT_OPTS`), kept in the
/// module so that sessions running side by side (lessons, tests) do not share them.
final class PrintOptionsBox: PyObject, @unchecked Sendable {
    var options = PrintOptions()

    static let attribute = "_print_options"
    static let type = PyType(name: "PrintOptions", module: "torch._tensor_str", base: .object, isBaseType: false)

    init() { super.init(type: PrintOptionsBox.type) }

    /// The options of `interp`'s `torch` module.
    static func of(_ interp: Interpreter) throws(PyError) -> PrintOptionsBox {
        if let box = try interp.importModule("torch")[attribute]?.as(PrintOptionsBox.self) { return box }
        let box = PrintOptionsBox()
        try interp.importModule("torch")[attribute] = .object(box)
        return box
    }

    /// The options to print with (the defaults if `torch` was never imported).
    static func current(_ interp: Interpreter) -> PrintOptions {
        ((try? of(interp))?.options) ?? PrintOptions()
    }
}
