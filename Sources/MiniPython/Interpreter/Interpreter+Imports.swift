/// `import` and `from ... import`, resolved through the registry of native modules (there
/// are no imports from the file system).
extension Interpreter {
    /// Registers a native module, created by `factory` on its first import.
    ///
    /// ```swift
    /// interp.registerModule("torch") { interp throws(PyError) in
    ///     let module = PyModule(name: "torch")
    ///     module.addFunction("zeros(*size, dtype=None, requires_grad=False)") { interp, args throws(PyError) in ... }
    ///     return module
    /// }
    /// ```
    /// Dotted names (`torch.nn`) are submodules: importing one imports its parents first and
    /// sets it as an attribute of its parent.
    public func registerModule(_ name: String, _ factory: @escaping (Interpreter) throws(PyError) -> PyModule) {
        moduleFactories[name] = factory
    }

    /// Records `module` as already imported under `name`, for a package that creates its
    /// submodules while it is being imported (`import torch` also makes `torch.autograd`):
    /// a later `import name` returns this object instead of running a factory.
    public func addLoadedModule(_ module: PyModule, as name: String) {
        modules[name] = module
    }

    /// `import name`: the module, loaded on first use.
    public func importModule(_ name: String) throws(PyError) -> PyModule {
        if let module = modules[name] { return module }
        var parent: PyModule?
        if let dot = name.lastIndex(of: ".") {
            parent = try importModule(String(name[..<dot]))
            if let module = modules[name] { return module }
        }
        guard let factory = moduleFactories[name] else {
            let error = PyError(type: .moduleNotFoundError, message: "No module named '\(name)'")
            error.exception.dict?.set(str: "name", .str(name))
            throw error
        }
        let module = try factory(self)
        modules[name] = module
        if let parent, let dot = name.lastIndex(of: ".") {
            parent[String(name[name.index(after: dot)...])] = .object(module)
        }
        return module
    }

    func execImport(_ alias: Alias, _ f: Frame) throws(PyError) {
        let module = try importModule(alias.name)
        if let asName = alias.asName {
            try store(asName, .object(module), f)
        } else {
            let top = String(alias.name.split(separator: ".").first ?? Substring(alias.name))
            try store(top, .object(try importModule(top)), f)
        }
    }

    func execImportFrom(_ moduleName: String?, _ names: [Alias], _ level: Int, _ range: SourceRange,
                        _ f: Frame) throws(PyError) {
        guard level == 0, let moduleName else {
            throw PyError(type: .importError, message: "attempted relative import with no known parent package")
        }
        let module = try importModule(moduleName)
        for alias in names {
            if alias.name == "*" {
                var exported: [String] = []
                if let all = module["__all__"] {
                    for item in try toArray(all) { if case .str(let s) = item { exported.append(s) } }
                } else {
                    exported = module.namespace.keys.compactMap { if case .str(let s) = $0, !s.hasPrefix("_") { s } else { nil } }
                }
                for name in exported { if let value = module[name] { try store(name, value, f) } }
                continue
            }
            var value = module[alias.name]
            if value == nil, moduleFactories["\(moduleName).\(alias.name)"] != nil {
                value = .object(try importModule("\(moduleName).\(alias.name)"))
            }
            guard let value else {
                throw PyError(type: .importError,
                              message: "cannot import name '\(alias.name)' from '\(moduleName)' (unknown location)")
            }
            try store(alias.asName ?? alias.name, value, f)
        }
    }
}
