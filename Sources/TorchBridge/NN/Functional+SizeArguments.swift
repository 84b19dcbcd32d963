import MiniPython
import TensorEngine

/// The size arguments of convolution and pooling functions: PyTorch's "tuple of ints"
/// parameters (`stride=2` or `stride=(2, 1)`), with its TypeError wording.
extension BoundArguments {
    /// Parameter `name` as a list of ints (a single int gives one element).
    func ints(_ name: String, _ interp: Interpreter) throws(PyError) -> [Int] {
        let v = self[name]
        if IntArgs.isSequence(v) { return try IntArgs.list(v, interp, functionName, name) }
        switch v {
        case .int, .bool: return [try interp.expectInt(v)]
        default:
            if v.tensorValue != nil || v.type.lookup("__index__") != nil {
                return [try IntArgs.int(v, interp, functionName, name)]
            }
            throw PyError.typeError("\(functionName)(): argument '\(name)'\(position(of: name)) must be tuple of ints, not \(Scalars.typeName(v))")
        }
    }

    /// ` (position N)` for a required parameter, which callers pass positionally, as PyTorch
    /// names the position of a positional argument (the binding does not keep how each
    /// argument was passed).
    private func position(of name: String) -> String {
        guard let i = signature.index(of: name), case .required = signature.parameters[i].defaultValue else { return "" }
        return " (position \(i + 1))"
    }

    /// Parameter `name` as a list of ints, or `[]` for `None` (PyTorch's empty stride,
    /// meaning "the kernel size").
    func intsOrEmpty(_ name: String, _ interp: Interpreter) throws(PyError) -> [Int] {
        self[name].isNone ? [] : try ints(name, interp)
    }

    /// Parameter `name` as two ints, as `torch.nn.modules.utils._pair` makes them: a
    /// sequence is kept as it is (its length is checked by the op), a number is doubled.
    func pair(_ name: String, _ interp: Interpreter) throws(PyError) -> [Int] {
        let v = self[name]
        if IntArgs.isSequence(v) { return try IntArgs.list(v, interp, functionName, name) }
        let n = try ints(name, interp)
        return n + n
    }
}

extension FunctionalModule {
    /// Wraps `(values, indices)` as PyTorch's functional pooling returns it: a plain tuple.
    static func pair(_ values: Tensor, _ indices: Tensor) -> PyValue {
        .tuple([.tensor(values), .tensor(indices)])
    }
}
