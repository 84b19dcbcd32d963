// Note [Closure compilation]
// The interpreter does not walk the AST each time code runs. Before a scope first runs, the
// ``Compiler`` turns its statements and expressions into a tree of Swift closures: names are
// resolved to their slots (fast local, cell, global), constants become ready values, nested
// scopes are looked up once, and each operator gets a closure with fast paths for ints and
// floats. Running code is then calling closures, with no switch over AST enums and no
// copying of their payloads (which cost a reference-count operation per field), and no
// dictionary lookup per local variable.
//
// The compiled form is cached in the scope's ``CodeInfo`` (one per `def`, `lambda`, class or
// comprehension in the source), so a function body is compiled on its first call and shared
// by every function object made from that `def`. Closures take the interpreter as an
// argument instead of capturing it: compiled code belongs to the source, not to one
// interpreter, and capturing would create reference cycles.
//
// In CPython the same job is done by the bytecode compiler (`Python/compile.c`); closures
// play the part of the bytecode.

/// Evaluates an expression in a frame.
typealias Eval = (Interpreter, Frame) throws(PyError) -> PyValue
/// Runs a statement (or a block) in a frame.
typealias Exec = (Interpreter, Frame) throws(PyError) -> Flow
/// Binds a value to an assignment target.
typealias Store = (Interpreter, Frame, PyValue) throws(PyError) -> Void

/// Compiles the statements and expressions of one scope to closures (see Note [Closure
/// compilation]).
struct Compiler {
    /// The scope being compiled: where its names live and its nested scopes.
    let code: CodeInfo

    /// A block of statements.
    func compile(_ body: [Stmt]) -> Exec {
        let parts = body.map { compile($0) }
        switch parts.count {
        case 0:
            return { (_, _) throws(PyError) in .normal }
        case 1:
            return parts[0]
        case 2:
            let first = parts[0], second = parts[1]
            return { (interp, f) throws(PyError) in
                let flow = try first(interp, f)
                guard case .normal = flow else { return flow }
                return try second(interp, f)
            }
        default:
            return { (interp, f) throws(PyError) in
                for part in parts {
                    let flow = try part(interp, f)
                    if case .normal = flow { continue }
                    return flow
                }
                return .normal
            }
        }
    }

    /// The resolved scope of a nested `def`, `lambda`, `class` or comprehension.
    func child(_ range: SourceRange) -> CodeInfo? { code.children[range] }

    /// A closure raising the internal error for a scope the resolver did not see.
    static func unresolved(_ range: SourceRange) -> PyError {
        PyError(type: .systemError, message: "unresolved scope at line \(range.line)")
    }

    // MARK: - Statements

    func compile(_ stmt: Stmt) -> Exec {
        let line = stmt.range.line
        switch stmt {
        case .expression(let expr, _):
            let value = compile(expr)
            if code.kind == .module {
                return { (interp, f) throws(PyError) in
                    f.line = line
                    let v = try value(interp, f)
                    if interp.isInteractive && !v.isNone {
                        interp.builtins.set(str: "_", v)
                        interp.writeStdout(try interp.repr(v) + "\n")
                    }
                    return .normal
                }
            }
            return { (interp, f) throws(PyError) in
                f.line = line
                _ = try value(interp, f)
                return .normal
            }
        case .assign(let targets, let valueExpr, _):
            let value = compile(valueExpr)
            if targets.count == 1 {
                let store = compileTarget(targets[0])
                return { (interp, f) throws(PyError) in
                    f.line = line
                    try store(interp, f, try value(interp, f))
                    return .normal
                }
            }
            let stores = targets.map { compileTarget($0) }
            return { (interp, f) throws(PyError) in
                f.line = line
                let v = try value(interp, f)
                for store in stores { try store(interp, f, v) }
                return .normal
            }
        case .augmentedAssign(let target, let op, let value, _):
            let run = compileAugmented(target, op, value)
            return { (interp, f) throws(PyError) in
                f.line = line
                try run(interp, f)
                return .normal
            }
        case .annotatedAssign(let target, _, let valueExpr, _, _):
            guard let valueExpr else { return { (_, _) throws(PyError) in .normal } }
            let value = compile(valueExpr), store = compileTarget(target)
            return { (interp, f) throws(PyError) in
                f.line = line
                try store(interp, f, try value(interp, f))
                return .normal
            }
        case .if(let testExpr, let body, let orElse, _):
            let test = compileCondition(testExpr), then = compile(body), otherwise = compile(orElse)
            return { (interp, f) throws(PyError) in
                f.line = line
                return try test(interp, f) ? try then(interp, f) : try otherwise(interp, f)
            }
        case .while(let testExpr, let body, let orElse, _):
            let test = compileCondition(testExpr), run = compile(body), otherwise = compile(orElse)
            return { (interp, f) throws(PyError) in
                while true {
                    try interp.checkInterrupt()
                    f.line = line
                    guard try test(interp, f) else { return try otherwise(interp, f) }
                    switch try run(interp, f) {
                    case .normal, .continueLoop: continue
                    case .breakLoop: return .normal
                    case .returned(let v): return .returned(v)
                    }
                }
            }
        case .for(let target, let iter, let body, let orElse, _):
            return compileFor(target, iter, body, orElse, line)
        case .break:
            return { (_, _) throws(PyError) in .breakLoop }
        case .continue:
            return { (_, _) throws(PyError) in .continueLoop }
        case .pass, .global, .nonlocal:
            return { (_, _) throws(PyError) in .normal }
        case .return(let valueExpr, _):
            guard let valueExpr else {
                return { (_, f) throws(PyError) in
                    f.line = line
                    return .returned(.none)
                }
            }
            let value = compile(valueExpr)
            return { (interp, f) throws(PyError) in
                f.line = line
                return .returned(try value(interp, f))
            }
        case .delete(let targets, _):
            let deletes = targets.map { compileDelete($0) }
            return { (interp, f) throws(PyError) in
                f.line = line
                for delete in deletes { try delete(interp, f) }
                return .normal
            }
        case .assert(let testExpr, let messageExpr, _):
            let test = compileCondition(testExpr)
            let message = messageExpr.map { compile($0) }
            return { (interp, f) throws(PyError) in
                f.line = line
                if try test(interp, f) { return .normal }
                let args = try message.map { (m) throws(PyError) in [try m(interp, f)] } ?? []
                throw PyError(PyBaseException(type: .assertionError, args: args))
            }
        case .raise(let exception, let cause, _):
            return compileRaise(exception, cause, line)
        case .try(let body, let handlers, let orElse, let finally, _):
            return compileTry(body, handlers, orElse, finally, line)
        case .with(let items, let body, _):
            return compileWith(items[...], compile(body), line)
        case .functionDef(let def, let range):
            let make = compileFunction(def, range), store = compileStore(def.name)
            return { (interp, f) throws(PyError) in
                f.line = line
                try store(interp, f, try make(interp, f))
                return .normal
            }
        case .classDef(let def, let range):
            let make = compileClass(def, range), store = compileStore(def.name)
            return { (interp, f) throws(PyError) in
                f.line = line
                try store(interp, f, try make(interp, f))
                return .normal
            }
        case .import(let aliases, _):
            return { (interp, f) throws(PyError) in
                f.line = line
                for alias in aliases { try interp.execImport(alias, f) }
                return .normal
            }
        case .importFrom(let module, let names, let level, let range):
            return { (interp, f) throws(PyError) in
                f.line = line
                try interp.execImportFrom(module, names, level, range, f)
                return .normal
            }
        }
    }

    private func compileFor(_ target: Expr, _ iterExpr: Expr, _ body: [Stmt], _ orElse: [Stmt],
                            _ line: Int) -> Exec {
        let iterable = compile(iterExpr), store = compileTarget(target)
        let run = compile(body), otherwise = compile(orElse)
        return { (interp, f) throws(PyError) in
            f.line = line
            let source = try iterable(interp, f)
            if case .object(let o) = source {
                // Fast path: a list is iterated by index, seeing appends made by the body.
                if let list = o as? PyList, o.type === PyType.list {
                    var i = 0
                    while i < list.items.count {
                        try interp.checkInterrupt()
                        try store(interp, f, list.items[i])
                        i += 1
                        switch try run(interp, f) {
                        case .normal, .continueLoop: continue
                        case .breakLoop: return .normal
                        case .returned(let v): return .returned(v)
                        }
                    }
                    return try otherwise(interp, f)
                }
                if let range = o as? PyRange, let count = range.count {
                    for i in 0..<count {
                        try interp.checkInterrupt()
                        try store(interp, f, PyValue(range.element(i)))
                        switch try run(interp, f) {
                        case .normal, .continueLoop: continue
                        case .breakLoop: return .normal
                        case .returned(let v): return .returned(v)
                        }
                    }
                    return try otherwise(interp, f)
                }
            }
            let iterator = try interp.iter(source)
            while true {
                try interp.checkInterrupt()
                f.line = line
                guard let item = try interp.next(iterator) else { break }
                try store(interp, f, item)
                switch try run(interp, f) {
                case .normal, .continueLoop: continue
                case .breakLoop: return .normal
                case .returned(let v): return .returned(v)
                }
            }
            return try otherwise(interp, f)
        }
    }

    // MARK: - with

    private func compileWith(_ items: ArraySlice<WithItem>, _ body: @escaping Exec, _ line: Int) -> Exec {
        guard let item = items.first else { return body }
        let context = compile(item.context)
        let store = item.target.map { compileTarget($0) }
        let inner = compileWith(items.dropFirst(), body, line)
        return { (interp, f) throws(PyError) in
            f.line = line
            let manager = try context(interp, f)
            let type = manager.type
            guard let enter = type.lookup("__enter__"), let exit = type.lookup("__exit__") else {
                throw PyError.typeError("'\(type.name)' object does not support the context manager protocol")
            }
            let entered = try interp.call(try interp.bind(enter, to: manager, type), Arguments())
            let exitMethod = try interp.bind(exit, to: manager, type)
            let flow: Flow
            do throws(PyError) {
                if let store { try store(interp, f, entered) }
                flow = try inner(interp, f)
            } catch {
                if error.isGeneratorKill { throw error }
                interp.record(error, in: f)
                let exc = error.exception
                interp.handling.append(exc)
                let suppress: Bool
                do throws(PyError) {
                    suppress = try interp.isTrue(try interp.call(exitMethod, Arguments([.object(exc.type), .object(exc), .none])))
                } catch let inner {
                    interp.handling.removeLast()
                    throw interp.chain(inner, context: exc)
                }
                interp.handling.removeLast()
                if suppress { return .normal }
                throw error
            }
            _ = try interp.call(exitMethod, Arguments([.none, .none, .none]))
            return flow
        }
    }
}
