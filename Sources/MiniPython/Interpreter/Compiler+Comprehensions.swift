/// List, set and dict comprehensions and generator expressions. Each runs in a scope of its
/// own; its first iterable is evaluated in the enclosing scope, everything else inside.
extension Compiler {
    /// The compiled `for`/`if` clauses of a comprehension, and its scope.
    struct Clauses {
        struct Loop {
            /// The iterable of every clause but the first (evaluated in the comprehension).
            let iterable: Eval?
            let target: Store
            let conditions: [(Interpreter, Frame) throws(PyError) -> Bool]
        }

        let code: CodeInfo
        let first: Eval
        let cells: (Frame) -> [PyCell]
        let loops: [Loop]

        /// A frame for one run of the comprehension.
        func makeFrame(_ interp: Interpreter, _ f: Frame) -> Frame {
            let frame = interp.makeFrame(code: code, globals: f.globals, cells: cells(f))
            frame.line = f.line
            return frame
        }

        /// Calls `body` for every combination of items that passes the conditions.
        func run(_ interp: Interpreter, _ f: Frame, _ body: (Frame) throws(PyError) -> Void) throws(PyError) {
            let iterable = try first(interp, f)
            let frame = makeFrame(interp, f)
            do throws(PyError) {
                try run(interp, 0, iterable, frame, body)
            } catch {
                interp.record(error, in: frame)
                throw error
            }
        }

        private func run(_ interp: Interpreter, _ level: Int, _ iterable: PyValue, _ frame: Frame,
                         _ body: (Frame) throws(PyError) -> Void) throws(PyError) {
            let loop = loops[level]
            try interp.forEach(iterable) { (item) throws(PyError) in
                try interp.checkInterrupt()
                try loop.target(interp, frame, item)
                for condition in loop.conditions where !(try condition(interp, frame)) { return true }
                if level + 1 < loops.count, let next = loops[level + 1].iterable {
                    try run(interp, level + 1, try next(interp, frame), frame, body)
                } else {
                    try body(frame)
                }
                return true
            }
        }
    }

    /// The clauses compiled, and a compiler for the expressions inside the comprehension.
    private func compileClauses(_ clauses: [Comprehension], _ range: SourceRange) -> (Clauses, Compiler)? {
        guard let childCode = child(range), let firstClause = clauses.first else { return nil }
        let inner = Compiler(code: childCode)
        let loops = clauses.enumerated().map { (i, clause) in
            Clauses.Loop(iterable: i == 0 ? nil : inner.compile(clause.iter), target: inner.compileTarget(clause.target),
                         conditions: clause.conditions.map { inner.compileCondition($0) })
        }
        let plan = Clauses(code: childCode, first: compile(firstClause.iter), cells: closureCells(for: childCode), loops: loops)
        return (plan, inner)
    }

    func compileListComprehension(_ elementExpr: Expr, _ clauses: [Comprehension], _ range: SourceRange) -> Eval {
        guard let (plan, inner) = compileClauses(clauses, range) else {
            return { (_, _) throws(PyError) in throw Compiler.unresolved(range) }
        }
        let element = inner.compile(elementExpr)
        return { (interp, f) throws(PyError) in
            var result: [PyValue] = []
            try plan.run(interp, f) { (cf) throws(PyError) in result.append(try element(interp, cf)) }
            return .list(result)
        }
    }

    func compileSetComprehension(_ elementExpr: Expr, _ clauses: [Comprehension], _ range: SourceRange) -> Eval {
        guard let (plan, inner) = compileClauses(clauses, range) else {
            return { (_, _) throws(PyError) in throw Compiler.unresolved(range) }
        }
        let element = inner.compile(elementExpr)
        return { (interp, f) throws(PyError) in
            let set = PySet()
            try plan.run(interp, f) { (cf) throws(PyError) in try set.add(try element(interp, cf), interp) }
            return .object(set)
        }
    }

    func compileDictComprehension(_ keyExpr: Expr, _ valueExpr: Expr, _ clauses: [Comprehension],
                                  _ range: SourceRange) -> Eval {
        guard let (plan, inner) = compileClauses(clauses, range) else {
            return { (_, _) throws(PyError) in throw Compiler.unresolved(range) }
        }
        let key = inner.compile(keyExpr), value = inner.compile(valueExpr)
        return { (interp, f) throws(PyError) in
            let dict = PyDict()
            try plan.run(interp, f) { (cf) throws(PyError) in
                let k = try key(interp, cf)
                try dict.set(k, try value(interp, cf), interp)
            }
            return .object(dict)
        }
    }

    /// A generator expression: a resumable iterator over its clauses (no thread, see
    /// Note [Generators]).
    func compileGeneratorExpression(_ elementExpr: Expr, _ clauses: [Comprehension], _ range: SourceRange) -> Eval {
        guard let (plan, inner) = compileClauses(clauses, range) else {
            return { (_, _) throws(PyError) in throw Compiler.unresolved(range) }
        }
        let element = inner.compile(elementExpr)
        let loops = plan.loops
        return { (interp, f) throws(PyError) in
            let first = try interp.iter(try plan.first(interp, f))
            let frame = plan.makeFrame(interp, f)
            // One iterator per active clause; the last one is advanced first.
            var stack: [PyValue] = [first]
            return .object(PyGenerator(name: "<genexpr>") { (interp) throws(PyError) in
                do throws(PyError) {
                    while let top = stack.last {
                        try interp.checkInterrupt()
                        let level = stack.count - 1
                        guard let item = try interp.next(top) else {
                            stack.removeLast()
                            continue
                        }
                        let loop = loops[level]
                        try loop.target(interp, frame, item)
                        var passes = true
                        for condition in loop.conditions where !(try condition(interp, frame)) {
                            passes = false
                            break
                        }
                        if !passes { continue }
                        if level + 1 < loops.count, let next = loops[level + 1].iterable {
                            stack.append(try interp.iter(try next(interp, frame)))
                            continue
                        }
                        return try element(interp, frame)
                    }
                    return nil
                } catch {
                    interp.record(error, in: frame)
                    throw error
                }
            })
        }
    }
}
