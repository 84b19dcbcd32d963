/// Expressions: one `case` per ``Expr`` kind.
extension Interpreter {
    func eval(_ expr: Expr, _ f: Frame) throws(PyError) -> PyValue {
        switch expr {
        case .constant(let constant, _):
            return try constantValue(constant)
        case .name(let name, _):
            return try loadName(name, f)
        case .fstring(let parts, _):
            return .str(try evalFString(parts, f))
        case .tuple(let items, _):
            return .object(PyTuple(try evalItems(items, f)))
        case .list(let items, _):
            return .object(PyList(try evalItems(items, f)))
        case .set(let items, _):
            let set = PySet()
            for item in try evalItems(items, f) { try set.add(item, self) }
            if items.count > 2 && items.allSatisfy({ if case .constant = $0 { return true } else { return false } }) {
                // CPython folds a display of 3+ constants into a frozenset constant, which its
                // compiler rebuilds in iteration order (`merge_consts_recursive`): the same
                // elements can then iterate in a different order than `set([...])`.
                let refolded = PySet()
                for item in set.elements { try refolded.add(item, self) }
                return .object(refolded)
            }
            return .object(set)
        case .dict(let items, _):
            return .object(try evalDict(items, f))
        case .starred(_, _):
            throw PyError(type: .syntaxError, message: "can't use starred expression here")
        case .attribute(let object, let name, _):
            return try getAttribute(try eval(object, f), name)
        case .subscript(let object, let index, _):
            let container = try eval(object, f)
            return try getItem(container, try evalIndex(index, f))
        case .slice:
            return try evalIndex(expr, f)
        case .call(let callee, let arguments, let range):
            return try evalCall(callee, arguments, range, f)
        case .unary(let op, let operand, _):
            let value = try eval(operand, f)
            if op == .not { return .bool(!(try isTrue(value))) }
            return try unaryOperation(op, value)
        case .binary(let left, let op, let right, _):
            let a = try eval(left, f)
            let b = try eval(right, f)
            return try binaryOperation(op, a, b)
        case .boolean(let op, let operands, _):
            var value = PyValue.none
            for operand in operands {
                value = try eval(operand, f)
                let truth = try isTrue(value)
                if op == .and ? !truth : truth { return value }
            }
            return value
        case .compare(let first, let ops, let rest, _):
            var left = try eval(first, f)
            for (op, rightExpr) in zip(ops, rest) {
                let right = try eval(rightExpr, f)
                let result = try compare(op, left, right)
                if ops.count == 1 { return result }
                if !(try isTrue(result)) { return result }
                left = right
            }
            return .bool(true)
        case .conditional(let test, let body, let orElse, _):
            return try isTrue(try eval(test, f)) ? try eval(body, f) : try eval(orElse, f)
        case .lambda(let parameters, let body, let range):
            return try makeLambda(parameters, body, range, f)
        case .listComprehension(let element, let clauses, let range):
            var result: [PyValue] = []
            try runComprehension(clauses, range, f) { (cf) throws(PyError) in result.append(try self.eval(element, cf)) }
            return .list(result)
        case .setComprehension(let element, let clauses, let range):
            let set = PySet()
            try runComprehension(clauses, range, f) { (cf) throws(PyError) in try set.add(try self.eval(element, cf), self) }
            return .object(set)
        case .dictComprehension(let key, let value, let clauses, let range):
            let dict = PyDict()
            try runComprehension(clauses, range, f) { (cf) throws(PyError) in
                let k = try self.eval(key, cf)
                try dict.set(k, try self.eval(value, cf), self)
            }
            return .object(dict)
        case .generator(let element, let clauses, let range):
            return try makeGeneratorExpression(element, clauses, range, f)
        case .yield(let value, _):
            let v = try value.map { (e) throws(PyError) in try eval(e, f) } ?? .none
            guard let channel = f.generator else {
                throw PyError(type: .syntaxError, message: "'yield' outside function")
            }
            return try channel.yield(v, self)
        case .yieldFrom(let source, _):
            guard let channel = f.generator else {
                throw PyError(type: .syntaxError, message: "'yield' outside function")
            }
            let iterable = try eval(source, f)
            let iterator = try iter(iterable)
            if let generator = iterator.as(PyGenerator.self) {
                while let item = try generator.next(self) { _ = try channel.yield(item, self) }
                return generator.returnValue
            }
            while let item = try next(iterator) { _ = try channel.yield(item, self) }
            return .none
        case .namedExpr(let name, let value, _):
            let v = try eval(value, f)
            try store(name, v, f)
            return v
        }
    }

    func constantValue(_ constant: Constant) throws(PyError) -> PyValue {
        switch constant {
        case .none: return .none
        case .bool(let b): return .bool(b)
        case .ellipsis: return .ellipsis
        case .int(let literal):
            if let v = literal.value { return PyValue(v) }
            do throws(PyNumberError) {
                return .int(try PyIntValue.parse(literal.digits, base: literal.radix, maxDigits: 0))
            } catch {
                throw PyError(numberError: error)
            }
        case .float(let d): return .float(d)
        case .string(let s): return .str(s)
        case .bytes:
            throw PyError(type: .notImplementedError, message: RuntimeUNIMPLEMENTED.bytes.message)
        }
    }

    /// Items of a display, expanding `*iterable`.
    func evalItems(_ items: [Expr], _ f: Frame) throws(PyError) -> [PyValue] {
        var result: [PyValue] = []
        result.reserveCapacity(items.count)
        for item in items {
            if case .starred(let inner, _) = item {
                result += try toArray(try eval(inner, f))
            } else {
                result.append(try eval(item, f))
            }
        }
        return result
    }

    private func evalDict(_ items: [DictItem], _ f: Frame) throws(PyError) -> PyDict {
        let dict = PyDict()
        for item in items {
            switch item {
            case .pair(let keyExpr, let valueExpr):
                let key = try eval(keyExpr, f)
                try dict.set(key, try eval(valueExpr, f), self)
            case .unpack(let mappingExpr):
                let mapping = try eval(mappingExpr, f)
                for (k, v) in try mappingItems(mapping, context: "'\(mapping.type.name)' object is not a mapping") {
                    try dict.set(k, v, self)
                }
            }
        }
        return dict
    }

    /// A subscript's index: slices become `slice` objects, also inside a tuple (`a[1:2, ::3]`).
    func evalIndex(_ index: Expr, _ f: Frame) throws(PyError) -> PyValue {
        switch index {
        case .slice(let lower, let upper, let step, _):
            func part(_ e: Expr?) throws(PyError) -> PyValue { try e.map { (x) throws(PyError) in try eval(x, f) } ?? .none }
            return .object(PySlice(start: try part(lower), stop: try part(upper), step: try part(step)))
        case .tuple(let items, _):
            var values: [PyValue] = []
            for item in items {
                if case .starred(let inner, _) = item { values += try toArray(try eval(inner, f)) } else {
                    values.append(try evalIndex(item, f))
                }
            }
            return .tuple(values)
        default:
            return try eval(index, f)
        }
    }

    // MARK: - f-strings

    func evalFString(_ parts: [FStringPart], _ f: Frame) throws(PyError) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .literal(let text): out += text
            case .field(let field):
                var value = try eval(field.value, f)
                switch field.conversion {
                case .some(.repr): value = .str(try repr(value))
                case .some(.str): value = .str(try str(value))
                case .some(.ascii): value = .str(asciiEscaped(try repr(value)))
                case .none: break
                }
                let spec = try field.formatSpec.map { (p) throws(PyError) in try evalFString(p, f) } ?? ""
                out += try format(value, spec)
            }
        }
        return out
    }

    // MARK: - Comprehensions

    /// Runs the `for`/`if` clauses of a comprehension in its own frame, calling `body` for each
    /// combination that passes the conditions. The first iterable is evaluated outside.
    private func runComprehension(_ clauses: [Comprehension], _ range: SourceRange, _ f: Frame,
                                  _ body: (Frame) throws(PyError) -> Void) throws(PyError) {
        let code = try childCode(range, f)
        let first = try eval(clauses[0].iter, f)
        let frame = makeFrame(code: code, globals: f.globals, cells: closureCells(for: code, from: f))
        frame.line = f.line
        do throws(PyError) {
            try runClause(clauses, 0, first, frame, body)
        } catch {
            record(error, in: frame)
            throw error
        }
    }

    private func runClause(_ clauses: [Comprehension], _ index: Int, _ iterable: PyValue, _ frame: Frame,
                           _ body: (Frame) throws(PyError) -> Void) throws(PyError) {
        let clause = clauses[index]
        try forEach(iterable) { (item) throws(PyError) in
            try checkInterrupt()
            try assign(clause.target, item, frame)
            for condition in clause.conditions where !(try isTrue(try eval(condition, frame))) { return true }
            if index + 1 < clauses.count {
                try runClause(clauses, index + 1, try eval(clauses[index + 1].iter, frame), frame, body)
            } else {
                try body(frame)
            }
            return true
        }
    }

    /// The resolved scope of a nested `def`, `lambda`, `class` or comprehension.
    func childCode(_ range: SourceRange, _ f: Frame) throws(PyError) -> CodeInfo {
        guard let code = f.code.children[range] else {
            throw PyError(type: .systemError, message: "unresolved scope at line \(range.line)")
        }
        return code
    }

    /// The cells a nested scope closes over, taken from the enclosing frame by name.
    func closureCells(for code: CodeInfo, from f: Frame) -> [PyCell] {
        var cells = (0..<code.ownCellCount).map { _ in PyCell() }
        for name in code.freeNames {
            switch f.code.slot(name) {
            case .cell(let i), .classCell(let i): cells.append(f.cells[i])
            default: cells.append(PyCell())
            }
        }
        return cells
    }
}
