import MiniPython
import TensorEngine

/// Rearranging, broadcasting and slice updates: `roll`, `rot90`, `atleast_*d`,
/// `broadcast_to`, `broadcast_tensors`, `meshgrid`, `cartesian_prod`, `diff`,
/// `index_add(_)`, `index_copy(_)`.
///
/// Reference: https://pytorch.org/docs/stable/torch.html#other-operations
enum ArrangementOps {
    static let ops: [TorchOp] = rearranging + broadcasting + sliceUpdates

    // MARK: - Rearranging

    static let rearranging: [TorchOp] = {
        var ops: [TorchOp] = []
        /// torch.roll(input, shifts, dims=None)
        ops.append(TorchOp("roll", "shifts, dims=None") { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            let shifts = try IntArgs.list(args["shifts"], interp, "roll", "shifts")
            let dims = try args.dims("dims", interp) ?? []
            return .tensor(try engine { try x.roll(shifts, dims: dims) })
        })
        /// torch.rot90(input, k=1, dims=[0, 1])
        ops.append(TorchOp("rot90", "k=1, dims=None") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), k = try args.int("k", interp)
            let dims = args["dims"].isNone ? [0, 1] : try IntArgs.list(args["dims"], interp, "rot90", "dims")
            return .tensor(try engine { try x.rot90(k, dims: dims) })
        })
        /// torch.diff(input, n=1, dim=-1, prepend=None, append=None)
        ops.append(TorchOp("diff", "n=1, dim=-1, prepend=None, append=None") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), n = try args.int("n", interp), d = try args.int("dim", interp)
            let before = try args.optionalTensor("prepend"), after = try args.optionalTensor("append")
            return .tensor(try engine { try x.diff(n: n, dim: d, prepend: before, append: after) })
        })
        /// torch.atleast_1d(*tensors) and atleast_2d / atleast_3d: one tensor, or a tuple.
        let atLeast: [(String, (Tensor) throws(TensorError) -> Tensor)] = [
            ("atleast_1d", { (x) throws(TensorError) in try x.atleast1d() }),
            ("atleast_2d", { (x) throws(TensorError) in try x.atleast2d() }),
            ("atleast_3d", { (x) throws(TensorError) in try x.atleast3d() }),
        ]
        for (name, op) in atLeast {
            ops.append(TorchOp.function(name, signature: "*tensors") { (interp, args) throws(PyError) in
                if args.varArgs.count == 1, let x = args.varArgs[0].tensorValue { return .tensor(try engine { try op(x) }) }
                let tensors = try tensorList(args.varArgs, interp, name)
                return tensorTuple(try engine { try tensors.map { (x) throws(TensorError) in try op(x) } })
            })
        }
        return ops
    }()

    // MARK: - Broadcasting

    static let broadcasting: [TorchOp] = {
        var ops: [TorchOp] = []
        /// torch.broadcast_to(input, size)
        ops.append(TorchOp("broadcast_to", "size") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), size = try IntArgs.list(args["size"], interp, "broadcast_to", "size")
            return .tensor(try engine { try x.broadcastTo(size) })
        })
        /// torch.broadcast_tensors(*tensors)
        ops.append(TorchOp.function("broadcast_tensors", signature: "*tensors") { (interp, args) throws(PyError) in
            let tensors = try tensorList(args.varArgs, interp, "broadcast_tensors")
            return tensorTuple(try engine { try Tensor.broadcastTensors(tensors) })
        })
        /// torch.meshgrid(*tensors, indexing=None): 'ij' unless indexing='xy'.
        ops.append(TorchOp.function("meshgrid", signature: "*tensors, indexing=None") { (interp, args) throws(PyError) in
            let tensors = try tensorList(args.varArgs, interp, "meshgrid")
            let indexing = args["indexing"].isNone ? "ij" : try interp.expectStr(args["indexing"], "indexing")
            return tensorTuple(try engine { try Tensor.meshgrid(tensors, indexing: indexing) })
        })
        /// torch.cartesian_prod(*tensors)
        ops.append(TorchOp.function("cartesian_prod", signature: "*tensors") { (interp, args) throws(PyError) in
            let tensors = try tensorList(args.varArgs, interp, "cartesian_prod")
            return .tensor(try engine { try Tensor.cartesianProd(tensors) })
        })
        return ops
    }()

    /// Tensors passed as varargs, or as one list or tuple (`meshgrid([x, y])`).
    static func tensorList(_ varArgs: [PyValue], _ interp: Interpreter, _ function: String) throws(PyError) -> [Tensor] {
        if varArgs.count == 1, varArgs[0].tensorValue == nil { return try tensorSequence(varArgs[0], interp, function) }
        return try varArgs.enumerated().map { (i, v) throws(PyError) in
            guard let t = v.tensorValue else {
                throw PyError.typeError("expected Tensor as element \(i) in argument 0, but got \(v.type.name)")
            }
            return t
        }
    }

    // MARK: - Slice updates

    static let sliceUpdates: [TorchOp] = {
        var ops: [TorchOp] = []
        /// torch.index_add(input, dim, index, source, *, alpha=1) and Tensor.index_add_
        ops.append(TorchOp("index_add", "dim, index, source, *, alpha=1") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), d = try args.int("dim", interp)
            let index = try args.tensor("index"), source = try args.tensor("source"), alpha = try args.scalar("alpha")
            return .tensor(try engine { try x.indexAdd(d, index, source, alpha: alpha) })
        })
        ops.append(TorchOp("index_add_", "dim, index, source, *, alpha=1", .method) { (interp, args) throws(PyError) in
            let x = try args.tensor(0), d = try args.int("dim", interp)
            let index = try args.tensor("index"), source = try args.tensor("source"), alpha = try args.scalar("alpha")
            try engine { _ = try x.indexAdd_(d, index, source, alpha: alpha) }
            return args.selfValue
        })
        /// torch.index_copy(input, dim, index, source) and Tensor.index_copy_
        ops.append(TorchOp("index_copy", "dim, index, source") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), d = try args.int("dim", interp)
            let index = try args.tensor("index"), source = try args.tensor("source")
            return .tensor(try engine { try x.indexCopy(d, index, source) })
        })
        ops.append(TorchOp("index_copy_", "dim, index, source", .method) { (interp, args) throws(PyError) in
            let x = try args.tensor(0), d = try args.int("dim", interp)
            let index = try args.tensor("index"), source = try args.tensor("source")
            try engine { _ = try x.indexCopy_(d, index, source) }
            return args.selfValue
        })
        return ops
    }()
}
