import MiniPython
import TensorEngine

/// One PyTorch operation exposed as `torch.name(input, ...)`, as the method
/// `Tensor.name(self, ...)`, or both, from a single definition.
///
/// `parameters` is the Python parameter list after the tensor (`"dim=None, keepdim=False"`);
/// the bridge binds every call through MiniPython's ``Signature`` with it, so argument errors
/// read as in Python. In `body`, `args[0]` is the tensor argument (`self` or `input`).
struct TorchOp: @unchecked Sendable {
    enum Kind { case both, method, function }

    let name: String
    let parameters: String
    let kind: Kind
    let body: (Interpreter, BoundArguments) throws(PyError) -> PyValue

    init(_ name: String, _ parameters: String = "", _ kind: Kind = .both,
         _ body: @escaping (Interpreter, BoundArguments) throws(PyError) -> PyValue) {
        self.name = name
        self.parameters = parameters
        self.kind = kind
        self.body = body
    }

    /// The signature text for the method form.
    var methodSignature: String { "\(name)(self\(parameters.isEmpty ? "" : ", " + parameters))" }
    /// The signature text for the `torch.` function form.
    /// Factories whose parameters start with `*` (`zeros(*size, ...)`) take no input tensor.
    var functionSignature: String {
        if parameters.hasPrefix("(") { return "\(name)(\(parameters.dropFirst()))" }
        if parameters.hasPrefix("*") && !parameters.hasPrefix("*,") && kind == .function { return "\(name)(\(parameters))" }
        return "\(name)(input\(parameters.isEmpty ? "" : ", " + parameters))"
    }

    /// The function form with its own parameter list (`torch.where(condition, input, other)`).
    static func function(_ name: String, signature: String,
                         _ body: @escaping (Interpreter, BoundArguments) throws(PyError) -> PyValue) -> TorchOp {
        TorchOp(name, "(" + signature, .function, body)
    }

    /// The same op under another name (`clip` for `clamp`, `subtract` for `sub`).
    func named(_ alias: String) -> TorchOp { TorchOp(alias, parameters, kind, body) }
}

// MARK: - Argument helpers

extension BoundArguments {
    /// The plain function name for messages (`add`, not `Tensor.add`).
    var functionName: String {
        let name = signature.name
        if let dot = name.lastIndex(of: ".") { return String(name[name.index(after: dot)...]) }
        return name
    }

    /// Parameter `index` as a tensor, or PyTorch's TypeError.
    func tensor(_ index: Int) throws(PyError) -> Tensor {
        let v = self[index]
        if let t = v.tensorValue { return t }
        let parameter = index < signature.parameters.count ? signature.parameters[index].name : "arg\(index)"
        if index == 0 && parameter == "self" {
            throw PyError.typeError("descriptor '\(functionName)' for 'torch._C.TensorBase' objects doesn't apply to a '\(v.type.name)' object")
        }
        throw PyError.typeError("\(functionName)(): argument '\(parameter)' (position \(index + 1)) must be Tensor, not \(Scalars.typeName(v))")
    }

    /// Parameter `name` as a tensor.
    func tensor(_ name: String) throws(PyError) -> Tensor {
        guard let i = signature.index(of: name) else { throw PyError.typeError("missing argument '\(name)'") }
        return try tensor(i)
    }

    /// Parameter `name` as an optional tensor (`None` gives nil).
    func optionalTensor(_ name: String) throws(PyError) -> Tensor? {
        self[name].isNone ? nil : try tensor(name)
    }

    /// Parameter `name` as an int.
    func int(_ name: String, _ interp: Interpreter) throws(PyError) -> Int {
        try IntArgs.int(self[name], interp, functionName, name)
    }

    /// Parameter `name` as an optional int.
    func optionalInt(_ name: String, _ interp: Interpreter) throws(PyError) -> Int? {
        try IntArgs.optional(self[name], interp, functionName, name)
    }

    /// Parameter `name` as a bool (`True`/`False`; ints are accepted as in PyTorch's parser).
    func bool(_ name: String) throws(PyError) -> Bool {
        switch self[name] {
        case .bool(let b): return b
        case .int(let i): return !i.isZero
        case .none: return false
        case let v: throw PyError.typeError("\(functionName)(): argument '\(name)' must be bool, not \(Scalars.typeName(v))")
        }
    }

    /// Parameter `name` as a float.
    func double(_ name: String, _ interp: Interpreter) throws(PyError) -> Double {
        let v = self[name]
        if let t = v.tensorValue, t.numel == 1 { return try engine { try t.item() }.doubleValue }
        switch v {
        case .int, .float, .bool: return try interp.expectFloat(v)
        default: throw PyError.typeError("\(functionName)(): argument '\(name)' must be float, not \(Scalars.typeName(v))")
        }
    }

    /// Parameter `name` as a number.
    func scalar(_ name: String) throws(PyError) -> Scalar {
        try Scalars.expect(self[name], functionName, name)
    }

    /// Parameter `name` as an optional number.
    func optionalScalar(_ name: String) throws(PyError) -> Scalar? {
        try Scalars.optional(self[name], functionName, name)
    }

    /// Parameter `name` as a `dtype=` value.
    func dtype(_ name: String = "dtype") throws(PyError) -> DType? {
        try PyDType.argument(self[name], functionName, name)
    }

    /// Parameter `name` as a dimension list (`None`, an int or a tuple of ints).
    func dims(_ name: String, _ interp: Interpreter) throws(PyError) -> [Int]? {
        try IntArgs.dims(self[name], interp, functionName)
    }

    /// The tensor argument as a `PyValue`, for in-place ops that return `self`.
    var selfValue: PyValue { self[0] }
}

/// Wraps a list of tensors as a tuple (`split`, `chunk`, `unbind`).
func tensorTuple(_ tensors: [Tensor]) -> PyValue { .tuple(tensors.map { .tensor($0) }) }

/// A list or tuple of tensors (`torch.cat`, `torch.stack`), with PyTorch's TypeError.
func tensorSequence(_ v: PyValue, _ interp: Interpreter, _ function: String, _ parameter: String = "tensors") throws(PyError) -> [Tensor] {
    if v.tensorValue != nil || !interp.isIterable(v) {
        throw PyError.typeError("\(function)(): argument '\(parameter)' (position 1) must be tuple of Tensors, not \(Scalars.typeName(v))")
    }
    var out: [Tensor] = []
    for (i, item) in try interp.toArray(v).enumerated() {
        guard let t = item.tensorValue else {
            throw PyError.typeError("expected Tensor as element \(i) in argument 0, but got \(item.type.name)")
        }
        out.append(t)
    }
    return out
}
