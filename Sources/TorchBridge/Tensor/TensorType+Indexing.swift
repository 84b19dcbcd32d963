import MiniPython
import TensorEngine

/// `tensor[key]` and `tensor[key] = value`: Python subscripts translated to the engine's
/// ``TensorIndex`` list (https://pytorch.org/docs/stable/tensor_view.html and NumPy's rules).
///
/// | Python | TensorIndex |
/// |---|---|
/// | `3`, `-1`, objects with `__index__` | `.int` |
/// | `1:5:2` | `.slice` |
/// | `None` | `.newAxis` |
/// | `...` | `.ellipsis` |
/// | a tensor (int64 or bool), a list of ints/bools, a range | `.tensor` |
/// | a tuple | one component per item |
extension TensorType {
    static func indices(_ key: PyValue, _ interp: Interpreter) throws(PyError) -> [TensorIndex] {
        if let tuple = key.as(PyTuple.self), key.type === PyType.tuple || key.type === TorchSize.type {
            var out: [TensorIndex] = []
            for item in tuple.items { out.append(try component(item, interp)) }
            return out
        }
        return [try component(key, interp)]
    }

    static func component(_ v: PyValue, _ interp: Interpreter) throws(PyError) -> TensorIndex {
        switch v {
        case .none: return .newAxis
        case .int: return .int(try interp.expectInt(v))
        case .bool(let b): return .tensor(try engine { try Tensor.scalar(.bool(b), dtype: .bool) })
        case .str:
            throw PyError.typeError("new(): invalid data type 'str'")
        case .float:
            throw PyError.indexError("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got \(v.type.name))")
        case .object(let o):
            if o === PySingleton.ellipsis { return .ellipsis }
            if let slice = o as? PySlice {
                func bound(_ b: PyValue) throws(PyError) -> Int? {
                    if b.isNone { return nil }
                    return try interp.index(b, "slice indices must be integers or None or have an __index__ method")
                }
                let step = try bound(slice.step)
                if step == 0 { throw PyError.valueError("step must be greater than zero") }
                if let step, step < 0 { throw PyError.valueError("step must be greater than zero") }
                return .slice(start: try bound(slice.start), stop: try bound(slice.stop), step: step)
            }
            if let t = (o as? PyTensor)?.tensor {
                if t.dtype.isFloatingPoint {
                    throw PyError.indexError("tensors used as indices must be long, int, byte or bool tensors")
                }
                return .tensor(t)
            }
            if o is PyList || o is PyTuple || o is PyRange {
                let nested = try NestedData.from(v, interp)
                let t = try engine { try Tensor.from(nested: nested) }
                if t.dtype.isFloatingPoint {
                    throw PyError.indexError("tensors used as indices must be long, int, byte or bool tensors")
                }
                return .tensor(t.numel == 0 ? try engine { try t.to(.int64) } : t)
            }
            if o.type.lookup("__index__") != nil { return .int(try interp.expectInt(v)) }
            throw PyError.indexError("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got \(o.type.name))")
        }
    }

    static func addIndexing(_ type: PyType) {
        type.addMethod("__getitem__(self, key, /)") { (interp, args) throws(PyError) in
            let t = try receiver(args[0], "__getitem__")
            let idx = try indices(args[1], interp)
            return .tensor(try engine { try t.index(idx) })
        }
        type.addMethod("__setitem__(self, key, value, /)") { (interp, args) throws(PyError) in
            let t = try receiver(args[0], "__setitem__")
            let idx = try indices(args[1], interp)
            let value: Tensor
            if let v = args[2].tensorValue {
                value = v
            } else if let s = try Scalars.from(args[2]) {
                value = try engine { try Tensor.scalar(s, dtype: t.dtype) }
            } else if IntArgs.isSequence(args[2]) {
                let nested = try NestedData.from(args[2], interp)
                value = try engine { try Tensor.from(nested: nested, dtype: t.dtype) }
            } else {
                throw PyError.typeError("can't assign a \(args[2].type.name) to a \(t.dtype.legacyTypeName)")
            }
            try engine { try t.indexPut(idx, value) }
            return .none
        }
        type.addMethod("__delitem__(self, key, /)") { (_, _) throws(PyError) in
            throw PyError.typeError("'Tensor' object does not support item deletion")
        }
    }
}
