import MiniPython

/// `torch.backends`: the switches of PyTorch's accelerated backends, as a CPU-only PyTorch
/// build reports them (no cuDNN, no MPS). Scripts that set `cudnn.benchmark = True` or ask
/// `mps.is_available()` to pick a device run unchanged.
enum BackendsModule {
    static func register(_ interp: Interpreter) {
        interp.registerModule("torch.backends", make)
        for name in ["cudnn", "mps", "cuda", "mkldnn", "openmp"] {
            interp.registerModule("torch.backends.\(name)") { (interp) throws(PyError) in
                guard let sub = try interp.importModule("torch.backends")[name]?.as(PyModule.self) else {
                    throw PyError(typeName: "ModuleNotFoundError", message: "No module named 'torch.backends.\(name)'")
                }
                return sub
            }
        }
    }

    static func make(_ interp: Interpreter) throws(PyError) -> PyModule {
        let module = PyModule(name: "torch.backends")
        let cudnn = PyModule(name: "torch.backends.cudnn")
        cudnn["enabled"] = .bool(true)
        cudnn["benchmark"] = .bool(false)
        cudnn["deterministic"] = .bool(false)
        cudnn["allow_tf32"] = .bool(true)
        cudnn.addFunction("is_available()") { (_, _) throws(PyError) in .bool(false) }
        cudnn.addFunction("version()") { (_, _) throws(PyError) in .none }
        let mps = PyModule(name: "torch.backends.mps")
        mps.addFunction("is_available()") { (_, _) throws(PyError) in .bool(false) }
        mps.addFunction("is_built()") { (_, _) throws(PyError) in .bool(false) }
        let cuda = PyModule(name: "torch.backends.cuda")
        cuda.addFunction("is_built()") { (_, _) throws(PyError) in .bool(false) }
        let matmul = PyModule(name: "torch.backends.cuda.matmul")
        matmul["allow_tf32"] = .bool(false)
        cuda["matmul"] = .object(matmul)
        let mkldnn = PyModule(name: "torch.backends.mkldnn")
        mkldnn.addFunction("is_available()") { (_, _) throws(PyError) in .bool(false) }
        let openmp = PyModule(name: "torch.backends.openmp")
        openmp.addFunction("is_available()") { (_, _) throws(PyError) in .bool(false) }
        for sub in [cudnn, mps, cuda, mkldnn, openmp] {
            module[String(sub.name.dropFirst("torch.backends.".count))] = .object(sub)
            interp.addLoadedModule(sub, as: sub.name)
        }
        return module
    }
}
