/// A function defined in Python (`def` or `lambda`): its code, the globals it sees, its
/// defaults (evaluated when the `def` ran) and the cells it closes over.
public final class PyFunction: PyObject, @unchecked Sendable {
    let code: CodeInfo
    let body: [Stmt]
    /// The expression of a `lambda`.
    let lambdaBody: Expr?
    let globals: PyDict
    /// The parameters with their default values, used to bind every call.
    public let signature: Signature
    /// For a function with only positional(-or-keyword) parameters (``hasSimpleLayout``):
    /// how many are required, and the defaults of the others, for calls that pass
    /// positional arguments only.
    let hasSimpleLayout: Bool
    let requiredCount: Int
    let positionalDefaults: [PyValue]
    let closure: [PyCell]
    public var name: String
    public var qualname: String
    public var doc: PyValue
    public var module: String
    /// The class whose body defined this function, for zero-argument `super()`. A strong
    /// reference (a class and its methods live together): a weak one would move every
    /// `PyType` to the slow, side-table reference counting path.
    var definingClass: PyType?

    init(code: CodeInfo, body: [Stmt], lambdaBody: Expr?, globals: PyDict, signature: Signature,
         closure: [PyCell], doc: PyValue, module: String) {
        self.code = code
        self.body = body
        self.lambdaBody = lambdaBody
        self.globals = globals
        self.signature = signature
        let layout = PyFunction.simpleLayout(of: signature)
        self.hasSimpleLayout = layout != nil
        self.requiredCount = layout?.required ?? 0
        self.positionalDefaults = layout?.defaults ?? []
        self.closure = closure
        self.name = code.name
        self.qualname = code.qualname
        self.doc = doc
        self.module = module
        super.init(type: .function, hasDict: true)
    }

    /// True when a call with `count` positional arguments and no keywords binds them in
    /// order (see ``hasSimpleLayout``).
    @inline(__always)
    func accepts(positional count: Int) -> Bool {
        hasSimpleLayout && count >= requiredCount && count <= requiredCount + positionalDefaults.count
    }

    /// Binds the defaults of the parameters after the first `given` ones.
    @inline(__always)
    func bindDefaults(from given: Int, in frame: Frame) {
        let slots = code.parameterSlots
        guard given < slots.count else { return }
        for i in given..<slots.count { frame.set(slots[i], positionalDefaults[i - requiredCount]) }
    }

    private static func simpleLayout(of signature: Signature) -> (required: Int, defaults: [PyValue])? {
        guard signature.varArgsName == nil, signature.varKeywordsName == nil else { return nil }
        var required = 0
        var defaults: [PyValue] = []
        for parameter in signature.parameters {
            guard parameter.kind != .keywordOnly else { return nil }
            switch parameter.defaultValue {
            case .required:
                guard defaults.isEmpty else { return nil }
                required += 1
            case .value(let v): defaults.append(v)
            case .unset: return nil
            }
        }
        return (required, defaults)
    }
}
