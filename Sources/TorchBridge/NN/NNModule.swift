import MiniPython

/// `torch.nn`: the module classes, written in Python (`NNSource`) over the native
/// `torch.nn.functional`, as PyTorch's own are.
enum NNModule {
    static func make(_ interp: Interpreter) throws(PyError) -> PyModule {
        try interp.makeModule(name: "torch.nn", source: NNSource.module)
    }
}
