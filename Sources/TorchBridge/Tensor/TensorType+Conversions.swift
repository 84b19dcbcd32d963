import MiniPython
import TensorEngine

/// Tensor methods that convert, copy or describe: `item`, `tolist`, `size`, `to`, `float`...
/// (https://pytorch.org/docs/stable/tensors.html).
enum ConversionOps {
    static func cast(_ name: String, _ dtype: DType) -> TorchOp {
        TorchOp(name, "", .method) { (_, args) throws(PyError) in
            let x = try args.tensor(0)
            let y = try engine { try x.to(dtype) }
            return y === x ? args.selfValue : .tensor(y)
        }
    }

    static func unsupportedCast(_ name: String, _ dtype: String) -> TorchOp {
        TorchOp(name, "", .method) { (_, _) throws(PyError) in throw PyDType.unsupported(dtype) }
    }

    /// `Tensor.to(...)`'s overloads: `to(dtype)`, `to(device)`, `to(device, dtype)`,
    /// `to(other)`, and the keywords `dtype=`, `device=`, `copy=`, `non_blocking=`.
    static func to(_ x: Tensor, _ args: BoundArguments, _ interp: Interpreter) throws(PyError) -> Tensor {
        var dtype: DType? = nil
        for v in args.varArgs {
            if let t = v.tensorValue { dtype = t.dtype; continue }
            if v.as(PyDType.self) != nil || v.as(PyType.self) != nil { dtype = try PyDType.argument(v, "to"); continue }
            if case .bool = v { continue }
            try PyDevice.requireCPU(v)
        }
        if let d = args.optional("dtype"), !d.isNone { dtype = try PyDType.argument(d, "to") }
        if let device = args.optional("device") { try PyDevice.requireCPU(device) }
        let copy = try args.bool("copy")
        let target = dtype ?? x.dtype
        return try engine { () throws in
            let y = try x.to(target)
            return copy && y === x ? try x.clone() : y
        }
    }

    static let ops: [TorchOp] = {
        var ops: [TorchOp] = []
        /// Tensor.item() -> number
        ops.append(TorchOp("item", "", .method) { (_, args) throws(PyError) in
            let x = try args.tensor(0)
            return Scalars.pyValue(try engine { try x.item() })
        })
        /// Tensor.tolist() -> list or number
        ops.append(TorchOp("tolist", "", .method) { (_, args) throws(PyError) in
            Scalars.pyValue(try args.tensor(0).tolist())
        })
        ops.append(TorchOp("numel", "") { (_, args) throws(PyError) in PyValue(try args.tensor(0).numel) })
        ops.append(TorchOp("nelement", "", .method) { (_, args) throws(PyError) in PyValue(try args.tensor(0).numel) })
        ops.append(TorchOp("dim", "", .method) { (_, args) throws(PyError) in PyValue(try args.tensor(0).dim) })
        ops.append(TorchOp("ndimension", "", .method) { (_, args) throws(PyError) in PyValue(try args.tensor(0).dim) })
        ops.append(TorchOp("element_size", "", .method) { (_, args) throws(PyError) in PyValue(try args.tensor(0).dtype.itemSize) })
        /// Tensor.size(dim=None) -> torch.Size or int
        ops.append(TorchOp("size", "dim=None", .method) { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            guard let d = try args.optionalInt("dim", interp) else { return TorchSize.make(x.shape) }
            return PyValue(x.shape[try engine { try x.normalizeDim(d) }])
        })
        ops.append(TorchOp("stride", "dim=None", .method) { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            guard let d = try args.optionalInt("dim", interp) else { return .tuple(x.strides.map { PyValue($0) }) }
            return PyValue(x.strides[try engine { try x.normalizeDim(d) }])
        })
        ops.append(TorchOp("storage_offset", "", .method) { (_, args) throws(PyError) in PyValue(try args.tensor(0).offset) })
        ops.append(TorchOp("is_contiguous", "memory_format=None", .method) { (_, args) throws(PyError) in .bool(try args.tensor(0).isContiguous) })
        ops.append(TorchOp("is_floating_point", "") { (_, args) throws(PyError) in .bool(try args.tensor(0).isFloatingPoint) })
        ops.append(TorchOp("is_complex", "") { (_, _) throws(PyError) in .bool(false) })
        ops.append(TorchOp("is_nonzero", "") { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            guard x.numel == 1 else {
                throw PyError.runtimeError(x.numel == 0 ? "Boolean value of Tensor with no values is ambiguous"
                                                        : "Boolean value of Tensor with more than one value is ambiguous")
            }
            return .bool(try engine { try x.item() }.boolValue)
        })
        ops.append(TorchOp("get_device", "", .method) { (_, _) throws(PyError) in PyValue(-1) })
        ops.append(TorchOp("contiguous", "memory_format=None", .method) { (_, args) throws(PyError) in
            let x = try args.tensor(0)
            let y = try engine { try x.contiguous() }
            return y === x ? args.selfValue : .tensor(y)
        })
        /// torch.clone(input, *, memory_format=None)
        ops.append(TorchOp("clone", "*, memory_format=None") { (_, args) throws(PyError) in
            let x = try args.tensor(0)
            return .tensor(try engine { try x.clone() })
        })
        ops.append(cast("float", .float32))
        ops.append(cast("double", .float64))
        ops.append(cast("long", .int64))
        ops.append(cast("int", .int32))
        ops.append(cast("bool", .bool))
        ops.append(cast("byte", .uint8))
        ops.append(cast("half", .float16))
        ops.append(cast("short", .int16))
        ops.append(cast("char", .int8))
        ops.append(unsupportedCast("bfloat16", "bfloat16"))
        /// Tensor.to(*args, dtype=None, device=None, non_blocking=False, copy=False)
        ops.append(TorchOp("to", "*args, dtype=<unset>, device=<unset>, non_blocking=False, copy=False, memory_format=None", .method) { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            let y = try to(x, args, interp)
            return y === x ? args.selfValue : .tensor(y)
        })
        /// Tensor.type(dtype=None): the type name (`torch.FloatTensor`) or a converted tensor.
        ops.append(TorchOp("type", "dtype=None, non_blocking=False", .method) { (_, args) throws(PyError) in
            let x = try args.tensor(0)
            if args["dtype"].isNone { return .str(x.dtype.legacyTypeName) }
            var target: DType?
            if case .str(let name) = args["dtype"] {
                target = DType.allCases.first { $0.legacyTypeName == name }
                if target == nil { throw PyError.valueError("invalid type: '\(name)'") }
            } else {
                target = try args.dtype()
            }
            let t = target ?? x.dtype
            let y = try engine { try x.to(t) }
            return y === x ? args.selfValue : .tensor(y)
        })
        ops.append(TorchOp("type_as", "other", .method) { (_, args) throws(PyError) in
            let x = try args.tensor(0), o = try args.tensor("other")
            let y = try engine { try x.to(o.dtype) }
            return y === x ? args.selfValue : .tensor(y)
        })
        ops.append(TorchOp("cpu", "memory_format=None", .method) { (_, args) throws(PyError) in args.selfValue })
        ops.append(TorchOp("cuda", "device=None, non_blocking=False, memory_format=None", .method) { (_, _) throws(PyError) in
            throw TorchErrors.noCUDA
        })
        /// Tensor.numpy(*, force=False): a numpy array sharing the tensor's memory.
        ops.append(TorchOp("numpy", "*, force=False", .method) { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            let force = try interp.isTrue(args["force"])
            if x.requiresGrad && !force {
                throw PyError.runtimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
            }
            return try NumPyModule.array(x.detach(), interp)
        })
        ops.append(TorchOp("pin_memory", "", .method) { (_, args) throws(PyError) in args.selfValue })
        ops.append(TorchOp("share_memory_", "", .method) { (_, args) throws(PyError) in args.selfValue })
        /// Tensor.copy_(src, non_blocking=False)
        ops.append(TorchOp("copy_", "src, non_blocking=False", .method) { (_, args) throws(PyError) in
            let x = try args.tensor(0), src = try args.tensor("src")
            try engine { _ = try x.copy_(src) }
            return args.selfValue
        })
        /// Tensor.fill_(value)
        ops.append(TorchOp("fill_", "value", .method) { (_, args) throws(PyError) in
            let x = try args.tensor(0), v = try args.scalar("value")
            try engine { _ = try x.fill_(v) }
            return args.selfValue
        })
        ops.append(TorchOp("zero_", "", .method) { (_, args) throws(PyError) in
            let x = try args.tensor(0)
            try engine { _ = try x.zero_() }
            return args.selfValue
        })
        return ops
    }()
}
