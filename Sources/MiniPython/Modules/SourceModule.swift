/// Modules written in Python and run by the interpreter on first import, like CPython's
/// pure-Python standard library (`collections`, `functools`).
extension Interpreter {
    /// Runs `source` as the body of a new module called `name` and returns the module.
    /// Tracebacks through it show `File "<frozen name>"`.
    public func makeModule(name: String, source: String) throws(PyError) -> PyModule {
        let module = PyModule(name: name)
        module["__builtins__"] = .object(builtinsModule)
        try execute(source, filename: "<frozen \(name)>", in: module)
        return module
    }
}
