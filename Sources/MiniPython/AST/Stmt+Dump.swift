/// A compact S-expression dump of statements for tests and debugging: `(= x (+ 1 2))`,
/// `(if c (body (pass)) (else (break)))`, `(def f (params a) (body (return a)))`.
extension Stmt {
    public func dump() -> String {
        switch self {
        case .expression(let value, _): return value.dump()
        case .assign(let targets, let value, _): return sexp("=", (targets + [value]).map { $0.dump() })
        case .augmentedAssign(let target, let op, let value, _): return "(\(op.rawValue)= \(target.dump()) \(value.dump()))"
        case .annotatedAssign(let target, let annotation, let value, let isSimple, _):
            let head = isSimple ? "ann" : "ann-complex"
            return sexp(head, [target.dump(), annotation.dump()] + (value.map { [$0.dump()] } ?? []))
        case .if(let test, let body, let orElse, _):
            return sexp("if", [test.dump(), block("body", body)] + optionalBlock("else", orElse))
        case .while(let test, let body, let orElse, _):
            return sexp("while", [test.dump(), block("body", body)] + optionalBlock("else", orElse))
        case .for(let target, let iter, let body, let orElse, _):
            return sexp("for", [target.dump(), iter.dump(), block("body", body)] + optionalBlock("else", orElse))
        case .break: return "(break)"
        case .continue: return "(continue)"
        case .pass: return "(pass)"
        case .return(let value, _): return sexp("return", value.map { [$0.dump()] } ?? [])
        case .delete(let targets, _): return sexp("del", targets.map { $0.dump() })
        case .global(let names, _): return sexp("global", names)
        case .nonlocal(let names, _): return sexp("nonlocal", names)
        case .assert(let test, let message, _): return sexp("assert", [test.dump()] + (message.map { [$0.dump()] } ?? []))
        case .raise(let exception, let cause, _):
            return sexp("raise", (exception.map { [$0.dump()] } ?? []) + (cause.map { ["(from \($0.dump()))"] } ?? []))
        case .try(let body, let handlers, let orElse, let finalBody, _):
            return sexp("try", [block("body", body)] + handlers.map { $0.dump() }
                + optionalBlock("else", orElse) + optionalBlock("finally", finalBody))
        case .with(let items, let body, _):
            return sexp("with", items.map { $0.dump() } + [block("body", body)])
        case .functionDef(let definition, _): return definition.dump()
        case .classDef(let definition, _): return definition.dump()
        case .import(let names, _): return sexp("import", names.map { $0.dump() })
        case .importFrom(let module, let names, let level, _):
            return sexp("from", [String(repeating: ".", count: level) + (module ?? "")] + names.map { $0.dump() })
        }
    }

    /// One statement dump per line.
    public static func dump(_ statements: [Stmt]) -> String {
        statements.map { $0.dump() }.joined(separator: "\n")
    }
}

extension FunctionDef {
    public func dump() -> String {
        var parts = [name]
        if isGenerator { parts.append("generator") }
        parts.append(parameters.dump())
        if let returns { parts.append("(-> \(returns.dump()))") }
        if !decorators.isEmpty { parts.append(sexp("decorators", decorators.map { $0.dump() })) }
        parts.append(block("body", body))
        return sexp("def", parts)
    }
}

extension ClassDef {
    public func dump() -> String {
        var parts = [name]
        if !arguments.isEmpty { parts.append(sexp("bases", arguments.map { $0.dump() })) }
        if !decorators.isEmpty { parts.append(sexp("decorators", decorators.map { $0.dump() })) }
        parts.append(block("body", body))
        return sexp("class", parts)
    }
}

extension ExceptHandler {
    public func dump() -> String {
        sexp("except", (type.map { [$0.dump()] } ?? []) + (name.map { ["(as \($0))"] } ?? []) + [block("body", body)])
    }
}

extension WithItem {
    public func dump() -> String {
        target.map { "(as \(context.dump()) \($0.dump()))" } ?? context.dump()
    }
}

extension Alias {
    public func dump() -> String {
        asName.map { "(as \(name) \($0))" } ?? name
    }
}

private func block(_ head: String, _ statements: [Stmt]) -> String {
    sexp(head, statements.map { $0.dump() })
}

private func optionalBlock(_ head: String, _ statements: [Stmt]) -> [String] {
    statements.isEmpty ? [] : [block(head, statements)]
}
