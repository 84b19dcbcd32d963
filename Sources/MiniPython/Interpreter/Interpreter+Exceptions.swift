/// Raising and catching (compiled in `Compiler+Exceptions.swift`): making exception instances,
/// matching `except` clauses, exception chaining and traceback collection.
extension Interpreter {
    // MARK: - raise

    /// An exception instance from `raise X`: an instance, or a class called with no arguments.
    func makeException(_ value: PyValue) throws(PyError) -> PyBaseException {
        if let exc = value.as(PyBaseException.self) { return exc }
        if let type = value.as(PyType.self), type.isSubtype(of: .baseException) {
            if let exc = try call(value, Arguments()).as(PyBaseException.self) { return exc }
            throw PyError.typeError("calling \(type.name) should have returned an instance of BaseException")
        }
        throw PyError.typeError("exceptions must derive from BaseException")
    }

    // MARK: - except

    /// `except T:` matching; `T` may be a class or a tuple of classes.
    func exceptionMatches(_ exc: PyBaseException, _ spec: PyValue) throws(PyError) -> Bool {
        if let type = spec.as(PyType.self), type.isSubtype(of: .baseException) {
            return exc.type.isSubtype(of: type)
        }
        if let tuple = spec.as(PyTuple.self) {
            for item in tuple.items where try exceptionMatches(exc, item) { return true }
            return false
        }
        throw PyError.typeError("catching classes that do not inherit from BaseException is not allowed")
    }

    /// Sets the implicit `__context__` of an exception raised while handling `context`.
    func chain(_ error: PyError, context: PyBaseException) -> PyError {
        let exc = error.exception
        if exc !== context && exc.context == nil {
            // Avoid a cycle when `context` was itself raised while handling `exc`.
            var link: PyBaseException? = context
            while let l = link {
                if l === exc { return error }
                link = l.context
            }
            exc.context = context
        }
        return error
    }

    // MARK: - Tracebacks

    /// Adds `frame` to the traceback of an exception passing through it (once per frame).
    func record(_ error: PyError, in frame: Frame) {
        let exc = error.exception
        if exc.traceback.contains(where: { $0.frameID == frame.id }) { return }
        exc.traceback.append(TracebackEntry(filename: frame.code.filename, line: frame.line,
                                            function: frame.code.name, frameID: frame.id))
    }

    /// A Python `SyntaxError` (or `IndentationError`) exception for a parser error.
    func makeSyntaxError(_ error: SyntaxError) -> PyError {
        let type: PyType
        switch error.kind {
        case .syntaxError: type = .syntaxError
        case .indentationError: type = .indentationError
        case .tabError: type = .tabError
        }
        let details = PyValue.tuple([
            .str(error.filename), PyValue(error.lineno), PyValue(error.offset),
            error.text.map { .str($0) } ?? .none,
        ])
        let exc = PyBaseException(type: type, args: [.str(error.message), details])
        exc.syntaxError = error
        return PyError(exc)
    }

    /// A `NameError` remembering the names in scope for CPython's "Did you mean" hint.
    func nameError(_ name: String, _ f: Frame) -> PyError {
        let exc = PyBaseException(type: .nameError, args: [.str("name '\(name)' is not defined")])
        exc.suggestionName = name
        var locals = f.code.fastNames + f.code.cellNames.prefix(f.code.ownCellCount)
        if f.code.kind == .classBody { locals = f.namespace.keys.compactMap { if case .str(let s) = $0 { s } else { nil } } }
        let globals = f.globals.keys.compactMap { (k: PyValue) -> String? in if case .str(let s) = k { s } else { nil } }
        let builtinNames = builtins.keys.compactMap { (k: PyValue) -> String? in if case .str(let s) = k { s } else { nil } }
        exc.nameCandidates = f.code.kind == .module ? [globals, builtinNames] : [locals, globals, builtinNames]
        return PyError(exc)
    }
}
