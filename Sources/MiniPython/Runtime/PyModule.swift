/// A module: a name and a namespace dict (`__dict__`), native or `__main__`.
public final class PyModule: PyObject, @unchecked Sendable {
    public let name: String

    public init(type: PyType = .module, name: String) {
        self.name = name
        super.init(type: type, hasDict: true)
        namespace.set(str: "__name__", .str(name))
    }

    /// The module's globals.
    public var namespace: PyDict { dict! }

    /// Sets a module attribute.
    public subscript(name: String) -> PyValue? {
        get { namespace.get(str: name) }
        set {
            if let newValue { namespace.set(str: name, newValue) } else { namespace.remove(str: name) }
        }
    }

    /// Adds a native function bound by a Python signature, e.g. `"sqrt(x, /)"`.
    public func addFunction(_ signature: String,
                            _ body: @escaping (Interpreter, BoundArguments) throws(PyError) -> PyValue) {
        let function = PyBuiltinFunction(signature: signature, module: name, body)
        namespace.set(str: function.name, .object(function))
    }

    /// Adds a native function that takes raw ``Arguments`` (for `print`-like signatures).
    public func addRawFunction(_ name: String,
                               _ body: @escaping (Interpreter, Arguments) throws(PyError) -> PyValue) {
        let function = PyBuiltinFunction(name: name, call: body)
        function.module = self.name
        namespace.set(str: name, .object(function))
    }
}
