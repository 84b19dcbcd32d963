import MiniPython
import TensorEngine

/// The object protocols of `torch.Tensor`: printing, truth, conversion to numbers, length,
/// iteration, membership, hashing and the constructor.
extension TensorType {
    /// The printed form of a tensor (`repr` and `str` are the same in PyTorch).
    static func text(_ v: PyValue, _ interp: Interpreter) throws(PyError) -> String {
        let t = try receiver(v, "__repr__")
        return formatTensor(t.printable(), options: PrintOptionsBox.current(interp))
    }

    /// The single element of a one-element tensor, with PyTorch's error otherwise.
    static func onlyElement(_ t: Tensor) throws(PyError) -> Scalar {
        guard t.numel == 1 else {
            throw PyError.runtimeError("a Tensor with \(t.numel) elements cannot be converted to Scalar")
        }
        return try engine { try t.item() }
    }

    static func addProtocols(_ type: PyType) {
        type.addMethod("__repr__(self, /)") { (interp, args) throws(PyError) in .str(try text(args[0], interp)) }
        type.addMethod("__str__(self, /)") { (interp, args) throws(PyError) in .str(try text(args[0], interp)) }
        /// `f"{loss:.4f}"` formats `loss.item()` for a 0-dim tensor, as PyTorch does.
        type.addMethod("__format__(self, format_spec, /)") { (interp, args) throws(PyError) in
            let t = try receiver(args[0], "__format__")
            let spec = try interp.expectStr(args[1], "format_spec")
            if t.dim == 0 { return .str(try interp.format(Scalars.pyValue(try engine { try t.item() }), spec)) }
            if spec.isEmpty { return .str(try text(args[0], interp)) }
            throw PyError.typeError("unsupported format string passed to Tensor.__format__")
        }
        type.addMethod("__bool__(self, /)") { (_, args) throws(PyError) in
            let t = try receiver(args[0], "__bool__")
            guard t.numel == 1 else {
                throw PyError.runtimeError(t.numel == 0 ? "Boolean value of Tensor with no values is ambiguous"
                                                        : "Boolean value of Tensor with more than one value is ambiguous")
            }
            return .bool(try engine { try t.item() }.boolValue)
        }
        type.addMethod("__int__(self, /)") { (_, args) throws(PyError) in
            let t = try receiver(args[0], "__int__")
            guard t.numel == 1 else { throw PyError.valueError("only one element tensors can be converted to Python scalars") }
            let s = try onlyElement(t)
            if case .double(let d) = s {
                if d.isNaN { throw PyError.valueError("cannot convert float NaN to integer") }
                if d.isInfinite { throw PyError.overflowError("cannot convert float infinity to integer") }
            }
            return PyValue(Int(s.int64Value))
        }
        type.addMethod("__float__(self, /)") { (_, args) throws(PyError) in
            let t = try receiver(args[0], "__float__")
            guard t.numel == 1 else { throw PyError.valueError("only one element tensors can be converted to Python scalars") }
            return .float(try onlyElement(t).doubleValue)
        }
        type.addMethod("__index__(self, /)") { (_, args) throws(PyError) in
            let t = try receiver(args[0], "__index__")
            guard t.numel == 1, !t.dtype.isFloatingPoint else {
                throw PyError.typeError("only integer tensors of a single element can be converted to an index")
            }
            return PyValue(Int(try onlyElement(t).int64Value))
        }
        type.addMethod("__len__(self, /)") { (_, args) throws(PyError) in
            let t = try receiver(args[0], "__len__")
            guard t.dim > 0 else { throw PyError.typeError("len() of a 0-d tensor") }
            return PyValue(t.shape[0])
        }
        /// Iterating a tensor walks its first dimension (PyTorch: `iter(self.unbind(0))`).
        type.addMethod("__iter__(self, /)") { (_, args) throws(PyError) in
            let t = try receiver(args[0], "__iter__")
            guard t.dim > 0 else { throw PyError.typeError("iteration over a 0-d tensor") }
            let rows = try engine { try t.unbind(0) }
            var i = 0
            return .object(PyIterator { _ in
                guard i < rows.count else { return nil }
                defer { i += 1 }
                return .tensor(rows[i])
            })
        }
        type.addMethod("__reversed__(self, /)") { (_, args) throws(PyError) in
            let t = try receiver(args[0], "__reversed__")
            if t.dim == 0 { return args[0] }
            return .tensor(try engine { try t.flip([0]) })
        }
        type.addMethod("__contains__(self, element, /)") { (_, args) throws(PyError) in
            let t = try receiver(args[0], "__contains__")
            guard let other = try Operand(args[1]) else {
                throw PyError.runtimeError("Tensor.__contains__ only supports Tensor or scalar, but you passed in a \(args[1].type.name).")
            }
            let found = try engine { () throws -> Bool in
                switch other {
                case .tensor(let y): return try t.eq(y).any().item().boolValue
                case .scalar(let s): return try t.eq(s).any().item().boolValue
                }
            }
            return .bool(found)
        }
        /// Tensors hash by identity; `==` is elementwise.
        type.addMethod("__hash__(self, /)") { (_, args) throws(PyError) in PyValue(args[0].object?.identity ?? 0) }
        /// torch.Tensor(data) / torch.Tensor(*size): the legacy constructor (float32).
        type.addStaticMethod("__new__(cls, *args, **kwargs)") { (interp, args) throws(PyError) in
            let cls = args[0].as(PyType.self) ?? type
            let t = try legacyConstructor(args.varArgs, .float32, interp)
            return .object(PyTensor(t, type: cls))
        }
        type.addMethod("__init__(self, *args, **kwargs)") { (_, _) throws(PyError) in .none }
    }

    /// `torch.Tensor(...)`, `torch.FloatTensor(...)`, `torch.LongTensor(...)`: data, or a size.
    static func legacyConstructor(_ positional: [PyValue], _ dtype: DType, _ interp: Interpreter) throws(PyError) -> Tensor {
        if positional.isEmpty { return try engine { try Tensor.zeros([0], dtype: dtype) } }
        if positional.count == 1, let t = positional[0].tensorValue { return try engine { try t.to(dtype) } }
        if positional.count == 1, IntArgs.isSequence(positional[0]) || positional[0].object is PyIterator {
            if positional[0].type === TorchSize.type {
                let shape = try IntArgs.list(positional[0], interp, "Tensor", "size")
                return try engine { try Tensor.zeros(shape, dtype: dtype) }
            }
            let nested = try NestedData.from(positional[0], interp)
            return try engine { try Tensor.from(nested: nested, dtype: dtype) }
        }
        let shape = try IntArgs.size(positional, interp, "Tensor")
        return try engine { try Tensor.zeros(shape, dtype: dtype) }
    }
}
