/// Creating classes (`class` statements are compiled in `Compiler+Definitions.swift`),
/// calling a class to make an instance (`__new__` then `__init__`), and `super()`.
extension Interpreter {
    // MARK: - Creating classes

    /// Builds a class from its namespace (a `class` statement or `type(name, bases, dict)`).
    func createClass(name: String, qualname: String, bases: [PyType], namespace: PyDict) throws(PyError) -> PyType {
        for base in bases where base.isSubtype(of: .int) || base.isSubtype(of: .float) || base.isSubtype(of: .str) {
            throw PyError.notImplementedError(RuntimeUNIMPLEMENTED.subclassingImmediate(base.name).message)
        }
        var members = MemberDict()
        for (key, value) in namespace.items {
            guard case .str(let s) = key else { continue }
            members[s] = value
        }
        if let new = members["__new__"], new.as(PyFunction.self) != nil { members["__new__"] = .object(PyStaticMethod(new)) }
        for special in ["__init_subclass__", "__class_getitem__"] {
            if let f = members[special], f.as(PyFunction.self) != nil { members[special] = .object(PyClassMethod(f)) }
        }
        if members["__eq__"] != nil && members["__hash__"] == nil { members["__hash__"] = PyValue.none }
        var module = "__main__"
        if case .str(let m) = members["__module__"] ?? .none { module = m }
        let type = try PyType(heapTypeNamed: name, qualname: qualname, module: module, bases: bases, members: members)
        for (_, value) in members {
            for function in Interpreter.functions(in: value) { function.definingClass = type }
        }
        return type
    }

    /// The Python functions inside a class attribute (plain, or wrapped in a descriptor).
    private static func functions(in value: PyValue) -> [PyFunction] {
        guard case .object(let o) = value else { return [] }
        switch o {
        case let f as PyFunction: return [f]
        case let m as PyClassMethod: return functions(in: m.function)
        case let m as PyStaticMethod: return functions(in: m.function)
        case let p as PyProperty: return functions(in: p.getter) + functions(in: p.setter) + functions(in: p.deleter)
        default: return []
        }
    }

    // MARK: - Instantiation

    /// `cls(*args, **kwargs)`
    func callType(_ type: PyType, _ args: Arguments) throws(PyError) -> PyValue {
        if type === PyType.typeType {
            if args.positional.count == 1 && args.keywords.isEmpty { return .object(args.positional[0].type) }
            if args.positional.count == 3 { return try typeWithThreeArguments(args.positional) }
            throw PyError.typeError("type() takes 1 or 3 arguments")
        }
        if type.isHeapType, let initializer = type.lookup("__init__")?.as(PyFunction.self),
           let new = type.lookup("__new__"), case .object(let newObject) = new, newObject === Interpreter.objectNew {
            // A class with its own `__init__` and object's `__new__`: make the instance and
            // run `__init__` directly, as `object.__new__` would allow.
            let instance = PyValue.object(type.allocator?(type) ?? PyObject(type: type, hasDict: true))
            var positional = [instance]
            positional.reserveCapacity(args.positional.count + 1)
            positional += args.positional
            let result = try callFunction(initializer, Arguments(positional, keywords: args.keywords))
            if !result.isNone { throw PyError.typeError("__init__() should return None, not '\(result.type.name)'") }
            return instance
        }
        guard var new = type.lookup("__new__") else {
            throw PyError.typeError("cannot create '\(type.name)' instances")
        }
        if let staticMethod = new.as(PyStaticMethod.self) { new = staticMethod.function }
        let instance = try call(new, args.prepending(.object(type)))
        let instanceType = instance.type
        if instanceType.isSubtype(of: type), let initializer = instanceType.lookup("__init__") {
            let result = try call(try bind(initializer, to: instance, instanceType), args)
            if !result.isNone {
                throw PyError.typeError("__init__() should return None, not '\(result.type.name)'")
            }
        }
        return instance
    }

    /// `object.__new__` as classes find it (a staticmethod wrapper).
    static let objectNew: PyObject? = PyType.object.lookup("__new__")?.object

    private func typeWithThreeArguments(_ args: [PyValue]) throws(PyError) -> PyValue {
        guard case .str(let name) = args[0] else { throw PyError.typeError("type.__new__() argument 1 must be str, not \(args[0].type.name)") }
        guard let basesTuple = args[1].as(PyTuple.self) else { throw PyError.typeError("type.__new__() argument 2 must be tuple, not \(args[1].type.name)") }
        guard let dict = args[2].as(PyDict.self) else { throw PyError.typeError("type.__new__() argument 3 must be dict, not \(args[2].type.name)") }
        var bases: [PyType] = []
        for b in basesTuple.items {
            guard let t = b.as(PyType.self) else { throw PyError.typeError("bases must be types") }
            bases.append(t)
        }
        let namespace = dict.copy()
        if namespace.get(str: "__module__") == nil { namespace.set(str: "__module__", mainModule["__name__"] ?? .str("__main__")) }
        return .object(try createClass(name: name, qualname: name, bases: bases, namespace: namespace))
    }

    // MARK: - super

    /// `super()` inside a method: the defining class and the method's first argument.
    func zeroArgumentSuper(_ f: Frame) throws(PyError) -> PyValue {
        guard let function = f.function, let cls = function.definingClass else {
            throw PyError.runtimeError("super(): __class__ cell not found")
        }
        guard let firstName = function.code.parameterNames.first else {
            throw PyError.runtimeError("super(): no arguments")
        }
        let first: PyValue
        switch function.code.slot(firstName) {
        case .fast(let i): first = f.fast[i] ?? .none
        case .cell(let i): first = f.cells[i].value ?? .none
        default: first = .none
        }
        return try makeSuper(cls, first)
    }

    /// `super(type, obj)`
    func makeSuper(_ cls: PyType, _ object: PyValue) throws(PyError) -> PyValue {
        if let type = object.as(PyType.self), type.isSubtype(of: cls) {
            return .object(PySuper(thisType: cls, object: object, objectType: type))
        }
        guard object.type.isSubtype(of: cls) else {
            throw PyError.typeError("super(type, obj): obj must be an instance or subtype of type")
        }
        return .object(PySuper(thisType: cls, object: object, objectType: object.type))
    }
}
