/// The standard-library modules MiniPython provides natively, registered with every
/// interpreter (each is created on its first import).
enum StandardModules {
    static func register(in interp: Interpreter) {
        interp.registerModule("math") { (_) throws(PyError) in MathModule.make() }
        interp.registerModule("sys") { (interp) throws(PyError) in SysModule.make(interp) }
    }
}
