/// Fills the members of every builtin type, once per process, before the first interpreter
/// runs (see `PyType+Builtins.swift` for why it is separate from creating the types).
enum BuiltinTypes {
    private static let installed: Void = {
        ObjectMethods.fill()
        NumberMethods.fill()
        StrMethods.fill()
        ListMethods.fill()
        TupleMethods.fill()
        DictMethods.fill()
        SetMethods.fill()
        MiscMethods.fill()
        ExceptionMethods.fill()
        OSErrorMethods.fill()
    }()

    static func install() { _ = installed }

    /// `__eq__`, `__lt__`... for a builtin type, answering through `nativeCompare`.
    static func addComparisons(_ type: PyType) {
        for op in [ComparisonOperator.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual] {
            let name = Interpreter.compareMethodNames(op).0
            type.addRawMethod(name) { (interp, args) throws(PyError) in
                guard args.positional.count == 2 else { throw PyError.typeError("expected 1 argument, got \(args.positional.count - 1)") }
                let equality = op == .equal || op == .notEqual
                guard let order = try interp.nativeCompare(args.positional[0], args.positional[1], equalityOnly: equality) else {
                    return .notImplemented
                }
                return .bool(order.satisfies(op))
            }
        }
    }

    /// `__add__`/`__radd__`... for a builtin type, answering through `nativeBinary`.
    static func addArithmetic(_ type: PyType, _ ops: [BinaryOperator]) {
        for op in ops {
            let name = op.methodName
            type.addRawMethod(name) { (interp, args) throws(PyError) in
                guard args.positional.count == 2 else { throw PyError.typeError("expected 1 argument, got \(args.positional.count - 1)") }
                return try interp.nativeBinary(op, args.positional[0], args.positional[1]) ?? .notImplemented
            }
            type.addRawMethod("__r" + name.dropFirst(2)) { (interp, args) throws(PyError) in
                guard args.positional.count == 2 else { throw PyError.typeError("expected 1 argument, got \(args.positional.count - 1)") }
                return try interp.nativeBinary(op, args.positional[1], args.positional[0]) ?? .notImplemented
            }
        }
    }

    /// `__len__`, `__iter__`, `__contains__`, `__getitem__`, `__bool__` for a builtin container.
    static func addContainerProtocol(_ type: PyType, getItem: Bool = true) {
        type.addMethod("__len__(self, /)") { (interp, args) throws(PyError) in
            if case .object(let o) = args[0], let n = try interp.nativeLength(o) { return PyValue(n) }
            return PyValue(try interp.length(args[0]))
        }
        type.addMethod("__iter__(self, /)") { (interp, args) throws(PyError) in
            if let it = try interp.nativeIterator(args[0]) { return .object(it) }
            throw PyError.typeError("'\(args[0].type.name)' object is not iterable")
        }
        type.addMethod("__contains__(self, key, /)") { (interp, args) throws(PyError) in
            if case .object(let o) = args[0], let found = try interp.nativeContains(o, args[1]) { return .bool(found) }
            return .bool(try interp.iterativeContains(args[0], args[1]))
        }
        if getItem {
            type.addMethod("__getitem__(self, key, /)") { (interp, args) throws(PyError) in
                if case .object(let o) = args[0], let v = try interp.nativeGetItem(o, args[1]) { return v }
                return try interp.getItem(args[0], args[1])
            }
        }
    }

    /// A `__repr__` member.
    static func addRepr(_ type: PyType, _ body: @escaping (Interpreter, PyValue) throws(PyError) -> String) {
        type.addMethod("__repr__(self, /)") { (interp, args) throws(PyError) in .str(try body(interp, args[0])) }
    }
}

/// `object`, `type`, `NoneType`, `NotImplemented`, `ellipsis`.
enum ObjectMethods {
    static func fill() {
        let object = PyType.object
        object.addMethod("__new__(cls, /, *args, **kwargs)") { (interp, args) throws(PyError) in
            guard let cls = args[0].as(PyType.self) else {
                throw PyError.typeError("object.__new__(X): X is not a type object (\(args[0].type.name))")
            }
            if !args.varArgs.isEmpty || !args.varKeywords.isEmpty {
                if !isObjectMember(cls.lookup("__new__"), "__new__") {
                    throw PyError.typeError("object.__new__() takes exactly one argument (the type to instantiate)")
                }
                if isObjectMember(cls.lookup("__init__"), "__init__") {
                    throw PyError.typeError("\(cls.name)() takes no arguments")
                }
            }
            return .object(cls.allocator?(cls) ?? PyObject(type: cls, hasDict: true))
        }
        object.setMember("__new__", .object(PyStaticMethod(object.members["__new__"]!)))
        object.addMethod("__init__(self, /, *args, **kwargs)") { (interp, args) throws(PyError) in
            if !args.varArgs.isEmpty || !args.varKeywords.isEmpty {
                let cls = args[0].type
                if !isObjectMember(cls.lookup("__init__"), "__init__") {
                    throw PyError.typeError("object.__init__() takes exactly one argument (the instance to initialize)")
                }
                if isObjectMember(cls.lookup("__new__"), "__new__") {
                    throw PyError.typeError("\(cls.name)() takes no arguments")
                }
            }
            return .none
        }
        BuiltinTypes.addRepr(object) { (interp, v) throws(PyError) in
            if case .object(let o) = v { return interp.defaultRepr(o) }
            return try interp.repr(v)
        }
        object.addMethod("__str__(self, /)") { (interp, args) throws(PyError) in .str(try interp.repr(args[0])) }
        object.addMethod("__format__(self, format_spec, /)") { (interp, args) throws(PyError) in
            let spec = try interp.expectStr(args[1], "format_spec")
            if !spec.isEmpty { throw PyError.typeError("unsupported format string passed to \(args[0].type.name).__format__") }
            return .str(try interp.str(args[0]))
        }
        object.addMethod("__eq__(self, value, /)") { (_, args) throws(PyError) in
            args[0].isIdentical(to: args[1]) ? .bool(true) : .notImplemented
        }
        object.addMethod("__ne__(self, value, /)") { (interp, args) throws(PyError) in
            let eq = try interp.richCompare(.equal, args[0], args[1])
            if eq.isNotImplemented { return eq }
            return .bool(!(try interp.isTrue(eq)))
        }
        object.addMethod("__hash__(self, /)") { (interp, args) throws(PyError) in
            if case .object(let o) = args[0] { return PyValue(PyHash.identity(o)) }
            return PyValue(try interp.hash(args[0]))
        }
        object.addMethod("__setattr__(self, name, value, /)") { (interp, args) throws(PyError) in
            try interp.genericSetAttribute(args[0], try interp.expectStr(args[1], "attribute name"), args[2])
            return .none
        }
        object.addMethod("__delattr__(self, name, /)") { (interp, args) throws(PyError) in
            try interp.genericDeleteAttribute(args[0], try interp.expectStr(args[1], "attribute name"))
            return .none
        }
        object.addMethod("__getattribute__(self, name, /)") { (interp, args) throws(PyError) in
            let name = try interp.expectStr(args[1], "attribute name")
            let type = args[0].type
            let attribute = type.lookup(name)
            if let attribute, interp.isDataDescriptor(attribute) { return try interp.bind(attribute, to: args[0], type) }
            if case .object(let o) = args[0], let v = o.dict?.get(str: name) { return v }
            if let attribute { return try interp.bind(attribute, to: args[0], type) }
            throw interp.attributeError(args[0], name)
        }
        object.addMethod("__dir__(self, /)") { (interp, args) throws(PyError) in
            .list(try interp.directory(of: args[0]).map { .str($0) })
        }
        object.addProperty("__class__") { (_, v) throws(PyError) in .object(v.type) }
        object.addMethod("__reduce_ex__(self, protocol, /)") { (_, _) throws(PyError) in
            throw PyError.typeError("cannot pickle objects in MiniPython")
        }

        let type = PyType.typeType
        type.addProperty("__name__") { (_, v) throws(PyError) in .str(v.as(PyType.self)?.name ?? "") }
        type.addProperty("__qualname__") { (_, v) throws(PyError) in .str(v.as(PyType.self)?.qualname ?? "") }
        type.addProperty("__module__") { (_, v) throws(PyError) in
            guard let t = v.as(PyType.self) else { return .none }
            return t.members["__module__"] ?? .str(t.module)
        }
        type.addProperty("__doc__") { (_, v) throws(PyError) in v.as(PyType.self)?.members["__doc__"] ?? .none }
        type.addProperty("__mro__") { (_, v) throws(PyError) in .tuple(v.as(PyType.self)?.mro.map { .object($0) } ?? []) }
        type.addProperty("__bases__") { (_, v) throws(PyError) in .tuple(v.as(PyType.self)?.bases.map { .object($0) } ?? []) }
        type.addProperty("__base__") { (_, v) throws(PyError) in v.as(PyType.self)?.bases.first.map { .object($0) } ?? .none }
        type.addProperty("__dict__") { (interp, v) throws(PyError) in
            let dict = PyDict()
            for (k, value) in v.as(PyType.self)?.members ?? MemberDict() { dict.set(str: k, value) }
            return .object(dict)
        }
        type.addMethod("mro(self, /)") { (_, args) throws(PyError) in .list(args[0].as(PyType.self)?.mro.map { .object($0) } ?? []) }
        type.addMethod("__subclasscheck__(self, subclass, /)") { (_, args) throws(PyError) in
            guard let t = args[0].as(PyType.self), let s = args[1].as(PyType.self) else { return .bool(false) }
            return .bool(s.isSubtype(of: t))
        }
        BuiltinTypes.addRepr(type) { (interp, v) throws(PyError) in
            guard let t = v.as(PyType.self) else { return "" }
            return "<class '\(interp.qualifiedName(t))'>"
        }
        type.addMethod("__or__(self, other, /)") { (_, args) throws(PyError) in .tuple([args[0], args[1]]) }

        BuiltinTypes.addRepr(.noneType) { _, _ in "None" }
        PyType.noneType.addMethod("__bool__(self, /)") { _, _ in .bool(false) }
        PyType.noneType.addMethod("__new__(cls, /)") { _, _ in .none }
        PyType.noneType.setMember("__new__", .object(PyStaticMethod(PyType.noneType.members["__new__"]!)))
        BuiltinTypes.addRepr(.notImplementedType) { _, _ in "NotImplemented" }
        BuiltinTypes.addRepr(.ellipsisType) { _, _ in "Ellipsis" }
    }

    /// Whether a looked-up member is `object`'s own (not overridden).
    static func isObjectMember(_ value: PyValue?, _ name: String) -> Bool {
        guard let value else { return true }
        var v = value
        if let s = v.as(PyStaticMethod.self) { v = s.function }
        if let own = PyType.object.members[name] {
            var o = own
            if let s = o.as(PyStaticMethod.self) { o = s.function }
            return v.isIdentical(to: o)
        }
        return false
    }
}
