import MiniPython

/// `torch.optim` and `torch.optim.lr_scheduler`: the optimizer and scheduler classes, written in
/// Python as PyTorch's are (user code subclasses `Optimizer` and `LRScheduler`), over the native
/// per-group updates of `OptimKernels`.
///
/// Each Python file runs in the one `torch.optim` namespace under its own name, so tracebacks
/// say `<frozen torch.optim.sgd>`.
enum OptimModule {
    static func make(_ interp: Interpreter) throws(PyError) -> PyModule {
        let optim = PyModule(name: "torch.optim")
        optim["__builtins__"] = .object(interp.builtinsModule)
        optim["_kernels"] = .object(OptimKernels.make())
        for (file, source) in OptimSource.files {
            try interp.execute(source, filename: "<frozen torch.optim.\(file)>", in: optim)
        }
        OptimUnimplemented.add(to: optim, names: OptimUnimplemented.optimizers, prefix: "torch.optim")
        // The scheduler module imports `Optimizer` from this one while it is being built.
        interp.addLoadedModule(optim, as: "torch.optim")
        let scheduler = try interp.makeModule(name: "torch.optim.lr_scheduler", source: OptimSource.lrScheduler)
        OptimUnimplemented.add(to: scheduler, names: OptimUnimplemented.schedulers, prefix: "torch.optim.lr_scheduler")
        interp.addLoadedModule(scheduler, as: "torch.optim.lr_scheduler")
        optim["lr_scheduler"] = .object(scheduler)
        return optim
    }
}

/// The Python source of `torch.optim`, one string per file of PyTorch's `torch/optim`.
enum OptimSource {
    static let files: [(String, String)] = [
        ("optimizer", optimizer), ("sgd", sgd), ("adam", adam), ("rmsprop", rmsprop), ("adagrad", adagrad),
    ]
}
