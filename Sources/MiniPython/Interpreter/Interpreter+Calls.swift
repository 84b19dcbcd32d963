/// Calls: argument evaluation, dispatch on the kind of callable, binding and running Python
/// functions, and creating them from `def` and `lambda`.
extension Interpreter {
    // MARK: - Call expressions

    func evalCall(_ callee: Expr, _ arguments: [Argument], _ range: SourceRange, _ f: Frame) throws(PyError) -> PyValue {
        // `obj.method(...)` without allocating a bound method.
        if case .attribute(let objectExpr, let name, _) = callee {
            let object = try eval(objectExpr, f)
            let args = try evalArguments(arguments, f)
            f.line = range.line
            return try callMethod(object, name, args)
        }
        let function = try eval(callee, f)
        let args = try evalArguments(arguments, f)
        f.line = range.line
        if case .object(let o) = function, (o as? PyType) === PyType.superType,
           args.positional.isEmpty {
            return try zeroArgumentSuper(f)
        }
        return try call(function, args)
    }

    func evalArguments(_ arguments: [Argument], _ f: Frame) throws(PyError) -> Arguments {
        var result = Arguments()
        result.positional.reserveCapacity(arguments.count)
        for argument in arguments {
            switch argument {
            case .positional(let e):
                result.positional.append(try eval(e, f))
            case .starred(let e):
                let value = try eval(e, f)
                guard isIterable(value) else {
                    throw PyError.typeError("Value after * must be an iterable, not \(value.type.name)")
                }
                result.positional += try toArray(value)
            case .keyword(let name, let e, _):
                result.keywords.append((name, try eval(e, f)))
            case .doubleStarred(let e):
                let mapping = try eval(e, f)
                let context = "argument after ** must be a mapping, not \(mapping.type.name)"
                for (key, value) in try mappingItems(mapping, context: context) {
                    guard case .str(let name) = key else { throw PyError.typeError("keywords must be strings") }
                    if result.keywords.contains(where: { $0.name == name }) {
                        throw PyError.typeError("got multiple values for keyword argument '\(name)'")
                    }
                    result.keywords.append((name, value))
                }
            }
        }
        return result
    }

    // MARK: - Dispatch

    /// Calls any Python callable.
    public func call(_ callee: PyValue, _ args: Arguments) throws(PyError) -> PyValue {
        guard case .object(let object) = callee else {
            throw PyError.typeError("'\(callee.type.name)' object is not callable")
        }
        if let function = object as? PyFunction { return try callFunction(function, args) }
        if let builtin = object as? PyBuiltinFunction {
            try checkInterrupt()
            try checkStack()
            return try builtin.call(self, args)
        }
        if let method = object as? PyMethod { return try call(method.function, args.prepending(method.selfValue)) }
        if let type = object as? PyType { return try callType(type, args) }
        if let dunder = object.type.lookup("__call__") {
            return try call(dunder, args.prepending(callee))
        }
        throw PyError.typeError("'\(object.type.name)' object is not callable")
    }

    /// Calls with positional arguments only.
    public func call(_ callee: PyValue, _ positional: [PyValue]) throws(PyError) -> PyValue {
        try call(callee, Arguments(positional))
    }

    /// `object.name(args)`: looks the method up on the type and calls it with `object` first,
    /// without creating a bound method when it can.
    public func callMethod(_ object: PyValue, _ name: String, _ args: Arguments) throws(PyError) -> PyValue {
        if case .object(let o) = object, o is PyType || o is PyModule || o is PySuper {
            return try call(try getAttribute(object, name), args)
        }
        let type = object.type
        if let attribute = type.lookup(name), case .object(let fo) = attribute,
           fo is PyFunction || fo is PyBuiltinFunction {
            if case .object(let o) = object, let dict = o.dict, dict.get(str: name) != nil {
                return try call(try getAttribute(object, name), args)
            }
            return try call(attribute, args.prepending(object))
        }
        return try call(try getAttribute(object, name), args)
    }

    /// Calls a dunder method found on the type of `object` (no instance lookup), or returns nil
    /// when the type does not define it.
    func callSpecial(_ object: PyValue, _ name: String, _ args: [PyValue] = []) throws(PyError) -> PyValue? {
        guard let method = object.type.lookup(name) else { return nil }
        if method.isNone { return nil }
        return try call(try bind(method, to: object, object.type), Arguments(args))
    }

    // MARK: - Python functions

    func callFunction(_ function: PyFunction, _ args: Arguments) throws(PyError) -> PyValue {
        try checkInterrupt()
        let bound = try function.signature.bind(args)
        let code = function.code
        let frame = makeFrame(code: code, globals: function.globals, cells: function.closure.isEmpty && code.ownCellCount == 0
            ? [] : (0..<code.ownCellCount).map { _ in PyCell() } + function.closure)
        frame.function = function
        frame.line = code.firstLine
        let named = function.signature.parameters.count
        for (i, name) in code.parameterNames.enumerated() {
            let value: PyValue
            if i < named {
                value = bound.values[i] ?? .none
            } else if i == named, function.signature.varArgsName != nil {
                value = .tuple(bound.varArgs)
            } else {
                let kwargs = PyDict()
                for (k, v) in bound.varKeywords { kwargs.set(str: k, v) }
                value = .object(kwargs)
            }
            switch code.slot(name) {
            case .fast(let slot): frame.fast[slot] = value
            case .cell(let slot): frame.cells[slot].value = value
            default: break
            }
        }
        if code.isGenerator {
            return .object(PyGenerator(name: function.name, qualname: function.qualname) { (interp, channel) throws(PyError) in
                frame.generator = channel
                interp.currentFrame = frame
                do throws(PyError) {
                    switch try interp.exec(function.body, frame) {
                    case .returned(let v): return v
                    default: return .none
                    }
                } catch {
                    if !error.isGeneratorKill { interp.record(error, in: frame) }
                    throw error
                }
            })
        }
        try enterCall()
        let saved = currentFrame
        currentFrame = frame
        defer {
            depth -= 1
            currentFrame = saved
        }
        do throws(PyError) {
            if let lambda = function.lambdaBody { return try eval(lambda, frame) }
            if case .returned(let value) = try exec(function.body, frame) { return value }
            return .none
        } catch {
            record(error, in: frame)
            throw error
        }
    }

    // MARK: - Creating functions

    func makeFunction(_ def: FunctionDef, _ range: SourceRange, _ f: Frame) throws(PyError) -> PyValue {
        var decorators: [PyValue] = []
        for d in def.decorators { decorators.append(try eval(d, f)) }
        let code = try childCode(range, f)
        code.firstLine = range.line
        let signature = try makeSignature(def.name, def.parameters, f)
        var doc = PyValue.none
        if case .expression(.constant(.string(let text), _), _) = def.body.first { doc = .str(text) }
        let module = f.globals.get(str: "__name__").flatMap { if case .str(let s) = $0 { s } else { nil } } ?? "__main__"
        let function = PyFunction(code: code, body: def.body, lambdaBody: nil, globals: f.globals, signature: signature,
                                  closure: Array(closureCells(for: code, from: f)[code.ownCellCount...]), doc: doc,
                                  module: module)
        var result = PyValue.object(function)
        for decorator in decorators.reversed() {
            f.line = range.line
            result = try call(decorator, [result])
        }
        return result
    }

    func makeLambda(_ parameters: Parameters, _ body: Expr, _ range: SourceRange, _ f: Frame) throws(PyError) -> PyValue {
        let code = try childCode(range, f)
        code.firstLine = range.line
        let signature = try makeSignature("<lambda>", parameters, f)
        let function = PyFunction(code: code, body: [], lambdaBody: body, globals: f.globals, signature: signature,
                                  closure: Array(closureCells(for: code, from: f)[code.ownCellCount...]), doc: .none,
                                  module: "__main__")
        return .object(function)
    }

    /// The ``Signature`` of a `def`, with its defaults evaluated now.
    private func makeSignature(_ name: String, _ parameters: Parameters, _ f: Frame) throws(PyError) -> Signature {
        var result: [Signature.Parameter] = []
        func add(_ p: Parameter, _ kind: Signature.Kind) throws(PyError) {
            let value: Signature.Default = try p.defaultValue.map { (e) throws(PyError) in .value(try eval(e, f)) } ?? .required
            result.append(Signature.Parameter(name: p.name, kind: kind, defaultValue: value))
        }
        for p in parameters.positionalOnly { try add(p, .positionalOnly) }
        for p in parameters.positional { try add(p, .positionalOrKeyword) }
        for p in parameters.keywordOnly { try add(p, .keywordOnly) }
        let qualified = f.code.kind == .classBody ? f.code.qualname + "." + name
            : (f.code.kind == .module ? name : f.code.qualname + ".<locals>." + name)
        return Signature(name: qualified, parameters: result, varArgs: parameters.varArgs?.name,
                         varKeywords: parameters.varKeywords?.name)
    }
}
