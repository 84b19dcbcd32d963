/// The arguments of a call as the caller wrote them: positional values, then keyword pairs
/// in order (`*args` and `**kwargs` already expanded).
public struct Arguments {
    public var positional: [PyValue]
    public var keywords: [(name: String, value: PyValue)]

    public init(_ positional: [PyValue] = [], keywords: [(name: String, value: PyValue)] = []) {
        self.positional = positional
        self.keywords = keywords
    }

    /// The same arguments with `value` inserted first (a bound method's `self`).
    public func prepending(_ value: PyValue) -> Arguments {
        Arguments(.prepending(value, to: positional), keywords: keywords)
    }

    /// The value of keyword `name`, if given.
    public func keyword(_ name: String) -> PyValue? {
        keywords.first { $0.name == name }?.value
    }
}

/// Arguments bound to a ``Signature``: one value per named parameter (defaults applied;
/// nil for an omitted parameter whose default is `<unset>`), plus the extras collected by
/// `*args` and `**kwargs`.
public struct BoundArguments {
    public let signature: Signature
    /// One value per named parameter; nil for an omitted `<unset>` parameter. Empty when
    /// ``exact`` holds the values.
    var values: [PyValue?]
    /// The positional arguments as passed, when there was exactly one per named parameter
    /// (the usual call, bound without copying them).
    var exact: [PyValue] = []
    /// What `*args` collected.
    public var varArgs: [PyValue] = []
    /// What `**kwargs` collected, in order.
    public var varKeywords: [(name: String, value: PyValue)] = []

    init(signature: Signature, values: [PyValue?]) {
        self.signature = signature
        self.values = values
    }

    init(signature: Signature, exact: [PyValue]) {
        self.signature = signature
        self.values = []
        self.exact = exact
    }

    /// The value of the i-th named parameter (`None` when it was omitted without a default).
    public subscript(index: Int) -> PyValue { optional(index) ?? .none }

    /// The value of the parameter called `name`.
    public subscript(name: String) -> PyValue {
        guard let i = signature.index(of: name) else { return .none }
        return self[i]
    }

    /// The value of the i-th parameter, or nil when it was omitted (default `<unset>`).
    public func optional(_ index: Int) -> PyValue? { exact.isEmpty ? values[index] : exact[index] }

    /// The value of parameter `name`, or nil when it was omitted (default `<unset>`).
    public func optional(_ name: String) -> PyValue? {
        signature.index(of: name).flatMap { optional($0) }
    }

    /// True when the parameter was omitted or given as `None`.
    public func isNone(_ index: Int) -> Bool { optional(index)?.isNone ?? true }
}
