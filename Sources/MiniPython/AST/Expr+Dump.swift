/// A compact S-expression dump of expressions for tests and debugging, in the spirit of
/// `ast.dump`: `(+ 1 (* 2 x))`, `(call f a (= k v))`, `(. obj attr)`, `([] xs (slice 1 _ _))`.
extension Expr {
    public func dump() -> String {
        switch self {
        case .constant(let constant, _): return constant.dump()
        case .fstring(let parts, _): return "(f" + parts.map { " " + $0.dump() }.joined() + ")"
        case .name(let name, _): return name
        case .tuple(let items, _): return sexp("tuple", items.map { $0.dump() })
        case .list(let items, _): return sexp("list", items.map { $0.dump() })
        case .set(let items, _): return sexp("set", items.map { $0.dump() })
        case .dict(let items, _):
            return sexp("dict", items.map {
                switch $0 {
                case .pair(let key, let value): return "(\(key.dump()) \(value.dump()))"
                case .unpack(let mapping): return "(** \(mapping.dump()))"
                }
            })
        case .starred(let value, _): return "(* \(value.dump()))"
        case .attribute(let value, let name, _): return "(. \(value.dump()) \(name))"
        case .subscript(let value, let index, _): return "([] \(value.dump()) \(index.dump()))"
        case .slice(let lower, let upper, let step, _):
            return "(slice \(lower?.dump() ?? "_") \(upper?.dump() ?? "_") \(step?.dump() ?? "_"))"
        case .call(let function, let arguments, _):
            return sexp("call", [function.dump()] + arguments.map { $0.dump() })
        case .unary(let op, let operand, _): return "(\(op.rawValue) \(operand.dump()))"
        case .binary(let left, let op, let right, _): return "(\(op.rawValue) \(left.dump()) \(right.dump()))"
        case .boolean(let op, let values, _): return sexp(op.rawValue, values.map { $0.dump() })
        case .compare(let left, let ops, let comparators, _):
            if ops.count == 1 { return "(\(ops[0].rawValue) \(left.dump()) \(comparators[0].dump()))" }
            var parts = [left.dump()]
            for (op, right) in zip(ops, comparators) { parts += [op.rawValue, right.dump()] }
            return sexp("compare", parts)
        case .conditional(let test, let body, let orElse, _):
            return "(if \(test.dump()) \(body.dump()) \(orElse.dump()))"
        case .lambda(let parameters, let body, _): return "(lambda \(parameters.dump()) \(body.dump()))"
        case .listComprehension(let element, let clauses, _):
            return sexp("listcomp", [element.dump()] + clauses.map { $0.dump() })
        case .setComprehension(let element, let clauses, _):
            return sexp("setcomp", [element.dump()] + clauses.map { $0.dump() })
        case .dictComprehension(let key, let value, let clauses, _):
            return sexp("dictcomp", [key.dump(), value.dump()] + clauses.map { $0.dump() })
        case .generator(let element, let clauses, _):
            return sexp("genexp", [element.dump()] + clauses.map { $0.dump() })
        case .yield(let value, _): return value.map { "(yield \($0.dump()))" } ?? "(yield)"
        case .yieldFrom(let value, _): return "(yield-from \(value.dump()))"
        case .namedExpr(let name, let value, _): return "(:= \(name) \(value.dump()))"
        }
    }
}

extension Constant {
    public func dump() -> String {
        switch self {
        case .none: return "None"
        case .bool(let value): return value ? "True" : "False"
        case .ellipsis: return "..."
        case .int(let literal): return literal.decimalDigits
        case .float(let value): return "\(value)"
        case .string(let text): return pythonRepr(text)
        case .bytes(let bytes): return pythonRepr(bytes)
        }
    }
}

extension FStringPart {
    public func dump() -> String {
        switch self {
        case .literal(let text): return pythonRepr(text)
        case .field(let field):
            var parts = [field.value.dump()]
            if let conversion = field.conversion { parts.append("!\(conversion.rawValue)") }
            if let spec = field.formatSpec { parts.append(sexp("spec", spec.map { $0.dump() })) }
            return sexp("fmt", parts)
        }
    }
}

extension Argument {
    public func dump() -> String {
        switch self {
        case .positional(let value): return value.dump()
        case .starred(let value): return "(* \(value.dump()))"
        case .keyword(let name, let value, _): return "(= \(name) \(value.dump()))"
        case .doubleStarred(let value): return "(** \(value.dump()))"
        }
    }
}

extension Comprehension {
    public func dump() -> String {
        sexp("for", [target.dump(), iter.dump()] + conditions.map { "(if \($0.dump()))" })
    }
}

extension Parameters {
    /// `(params a b:int=1 / c *args d **kw)`, or `(params a * b)` for a bare star.
    public func dump() -> String {
        var parts = positionalOnly.map { $0.dump() }
        if !positionalOnly.isEmpty { parts.append("/") }
        parts += positional.map { $0.dump() }
        if let varArgs { parts.append("*" + varArgs.dump()) } else if !keywordOnly.isEmpty { parts.append("*") }
        parts += keywordOnly.map { $0.dump() }
        if let varKeywords { parts.append("**" + varKeywords.dump()) }
        return sexp("params", parts)
    }
}

extension Parameter {
    public func dump() -> String {
        var text = name
        if let annotation { text += ":" + annotation.dump() }
        if let defaultValue { text += "=" + defaultValue.dump() }
        return text
    }
}

/// `(head a b c)`, or `(head)` with no items.
func sexp(_ head: String, _ items: [String]) -> String {
    items.isEmpty ? "(\(head))" : "(\(head) \(items.joined(separator: " ")))"
}
