/// `raise` and `try`/`except`/`else`/`finally`.
extension Compiler {
    func compileRaise(_ exceptionExpr: Expr?, _ causeExpr: Expr?, _ line: Int) -> Exec {
        guard let exceptionExpr else {
            return { (interp, f) throws(PyError) in
                f.line = line
                guard let current = interp.handling.last else { throw PyError.runtimeError("No active exception to reraise") }
                throw PyError(current)
            }
        }
        let exception = compile(exceptionExpr)
        let cause = causeExpr.map { compile($0) }
        return { (interp, f) throws(PyError) in
            f.line = line
            let exc = try interp.makeException(try exception(interp, f))
            if let cause {
                let value = try cause(interp, f)
                exc.cause = value.isNone ? nil : try interp.makeException(value)
                exc.suppressContext = true
            }
            if exc.context == nil, let current = interp.handling.last, current !== exc { exc.context = current }
            throw PyError(exc)
        }
    }

    /// One compiled `except` clause.
    private struct Handler {
        let type: Eval?
        let bind: Store?
        let unbind: ((Interpreter, Frame) throws(PyError) -> Void)?
        let body: Exec
        let line: Int
    }

    func compileTry(_ bodyStmts: [Stmt], _ handlerStmts: [ExceptHandler], _ orElseStmts: [Stmt],
                    _ finallyStmts: [Stmt], _ line: Int) -> Exec {
        let body = compile(bodyStmts), orElse = compile(orElseStmts), finally = compile(finallyStmts)
        let hasElse = !orElseStmts.isEmpty, hasFinally = !finallyStmts.isEmpty
        let handlers = handlerStmts.map { h in
            Handler(type: h.type.map { compile($0) }, bind: h.name.map { compileStore($0) },
                    unbind: h.name.map { compileDelete(.name($0, h.range)) }, body: compile(h.body), line: h.range.line)
        }
        return { (interp, f) throws(PyError) in
            f.line = line
            var result: Result<Flow, PyError>
            do throws(PyError) {
                let flow = try body(interp, f)
                result = .success(flow)
                if case .normal = flow, hasElse {
                    do throws(PyError) { result = .success(try orElse(interp, f)) } catch { result = .failure(error) }
                }
            } catch {
                result = error.isGeneratorKill || handlers.isEmpty ? .failure(error) : Compiler.handle(error, handlers, interp, f)
            }
            if hasFinally {
                var pending: PyBaseException?
                if case .failure(let error) = result {
                    if error.isGeneratorKill { throw error }
                    interp.record(error, in: f)
                    pending = error.exception
                    interp.handling.append(error.exception)
                }
                let flow: Flow
                do throws(PyError) {
                    flow = try finally(interp, f)
                } catch {
                    if let pending {
                        interp.handling.removeLast()
                        throw interp.chain(error, context: pending)
                    }
                    throw error
                }
                if pending != nil { interp.handling.removeLast() }
                if case .normal = flow {} else { return flow }
            }
            return try result.get()
        }
    }

    private static func handle(_ error: PyError, _ handlers: [Handler], _ interp: Interpreter,
                               _ f: Frame) -> Result<Flow, PyError> {
        interp.record(error, in: f)
        let exc = error.exception
        for handler in handlers {
            if let type = handler.type {
                f.line = handler.line
                do throws(PyError) {
                    guard try interp.exceptionMatches(exc, try type(interp, f)) else { continue }
                } catch let inner {
                    return .failure(interp.chain(inner, context: exc))
                }
            }
            if let bind = handler.bind {
                do throws(PyError) { try bind(interp, f, .object(exc)) } catch { return .failure(error) }
            }
            interp.handling.append(exc)
            defer { interp.handling.removeLast() }
            do throws(PyError) {
                let flow = try handler.body(interp, f)
                try? handler.unbind?(interp, f)
                return .success(flow)
            } catch let inner {
                try? handler.unbind?(interp, f)
                return .failure(inner.isGeneratorKill ? inner : interp.chain(inner, context: exc))
            }
        }
        return .failure(error)
    }
}
