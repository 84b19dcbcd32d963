import MiniPython
import TensorEngine

/// Python data for `torch.tensor(data)`: numbers, (nested) lists and tuples of numbers,
/// tensors and numpy arrays inside lists, ranges and any other iterable.
enum NestedData {
    /// Converts `data` into the engine's ``NestedValue``.
    ///
    /// - Throws: `TypeError` with PyTorch's wording for values that are not numbers or sequences.
    static func from(_ data: PyValue, _ interp: Interpreter, depth: Int = 0) throws(PyError) -> NestedValue {
        if let s = try Scalars.from(NumPyModule.number(data) ?? data) { return .scalar(s) }
        if let t = data.tensorValue ?? NumPyModule.tensor(data) { return t.tolist() }
        if depth > 64 { throw PyError.valueError("too many dimensions (nesting deeper than 64)") }
        switch data {
        case .str:
            throw PyError.typeError("new(): invalid data type 'str'")
        case .none:
            throw PyError.runtimeError("Could not infer dtype of NoneType")
        case .object(let o):
            if let list = o as? PyList { return .list(try list.items.map { (v) throws(PyError) in try from(v, interp, depth: depth + 1) }) }
            if let tuple = o as? PyTuple { return .list(try tuple.items.map { (v) throws(PyError) in try from(v, interp, depth: depth + 1) }) }
            if interp.isIterable(data), !(o is PyDict) {
                return .list(try interp.toArray(data).map { (v) throws(PyError) in try from(v, interp, depth: depth + 1) })
            }
            throw PyError.runtimeError("Could not infer dtype of \(o.type.name)")
        default:
            throw PyError.runtimeError("Could not infer dtype of \(data.type.name)")
        }
    }
}

/// Sizes, dimension lists and other integer arguments.
enum IntArgs {
    /// A size given PyTorch's ways: `f(2, 3)`, `f((2, 3))`, `f([2, 3])`, `f(torch.Size([2, 3]))`.
    static func size(_ varArgs: [PyValue], _ interp: Interpreter, _ function: String) throws(PyError) -> [Int] {
        if varArgs.count == 1, varArgs[0].tensorValue == nil, isSequence(varArgs[0]) {
            return try list(varArgs[0], interp, function, "size")
        }
        var out: [Int] = []
        for (i, v) in varArgs.enumerated() {
            out.append(try int(v, interp, function, "size", position: i))
        }
        return out
    }

    /// A size from varargs or, if none were given, from a `size=` keyword.
    static func size(_ varArgs: [PyValue], keyword: PyValue?, _ interp: Interpreter, _ function: String) throws(PyError) -> [Int] {
        if varArgs.isEmpty, let keyword, !keyword.isNone {
            if isSequence(keyword) { return try list(keyword, interp, function, "size") }
            return [try int(keyword, interp, function, "size")]
        }
        if varArgs.isEmpty && keyword == nil {
            throw PyError.typeError("\(function)() missing 1 required positional arguments: \"size\"")
        }
        return try size(varArgs, interp, function)
    }

    /// One integer (a Python int, bool, one-element integer tensor or `__index__` object).
    static func int(_ v: PyValue, _ interp: Interpreter, _ function: String, _ parameter: String,
                    position: Int? = nil) throws(PyError) -> Int {
        switch v {
        case .int, .bool: return try interp.expectInt(v)
        default: break
        }
        if let t = v.tensorValue {
            if t.numel == 1, !t.dtype.isFloatingPoint, case .int(let i) = try engine({ try t.item() }) { return Int(i) }
            if t.numel == 1, case .bool(let b) = try engine({ try t.item() }) { return b ? 1 : 0 }
        } else if v.type.lookup("__index__") != nil {
            return try interp.expectInt(v)
        }
        let at = position.map { " (position \($0 + 1))" } ?? ""
        throw PyError.typeError("\(function)(): argument '\(parameter)'\(at) must be int, not \(Scalars.typeName(v))")
    }

    /// An optional integer (`None` gives nil).
    static func optional(_ v: PyValue, _ interp: Interpreter, _ function: String, _ parameter: String) throws(PyError) -> Int? {
        v.isNone ? nil : try int(v, interp, function, parameter)
    }

    /// A sequence of integers (tuple, list, `torch.Size`, range...), or a single int as a one-item list.
    static func list(_ v: PyValue, _ interp: Interpreter, _ function: String, _ parameter: String) throws(PyError) -> [Int] {
        if !isSequence(v) { return [try int(v, interp, function, parameter)] }
        var out: [Int] = []
        for item in try interp.toArray(v) {
            guard case .int = item else {
                if case .bool = item { out.append(try interp.expectInt(item)); continue }
                if item.tensorValue != nil || item.type.lookup("__index__") != nil {
                    out.append(try int(item, interp, function, parameter)); continue
                }
                throw PyError.typeError("\(function)(): argument '\(parameter)' must be tuple of ints, but found element of type \(Scalars.typeName(item)) at pos \(out.count)")
            }
            out.append(try interp.expectInt(item))
        }
        return out
    }

    /// `dim=None | int | tuple of ints`: nil for None (all dimensions).
    static func dims(_ v: PyValue?, _ interp: Interpreter, _ function: String) throws(PyError) -> [Int]? {
        guard let v, !v.isNone else { return nil }
        return try list(v, interp, function, "dim")
    }

    /// Varargs dims as in `permute(2, 0, 1)` or `permute((2, 0, 1))`.
    static func varDims(_ varArgs: [PyValue], keyword: PyValue?, _ interp: Interpreter, _ function: String) throws(PyError) -> [Int] {
        if varArgs.isEmpty, let keyword { return try list(keyword, interp, function, "dims") }
        return try size(varArgs, interp, function)
    }

    static func isSequence(_ v: PyValue) -> Bool {
        guard case .object(let o) = v, v.tensorValue == nil else { return false }
        return o is PyTuple || o is PyList || o is PyRange
    }
}
