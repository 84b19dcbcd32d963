import MiniPython
import TensorEngine

/// Matrix structure and products: triangles, diagonals, `trace`, `einsum`, `tensordot`,
/// `kron`, `cross`, `baddbmm`/`addmv`/`addr`, `cdist`.
///
/// Reference: https://pytorch.org/docs/stable/torch.html#blas-and-lapack-operations
enum MatrixOps {
    static let ops: [TorchOp] = triangles + diagonals + products

    // MARK: - Triangles

    static let triangles: [TorchOp] = {
        var ops: [TorchOp] = []
        /// torch.tril(input, diagonal=0) / torch.triu(input, diagonal=0), and their in-place forms
        for (name, lower) in [("tril", true), ("triu", false)] {
            ops.append(TorchOp(name, "diagonal=0") { (interp, args) throws(PyError) in
                let x = try args.tensor(0), k = try args.int("diagonal", interp)
                return .tensor(try engine { lower ? try x.tril(k) : try x.triu(k) })
            })
            ops.append(TorchOp(name + "_", "diagonal=0", .method) { (interp, args) throws(PyError) in
                let x = try args.tensor(0), k = try args.int("diagonal", interp)
                try engine { _ = lower ? try x.tril_(k) : try x.triu_(k) }
                return args.selfValue
            })
            /// torch.tril_indices(row, col, offset=0, *, dtype=torch.long, device='cpu', layout=torch.strided)
            ops.append(TorchOp.function(name + "_indices", signature: "row, col, offset=0, *, dtype=None, device=None, layout=None") { (interp, args) throws(PyError) in
                let r = try args.int("row", interp), c = try args.int("col", interp), k = try args.int("offset", interp)
                let dtype = try args.dtype() ?? .int64
                try PyDevice.requireCPU(args["device"])
                return .tensor(try engine { lower ? try Tensor.trilIndices(r, c, offset: k, dtype: dtype) : try Tensor.triuIndices(r, c, offset: k, dtype: dtype) })
            })
        }
        return ops
    }()

    // MARK: - Diagonals

    static let diagonals: [TorchOp] = {
        var ops: [TorchOp] = []
        /// torch.diag(input, diagonal=0)
        ops.append(TorchOp("diag", "diagonal=0") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), k = try args.int("diagonal", interp)
            return .tensor(try engine { try x.diag(k) })
        })
        /// torch.diagonal(input, offset=0, dim1=0, dim2=1)
        ops.append(TorchOp("diagonal", "offset=0, dim1=0, dim2=1") { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            let k = try args.int("offset", interp), d1 = try args.int("dim1", interp), d2 = try args.int("dim2", interp)
            return .tensor(try engine { try x.diagonal(offset: k, dim1: d1, dim2: d2) })
        })
        /// torch.diag_embed(input, offset=0, dim1=-2, dim2=-1)
        ops.append(TorchOp("diag_embed", "offset=0, dim1=-2, dim2=-1") { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            let k = try args.int("offset", interp), d1 = try args.int("dim1", interp), d2 = try args.int("dim2", interp)
            return .tensor(try engine { try x.diagEmbed(offset: k, dim1: d1, dim2: d2) })
        })
        /// torch.trace(input)
        ops.append(TorchOp("trace", "") { (_, args) throws(PyError) in
            let x = try args.tensor(0)
            return .tensor(try engine { try x.trace() })
        })
        return ops
    }()

    // MARK: - Products

    static let products: [TorchOp] = {
        var ops: [TorchOp] = []
        /// torch.einsum(equation, *operands): operands may also come as one list.
        ops.append(TorchOp.function("einsum", signature: "equation, *operands") { (interp, args) throws(PyError) in
            let equation = try interp.expectStr(args["equation"], "equation")
            var operands = args.varArgs
            if operands.count == 1, operands[0].tensorValue == nil { operands = try interp.toArray(operands[0]) }
            let tensors = try operands.enumerated().map { (i, v) throws(PyError) in
                guard let t = v.tensorValue else {
                    throw PyError.typeError("einsum(): argument 'operands' must be tuple of Tensors, but found element of type \(Scalars.typeName(v)) at pos \(i)")
                }
                return t
            }
            return .tensor(try engine { try Tensor.einsum(equation, tensors) })
        })
        /// torch.tensordot(a, b, dims=2)
        ops.append(TorchOp.function("tensordot", signature: "a, b, dims=2, out=None") { (interp, args) throws(PyError) in
            let a = try args.tensor(0), b = try args.tensor(1)
            let dims = args["dims"]
            if case .int = dims {
                let n = try interp.expectInt(dims)
                return .tensor(try engine { try a.tensordot(b, dims: n) })
            }
            let pair = try interp.toArray(dims)
            guard pair.count == 2 else { throw PyError.runtimeError("tensordot expects dims to be a pair of lists of dimensions") }
            let da = try IntArgs.list(pair[0], interp, "tensordot", "dims"), db = try IntArgs.list(pair[1], interp, "tensordot", "dims")
            return .tensor(try engine { try a.tensordot(b, dims: da, db) })
        })
        /// torch.kron(input, other)
        ops.append(TorchOp("kron", "other") { (_, args) throws(PyError) in
            let x = try args.tensor(0), y = try args.tensor("other")
            return .tensor(try engine { try x.kron(y) })
        })
        /// torch.cross(input, other, dim=None): without dim, the first dim of size 3.
        ops.append(TorchOp("cross", "other, dim=None") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), y = try args.tensor("other")
            guard let d = try args.optionalInt("dim", interp) else { return .tensor(try engine { try x.crossDefaultDim(y) }) }
            return .tensor(try engine { try x.cross(y, dim: d) })
        })
        /// torch.baddbmm(input, batch1, batch2, *, beta=1, alpha=1) and addmv / addr
        let scaled: [(String, String, (Tensor, Tensor, Tensor, Scalar, Scalar) throws(TensorError) -> Tensor)] = [
            ("baddbmm", "batch1, batch2", { (i, a, b, beta, alpha) throws(TensorError) in try Tensor.baddbmm(i, a, b, beta: beta, alpha: alpha) }),
            ("addmv", "mat, vec", { (i, a, b, beta, alpha) throws(TensorError) in try Tensor.addmv(i, a, b, beta: beta, alpha: alpha) }),
            ("addr", "vec1, vec2", { (i, a, b, beta, alpha) throws(TensorError) in try Tensor.addr(i, a, b, beta: beta, alpha: alpha) }),
        ]
        for (name, operands, op) in scaled {
            ops.append(TorchOp(name, operands + ", *, beta=1, alpha=1") { (_, args) throws(PyError) in
                let x = try args.tensor(0), a = try args.tensor(1), b = try args.tensor(2)
                let beta = try args.scalar("beta"), alpha = try args.scalar("alpha")
                return .tensor(try engine { try op(x, a, b, beta, alpha) })
            })
            ops.append(TorchOp(name + "_", operands + ", *, beta=1, alpha=1", .method) { (_, args) throws(PyError) in
                let x = try args.tensor(0), a = try args.tensor(1), b = try args.tensor(2)
                let beta = try args.scalar("beta"), alpha = try args.scalar("alpha")
                try engine { _ = try x.copy_(try op(x, a, b, beta, alpha)) }
                return args.selfValue
            })
        }
        /// torch.cdist(x1, x2, p=2.0, compute_mode='use_mm_for_euclid_dist_if_necessary')
        ops.append(TorchOp.function("cdist", signature: "x1, x2, p=2.0, compute_mode='use_mm_for_euclid_dist_if_necessary'") { (interp, args) throws(PyError) in
            let a = try args.tensor(0), b = try args.tensor(1), p = try args.double("p", interp)
            return .tensor(try engine { try Tensor.cdist(a, b, p: p) })
        })
        return ops
    }()

    /// Adds the `torch.linalg` functions of this table.
    static func addLinalg(to module: PyModule) {
        /// torch.linalg.cross(input, other, *, dim=-1)
        module.addFunction("cross(input, other, *, dim=-1)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), y = try args.tensor(1), d = try args.int("dim", interp)
            return .tensor(try engine { try x.cross(y, dim: d) })
        }
    }
}
