/// Reading, binding and deleting names, and assignment to targets (unpacking included).
extension Interpreter {
    // MARK: - Names

    func loadName(_ name: String, _ f: Frame) throws(PyError) -> PyValue {
        switch f.code.slot(name) {
        case .fast(let i):
            if let v = f.fast[i] { return v }
            throw unboundLocal(name)
        case .cell(let i):
            if let v = f.cells[i].value { return v }
            if i < f.code.ownCellCount { throw unboundLocal(name) }
            throw PyError.nameError("cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
        case .global:
            if let v = f.globals.get(str: name) ?? builtins.get(str: name) { return v }
        case .name:
            if let v = f.namespace.get(str: name) ?? f.globals.get(str: name) ?? builtins.get(str: name) { return v }
        case .classCell(let i):
            if let v = f.namespace.get(str: name) ?? f.cells[i].value { return v }
        }
        throw nameError(name, f)
    }

    private func unboundLocal(_ name: String) -> PyError {
        PyError(type: .unboundLocalError,
                message: "cannot access local variable '\(name)' where it is not associated with a value")
    }

    func store(_ name: String, _ value: PyValue, _ f: Frame) throws(PyError) {
        switch f.code.slot(name) {
        case .fast(let i): f.fast[i] = value
        case .cell(let i): f.cells[i].value = value
        case .global: f.globals.set(str: name, value)
        case .name, .classCell: f.namespace.set(str: name, value)
        }
    }

    func deleteName(_ name: String, _ f: Frame) throws(PyError) {
        switch f.code.slot(name) {
        case .fast(let i):
            if f.fast[i] == nil { throw unboundLocal(name) }
            f.fast[i] = nil
        case .cell(let i):
            if f.cells[i].value == nil { throw unboundLocal(name) }
            f.cells[i].value = nil
        case .global:
            if f.globals.remove(str: name) == nil { throw nameError(name, f) }
        case .name, .classCell:
            if f.namespace.remove(str: name) == nil { throw nameError(name, f) }
        }
    }

    // MARK: - Targets

    func assign(_ target: Expr, _ value: PyValue, _ f: Frame) throws(PyError) {
        switch target {
        case .name(let name, _):
            try store(name, value, f)
        case .attribute(let object, let name, _):
            try setAttribute(try eval(object, f), name, value)
        case .subscript(let object, let index, _):
            let container = try eval(object, f)
            try setItem(container, try evalIndex(index, f), value)
        case .tuple(let targets, _), .list(let targets, _):
            try unpack(targets, value, f)
        case .starred(let inner, _):
            try assign(inner, value, f)
        default:
            throw PyError(type: .syntaxError, message: "cannot assign to expression")
        }
    }

    private func unpack(_ targets: [Expr], _ value: PyValue, _ f: Frame) throws(PyError) {
        let starIndex = targets.firstIndex { if case .starred = $0 { return true } else { return false } }
        let items: [PyValue]
        if let tuple = value.as(PyTuple.self) {
            items = tuple.items
        } else if let list = value.as(PyList.self), list.type === PyType.list {
            items = list.items
        } else {
            guard isIterable(value) else {
                throw PyError.typeError("cannot unpack non-iterable \(value.type.name) object")
            }
            if starIndex == nil {
                // Stop after one extra item, like CPython (an infinite iterator is fine).
                let iterator = try iter(value)
                var collected: [PyValue] = []
                while let item = try next(iterator) {
                    collected.append(item)
                    if collected.count > targets.count {
                        throw PyError.valueError("too many values to unpack (expected \(targets.count))")
                    }
                }
                items = collected
            } else {
                items = try toArray(value)
            }
        }
        if let star = starIndex {
            let after = targets.count - star - 1
            guard items.count >= targets.count - 1 else {
                throw PyError.valueError("not enough values to unpack (expected at least \(targets.count - 1), got \(items.count))")
            }
            for i in 0..<star { try assign(targets[i], items[i], f) }
            try assign(targets[star], .list(Array(items[star..<(items.count - after)])), f)
            for j in 0..<after { try assign(targets[star + 1 + j], items[items.count - after + j], f) }
            return
        }
        if items.count > targets.count {
            throw PyError.valueError("too many values to unpack (expected \(targets.count))")
        }
        if items.count < targets.count {
            throw PyError.valueError("not enough values to unpack (expected \(targets.count), got \(items.count))")
        }
        for (target, item) in zip(targets, items) { try assign(target, item, f) }
    }

    func delete(_ target: Expr, _ f: Frame) throws(PyError) {
        switch target {
        case .name(let name, _): try deleteName(name, f)
        case .attribute(let object, let name, _): try deleteAttribute(try eval(object, f), name)
        case .subscript(let object, let index, _):
            let container = try eval(object, f)
            try deleteItem(container, try evalIndex(index, f))
        case .tuple(let targets, _), .list(let targets, _):
            for t in targets { try delete(t, f) }
        default:
            throw PyError(type: .syntaxError, message: "cannot delete expression")
        }
    }

    /// `target op= value`: the container and index are evaluated once.
    func augmentedAssign(_ target: Expr, _ op: BinaryOperator, _ valueExpr: Expr, _ f: Frame) throws(PyError) {
        switch target {
        case .name(let name, _):
            let current = try loadName(name, f)
            let value = try eval(valueExpr, f)
            try store(name, try inplaceOperation(op, current, value), f)
        case .attribute(let objectExpr, let name, _):
            let object = try eval(objectExpr, f)
            let current = try getAttribute(object, name)
            let value = try eval(valueExpr, f)
            try setAttribute(object, name, try inplaceOperation(op, current, value))
        case .subscript(let objectExpr, let indexExpr, _):
            let container = try eval(objectExpr, f)
            let index = try evalIndex(indexExpr, f)
            let current = try getItem(container, index)
            let value = try eval(valueExpr, f)
            try setItem(container, index, try inplaceOperation(op, current, value))
        default:
            throw PyError(type: .syntaxError, message: "illegal expression for augmented assignment")
        }
    }
}
