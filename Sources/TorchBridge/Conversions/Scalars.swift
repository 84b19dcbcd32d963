import MiniPython
import TensorEngine

/// Python numbers <-> engine ``Scalar`` values, and engine results back to Python.
enum Scalars {
    /// The scalar for a Python `bool`, `int` or `float`; nil for anything else.
    ///
    /// Ints beyond 64 bits raise PyTorch's `Overflow when unpacking long`.
    static func from(_ v: PyValue) throws(PyError) -> Scalar? {
        switch v {
        case .bool(let b): return .bool(b)
        case .int(let i):
            guard let n = i.asInt else { throw PyError.runtimeError("Overflow when unpacking long") }
            return .int(Int64(n))
        case .float(let d): return .double(d)
        default: return nil
        }
    }

    /// A number argument: a Python number or a one-element tensor (PyTorch accepts both).
    static func expect(_ v: PyValue, _ function: String, _ parameter: String) throws(PyError) -> Scalar {
        if let s = try from(v) { return s }
        if let t = v.tensorValue, t.numel == 1 { return try engine { try t.item() } }
        throw PyError.typeError("\(function)(): argument '\(parameter)' must be Number, not \(typeName(v))")
    }

    /// An optional number argument (`None` gives nil).
    static func optional(_ v: PyValue, _ function: String, _ parameter: String) throws(PyError) -> Scalar? {
        if v.isNone { return nil }
        return try expect(v, function, parameter)
    }

    /// A Python number for an engine scalar (`item()`, `tolist()`).
    static func pyValue(_ s: Scalar) -> PyValue {
        switch s {
        case .bool(let b): return .bool(b)
        case .int(let i): return PyValue(Int(i))
        case .double(let d): return .float(d)
        }
    }

    /// Nested Python lists for `tolist()`.
    static func pyValue(_ n: NestedValue) -> PyValue {
        switch n {
        case .scalar(let s): return pyValue(s)
        case .list(let items): return .list(items.map(pyValue))
        }
    }

    /// A 0-dim tensor for a Python number taking part in a tensor op, typed so promotion
    /// treats it like PyTorch's wrapped number (int64, float64 or bool: see Note [Type
    /// promotion] in the engine; 0-dim operands only raise the category).
    static func tensor(_ s: Scalar) throws(PyError) -> Tensor {
        let dtype: DType
        switch s {
        case .bool: dtype = .bool
        case .int: dtype = .int64
        case .double: dtype = .float64
        }
        return try engine { try Tensor.scalar(s, dtype: dtype) }
    }

    /// PyTorch's spelling of a value's type in argument errors (`Tensor`, `int`, `str`).
    static func typeName(_ v: PyValue) -> String {
        v.tensorValue != nil ? "Tensor" : v.type.name
    }
}

/// An operand of a binary op: a tensor or a Python number (numpy arrays and scalars count as these).
enum Operand {
    case tensor(Tensor)
    case scalar(Scalar)

    /// nil when `v` is neither (the operator then returns `NotImplemented`).
    init?(_ v: PyValue) throws(PyError) {
        if let t = v.tensorValue ?? NumPyModule.tensor(v) {
            self = .tensor(t)
        } else if let s = try Scalars.from(NumPyModule.number(v) ?? v) {
            self = .scalar(s)
        } else {
            return nil
        }
    }

    /// The operand as a tensor (numbers become wrapped 0-dim tensors).
    func asTensor() throws(PyError) -> Tensor {
        switch self {
        case .tensor(let t): return t
        case .scalar(let s): return try Scalars.tensor(s)
        }
    }
}
