/// `BaseException` and its subclasses' attributes: `args`, `__cause__`, `__context__`,
/// `StopIteration.value`, `SystemExit.code`, `KeyError`'s repr-of-key message.
enum ExceptionMethods {
    static func fill() {
        let base = PyType.baseException
        base.addStaticMethod("__new__(cls, /, *args, **kwargs)") { (_, args) throws(PyError) in
            guard let cls = args[0].as(PyType.self) else { throw PyError.typeError("BaseException.__new__(X): X is not a type object") }
            let exc = PyBaseException(type: cls, args: args.varArgs)
            return .object(exc)
        }
        base.addMethod("__init__(self, /, *args, **kwargs)") { (_, args) throws(PyError) in
            try self_(args[0]).args = args.varArgs
            return .none
        }
        base.addMethod("__str__(self, /)") { (interp, args) throws(PyError) in
            let exc = try self_(args[0])
            if exc.type.isSubtype(of: .keyError), exc.args.count == 1 { return .str(try interp.repr(exc.args[0])) }
            switch exc.args.count {
            case 0: return .str("")
            case 1: return .str(try interp.str(exc.args[0]))
            default: return .str(try interp.repr(.tuple(exc.args)))
            }
        }
        BuiltinTypes.addRepr(base) { (interp, v) throws(PyError) in
            let exc = try self_(v)
            if exc.args.count == 1 { return "\(exc.type.name)(\(try interp.repr(exc.args[0])))" }
            return "\(exc.type.name)(\(try interp.reprItems(exc.args)))"
        }
        base.addProperty("args", get: { (_, v) throws(PyError) in .tuple(try self_(v).args) },
                         set: { (interp, v, value) throws(PyError) in try self_(v).args = try interp.toArray(value) })
        base.addProperty("__cause__", get: { (_, v) throws(PyError) in try self_(v).cause.map { .object($0) } ?? .none },
                         set: { (_, v, value) throws(PyError) in
                             let exc = try self_(v)
                             exc.cause = value.as(PyBaseException.self)
                             exc.suppressContext = true
                         })
        base.addProperty("__context__", get: { (_, v) throws(PyError) in try self_(v).context.map { .object($0) } ?? .none },
                         set: { (_, v, value) throws(PyError) in try self_(v).context = value.as(PyBaseException.self) })
        base.addProperty("__suppress_context__", get: { (_, v) throws(PyError) in .bool(try self_(v).suppressContext) },
                         set: { (interp, v, value) throws(PyError) in try self_(v).suppressContext = try interp.isTrue(value) })
        base.addProperty("__traceback__") { _, _ in .none }
        base.addMethod("with_traceback(self, tb, /)") { (_, args) throws(PyError) in args[0] }

        PyType.stopIteration.addProperty("value") { (_, v) throws(PyError) in try self_(v).args.first ?? .none }
        PyType.systemExit.addProperty("code") { (_, v) throws(PyError) in
            let args = try self_(v).args
            return args.count == 1 ? args[0] : (args.isEmpty ? .none : .tuple(args))
        }
        for type in [PyType.nameError, .attributeError, .importError] {
            type.addProperty("name") { (_, v) throws(PyError) in
                let exc = try self_(v)
                return exc.dict?.get(str: "name") ?? exc.suggestionName.map { .str($0) } ?? .none
            }
        }
        PyType.syntaxError.addProperty("msg") { (_, v) throws(PyError) in try self_(v).args.first ?? .none }
        PyType.syntaxError.addProperty("lineno") { (_, v) throws(PyError) in
            try self_(v).syntaxError.map { PyValue($0.lineno) } ?? .none
        }
        PyType.syntaxError.addMethod("__str__(self, /)") { (interp, args) throws(PyError) in
            let exc = try self_(args[0])
            guard let error = exc.syntaxError else { return .str(try interp.str(exc.args.first ?? .str(""))) }
            return .str("\(error.message) (\(error.filename), line \(error.lineno))")
        }
    }

    static func self_(_ v: PyValue) throws(PyError) -> PyBaseException {
        guard let e = v.as(PyBaseException.self) else {
            throw PyError.typeError("descriptor requires a 'BaseException' object but received a '\(v.type.name)'")
        }
        return e
    }
}
