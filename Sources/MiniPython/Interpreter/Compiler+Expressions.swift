/// Expressions: one closure per ``Expr`` node.
extension Compiler {
    func compile(_ expr: Expr) -> Eval {
        switch expr {
        case .constant(let constant, _):
            return compileConstant(constant)
        case .name(let name, _):
            return compileLoad(name)
        case .fstring(let parts, _):
            let text = compileFString(parts)
            return { (interp, f) throws(PyError) in .str(try text(interp, f)) }
        case .tuple(let items, _):
            let values = compileItems(items)
            return { (interp, f) throws(PyError) in .object(PyTuple(try values(interp, f))) }
        case .list(let items, _):
            let values = compileItems(items)
            return { (interp, f) throws(PyError) in .object(PyList(try values(interp, f))) }
        case .set(let items, _):
            let values = compileItems(items)
            let folded = items.count > 2 && items.allSatisfy { if case .constant = $0 { return true } else { return false } }
            return { (interp, f) throws(PyError) in
                let set = PySet()
                for item in try values(interp, f) { try set.add(item, interp) }
                if folded {
                    // CPython folds a display of 3+ constants into a frozenset constant, which its
                    // compiler rebuilds in iteration order (`merge_consts_recursive`): the same
                    // elements can then iterate in a different order than `set([...])`.
                    let refolded = PySet()
                    for item in set.elements { try refolded.add(item, interp) }
                    return .object(refolded)
                }
                return .object(set)
            }
        case .dict(let items, _):
            return compileDict(items)
        case .starred:
            return { (_, _) throws(PyError) in throw PyError(type: .syntaxError, message: "can't use starred expression here") }
        case .attribute(let objectExpr, let name, _):
            let object = compile(objectExpr)
            let site = AttributeSite(name)
            return { (interp, f) throws(PyError) in
                let v = try object(interp, f)
                let type = v.type
                guard let resolved = site.resolve(type) else { return try interp.getAttribute(v, name) }
                if let value = try interp.instanceAttribute(v, name, type, resolved) { return value }
                throw interp.attributeError(v, name)
            }
        case .subscript(let objectExpr, let indexExpr, _):
            let object = compile(objectExpr), index = compileIndex(indexExpr)
            return { (interp, f) throws(PyError) in
                let container = try object(interp, f)
                return try interp.getItem(container, try index(interp, f))
            }
        case .slice:
            return compileIndex(expr)
        case .call(let callee, let arguments, let range):
            return compileCall(callee, arguments, range.line)
        case .unary(let op, let operandExpr, _):
            if op == .not {
                let test = compileCondition(operandExpr)
                return { (interp, f) throws(PyError) in .bool(!(try test(interp, f))) }
            }
            let operand = compile(operandExpr)
            return { (interp, f) throws(PyError) in try interp.unaryOperation(op, try operand(interp, f)) }
        case .binary(let left, let op, let right, _):
            return compileBinary(compile(left), op, compile(right))
        case .boolean(let op, let operandExprs, _):
            let operands = operandExprs.map { CompiledExpression(eval: compile($0)) }
            let isAnd = op == .and
            return { (interp, f) throws(PyError) in
                var value = PyValue.none
                for operand in operands {
                    value = try operand.eval(interp, f)
                    if try interp.isTrue(value) != isAnd { return value }
                }
                return value
            }
        case .compare(let first, let ops, let rest, _):
            return compileCompare(first, ops, rest)
        case .conditional(let testExpr, let bodyExpr, let orElseExpr, _):
            let test = compileCondition(testExpr), body = compile(bodyExpr), orElse = compile(orElseExpr)
            return { (interp, f) throws(PyError) in try test(interp, f) ? try body(interp, f) : try orElse(interp, f) }
        case .lambda(let parameters, let body, let range):
            return compileLambda(parameters, body, range)
        case .listComprehension(let element, let clauses, let range):
            return compileListComprehension(element, clauses, range)
        case .setComprehension(let element, let clauses, let range):
            return compileSetComprehension(element, clauses, range)
        case .dictComprehension(let key, let value, let clauses, let range):
            return compileDictComprehension(key, value, clauses, range)
        case .generator(let element, let clauses, let range):
            return compileGeneratorExpression(element, clauses, range)
        case .yield(let valueExpr, _):
            let value = valueExpr.map { CompiledExpression(eval: compile($0)) }
            return { (interp, f) throws(PyError) in
                let v = try value.map { (e) throws(PyError) in try e.eval(interp, f) } ?? .none
                guard let channel = f.generator else { throw PyError(type: .syntaxError, message: "'yield' outside function") }
                return try channel.yield(v, interp)
            }
        case .yieldFrom(let sourceExpr, _):
            let source = compile(sourceExpr)
            return { (interp, f) throws(PyError) in
                guard let channel = f.generator else { throw PyError(type: .syntaxError, message: "'yield' outside function") }
                let iterator = try interp.iter(try source(interp, f))
                if let generator = iterator.as(PyGenerator.self) {
                    while let item = try generator.next(interp) { _ = try channel.yield(item, interp) }
                    return generator.returnValue
                }
                while let item = try interp.next(iterator) { _ = try channel.yield(item, interp) }
                return .none
            }
        case .namedExpr(let name, let valueExpr, _):
            let value = compile(valueExpr), store = compileStore(name)
            return { (interp, f) throws(PyError) in
                let v = try value(interp, f)
                try store(interp, f, v)
                return v
            }
        }
    }

    /// An expression used as a truth value (`if`, `while`, `not`, `assert`), with the
    /// common comparisons answered without building a bool.
    func compileCondition(_ expr: Expr) -> (Interpreter, Frame) throws(PyError) -> Bool {
        let value = compile(expr)
        return { (interp, f) throws(PyError) in
            let v = try value(interp, f)
            if case .bool(let b) = v { return b }
            return try interp.isTrue(v)
        }
    }

    private func compileConstant(_ constant: Constant) -> Eval {
        let value: PyValue
        switch constant {
        case .none: value = .none
        case .bool(let b): value = .bool(b)
        case .ellipsis: value = .ellipsis
        case .float(let d): value = .float(d)
        case .string(let s): value = .str(s)
        case .int(let literal):
            if let v = literal.value {
                value = PyValue(v)
            } else {
                do throws(PyNumberError) {
                    value = .int(try PyIntValue.parse(literal.digits, base: literal.radix, maxDigits: 0))
                } catch {
                    return { (_, _) throws(PyError) in throw PyError(numberError: error) }
                }
            }
        case .bytes(let b): value = .object(PyBytes(b))
        }
        return { (_, _) throws(PyError) in value }
    }

    /// The items of a display, expanding `*iterable`.
    func compileItems(_ items: [Expr]) -> (Interpreter, Frame) throws(PyError) -> [PyValue] {
        let hasStar = items.contains { if case .starred = $0 { return true } else { return false } }
        if !hasStar {
            let values = items.map { CompiledExpression(eval: compile($0)) }
            return { (interp, f) throws(PyError) in try values.evaluate(interp, f) }
        }
        let parts: [(isStar: Bool, value: Eval)] = items.map { item in
            if case .starred(let inner, _) = item { return (true, compile(inner)) }
            return (false, compile(item))
        }
        return { (interp, f) throws(PyError) in
            var result: [PyValue] = []
            for part in parts {
                if part.isStar { result += try interp.toArray(try part.value(interp, f)) } else {
                    result.append(try part.value(interp, f))
                }
            }
            return result
        }
    }

    private func compileDict(_ items: [DictItem]) -> Eval {
        enum Part { case pair(Eval, Eval), unpack(Eval) }
        let parts: [Part] = items.map { item in
            switch item {
            case .pair(let key, let value): return .pair(compile(key), compile(value))
            case .unpack(let mapping): return .unpack(compile(mapping))
            }
        }
        return { (interp, f) throws(PyError) in
            let dict = PyDict()
            for part in parts {
                switch part {
                case .pair(let key, let value):
                    let k = try key(interp, f)
                    try dict.set(k, try value(interp, f), interp)
                case .unpack(let mappingValue):
                    let mapping = try mappingValue(interp, f)
                    for (k, v) in try interp.mappingItems(mapping, context: "'\(mapping.type.name)' object is not a mapping") {
                        try dict.set(k, v, interp)
                    }
                }
            }
            return .object(dict)
        }
    }

    /// A subscript's index: slices become `slice` objects, also inside a tuple (`a[1:2, ::3]`).
    func compileIndex(_ index: Expr) -> Eval {
        switch index {
        case .slice(let lower, let upper, let step, _):
            let parts = [lower, upper, step].map { $0.map { CompiledExpression(eval: compile($0)) } }
            return { (interp, f) throws(PyError) in
                var values: [PyValue] = []
                for part in parts { values.append(try part.map { (e) throws(PyError) in try e.eval(interp, f) } ?? .none) }
                return .object(PySlice(start: values[0], stop: values[1], step: values[2]))
            }
        case .tuple(let items, _):
            let parts: [(isStar: Bool, value: Eval)] = items.map { item in
                if case .starred(let inner, _) = item { return (true, compile(inner)) }
                return (false, compileIndex(item))
            }
            return { (interp, f) throws(PyError) in
                var values: [PyValue] = []
                for part in parts {
                    if part.isStar { values += try interp.toArray(try part.value(interp, f)) } else {
                        values.append(try part.value(interp, f))
                    }
                }
                return .tuple(values)
            }
        default:
            return compile(index)
        }
    }

    // MARK: - f-strings

    private func compileFString(_ parts: [FStringPart]) -> (Interpreter, Frame) throws(PyError) -> String {
        enum Piece {
            case literal(String)
            case field(Eval, FormattedValue.Conversion?, ((Interpreter, Frame) throws(PyError) -> String)?)
        }
        let pieces: [Piece] = parts.map { part in
            switch part {
            case .literal(let text): return .literal(text)
            case .field(let field):
                return .field(compile(field.value), field.conversion, field.formatSpec.map { compileFString($0) })
            }
        }
        return { (interp, f) throws(PyError) in
            var out = ""
            for piece in pieces {
                switch piece {
                case .literal(let text): out += text
                case .field(let valueOf, let conversion, let specOf):
                    var value = try valueOf(interp, f)
                    switch conversion {
                    case .some(.repr): value = .str(try interp.repr(value))
                    case .some(.str): value = .str(try interp.str(value))
                    case .some(.ascii): value = .str(interp.asciiEscaped(try interp.repr(value)))
                    case .none: break
                    }
                    let spec = try specOf.map { (s) throws(PyError) in try s(interp, f) } ?? ""
                    if spec.isEmpty, case .str(let s) = value {
                        out += s
                    } else {
                        out += try interp.format(value, spec)
                    }
                }
            }
            return out
        }
    }

    // MARK: - Operators

    /// `a op b`, with the int and float cases answered in place.
    private func compileBinary(_ left: @escaping Eval, _ op: BinaryOperator, _ right: @escaping Eval) -> Eval {
        let site = BinarySite(op)
        switch op {
        case .add:
            return { (interp, f) throws(PyError) in
                let a = try left(interp, f), b = try right(interp, f)
                if case .int(.small(let x)) = a, case .int(.small(let y)) = b {
                    let (sum, overflow) = x.addingReportingOverflow(y)
                    if !overflow { return .int(.small(sum)) }
                } else if case .float(let x) = a, case .float(let y) = b {
                    return .float(x + y)
                }
                return try interp.binaryOperation(.add, a, b, site)
            }
        case .subtract:
            return { (interp, f) throws(PyError) in
                let a = try left(interp, f), b = try right(interp, f)
                if case .int(.small(let x)) = a, case .int(.small(let y)) = b {
                    let (difference, overflow) = x.subtractingReportingOverflow(y)
                    if !overflow { return .int(.small(difference)) }
                } else if case .float(let x) = a, case .float(let y) = b {
                    return .float(x - y)
                }
                return try interp.binaryOperation(.subtract, a, b, site)
            }
        case .multiply:
            return { (interp, f) throws(PyError) in
                let a = try left(interp, f), b = try right(interp, f)
                if case .int(.small(let x)) = a, case .int(.small(let y)) = b {
                    let (product, overflow) = x.multipliedReportingOverflow(by: y)
                    if !overflow { return .int(.small(product)) }
                } else if case .float(let x) = a, case .float(let y) = b {
                    return .float(x * y)
                }
                return try interp.binaryOperation(.multiply, a, b, site)
            }
        case .modulo:
            return { (interp, f) throws(PyError) in
                let a = try left(interp, f), b = try right(interp, f)
                if case .int(.small(let x)) = a, case .int(.small(let y)) = b, y > 0, x >= 0 {
                    return .int(.small(x % y))
                }
                return try interp.binaryOperation(.modulo, a, b, site)
            }
        case .bitAnd:
            return { (interp, f) throws(PyError) in
                let a = try left(interp, f), b = try right(interp, f)
                if case .int(.small(let x)) = a, case .int(.small(let y)) = b { return .int(.small(x & y)) }
                return try interp.binaryOperation(.bitAnd, a, b, site)
            }
        default:
            return { (interp, f) throws(PyError) in
                let a = try left(interp, f)
                return try interp.binaryOperation(op, a, try right(interp, f), site)
            }
        }
    }

    /// `a < b <= c`: each operand evaluated once, stopping at the first false comparison.
    private func compileCompare(_ firstExpr: Expr, _ ops: [ComparisonOperator], _ restExprs: [Expr]) -> Eval {
        let first = compile(firstExpr)
        let rest = restExprs.map { CompiledExpression(eval: compile($0)) }
        if ops.count == 1 {
            let op = ops[0], right = rest[0].eval
            return { (interp, f) throws(PyError) in
                let a = try first(interp, f), b = try right(interp, f)
                if case .int(.small(let x)) = a, case .int(.small(let y)) = b {
                    switch op {
                    case .less: return .bool(x < y)
                    case .lessEqual: return .bool(x <= y)
                    case .greater: return .bool(x > y)
                    case .greaterEqual: return .bool(x >= y)
                    case .equal: return .bool(x == y)
                    case .notEqual: return .bool(x != y)
                    default: break
                    }
                }
                return try interp.compare(op, a, b)
            }
        }
        return { (interp, f) throws(PyError) in
            var left = try first(interp, f)
            for (op, rightValue) in zip(ops, rest) {
                let right = try rightValue.eval(interp, f)
                let result = try interp.compare(op, left, right)
                if !(try interp.isTrue(result)) { return result }
                left = right
            }
            return .bool(true)
        }
    }
}
