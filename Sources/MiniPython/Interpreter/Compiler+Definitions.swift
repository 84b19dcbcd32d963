/// Calls, and the statements and expressions that create functions and classes (`def`,
/// `lambda`, `class`). The bodies of the new scopes are compiled when they first run.
extension Compiler {
    // MARK: - Calls

    func compileCall(_ callee: Expr, _ arguments: [Argument], _ line: Int) -> Eval {
        if case .attribute(let objectExpr, let name, _) = callee,
           let positional = compileSelfAndPositional(arguments) {
            return compileMethodCall(compile(objectExpr), name, positional, line)
        }
        let args = compileArguments(arguments)
        if case .attribute(let objectExpr, let name, _) = callee {
            // `obj.method(...)` without allocating a bound method.
            let object = compile(objectExpr)
            return { (interp, f) throws(PyError) in
                let o = try object(interp, f)
                let a = try args(interp, f)
                f.line = line
                return try interp.callMethod(o, name, a)
            }
        }
        let function = compile(callee)
        return { (interp, f) throws(PyError) in
            let fn = try function(interp, f)
            let a = try args(interp, f)
            f.line = line
            if case .object(let o) = fn, o === PyType.superType, a.positional.isEmpty {
                return try interp.zeroArgumentSuper(f)
            }
            return try interp.call(fn, a)
        }
    }

    /// `obj.name(a, b)` with positional arguments: the function found in the class is
    /// called with `obj` first, without a bound method object (see ``MethodSite``).
    private func compileMethodCall(_ object: @escaping Eval, _ name: String,
                                   _ positional: @escaping (Interpreter, Frame, PyValue) throws(PyError) -> [PyValue],
                                   _ line: Int) -> Eval {
        let site = MethodSite(name)
        return { (interp, f) throws(PyError) in
            let o = try object(interp, f)
            var values = try positional(interp, f, o)
            f.line = line
            if let function = site.function(o.type) {
                if case .object(let instance) = o, let dict = instance.dict, dict.count > 0, dict.get(str: name) != nil {
                    values.removeFirst()
                    return try interp.call(try interp.getAttribute(o, name), Arguments(values))
                }
                return try interp.call(function, Arguments(values))
            }
            values.removeFirst()
            return try interp.callMethod(o, name, Arguments(values))
        }
    }

    /// `first` followed by the values of an argument list of plain positional arguments (nil
    /// when there is a keyword or a star).
    private func compileSelfAndPositional(_ arguments: [Argument])
        -> ((Interpreter, Frame, PyValue) throws(PyError) -> [PyValue])? {
        var values: [Eval] = []
        for argument in arguments {
            guard case .positional(let e) = argument else { return nil }
            values.append(compile(e))
        }
        switch values.count {
        case 0:
            return { (_, _, first) throws(PyError) in [first] }
        case 1:
            let a = values[0]
            return { (interp, f, first) throws(PyError) in [first, try a(interp, f)] }
        case 2:
            let a = values[0], b = values[1]
            return { (interp, f, first) throws(PyError) in
                let x = try a(interp, f)
                return [first, x, try b(interp, f)]
            }
        default:
            return { (interp, f, first) throws(PyError) in
                var result: [PyValue] = [first]
                result.reserveCapacity(values.count + 1)
                for value in values { result.append(try value(interp, f)) }
                return result
            }
        }
    }

    func compileArguments(_ arguments: [Argument]) -> (Interpreter, Frame) throws(PyError) -> Arguments {
        let positionalOnly = arguments.allSatisfy { if case .positional = $0 { return true } else { return false } }
        if positionalOnly {
            var values: [Eval] = []
            for case .positional(let e) in arguments { values.append(compile(e)) }
            switch values.count {
            case 0:
                return { (_, _) throws(PyError) in Arguments() }
            case 1:
                let first = values[0]
                return { (interp, f) throws(PyError) in Arguments([try first(interp, f)]) }
            case 2:
                let first = values[0], second = values[1]
                return { (interp, f) throws(PyError) in
                    let a = try first(interp, f)
                    return Arguments([a, try second(interp, f)])
                }
            default:
                return { (interp, f) throws(PyError) in
                    var positional: [PyValue] = []
                    positional.reserveCapacity(values.count)
                    for value in values { positional.append(try value(interp, f)) }
                    return Arguments(positional)
                }
            }
        }
        enum Part {
            case positional(Eval), starred(Eval), keyword(String, Eval), doubleStarred(Eval)
        }
        let parts: [Part] = arguments.map { argument in
            switch argument {
            case .positional(let e): return .positional(compile(e))
            case .starred(let e): return .starred(compile(e))
            case .keyword(let name, let e, _): return .keyword(name, compile(e))
            case .doubleStarred(let e): return .doubleStarred(compile(e))
            }
        }
        return { (interp, f) throws(PyError) in
            var result = Arguments()
            result.positional.reserveCapacity(parts.count)
            for part in parts {
                switch part {
                case .positional(let e):
                    result.positional.append(try e(interp, f))
                case .starred(let e):
                    let value = try e(interp, f)
                    guard interp.isIterable(value) else {
                        throw PyError.typeError("Value after * must be an iterable, not \(value.type.name)")
                    }
                    result.positional += try interp.toArray(value)
                case .keyword(let name, let e):
                    result.keywords.append((name, try e(interp, f)))
                case .doubleStarred(let e):
                    let mapping = try e(interp, f)
                    let context = "argument after ** must be a mapping, not \(mapping.type.name)"
                    for (key, value) in try interp.mappingItems(mapping, context: context) {
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
    }

    // MARK: - Closures

    /// The cells a nested scope starts with: new cells for its own captured variables, then
    /// the enclosing frame's cells for its free variables.
    func closureCells(for child: CodeInfo) -> (Frame) -> [PyCell] {
        let ownCount = child.ownCellCount
        let sources: [Int?] = child.freeNames.map { name in
            switch code.slot(name) {
            case .cell(let i), .classCell(let i): return i
            default: return nil
            }
        }
        if ownCount == 0 && sources.isEmpty { return { _ in [] } }
        return { f in
            var cells: [PyCell] = []
            cells.reserveCapacity(ownCount + sources.count)
            for _ in 0..<ownCount { cells.append(PyCell()) }
            for source in sources { cells.append(source.map { f.cells[$0] } ?? PyCell()) }
            return cells
        }
    }

    /// The qualified name of a function defined in this scope.
    private func qualifiedName(_ name: String) -> String {
        switch code.kind {
        case .classBody: return code.qualname + "." + name
        case .module: return name
        default: return code.qualname + ".<locals>." + name
        }
    }

    /// Evaluates the defaults (in source order) and builds the ``Signature`` of a `def` or
    /// `lambda` when it runs.
    private func compileSignature(_ name: String, _ parameters: Parameters) -> (Interpreter, Frame) throws(PyError) -> Signature {
        let qualified = qualifiedName(name)
        var specs: [(name: String, kind: Signature.Kind, value: Eval?)] = []
        for p in parameters.positionalOnly { specs.append((p.name, .positionalOnly, p.defaultValue.map { compile($0) })) }
        for p in parameters.positional { specs.append((p.name, .positionalOrKeyword, p.defaultValue.map { compile($0) })) }
        for p in parameters.keywordOnly { specs.append((p.name, .keywordOnly, p.defaultValue.map { compile($0) })) }
        let varArgs = parameters.varArgs?.name, varKeywords = parameters.varKeywords?.name
        return { (interp, f) throws(PyError) in
            var result: [Signature.Parameter] = []
            result.reserveCapacity(specs.count)
            for spec in specs {
                let value: Signature.Default = try spec.value.map { (e) throws(PyError) in .value(try e(interp, f)) } ?? .required
                result.append(Signature.Parameter(name: spec.name, kind: spec.kind, defaultValue: value))
            }
            return Signature(name: qualified, parameters: result, varArgs: varArgs, varKeywords: varKeywords)
        }
    }

    // MARK: - def and lambda

    func compileFunction(_ def: FunctionDef, _ range: SourceRange) -> Eval {
        guard let childCode = child(range) else { return { (_, _) throws(PyError) in throw Compiler.unresolved(range) } }
        childCode.firstLine = range.line
        let decorators = def.decorators.map { compile($0) }
        let signature = compileSignature(def.name, def.parameters)
        let cells = closureCells(for: childCode)
        let ownCount = childCode.ownCellCount
        var doc = PyValue.none
        if case .expression(.constant(.string(let text), _), _) = def.body.first { doc = .str(text) }
        let body = def.body, line = range.line
        return { (interp, f) throws(PyError) in
            var decoratorValues: [PyValue] = []
            for d in decorators { decoratorValues.append(try d(interp, f)) }
            let bound = try signature(interp, f)
            var module = "__main__"
            if case .str(let s) = f.globals.get(str: "__name__") ?? .none { module = s }
            let function = PyFunction(code: childCode, body: body, lambdaBody: nil, globals: f.globals, signature: bound,
                                      closure: Array(cells(f).dropFirst(ownCount)), doc: doc, module: module)
            var result = PyValue.object(function)
            for decorator in decoratorValues.reversed() {
                f.line = line
                result = try interp.call(decorator, [result])
            }
            return result
        }
    }

    func compileLambda(_ parameters: Parameters, _ bodyExpr: Expr, _ range: SourceRange) -> Eval {
        guard let childCode = child(range) else { return { (_, _) throws(PyError) in throw Compiler.unresolved(range) } }
        childCode.firstLine = range.line
        let signature = compileSignature("<lambda>", parameters)
        let cells = closureCells(for: childCode)
        let ownCount = childCode.ownCellCount
        return { (interp, f) throws(PyError) in
            let function = PyFunction(code: childCode, body: [], lambdaBody: bodyExpr, globals: f.globals,
                                      signature: try signature(interp, f), closure: Array(cells(f).dropFirst(ownCount)),
                                      doc: .none, module: "__main__")
            return .object(function)
        }
    }

    // MARK: - class

    func compileClass(_ def: ClassDef, _ range: SourceRange) -> Eval {
        guard let childCode = child(range) else { return { (_, _) throws(PyError) in throw Compiler.unresolved(range) } }
        let decorators = def.decorators.map { compile($0) }
        enum Base { case one(Eval), many(Eval), keyword(String, Eval), doubleStarred }
        let bases: [Base] = def.arguments.map { argument in
            switch argument {
            case .positional(let e): return .one(compile(e))
            case .starred(let e): return .many(compile(e))
            case .keyword(let name, let e, _): return .keyword(name, compile(e))
            case .doubleStarred: return .doubleStarred
            }
        }
        let cells = closureCells(for: childCode)
        var doc: PyValue?
        if case .expression(.constant(.string(let text), _), _) = def.body.first { doc = .str(text) }
        let name = def.name, body = def.body, line = range.line
        return { (interp, f) throws(PyError) in
            var decoratorValues: [PyValue] = []
            for d in decorators { decoratorValues.append(try d(interp, f)) }
            var baseTypes: [PyType] = []
            for base in bases {
                switch base {
                case .one(let e):
                    guard let type = try e(interp, f).as(PyType.self) else { throw PyError.typeError("bases must be types") }
                    baseTypes.append(type)
                case .many(let e):
                    for value in try interp.toArray(try e(interp, f)) {
                        guard let type = value.as(PyType.self) else { throw PyError.typeError("bases must be types") }
                        baseTypes.append(type)
                    }
                case .keyword(let keyword, let e):
                    let value = try e(interp, f)
                    if keyword == "metaclass", value.as(PyType.self) === PyType.typeType { continue }
                    if keyword == "metaclass" { throw PyError.notImplementedError(RuntimeUNIMPLEMENTED.metaclass.message) }
                    throw PyError.typeError("\(name).__init_subclass__() takes no keyword arguments")
                case .doubleStarred:
                    throw PyError.typeError("\(name).__init_subclass__() takes no keyword arguments")
                }
            }
            let namespace = PyDict()
            namespace.set(str: "__module__", f.globals.get(str: "__name__") ?? .str("__main__"))
            namespace.set(str: "__qualname__", .str(childCode.qualname))
            if let doc { namespace.set(str: "__doc__", doc) }
            let frame = interp.makeFrame(code: childCode, globals: f.globals, namespace: namespace, cells: cells(f))
            frame.line = line
            do throws(PyError) {
                _ = try childCode.compiledBody(body)(interp, frame)
            } catch {
                interp.record(error, in: frame)
                throw error
            }
            f.line = line
            var result = PyValue.object(try interp.createClass(name: name, qualname: childCode.qualname, bases: baseTypes,
                                                               namespace: namespace))
            for decorator in decoratorValues.reversed() { result = try interp.call(decorator, [result]) }
            return result
        }
    }
}

extension CodeInfo {
    /// The compiled form of `body`, this scope's statements (compiled on first use).
    func compiledBody(_ body: [Stmt]) -> Exec {
        if let compiled = compiledStatements { return compiled }
        let compiled = Compiler(code: self).compile(body)
        compiledStatements = compiled
        return compiled
    }

    /// The compiled form of `expression`, this scope's only expression (a lambda's body).
    func compiledExpression(_ expression: Expr) -> Eval {
        if let compiled = compiledValue { return compiled }
        let compiled = Compiler(code: self).compile(expression)
        compiledValue = compiled
        return compiled
    }
}
