/// The standard-library modules MiniPython provides, registered with every interpreter
/// (each is created on its first import). Native ones are Swift; `collections`,
/// `functools` and `copy` are Python source run on import. Any other name, host modules such as
/// `subprocess`, `socket`, `shutil`, `ctypes` or `pathlib` included, raises CPython's
/// `ModuleNotFoundError: No module named '...'`.
enum StandardModules {
    static func register(in interp: Interpreter) {
        interp.registerModule("math") { (_) throws(PyError) in MathModule.make() }
        interp.registerModule("sys") { (interp) throws(PyError) in SysModule.make(interp) }
        interp.registerModule("random") { (_) throws(PyError) in RandomModule.make() }
        interp.registerModule("time") { (_) throws(PyError) in TimeModule.make() }
        interp.registerModule("itertools") { (_) throws(PyError) in ItertoolsModule.make() }
        interp.registerModule("os") { (interp) throws(PyError) in
            let os = OSModule.make()
            let path = OSModule.makePath()
            interp.modules["os.path"] = path
            os["path"] = .object(path)
            return os
        }
        interp.registerModule("os.path") { (_) throws(PyError) in OSModule.makePath() }
        interp.registerModule("io") { (interp) throws(PyError) in
            let io = PyModule(name: "io")
            io["open"] = interp.builtins.get(str: "open")
            for type in [FileTypes.unsupportedOperation, FileTypes.textIOWrapper, FileTypes.bufferedReader,
                         FileTypes.bufferedWriter, FileTypes.bufferedRandom] {
                io[type.name] = .object(type)
            }
            io["BytesIO"] = .object(PyBytesIO.type)
            io["SEEK_SET"] = PyValue(0)
            io["SEEK_CUR"] = PyValue(1)
            io["SEEK_END"] = PyValue(2)
            return io
        }
        interp.registerModule("collections") { (interp) throws(PyError) in
            try interp.makeModule(name: "collections", source: CollectionsModule.source)
        }
        interp.registerModule("copy") { (interp) throws(PyError) in
            try interp.makeModule(name: "copy", source: CopyModule.source)
        }
        interp.registerModule("functools") { (interp) throws(PyError) in
            try interp.makeModule(name: "functools", source: FunctoolsModule.source)
        }
    }
}
