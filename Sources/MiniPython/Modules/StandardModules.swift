/// The standard-library modules MiniPython provides, registered with every interpreter
/// (each is created on its first import). Native ones are Swift; `collections` and
/// `functools` are Python source run on import.
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
        interp.registerModule("collections") { (interp) throws(PyError) in
            try interp.makeModule(name: "collections", source: CollectionsModule.source)
        }
        interp.registerModule("functools") { (interp) throws(PyError) in
            try interp.makeModule(name: "functools", source: FunctoolsModule.source)
        }
    }
}
