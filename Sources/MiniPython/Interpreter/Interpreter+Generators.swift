/// Generator expressions: resumable iterators over their clauses (no thread, see
/// Note [Generators]).
extension Interpreter {
    func makeGeneratorExpression(_ element: Expr, _ clauses: [Comprehension], _ range: SourceRange,
                                 _ f: Frame) throws(PyError) -> PyValue {
        let code = try childCode(range, f)
        let first = try iter(try eval(clauses[0].iter, f))
        let frame = makeFrame(code: code, globals: f.globals, cells: closureCells(for: code, from: f))
        frame.line = f.line
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
                    let clause = clauses[level]
                    try interp.assign(clause.target, item, frame)
                    var passes = true
                    for condition in clause.conditions where !(try interp.isTrue(try interp.eval(condition, frame))) {
                        passes = false
                        break
                    }
                    if !passes { continue }
                    if level + 1 < clauses.count {
                        stack.append(try interp.iter(try interp.eval(clauses[level + 1].iter, frame)))
                        continue
                    }
                    return try interp.eval(element, frame)
                }
                return nil
            } catch {
                interp.record(error, in: frame)
                throw error
            }
        })
    }
}
