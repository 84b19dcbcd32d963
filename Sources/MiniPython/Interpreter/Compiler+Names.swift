/// Names and assignment targets: loads, stores and deletes resolved to their slots once, at
/// compile time; unpacking; augmented assignment.
extension Compiler {
    // MARK: - Names

    func compileLoad(_ name: String) -> Eval {
        switch code.slot(name) {
        case .fast(let i):
            return { (_, f) throws(PyError) in
                if let v = f.fast[i] { return v }
                throw Interpreter.unboundLocal(name)
            }
        case .cell(let i):
            let isOwn = i < code.ownCellCount
            return { (_, f) throws(PyError) in
                if let v = f.cells[i].value { return v }
                if isOwn { throw Interpreter.unboundLocal(name) }
                throw PyError.nameError("cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
            }
        case .global:
            return { (interp, f) throws(PyError) in
                if let v = f.globals.get(str: name) ?? interp.builtins.get(str: name) { return v }
                throw interp.nameError(name, f)
            }
        case .name:
            return { (interp, f) throws(PyError) in
                if let v = f.namespace.get(str: name) ?? f.globals.get(str: name) ?? interp.builtins.get(str: name) { return v }
                throw interp.nameError(name, f)
            }
        case .classCell(let i):
            return { (interp, f) throws(PyError) in
                if let v = f.namespace.get(str: name) ?? f.cells[i].value { return v }
                throw interp.nameError(name, f)
            }
        }
    }

    func compileStore(_ name: String) -> Store {
        switch code.slot(name) {
        case .fast(let i): return { (_, f, v) throws(PyError) in f.fast[i] = v }
        case .cell(let i): return { (_, f, v) throws(PyError) in f.cells[i].value = v }
        case .global: return { (_, f, v) throws(PyError) in f.globals.set(str: name, v) }
        case .name, .classCell: return { (_, f, v) throws(PyError) in f.namespace.set(str: name, v) }
        }
    }

    private func compileDeleteName(_ name: String) -> (Interpreter, Frame) throws(PyError) -> Void {
        switch code.slot(name) {
        case .fast(let i):
            return { (_, f) throws(PyError) in
                if f.fast[i] == nil { throw Interpreter.unboundLocal(name) }
                f.fast[i] = nil
            }
        case .cell(let i):
            return { (_, f) throws(PyError) in
                if f.cells[i].value == nil { throw Interpreter.unboundLocal(name) }
                f.cells[i].value = nil
            }
        case .global:
            return { (interp, f) throws(PyError) in
                if f.globals.remove(str: name) == nil { throw interp.nameError(name, f) }
            }
        case .name, .classCell:
            return { (interp, f) throws(PyError) in
                if f.namespace.remove(str: name) == nil { throw interp.nameError(name, f) }
            }
        }
    }

    // MARK: - Targets

    func compileTarget(_ target: Expr) -> Store {
        switch target {
        case .name(let name, _):
            return compileStore(name)
        case .attribute(let objectExpr, let name, _):
            let object = compile(objectExpr)
            let site = StoreSite(name)
            return { (interp, f, value) throws(PyError) in
                let o = try object(interp, f)
                if case .object(let instance) = o, let dict = instance.dict, site.isPlainStore(instance.type) {
                    dict.set(str: name, value)
                    return
                }
                try interp.setAttribute(o, name, value)
            }
        case .subscript(let objectExpr, let indexExpr, _):
            let object = compile(objectExpr), index = compileIndex(indexExpr)
            return { (interp, f, value) throws(PyError) in
                let container = try object(interp, f)
                try interp.setItem(container, try index(interp, f), value)
            }
        case .tuple(let targets, _), .list(let targets, _):
            return compileUnpack(targets)
        case .starred(let inner, _):
            return compileTarget(inner)
        default:
            return { (_, _, _) throws(PyError) in throw PyError(type: .syntaxError, message: "cannot assign to expression") }
        }
    }

    /// `a, *b, c = value`
    private func compileUnpack(_ targets: [Expr]) -> Store {
        let stores = targets.map { compileTarget($0) }
        let starIndex = targets.firstIndex { if case .starred = $0 { return true } else { return false } }
        let count = targets.count
        return { (interp, f, value) throws(PyError) in
            let items = try interp.unpackItems(value, count: count, hasStar: starIndex != nil)
            if let star = starIndex {
                let after = count - star - 1
                guard items.count >= count - 1 else {
                    throw PyError.valueError("not enough values to unpack (expected at least \(count - 1), got \(items.count))")
                }
                for i in 0..<star { try stores[i](interp, f, items[i]) }
                try stores[star](interp, f, .list(Array(items[star..<(items.count - after)])))
                for j in 0..<after { try stores[star + 1 + j](interp, f, items[items.count - after + j]) }
                return
            }
            if items.count > count { throw PyError.valueError("too many values to unpack (expected \(count))") }
            if items.count < count {
                throw PyError.valueError("not enough values to unpack (expected \(count), got \(items.count))")
            }
            for i in 0..<count { try stores[i](interp, f, items[i]) }
        }
    }

    func compileDelete(_ target: Expr) -> (Interpreter, Frame) throws(PyError) -> Void {
        switch target {
        case .name(let name, _):
            return compileDeleteName(name)
        case .attribute(let objectExpr, let name, _):
            let object = compile(objectExpr)
            return { (interp, f) throws(PyError) in try interp.deleteAttribute(try object(interp, f), name) }
        case .subscript(let objectExpr, let indexExpr, _):
            let object = compile(objectExpr), index = compileIndex(indexExpr)
            return { (interp, f) throws(PyError) in
                let container = try object(interp, f)
                try interp.deleteItem(container, try index(interp, f))
            }
        case .tuple(let targets, _), .list(let targets, _):
            let deletes = targets.map { compileDelete($0) }
            return { (interp, f) throws(PyError) in for delete in deletes { try delete(interp, f) } }
        default:
            return { (_, _) throws(PyError) in throw PyError(type: .syntaxError, message: "cannot delete expression") }
        }
    }

    // MARK: - Augmented assignment

    /// `target op= value`: the container and index are evaluated once.
    func compileAugmented(_ target: Expr, _ op: BinaryOperator, _ valueExpr: Expr) -> (Interpreter, Frame) throws(PyError) -> Void {
        let value = compile(valueExpr)
        let combine = compileInplace(op)
        switch target {
        case .name(let name, _):
            let load = compileLoad(name), store = compileStore(name)
            return { (interp, f) throws(PyError) in
                let current = try load(interp, f)
                try store(interp, f, try combine(interp, current, try value(interp, f)))
            }
        case .attribute(let objectExpr, let name, _):
            let object = compile(objectExpr)
            return { (interp, f) throws(PyError) in
                let o = try object(interp, f)
                let current = try interp.getAttribute(o, name)
                try interp.setAttribute(o, name, try combine(interp, current, try value(interp, f)))
            }
        case .subscript(let objectExpr, let indexExpr, _):
            let object = compile(objectExpr), index = compileIndex(indexExpr)
            return { (interp, f) throws(PyError) in
                let container = try object(interp, f)
                let i = try index(interp, f)
                let current = try interp.getItem(container, i)
                try interp.setItem(container, i, try combine(interp, current, try value(interp, f)))
            }
        default:
            return { (_, _) throws(PyError) in
                throw PyError(type: .syntaxError, message: "illegal expression for augmented assignment")
            }
        }
    }

    /// `current op= value` on values: small ints and floats in place, else `__iop__`.
    private func compileInplace(_ op: BinaryOperator) -> (Interpreter, PyValue, PyValue) throws(PyError) -> PyValue {
        switch op {
        case .add:
            return { (interp, a, b) throws(PyError) in
                if case .int(.small(let x)) = a, case .int(.small(let y)) = b {
                    let (sum, overflow) = x.addingReportingOverflow(y)
                    if !overflow { return .int(.small(sum)) }
                } else if case .float(let x) = a, case .float(let y) = b {
                    return .float(x + y)
                }
                return try interp.inplaceOperation(.add, a, b)
            }
        case .subtract:
            return { (interp, a, b) throws(PyError) in
                if case .int(.small(let x)) = a, case .int(.small(let y)) = b {
                    let (difference, overflow) = x.subtractingReportingOverflow(y)
                    if !overflow { return .int(.small(difference)) }
                } else if case .float(let x) = a, case .float(let y) = b {
                    return .float(x - y)
                }
                return try interp.inplaceOperation(.subtract, a, b)
            }
        default:
            return { (interp, a, b) throws(PyError) in try interp.inplaceOperation(op, a, b) }
        }
    }
}
