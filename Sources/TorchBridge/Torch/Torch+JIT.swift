import MiniPython

extension TorchModule {
    /// `torch.jit`: present so that `torch.jit.script(model)` explains itself. TorchScript
    /// compiles models into a Python-free program; the tutor runs everything through its own
    /// interpreter and has no such compiler, so each entry point raises NotImplementedError
    /// naming the alternative (`torch.save(model.state_dict(), path)`).
    static func makeJIT(_ interp: Interpreter) throws(PyError) -> PyModule {
        let module = PyModule(name: "torch.jit")
        for name in ["script", "trace", "trace_module", "save", "load", "freeze", "optimize_for_inference",
                     "script_if_tracing", "fork", "wait", "export", "ignore", "unused"] {
            module.addRawFunction(name) { (_, _) throws(PyError) in throw noTorchScript("torch.jit.\(name)") }
        }
        return module
    }

    static func noTorchScript(_ what: String) -> PyError {
        PyError.notImplementedError(
            "\(what) is not available in pytorch-tutor: the tutor does not include TorchScript "
            + "(the compiler that exports models to run without Python). Run the model directly, and "
            + "save it with torch.save(model.state_dict(), path)")
    }
}
