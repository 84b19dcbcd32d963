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

    /// ``makeModule(name:source:globals:)``, also entered in `sys.modules` as `name` (a
    /// submodule its package builds, such as `torch.distributions.constraints`).
    public func loadSubmodule(name: String, source: String, globals: [(String, PyValue)] = []) throws(PyError) -> PyModule {
        let module = try makeModule(name: name, source: source, globals: globals)
        addLoadedModule(module, as: name)
        return module
    }

    /// A package whose code is several source files run in order into one namespace, holding
    /// `attributes` first. It enters `sys.modules` before the files run (they import from it
    /// while it is built), and each file runs as `name.file`, so the classes it defines carry
    /// that `__module__` (`torch.distributions.normal.Normal`, as PyTorch prints them).
    public func makePackage(name: String, files: [(String, String)], attributes: [(String, PyValue)] = []) throws(PyError) -> PyModule {
        let package = PyModule(name: name)
        package["__builtins__"] = .object(builtinsModule)
        for (key, value) in attributes { package[key] = value }
        addLoadedModule(package, as: name)
        for (file, source) in files {
            package["__name__"] = .str("\(name).\(file)")
            try execute(source, filename: "<frozen \(name).\(file)>", in: package)
        }
        package["__name__"] = .str(name)
        return package
    }
}
