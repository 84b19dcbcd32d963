/// Calls: dispatch on the kind of callable, and binding and running Python functions (call
/// expressions, `def` and `lambda` are compiled in `Compiler+Definitions.swift`).
extension Interpreter {
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
        let code = function.code
        let cells = function.closure.isEmpty && code.ownCellCount == 0
            ? [] : (0..<code.ownCellCount).map { _ in PyCell() } + function.closure
        var frame: Frame
        if let pooled = code.framePool.popLast() {
            nextFrameID += 1
            pooled.reuse(globals: function.globals, cells: cells, id: nextFrameID)
            frame = pooled
        } else {
            frame = makeFrame(code: code, globals: function.globals, cells: cells)
        }
        frame.function = function
        frame.line = code.firstLine
        let slots = code.parameterSlots
        let given = args.positional.count
        if args.keywords.isEmpty, let layout = function.simpleLayout, given >= layout.required,
           given <= layout.defaults.count + layout.required {
            // Positional arguments only, to a function without *args, **kwargs or keyword-only
            // parameters: no binding step.
            for i in 0..<given { frame.set(slots[i], args.positional[i]) }
            for i in given..<slots.count { frame.set(slots[i], layout.defaults[i - layout.required]) }
        } else {
            let bound = try function.signature.bind(args)
            let named = function.signature.parameters.count
            for (i, slot) in slots.enumerated() {
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
                frame.set(slot, value)
            }
        }
        if code.isGenerator {
            let body = code.compiledBody(function.body)
            return .object(PyGenerator(name: function.name, qualname: function.qualname) { (interp, channel) throws(PyError) in
                frame.generator = channel
                interp.currentFrame = frame
                do throws(PyError) {
                    switch try body(interp, frame) {
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
            if isKnownUniquelyReferenced(&frame) && code.framePool.count < 4 {
                frame.clear()
                code.framePool.append(frame)
            }
        }
        do throws(PyError) {
            if let lambda = function.lambdaBody { return try code.compiledExpression(lambda)(self, frame) }
            if case .returned(let value) = try code.compiledBody(function.body)(self, frame) { return value }
            return .none
        } catch {
            record(error, in: frame)
            throw error
        }
    }
}
