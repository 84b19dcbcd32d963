/// Statements: one `case` per ``Stmt`` kind. Loops and calls check the interrupt flag.
extension Interpreter {
    func exec(_ body: [Stmt], _ f: Frame) throws(PyError) -> Flow {
        for stmt in body {
            let flow = try exec(stmt, f)
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }

    func exec(_ stmt: Stmt, _ f: Frame) throws(PyError) -> Flow {
        f.line = stmt.range.line
        switch stmt {
        case .expression(let expr, _):
            let value = try eval(expr, f)
            if isInteractive && f.code.kind == .module && !value.isNone {
                builtins.set(str: "_", value)
                writeStdout(try repr(value) + "\n")
            }
        case .assign(let targets, let value, _):
            let v = try eval(value, f)
            for target in targets { try assign(target, v, f) }
        case .augmentedAssign(let target, let op, let value, _):
            try augmentedAssign(target, op, value, f)
        case .annotatedAssign(let target, _, let value, _, _):
            if let value { try assign(target, try eval(value, f), f) }
        case .if(let test, let body, let orElse, _):
            return try isTrue(try eval(test, f)) ? try exec(body, f) : try exec(orElse, f)
        case .while(let test, let body, let orElse, let range):
            while true {
                try checkInterrupt()
                f.line = range.line
                guard try isTrue(try eval(test, f)) else { return try exec(orElse, f) }
                switch try exec(body, f) {
                case .normal, .continueLoop: continue
                case .breakLoop: return .normal
                case .returned(let v): return .returned(v)
                }
            }
        case .for(let target, let iter, let body, let orElse, let range):
            return try execFor(target, iter, body, orElse, range.line, f)
        case .break: return .breakLoop
        case .continue: return .continueLoop
        case .pass: break
        case .return(let value, _):
            return .returned(try value.map { (e) throws(PyError) in try eval(e, f) } ?? .none)
        case .delete(let targets, _):
            for target in targets { try delete(target, f) }
        case .global, .nonlocal: break
        case .assert(let test, let message, _):
            if !(try isTrue(try eval(test, f))) {
                let args = try message.map { (e) throws(PyError) in [try eval(e, f)] } ?? []
                throw PyError(PyBaseException(type: .assertionError, args: args))
            }
        case .raise(let exception, let cause, _):
            try execRaise(exception, cause, f)
        case .try(let body, let handlers, let orElse, let finally, _):
            return try execTry(body, handlers, orElse, finally, f)
        case .with(let items, let body, _):
            return try execWith(items[...], body, f)
        case .functionDef(let def, let range):
            try store(def.name, try makeFunction(def, range, f), f)
        case .classDef(let def, let range):
            try store(def.name, try makeClass(def, range, f), f)
        case .import(let aliases, _):
            for alias in aliases { try execImport(alias, f) }
        case .importFrom(let module, let names, let level, let range):
            try execImportFrom(module, names, level, range, f)
        }
        return .normal
    }

    private func execFor(_ target: Expr, _ iterable: Expr, _ body: [Stmt], _ orElse: [Stmt], _ line: Int,
                         _ f: Frame) throws(PyError) -> Flow {
        let source = try eval(iterable, f)
        // Fast path: a list is iterated by index, seeing appends made by the body.
        if let list = source.as(PyList.self), list.type === PyType.list {
            var i = 0
            while i < list.items.count {
                try checkInterrupt()
                try assign(target, list.items[i], f)
                i += 1
                switch try exec(body, f) {
                case .normal, .continueLoop: continue
                case .breakLoop: return .normal
                case .returned(let v): return .returned(v)
                }
            }
            return try exec(orElse, f)
        }
        if let range = source.as(PyRange.self), let count = range.count {
            for i in 0..<count {
                try checkInterrupt()
                try assign(target, PyValue(range.element(i)), f)
                switch try exec(body, f) {
                case .normal, .continueLoop: continue
                case .breakLoop: return .normal
                case .returned(let v): return .returned(v)
                }
            }
            return try exec(orElse, f)
        }
        let iterator = try iter(source)
        while true {
            try checkInterrupt()
            f.line = line
            guard let item = try next(iterator) else { break }
            try assign(target, item, f)
            switch try exec(body, f) {
            case .normal, .continueLoop: continue
            case .breakLoop: return .normal
            case .returned(let v): return .returned(v)
            }
        }
        return try exec(orElse, f)
    }

    // MARK: - with

    private func execWith(_ items: ArraySlice<WithItem>, _ body: [Stmt], _ f: Frame) throws(PyError) -> Flow {
        guard let item = items.first else { return try exec(body, f) }
        let manager = try eval(item.context, f)
        let type = manager.type
        guard let enter = type.lookup("__enter__"), let exit = type.lookup("__exit__") else {
            throw PyError.typeError("'\(type.name)' object does not support the context manager protocol")
        }
        let entered = try call(try bind(enter, to: manager, type), Arguments())
        let exitMethod = try bind(exit, to: manager, type)
        let flow: Flow
        do throws(PyError) {
            if let target = item.target { try assign(target, entered, f) }
            flow = try execWith(items.dropFirst(), body, f)
        } catch {
            if error.isGeneratorKill { throw error }
            record(error, in: f)
            let exc = error.exception
            handling.append(exc)
            let suppress: Bool
            do throws(PyError) {
                suppress = try isTrue(try call(exitMethod, Arguments([.object(exc.type), .object(exc), .none])))
            } catch let inner {
                handling.removeLast()
                throw chain(inner, context: exc)
            }
            handling.removeLast()
            if suppress { return .normal }
            throw error
        }
        _ = try call(exitMethod, Arguments([.none, .none, .none]))
        return flow
    }
}
