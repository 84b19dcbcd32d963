import MiniPython

/// `torch.utils` and `torch.utils.data`: datasets, samplers, collation and the DataLoader,
/// written in Python (`DataSource`) like PyTorch's own. Loading runs in the calling thread:
/// `num_workers` is accepted and ignored, which keeps batches and random draws in PyTorch's
/// single-process order.
enum DataModule {
    /// `torch.utils`, whose `data` loads on first use (`torch.utils.data.DataLoader` works after
    /// a bare `import torch`, as in PyTorch).
    static func makeUtils(_ interp: Interpreter) throws(PyError) -> PyModule {
        let utils = PyModule(name: "torch.utils")
        utils.addFunction("__getattr__(name)") { (interp, args) throws(PyError) in
            let name = try interp.expectStr(args[0], "name")
            if name == "data" { return .object(try interp.importModule("torch.utils.data")) }
            throw PyError.attributeError("module 'torch.utils' has no attribute '\(name)'")
        }
        return utils
    }

    static func makeData(_ interp: Interpreter) throws(PyError) -> PyModule {
        try interp.makeModule(name: "torch.utils.data", source: DataSource.module)
    }
}
