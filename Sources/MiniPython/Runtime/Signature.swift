/// A parameter list in Python syntax, parsed once and used to bind every call of a native
/// function (and of user functions, built from their `def`): the one place where argument
/// errors are raised, with CPython's wording.
///
/// ```swift
/// let sig = Signature("sum(input, dim=None, keepdim=False, *, dtype=None)")
/// let bound = try sig.bind(arguments)      // TypeError on a mismatch
/// bound["keepdim"]                          // .bool(false) unless given
/// ```
/// Defaults may be `None`, `True`, `False`, numbers, quoted strings, `()`, or `<unset>`:
/// an optional parameter with no default value (``BoundArguments/optional(_:)-(Int)`` is nil),
/// for functions that behave differently when it is omitted (`next(iterator, <unset>)`).
public struct Signature: @unchecked Sendable {
    public enum Kind: Sendable { case positionalOnly, positionalOrKeyword, keywordOnly }

    public enum Default {
        case required
        case unset
        case value(PyValue)
    }

    public struct Parameter {
        public var name: String
        public var kind: Kind
        public var defaultValue: Default
    }

    /// The fields, shared by copies until one of them changes: every ``BoundArguments``
    /// carries the signature, and copying one reference is cheaper than copying five.
    private final class Storage: @unchecked Sendable {
        var name: String
        var parameters: [Parameter]
        var varArgsName: String?
        var varKeywordsName: String?
        var isNative = false
        var hasSelf = false
        /// How many parameters have no default, and whether the first is one of them.
        var requiredCount = 0
        var firstIsRequired = false
        /// True when every parameter is positional-only (`f(a, b, /)`).
        var allPositionalOnly = false
        /// How many parameters may be passed by position.
        var positionalCount = 0

        init(name: String, parameters: [Parameter], varArgsName: String?, varKeywordsName: String?) {
            self.name = name
            self.parameters = parameters
            self.varArgsName = varArgsName
            self.varKeywordsName = varKeywordsName
            summarize()
        }

        func copy() -> Storage {
            let copy = Storage(name: name, parameters: parameters, varArgsName: varArgsName, varKeywordsName: varKeywordsName)
            copy.isNative = isNative
            copy.hasSelf = hasSelf
            return copy
        }

        /// Recomputes what binding needs on every call from `parameters`.
        func summarize() {
            func isRequired(_ p: Parameter) -> Bool { if case .required = p.defaultValue { return true } else { return false } }
            requiredCount = parameters.filter(isRequired).count
            firstIsRequired = parameters.first.map(isRequired) ?? false
            allPositionalOnly = parameters.allSatisfy { $0.kind == .positionalOnly }
            positionalCount = parameters.prefix { $0.kind != .keywordOnly }.count
        }
    }

    private var storage: Storage

    /// The storage, copied first if another signature shares it.
    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// The function name used in messages (`f() missing 1 required...`).
    public var name: String {
        get { storage.name }
        set { unique().name = newValue }
    }
    public var parameters: [Parameter] {
        get { storage.parameters }
        set {
            let s = unique()
            s.parameters = newValue
            s.summarize()
        }
    }
    public var varArgsName: String? {
        get { storage.varArgsName }
        set { unique().varArgsName = newValue }
    }
    public var varKeywordsName: String? {
        get { storage.varKeywordsName }
        set { unique().varKeywordsName = newValue }
    }
    /// Set for native functions, whose count errors use CPython's C wording
    /// (`len() takes exactly one argument (2 given)`); `self` is not counted when `hasSelf`.
    public var isNative: Bool {
        get { storage.isNative }
        set { unique().isNative = newValue }
    }
    public var hasSelf: Bool {
        get { storage.hasSelf }
        set { unique().hasSelf = newValue }
    }
    private var requiredCount: Int { storage.requiredCount }
    private var firstIsRequired: Bool { storage.firstIsRequired }
    private var allPositionalOnly: Bool { storage.allPositionalOnly }

    public init(name: String, parameters: [Parameter], varArgs: String? = nil, varKeywords: String? = nil) {
        storage = Storage(name: name, parameters: parameters, varArgsName: varArgs, varKeywordsName: varKeywords)
    }

    /// Parses `"name(a, b=1, /, c=None, *args, d, **kw)"`. A malformed signature is a
    /// programming error in a native module.
    public init(_ text: String) {
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else {
            preconditionFailure("malformed signature: \(text)")
        }
        var parameters: [Parameter] = []
        var varArgsName: String?, varKeywordsName: String?
        let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
        var kind = Kind.positionalOrKeyword
        for rawPart in Signature.splitTopLevel(String(inner)) {
            let part = rawPart.trimmingSpaces
            if part.isEmpty { continue }
            if part == "/" {
                for i in parameters.indices { parameters[i].kind = .positionalOnly }
            } else if part == "*" {
                kind = .keywordOnly
            } else if part.hasPrefix("**") {
                varKeywordsName = String(part.dropFirst(2))
            } else if part.hasPrefix("*") {
                varArgsName = String(part.dropFirst())
                kind = .keywordOnly
            } else if let eq = part.firstIndex(of: "=") {
                let paramName = String(part[..<eq]).trimmingSpaces
                let literal = String(part[part.index(after: eq)...]).trimmingSpaces
                parameters.append(Parameter(name: paramName, kind: kind, defaultValue: Signature.parseDefault(literal)))
            } else {
                parameters.append(Parameter(name: part, kind: kind, defaultValue: .required))
            }
        }
        storage = Storage(name: String(text[..<open]).trimmingSpaces, parameters: parameters, varArgsName: varArgsName,
                          varKeywordsName: varKeywordsName)
    }

    public func index(of name: String) -> Int? {
        parameters.firstIndex { $0.name == name }
    }

    // MARK: - Binding

    /// Binds `arguments`, raising `TypeError` like CPython on any mismatch.
    public func bind(_ arguments: Arguments) throws(PyError) -> BoundArguments {
        let parameters = storage.parameters
        let positionalCount = storage.positionalCount
        let given = arguments.positional
        if given.count == parameters.count && positionalCount == parameters.count && arguments.keywords.isEmpty {
            return BoundArguments(signature: self, exact: given)
        }
        var bound = BoundArguments(signature: self, values: .nils(parameters.count))
        if isNative, let error = nativeCountError(given.count, arguments) { throw error }
        if given.count > positionalCount {
            if varArgsName == nil { throw tooManyPositional(given.count, arguments) }
            bound.varArgs = Array(given[positionalCount...])
        }
        for i in 0..<min(given.count, positionalCount) { bound.values[i] = given[i] }
        var positionalOnlyAsKeyword: [String] = []
        for (keyword, value) in arguments.keywords {
            if let i = index(of: keyword), parameters[i].kind != .positionalOnly {
                if bound.values[i] != nil {
                    throw PyError.typeError("\(name)() got multiple values for argument '\(keyword)'")
                }
                bound.values[i] = value
            } else if varKeywordsName != nil {
                bound.varKeywords.append((keyword, value))
            } else if index(of: keyword) != nil {
                positionalOnlyAsKeyword.append(keyword)
            } else {
                throw PyError.typeError("\(name)() got an unexpected keyword argument '\(keyword)'")
            }
        }
        if !positionalOnlyAsKeyword.isEmpty {
            throw PyError.typeError("\(name)() got some positional-only arguments passed as keyword arguments: "
                + positionalOnlyAsKeyword.map { "'\($0)'" }.joined(separator: ", "))
        }
        var missingPositional: [String] = []
        var missingKeyword: [String] = []
        for i in parameters.indices where bound.values[i] == nil {
            switch parameters[i].defaultValue {
            case .value(let v): bound.values[i] = v
            case .unset: break
            case .required:
                if parameters[i].kind == .keywordOnly { missingKeyword.append(parameters[i].name) } else {
                    missingPositional.append(parameters[i].name)
                }
            }
        }
        if !missingPositional.isEmpty { throw missing(missingPositional, kind: "positional") }
        if !missingKeyword.isEmpty { throw missing(missingKeyword, kind: "keyword-only") }
        return bound
    }

    /// CPython's messages for C functions taking only positional-only arguments.
    private func nativeCountError(_ count: Int, _ arguments: Arguments) -> PyError? {
        guard varArgsName == nil, varKeywordsName == nil, arguments.keywords.isEmpty, allPositionalOnly else { return nil }
        let skip = hasSelf ? 1 : 0
        let maxCount = parameters.count - skip
        let minCount = requiredCount - (hasSelf && firstIsRequired ? 1 : 0)
        let given = count - skip
        guard given < minCount || given > maxCount else { return nil }
        let plainName = name.split(separator: ".").last.map(String.init) ?? name
        if minCount == maxCount {
            switch maxCount {
            case 0: return PyError.typeError("\(name)() takes no arguments (\(given) given)")
            case 1: return PyError.typeError("\(name)() takes exactly one argument (\(given) given)")
            default: return PyError.typeError("\(plainName) expected \(maxCount) arguments, got \(given)")
            }
        }
        if given < minCount {
            return PyError.typeError("\(plainName) expected at least \(minCount) argument\(minCount == 1 ? "" : "s"), got \(given)")
        }
        return PyError.typeError("\(plainName) expected at most \(maxCount) argument\(maxCount == 1 ? "" : "s"), got \(given)")
    }

    private func missing(_ names: [String], kind: String) -> PyError {
        let quoted = names.map { "'\($0)'" }
        let list: String
        switch quoted.count {
        case 1: list = quoted[0]
        case 2: list = "\(quoted[0]) and \(quoted[1])"
        default: list = quoted.dropLast().joined(separator: ", ") + ", and " + quoted.last!
        }
        let plural = names.count == 1 ? "argument" : "arguments"
        return PyError.typeError("\(name)() missing \(names.count) required \(kind) \(plural): \(list)")
    }

    private func tooManyPositional(_ count: Int, _ arguments: Arguments) -> PyError {
        let positional = parameters.filter { $0.kind != .keywordOnly }
        let required = positional.filter { if case .required = $0.defaultValue { return true } else { return false } }.count
        let takes: String
        if required < positional.count {
            takes = "from \(required) to \(positional.count) positional arguments"
        } else {
            takes = "\(positional.count) positional argument" + (positional.count == 1 ? "" : "s")
        }
        let keywordOnlyGiven = arguments.keywords.filter { kw in
            parameters.contains { $0.name == kw.name && $0.kind == .keywordOnly }
        }.count
        var given = "\(count) " + (count == 1 ? "was" : "were") + " given"
        if keywordOnlyGiven > 0 {
            given = "\(count) positional argument\(count == 1 ? "" : "s") (and \(keywordOnlyGiven) keyword-only argument\(keywordOnlyGiven == 1 ? "" : "s")) were given"
        }
        return PyError.typeError("\(name)() takes \(takes) but \(given)")
    }

    // MARK: - Parsing helpers

    private static func splitTopLevel(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for ch in text {
            if let q = quote {
                current.append(ch)
                if ch == q { quote = nil }
                continue
            }
            switch ch {
            case "'", "\"": quote = ch; current.append(ch)
            case "(", "[", "<": depth += 1; current.append(ch)
            case ")", "]", ">": depth -= 1; current.append(ch)
            case "," where depth == 0: parts.append(current); current = ""
            default: current.append(ch)
            }
        }
        parts.append(current)
        return parts
    }

    private static func parseDefault(_ literal: String) -> Default {
        switch literal {
        case "<unset>": return .unset
        case "None": return .value(.none)
        case "True": return .value(.bool(true))
        case "False": return .value(.bool(false))
        case "()": return .value(.object(PyTuple.empty))
        default: break
        }
        if let i = Int(literal) { return .value(PyValue(i)) }
        if let d = Double(literal) { return .value(.float(d)) }
        if literal.count >= 2, let first = literal.first, first == "'" || first == "\"", literal.last == first {
            return .value(.str(String(literal.dropFirst().dropLast())))
        }
        preconditionFailure("unsupported default in signature: \(literal)")
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
