/// Decides, before a module runs, which names of each function are local, which are shared
/// through cells with nested functions, and which are global: Python's scoping rules are
/// static, so `x` in `def f(): print(x); x = 1` is local everywhere in `f` (reading it first
/// raises UnboundLocalError).
///
/// Two passes, like CPython's `symtable.c`: `collect` records the names each scope binds and
/// uses; `resolve` then works out free variables top-down and cells bottom-up.
struct Resolver {
    /// Pass-1 facts about one scope.
    final class ScopeNode {
        let info: CodeInfo
        var bound: [String] = []
        var boundSet: Set<String> = []
        var used: Set<String> = []
        var globals: Set<String> = []
        var nonlocals: Set<String> = []
        var children: [(SourceRange, ScopeNode)] = []
        weak var parent: ScopeNode?
        init(info: CodeInfo) { self.info = info }

        func bind(_ name: String) {
            if boundSet.insert(name).inserted { bound.append(name) }
        }
    }

    let filename: String

    /// Resolves a module (or one REPL entry).
    static func resolveModule(_ body: [Stmt], filename: String) -> CodeInfo {
        let resolver = Resolver(filename: filename)
        let root = ScopeNode(info: CodeInfo(kind: .module, name: "<module>", qualname: "<module>", filename: filename))
        for stmt in body { resolver.visit(stmt, root) }
        _ = resolver.resolve(root, available: [])
        return root.info
    }

    // MARK: - Pass 1: collect

    private func child(_ parent: ScopeNode, _ kind: CodeInfo.Kind, name: String, range: SourceRange) -> ScopeNode {
        var qualname = name
        switch parent.info.kind {
        case .module: break
        case .classBody: qualname = parent.info.qualname + "." + name
        default: qualname = parent.info.qualname + ".<locals>." + name
        }
        let node = ScopeNode(info: CodeInfo(kind: kind, name: name, qualname: qualname, filename: filename))
        node.parent = parent
        parent.children.append((range, node))
        return node
    }

    private func visit(_ stmts: [Stmt], _ scope: ScopeNode) {
        for stmt in stmts { visit(stmt, scope) }
    }

    private func visit(_ stmt: Stmt, _ scope: ScopeNode) {
        switch stmt {
        case .expression(let e, _): visit(e, scope)
        case .assign(let targets, let value, _):
            visit(value, scope)
            for t in targets { bindTarget(t, scope) }
        case .augmentedAssign(let target, _, let value, _):
            visit(value, scope)
            if case .name(let n, _) = target { scope.used.insert(n) }
            bindTarget(target, scope)
        case .annotatedAssign(let target, _, let value, _, _):
            if let value { visit(value, scope) }
            bindTarget(target, scope)
        case .if(let test, let body, let orElse, _), .while(let test, let body, let orElse, _):
            visit(test, scope)
            visit(body, scope)
            visit(orElse, scope)
        case .for(let target, let iter, let body, let orElse, _):
            visit(iter, scope)
            bindTarget(target, scope)
            visit(body, scope)
            visit(orElse, scope)
        case .break, .continue, .pass: break
        case .return(let e, _): if let e { visit(e, scope) }
        case .delete(let targets, _): for t in targets { bindTarget(t, scope) }
        case .global(let names, _): scope.globals.formUnion(names)
        case .nonlocal(let names, _): scope.nonlocals.formUnion(names)
        case .assert(let test, let message, _):
            visit(test, scope)
            if let message { visit(message, scope) }
        case .raise(let exception, let cause, _):
            if let exception { visit(exception, scope) }
            if let cause { visit(cause, scope) }
        case .try(let body, let handlers, let orElse, let finally, _):
            visit(body, scope)
            for h in handlers {
                if let t = h.type { visit(t, scope) }
                if let n = h.name { scope.bind(n) }
                visit(h.body, scope)
            }
            visit(orElse, scope)
            visit(finally, scope)
        case .with(let items, let body, _):
            for item in items {
                visit(item.context, scope)
                if let t = item.target { bindTarget(t, scope) }
            }
            visit(body, scope)
        case .functionDef(let def, let range):
            for d in def.decorators { visit(d, scope) }
            visitDefaults(def.parameters, scope)
            scope.bind(def.name)
            let node = child(scope, .function, name: def.name, range: range)
            // Also set by any `yield` found in the body (see `visit(_: Expr, _:)`).
            node.info.isGenerator = def.isGenerator
            bindParameters(def.parameters, node)
            visit(def.body, node)
        case .classDef(let def, let range):
            for d in def.decorators { visit(d, scope) }
            for arg in def.arguments { visit(arg, scope) }
            scope.bind(def.name)
            let node = child(scope, .classBody, name: def.name, range: range)
            visit(def.body, node)
        case .import(let aliases, _):
            for a in aliases {
                scope.bind(a.asName ?? String(a.name.split(separator: ".").first ?? Substring(a.name)))
            }
        case .importFrom(_, let names, _, _):
            for a in names where a.name != "*" { scope.bind(a.asName ?? a.name) }
        }
    }

    private func visit(_ arg: Argument, _ scope: ScopeNode) {
        switch arg {
        case .positional(let e), .starred(let e), .doubleStarred(let e), .keyword(_, let e, _): visit(e, scope)
        }
    }

    private func visitDefaults(_ parameters: Parameters, _ scope: ScopeNode) {
        for p in parameters.positionalOnly + parameters.positional + parameters.keywordOnly {
            if let d = p.defaultValue { visit(d, scope) }
        }
    }

    private func bindParameters(_ parameters: Parameters, _ node: ScopeNode) {
        var names = (parameters.positionalOnly + parameters.positional + parameters.keywordOnly).map(\.name)
        if let v = parameters.varArgs { names.append(v.name) }
        if let k = parameters.varKeywords { names.append(k.name) }
        node.info.parameterNames = names
        for n in names { node.bind(n) }
    }

    private func bindTarget(_ target: Expr, _ scope: ScopeNode) {
        switch target {
        case .name(let n, _): scope.bind(n)
        case .tuple(let items, _), .list(let items, _): for i in items { bindTarget(i, scope) }
        case .starred(let inner, _): bindTarget(inner, scope)
        default: visit(target, scope)
        }
    }

    private func visit(_ expr: Expr, _ scope: ScopeNode) {
        switch expr {
        case .constant: break
        case .fstring(let parts, _): visitParts(parts, scope)
        case .name(let n, _): scope.used.insert(n)
        case .tuple(let items, _), .list(let items, _), .set(let items, _): for i in items { visit(i, scope) }
        case .dict(let items, _):
            for item in items {
                switch item {
                case .pair(let k, let v): visit(k, scope); visit(v, scope)
                case .unpack(let e): visit(e, scope)
                }
            }
        case .yieldFrom(let e, _):
            scope.info.isGenerator = true
            visit(e, scope)
        case .starred(let e, _), .attribute(let e, _, _), .unary(_, let e, _): visit(e, scope)
        case .subscript(let e, let index, _): visit(e, scope); visit(index, scope)
        case .slice(let a, let b, let c, _):
            for part in [a, b, c] { if let part { visit(part, scope) } }
        case .call(let f, let args, _):
            visit(f, scope)
            for a in args { visit(a, scope) }
        case .binary(let a, _, let b, _): visit(a, scope); visit(b, scope)
        case .boolean(_, let items, _): for i in items { visit(i, scope) }
        case .compare(let first, _, let rest, _):
            visit(first, scope)
            for r in rest { visit(r, scope) }
        case .conditional(let test, let body, let orElse, _):
            visit(test, scope); visit(body, scope); visit(orElse, scope)
        case .lambda(let params, let body, let range):
            visitDefaults(params, scope)
            let node = child(scope, .lambda, name: "<lambda>", range: range)
            bindParameters(params, node)
            visit(body, node)
        case .listComprehension(let element, let clauses, let range):
            comprehension("<listcomp>", [element], clauses, range, scope)
        case .setComprehension(let element, let clauses, let range):
            comprehension("<setcomp>", [element], clauses, range, scope)
        case .dictComprehension(let key, let value, let clauses, let range):
            comprehension("<dictcomp>", [key, value], clauses, range, scope)
        case .generator(let element, let clauses, let range):
            comprehension("<genexpr>", [element], clauses, range, scope).info.isGenerator = true
        case .yield(let e, _):
            scope.info.isGenerator = true
            if let e { visit(e, scope) }
        case .namedExpr(let name, let value, _):
            visit(value, scope)
            // The target of `:=` in a comprehension belongs to the enclosing function.
            var target = scope
            var path: [ScopeNode] = []
            while target.info.kind == .comprehension, let parent = parentOf(target) {
                path.append(target)
                target = parent
            }
            target.bind(name)
            for c in path { c.used.insert(name); c.nonlocals.insert(name) }
        }
    }

    private func parentOf(_ node: ScopeNode) -> ScopeNode? { node.parent }

    @discardableResult
    private func comprehension(_ name: String, _ elements: [Expr], _ clauses: [Comprehension], _ range: SourceRange,
                               _ scope: ScopeNode) -> ScopeNode {
        if let first = clauses.first { visit(first.iter, scope) }
        let node = child(scope, .comprehension, name: name, range: range)
        for (i, clause) in clauses.enumerated() {
            if i > 0 { visit(clause.iter, node) }
            bindTarget(clause.target, node)
            for c in clause.conditions { visit(c, node) }
        }
        for e in elements { visit(e, node) }
        return node
    }

    private func visitParts(_ parts: [FStringPart], _ scope: ScopeNode) {
        for part in parts {
            if case .field(let field) = part {
                visit(field.value, scope)
                if let spec = field.formatSpec { visitParts(spec, scope) }
            }
        }
    }

    // MARK: - Pass 2: resolve

    /// Fills in the slots of `node` and its children; returns the free variables `node`
    /// needs from its enclosing scopes. `available` holds the variables of enclosing functions.
    private func resolve(_ node: ScopeNode, available: Set<String>) -> [String] {
        let info = node.info
        let isFunction = info.kind == .function || info.kind == .lambda || info.kind == .comprehension
        var locals: [String] = []
        var localSet: Set<String> = []
        if isFunction || info.kind == .classBody {
            for n in info.parameterNames where localSet.insert(n).inserted { locals.append(n) }
            for n in node.bound where !node.globals.contains(n) && !node.nonlocals.contains(n) {
                if localSet.insert(n).inserted { locals.append(n) }
            }
        }
        let childAvailable: Set<String>
        switch info.kind {
        case .module: childAvailable = []
        case .classBody: childAvailable = available
        default: childAvailable = available.union(localSet)
        }
        var free: [String] = []
        var freeSet: Set<String> = []
        func addFree(_ n: String) { if freeSet.insert(n).inserted { free.append(n) } }
        var cellVars: Set<String> = []
        for (range, child) in node.children {
            info.children[range] = child.info
            for n in resolve(child, available: childAvailable) {
                if isFunction && localSet.contains(n) { cellVars.insert(n) } else { addFree(n) }
            }
        }
        if info.kind != .module {
            for n in node.used.sorted() where !localSet.contains(n) && !node.globals.contains(n) {
                if available.contains(n) { addFree(n) }
            }
            for n in node.nonlocals.sorted() where available.contains(n) { addFree(n) }
        }
        if info.kind == .module { return [] }
        // Lay out the slots.
        for n in node.globals { info.slots[n] = .global }
        if info.kind == .classBody {
            for n in locals { info.slots[n] = .name }
            info.cellNames = free
            for (i, n) in free.enumerated() where !localSet.contains(n) { info.slots[n] = .classCell(i) }
            return free
        }
        var cells: [String] = []
        for n in locals {
            if cellVars.contains(n) {
                info.slots[n] = .cell(cells.count)
                cells.append(n)
            } else {
                info.slots[n] = .fast(info.fastNames.count)
                info.fastNames.append(n)
            }
        }
        info.ownCellCount = cells.count
        for n in free {
            info.slots[n] = .cell(cells.count)
            cells.append(n)
        }
        info.cellNames = cells
        info.fastCount = info.fastNames.count
        info.parameterSlots = info.parameterNames.map { info.slot($0) }
        return free
    }
}
