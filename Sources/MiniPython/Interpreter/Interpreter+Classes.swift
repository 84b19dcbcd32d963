/// `class` statements, calling a class to make an instance (`__new__` then `__init__`),
/// and `super()`.
extension Interpreter {
    // MARK: - class statements

    func makeClass(_ def: ClassDef, _ range: SourceRange, _ f: Frame) throws(PyError) -> PyValue {
        var decorators: [PyValue] = []
        for d in def.decorators { decorators.append(try eval(d, f)) }
        var bases: [PyType] = []
        for argument in def.arguments {
            switch argument {
            case .positional(let e):
                let base = try eval(e, f)
                guard let type = base.as(PyType.self) else {
                    throw PyError.typeError("bases must be types")
                }
                bases.append(type)
            case .starred(let e):
                for base in try toArray(try eval(e, f)) {
                    guard let type = base.as(PyType.self) else { throw PyError.typeError("bases must be types") }
                    bases.append(type)
                }
            case .keyword(let name, let e, _):
                let value = try eval(e, f)
                if name == "metaclass", value.as(PyType.self) === PyType.typeType { continue }
                if name == "metaclass" { throw PyError.notImplementedError(RuntimeUNIMPLEMENTED.metaclass.message) }
                throw PyError.typeError("\(def.name).__init_subclass__() takes no keyword arguments")
            case .doubleStarred:
                throw PyError.typeError("\(def.name).__init_subclass__() takes no keyword arguments")
            }
        }
        let code = try childCode(range, f)
        let namespace = PyDict()
        let module = f.globals.get(str: "__name__") ?? .str("__main__")
        namespace.set(str: "__module__", module)
        namespace.set(str: "__qualname__", .str(code.qualname))
        if case .expression(.constant(.string(let doc), _), _) = def.body.first { namespace.set(str: "__doc__", .str(doc)) }
        let frame = makeFrame(code: code, globals: f.globals, namespace: namespace, cells: closureCells(for: code, from: f))
        frame.line = range.line
        do throws(PyError) {
            _ = try exec(def.body, frame)
        } catch {
            record(error, in: frame)
            throw error
        }
        f.line = range.line
        var result = PyValue.object(try createClass(name: def.name, qualname: code.qualname, bases: bases, namespace: namespace))
        for decorator in decorators.reversed() { result = try call(decorator, [result]) }
        return result
    }

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
