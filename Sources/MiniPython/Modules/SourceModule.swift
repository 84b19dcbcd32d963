/// Modules written in Python and run by the interpreter on first import, like CPython's
/// pure-Python standard library (`collections`, `functools`).
extension Interpreter {
    /// Runs `source` as the body of a new module called `name` and returns the module.
    /// Tracebacks through it show `File "<frozen name>"`.
    /// `globals` are set before the source runs (names a native package hands its Python part).
    public func makeModule(name: String, source: String, globals: [(String, PyValue)] = []) throws(PyError) -> PyModule {
        let module = PyModule(name: name)
        module["__builtins__"] = .object(builtinsModule)
        for (key, value) in globals { module[key] = value }
        try execute(source, filename: "<frozen \(name)>", in: module)
        return module
    }
}
