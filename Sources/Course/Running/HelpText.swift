import MiniPython

/// What `name?` prints in the REPL: for a function its signature and the first paragraph of its
/// docstring, for a class or module its kind and docstring, for any other object its type
/// and repr (a tensor's shape and dtype too).
///
/// The name is found with ``SafeLookup``; only the repr of a plain object runs the learner's
/// code (its `__repr__`), as a REPL entry would, so Ctrl-C stops it.
enum HelpText {
    /// The longest repr shown, in lines.
    static let reprLines = 12

    static func help(for name: String, in interpreter: Interpreter) -> String {
        let path = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard path.allSatisfy({ Completion.dottedName(atEndOf: $0) == [$0] }) else {
            return "No help: '\(name)' is not a name."
        }
        guard let value = SafeLookup.resolve(path, in: interpreter) else {
            return "No help: '\(name)' is not defined (or is computed by Python code, which help does not run)."
        }
        return describe(value, as: name, in: interpreter)
    }

    private static func describe(_ value: PyValue, as name: String, in interpreter: Interpreter,
                                 bound: Bool = false) -> String {
        if let method = value.as(PyMethod.self) { return describe(method.function, as: name, in: interpreter, bound: true) }
        if var function = value.as(PyFunction.self) {
            let shownName = function.qualname
            // A decorator's wrapper made with functools.wraps: the wrapped function's parameters.
            while let wrapped = function.dict?.get(str: "__wrapped__")?.as(PyFunction.self), wrapped !== function {
                function = wrapped
            }
            return join(text(function.signature, in: interpreter, dropSelf: bound, name: shownName), summary(of: function.doc))
        }
        if let builtin = value.as(PyBuiltinFunction.self) {
            let signature = builtin.signature.map { text($0, in: interpreter, dropSelf: bound || $0.hasSelf) } ?? "\(builtin.name)(...)"
            let qualified = builtin.module.map { "\($0)." } ?? ""
            return join(qualified + signature, "built-in function")
        }
        if let type = value.as(PyType.self) {
            let initializer = type.lookup("__init__")?.as(PyFunction.self)
            let call = initializer.map { text($0.signature, in: interpreter, dropSelf: true, name: type.name) }
            let doc = type.members["__doc__"].flatMap(summary)
            return join("class \(type.module == "builtins" ? "" : type.module + ".")\(type.name)", call, doc)
        }
        if let module = value.as(PyModule.self) {
            return join("module \(module.name)", module["__doc__"].flatMap(summary))
        }
        var lines = ["\(name): \(value.type.name)"]
        for property in ["shape", "dtype"] {
            if value.type.lookup(property)?.as(PyProperty.self) != nil,
               let found = SafeLookup.attribute(of: value, property, in: interpreter), let repr = try? interpreter.repr(found) {
                lines.append("\(property): \(repr)")
            }
        }
        do throws(PyError) {
            let repr = try interpreter.repr(value).split(separator: "\n", omittingEmptySubsequences: false)
            lines += repr.prefix(reprLines).map(String.init)
            if repr.count > reprLines { lines.append("… (\(repr.count - reprLines) more lines)") }
        } catch {
            lines.append("(its repr raised \(error.exception.type.name))")
        }
        return lines.joined(separator: "\n")
    }

    private static func join(_ parts: String?...) -> String { parts.compactMap { $0 }.joined(separator: "\n") }

    /// The first paragraph of a docstring, on one line.
    private static func summary(of doc: PyValue) -> String? {
        guard case .str(let text) = doc else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(\.trimmingSpaces)
        let paragraph = lines.drop { $0.isEmpty }.prefix { !$0.isEmpty }
        return paragraph.isEmpty ? nil : paragraph.joined(separator: " ")
    }

    /// `zeros(*size, dtype=None)`: a signature as Python writes it (`name=...` for an optional
    /// parameter without a default value).
    static func text(_ signature: Signature, in interpreter: Interpreter, dropSelf: Bool = false, name: String? = nil) -> String {
        var parts: [String] = []
        var parameters = signature.parameters
        if dropSelf, parameters.first.map({ $0.name == "self" }) ?? false { parameters.removeFirst() }
        var wroteStar = false
        for (index, parameter) in parameters.enumerated() {
            if parameter.kind == .keywordOnly && !wroteStar {
                parts.append(signature.varArgsName.map { "*" + $0 } ?? "*")
                wroteStar = true
            }
            switch parameter.defaultValue {
            case .required: parts.append(parameter.name)
            case .unset: parts.append("\(parameter.name)=...")
            case .value(let value): parts.append("\(parameter.name)=\((try? interpreter.repr(value)) ?? "...")")
            }
            let next = parameters.indices.contains(index + 1) ? parameters[index + 1] : nil
            if parameter.kind == .positionalOnly && next?.kind != .positionalOnly { parts.append("/") }
        }
        if !wroteStar, let varArgs = signature.varArgsName { parts.append("*" + varArgs) }
        if let varKeywords = signature.varKeywordsName { parts.append("**" + varKeywords) }
        return "\(name ?? signature.name)(\(parts.joined(separator: ", ")))"
    }
}
