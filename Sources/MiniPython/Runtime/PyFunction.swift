/// A function defined in Python (`def` or `lambda`): its code, the globals it sees, its
/// defaults (evaluated when the `def` ran) and the cells it closes over.
public final class PyFunction: PyObject, @unchecked Sendable {
    let code: CodeInfo
    let body: [Stmt]
    /// The expression of a `lambda`.
    let lambdaBody: Expr?
    let globals: PyDict
    /// The parameters with their default values, used to bind every call.
    var signature: Signature
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
        self.closure = closure
        self.name = code.name
        self.qualname = code.qualname
        self.doc = doc
        self.module = module
        super.init(type: .function, hasDict: true)
    }
}
