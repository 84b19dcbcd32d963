import MiniPython
import TensorEngine

/// Views, reshaping, joining and splitting: https://pytorch.org/docs/stable/torch.html#indexing-slicing-joining-mutating-ops
enum ShapeOps {
    static let ops: [TorchOp] = {
        var ops: [TorchOp] = []
        /// Tensor.view(*shape)
        ops.append(TorchOp("view", "*shape", .method) { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            if args.varArgs.count == 1, args.varArgs[0].as(PyDType.self) != nil {
                throw TorchErrors.notInTutor("Tensor.view(dtype)")
            }
            let shape = try IntArgs.size(args.varArgs, interp, "view")
            return .tensor(try engine { try x.view(shape) })
        })
        /// torch.reshape(input, shape) / Tensor.reshape(*shape)
        ops.append(TorchOp("reshape", "*shape") { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            let shape = try IntArgs.size(args.varArgs, interp, "reshape")
            return .tensor(try engine { try x.reshape(shape) })
        })
        ops.append(TorchOp("view_as", "other", .method) { (_, args) throws(PyError) in
            let x = try args.tensor(0), o = try args.tensor("other")
            return .tensor(try engine { try x.view(o.shape) })
        })
        ops.append(TorchOp("reshape_as", "other", .method) { (_, args) throws(PyError) in
            let x = try args.tensor(0), o = try args.tensor("other")
            return .tensor(try engine { try x.reshape(o.shape) })
        })
        /// torch.flatten(input, start_dim=0, end_dim=-1)
        ops.append(TorchOp("flatten", "start_dim=0, end_dim=-1") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), s = try args.int("start_dim", interp), e = try args.int("end_dim", interp)
            return .tensor(try engine { try x.flatten(startDim: s, endDim: e) })
        })
        /// torch.unflatten(input, dim, sizes)
        ops.append(TorchOp("unflatten", "dim, sizes") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), d = try args.int("dim", interp)
            let sizes = try IntArgs.list(args["sizes"], interp, "unflatten", "sizes")
            return .tensor(try engine { try x.unflatten(d, sizes) })
        })
        /// torch.permute(input, dims) / Tensor.permute(*dims)
        ops.append(TorchOp("permute", "*dims") { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            let dims = try IntArgs.varDims(args.varArgs, keyword: nil, interp, "permute")
            return .tensor(try engine { try x.permute(dims) })
        })
        /// torch.transpose(input, dim0, dim1)
        for name in ["transpose", "swapaxes", "swapdims"] {
            ops.append(TorchOp(name, "dim0, dim1") { (interp, args) throws(PyError) in
                let x = try args.tensor(0), a = try args.int("dim0", interp), b = try args.int("dim1", interp)
                return .tensor(try engine { try x.transpose(a, b) })
            })
        }
        ops.append(TorchOp("transpose_", "dim0, dim1", .method) { (_, _) throws(PyError) in
            throw TorchErrors.notInTutor("Tensor.transpose_ (in-place transpose)")
        })
        /// torch.t(input)
        ops.append(TorchOp("t", "") { (_, args) throws(PyError) in
            let x = try args.tensor(0)
            return .tensor(try engine { try x.t() })
        })
        /// torch.movedim(input, source, destination)
        for name in ["movedim", "moveaxis"] {
            ops.append(TorchOp(name, "source, destination") { (interp, args) throws(PyError) in
                let x = try args.tensor(0)
                let src = try IntArgs.list(args["source"], interp, name, "source")
                let dst = try IntArgs.list(args["destination"], interp, name, "destination")
                guard src.count == dst.count else {
                    throw PyError.runtimeError("movedim: Invalid source or destination dims: source (\(src) dims) should contain the same number of dims as destination (\(dst) dims)")
                }
                let perm = try engine { () throws -> [Int] in
                    let s = try src.map { (d) throws(TensorError) in try x.normalizeDim(d) }
                    let t = try dst.map { (d) throws(TensorError) in try x.normalizeDim(d) }
                    var order = [Int](repeating: -1, count: x.dim)
                    for (a, b) in zip(s, t) { order[b] = a }
                    var rest = (0..<x.dim).filter { !s.contains($0) }.makeIterator()
                    for i in order.indices where order[i] == -1 { order[i] = rest.next() ?? 0 }
                    return order
                }
                return .tensor(try engine { try x.permute(perm) })
            })
        }
        /// torch.squeeze(input, dim=None)
        ops.append(TorchOp("squeeze", "dim=None") { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            guard let dims = try args.dims("dim", interp) else { return .tensor(try engine { try x.squeeze() }) }
            return .tensor(try engine { () throws in
                var y = x
                let normalized = try dims.map { (d) throws(TensorError) in try x.normalizeDim(d) }
                for d in normalized.sorted(by: >) { y = try y.squeeze(d) }
                return y
            })
        })
        /// torch.unsqueeze(input, dim)
        ops.append(TorchOp("unsqueeze", "dim") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), d = try args.int("dim", interp)
            return .tensor(try engine { try x.unsqueeze(d) })
        })
        for name in ["squeeze_", "unsqueeze_"] {
            ops.append(TorchOp(name, "dim=None", .method) { (_, _) throws(PyError) in
                throw TorchErrors.notInTutor("Tensor.\(name) (in-place reshaping)")
            })
        }
        /// Tensor.expand(*sizes)
        ops.append(TorchOp("expand", "*sizes", .method) { (interp, args) throws(PyError) in
            let x = try args.tensor(0), sizes = try IntArgs.size(args.varArgs, interp, "expand")
            return .tensor(try engine { try x.expand(sizes) })
        })
        ops.append(TorchOp("expand_as", "other", .method) { (_, args) throws(PyError) in
            let x = try args.tensor(0), o = try args.tensor("other")
            return .tensor(try engine { try x.expandAs(o) })
        })
        /// Tensor.repeat(*repeats)
        ops.append(TorchOp("repeat", "*repeats", .method) { (interp, args) throws(PyError) in
            let x = try args.tensor(0), r = try IntArgs.size(args.varArgs, interp, "repeat")
            return .tensor(try engine { try x.repeatTiles(r) })
        })
        /// torch.tile(input, dims)
        ops.append(TorchOp("tile", "*dims") { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            var r = try IntArgs.size(args.varArgs, interp, "tile")
            if r.count < x.dim { r = [Int](repeating: 1, count: x.dim - r.count) + r }
            let reps = r
            return .tensor(try engine { try x.repeatTiles(reps) })
        })
        /// torch.flip(input, dims)
        ops.append(TorchOp("flip", "*dims") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), dims = try IntArgs.size(args.varArgs, interp, "flip")
            return .tensor(try engine { try x.flip(dims) })
        })
        ops.append(TorchOp("fliplr", "") { (_, args) throws(PyError) in
            let x = try args.tensor(0)
            return .tensor(try engine { try x.flip([1]) })
        })
        ops.append(TorchOp("flipud", "") { (_, args) throws(PyError) in
            let x = try args.tensor(0)
            return .tensor(try engine { try x.flip([0]) })
        })
        /// torch.narrow(input, dim, start, length)
        ops.append(TorchOp("narrow", "dim, start, length") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), d = try args.int("dim", interp)
            let s = try args.int("start", interp), l = try args.int("length", interp)
            return .tensor(try engine { try x.narrow(d, start: s, length: l) })
        })
        /// torch.select(input, dim, index)
        ops.append(TorchOp("select", "dim, index") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), d = try args.int("dim", interp), i = try args.int("index", interp)
            return .tensor(try engine { try x.select(d, i) })
        })
        /// torch.chunk(input, chunks, dim=0)
        ops.append(TorchOp("chunk", "chunks, dim=0") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), n = try args.int("chunks", interp), d = try args.int("dim", interp)
            return tensorTuple(try engine { try x.chunk(n, dim: d) })
        })
        /// torch.split(tensor, split_size_or_sections, dim=0)
        ops.append(TorchOp("split", "split_size_or_sections, dim=0") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), d = try args.int("dim", interp)
            let s = args["split_size_or_sections"]
            if IntArgs.isSequence(s) {
                let sizes = try IntArgs.list(s, interp, "split", "split_size_or_sections")
                return tensorTuple(try engine { try x.split(sizes: sizes, dim: d) })
            }
            let size = try IntArgs.int(s, interp, "split", "split_size")
            return tensorTuple(try engine { try x.split(size, dim: d) })
        })
        /// torch.unbind(input, dim=0)
        ops.append(TorchOp("unbind", "dim=0") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), d = try args.int("dim", interp)
            return tensorTuple(try engine { try x.unbind(d) })
        })
        /// torch.cat(tensors, dim=0) and its aliases
        for name in ["cat", "concat", "concatenate"] {
            ops.append(TorchOp(name, "dim=0", .function) { (interp, args) throws(PyError) in
                let ts = try tensorSequence(args[0], interp, name), d = try args.int("dim", interp)
                return .tensor(try engine { try Tensor.cat(ts, dim: d) })
            })
        }
        /// torch.stack(tensors, dim=0)
        ops.append(TorchOp("stack", "dim=0", .function) { (interp, args) throws(PyError) in
            let ts = try tensorSequence(args[0], interp, "stack"), d = try args.int("dim", interp)
            return .tensor(try engine { try Tensor.stack(ts, dim: d) })
        })
        /// torch.hstack(tensors) / vstack / column_stack
        ops.append(TorchOp("hstack", "", .function) { (interp, args) throws(PyError) in
            let ts = try tensorSequence(args[0], interp, "hstack")
            return .tensor(try engine { try Tensor.cat(ts, dim: ts.allSatisfy { $0.dim <= 1 } ? 0 : 1) })
        })
        for name in ["vstack", "row_stack"] {
            ops.append(TorchOp(name, "", .function) { (interp, args) throws(PyError) in
                let ts = try tensorSequence(args[0], interp, name)
                return .tensor(try engine { () throws in
                    let rows = try ts.map { (t) throws(TensorError) in t.dim == 0 ? try t.reshape([1, 1]) : (t.dim == 1 ? try t.unsqueeze(0) : t) }
                    return try Tensor.cat(rows, dim: 0)
                })
            })
        }
        ops.append(TorchOp("column_stack", "", .function) { (interp, args) throws(PyError) in
            let ts = try tensorSequence(args[0], interp, "column_stack")
            return .tensor(try engine { () throws in
                let cols = try ts.map { (t) throws(TensorError) in t.dim == 0 ? try t.reshape([1, 1]) : (t.dim == 1 ? try t.unsqueeze(1) : t) }
                return try Tensor.cat(cols, dim: 1)
            })
        })
        return ops
    }()
}

/// Gathering and scattering by index tensors, masks, and matrix products.
enum IndexingOps {
    static let ops: [TorchOp] = {
        var ops: [TorchOp] = []
        /// torch.gather(input, dim, index)
        ops.append(TorchOp("gather", "dim, index") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), d = try args.int("dim", interp), i = try args.tensor("index")
            return .tensor(try engine { try x.gather(d, i) })
        })
        /// torch.scatter(input, dim, index, src=None, *, value=None) and scatter_
        for (name, inPlace) in [("scatter", false), ("scatter_", true)] {
            ops.append(TorchOp(name, "dim, index, src=None, *, value=None, reduce=None", inPlace ? .method : .both) { (interp, args) throws(PyError) in
                let x = try args.tensor(0), d = try args.int("dim", interp)
                var i = try args.tensor("index")
                // A 0-dim index addresses one element, like a one-element index of x's rank.
                if i.dim == 0 {
                    let shape = [Int](repeating: 1, count: max(x.dim, 1)), index = i
                    i = try engine { try index.reshape(shape) }
                }
                if !args["reduce"].isNone { throw TorchErrors.notInTutor("scatter(reduce=...)") }
                let src: Tensor
                if let t = args["src"].tensorValue {
                    src = t.dim == 0 && i.dim > 0 ? try engine { try t.reshape(i.shape.map { _ in 1 }) } : t
                } else {
                    let v = args["src"].isNone ? args["value"] : args["src"]
                    let s = try Scalars.expect(v, name, "value")
                    src = try engine { try Tensor.full(i.shape, s, dtype: x.dtype) }
                }
                if inPlace {
                    try engine { _ = try x.scatter_(d, i, src) }
                    return args.selfValue
                }
                return .tensor(try engine { try x.scatter(d, i, src) })
            })
        }
        /// torch.scatter_add(input, dim, index, src)
        ops.append(TorchOp("scatter_add", "dim, index, src") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), d = try args.int("dim", interp), i = try args.tensor("index"), s = try args.tensor("src")
            return .tensor(try engine { try x.scatterAdd(d, i, s) })
        })
        ops.append(TorchOp("scatter_add_", "dim, index, src", .method) { (interp, args) throws(PyError) in
            let x = try args.tensor(0), d = try args.int("dim", interp), i = try args.tensor("index"), s = try args.tensor("src")
            try engine { _ = try x.copy_(try x.scatterAdd(d, i, s)) }
            return args.selfValue
        })
        /// torch.index_select(input, dim, index)
        ops.append(TorchOp("index_select", "dim, index") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), d = try args.int("dim", interp), i = try args.tensor("index")
            return .tensor(try engine { try x.indexSelect(d, i) })
        })
        /// Tensor.index_fill_(dim, index, value)
        for (name, inPlace) in [("index_fill", false), ("index_fill_", true)] {
            ops.append(TorchOp(name, "dim, index, value", .method) { (interp, args) throws(PyError) in
                let x = try args.tensor(0), d = try args.int("dim", interp), i = try args.tensor("index"), v = try args.scalar("value")
                let target = inPlace ? x : try engine { try x.clone() }
                try engine { () throws in
                    let axis = try x.normalizeDim(d)
                    let index = [TensorIndex](repeating: .slice(start: nil, stop: nil, step: nil), count: axis) + [.tensor(i.dim == 0 ? try i.reshape([1]) : i)]
                    try target.indexPut(index, try Tensor.scalar(v, dtype: x.dtype))
                }
                return inPlace ? args.selfValue : .tensor(target)
            })
        }
        /// Tensor.index_add_(dim, index, source) is not in the engine yet.
        /// torch.masked_select(input, mask)
        ops.append(TorchOp("masked_select", "mask") { (_, args) throws(PyError) in
            let x = try args.tensor(0), m = try args.tensor("mask")
            return .tensor(try engine { try x.maskedSelect(m) })
        })
        /// torch.nonzero(input, *, as_tuple=False)
        ops.append(TorchOp("nonzero", "*, as_tuple=False") { (_, args) throws(PyError) in
            let x = try args.tensor(0)
            let nz = try engine { try x.nonzero() }
            if try args.bool("as_tuple") { return tensorTuple(try engine { try nz.unbind(1) }) }
            return .tensor(nz)
        })
        ops.append(TorchOp("argwhere", "") { (_, args) throws(PyError) in
            let x = try args.tensor(0)
            return .tensor(try engine { try x.nonzero() })
        })
        /// torch.take(input, index)
        ops.append(TorchOp("take", "index") { (_, args) throws(PyError) in
            let x = try args.tensor(0), i = try args.tensor("index")
            return .tensor(try engine { try x.reshape([-1]).index([.tensor(i)]) })
        })
        // MARK: Matrix products (https://pytorch.org/docs/stable/torch.html#blas-and-lapack-operations)
        let products: [(String, (Tensor, Tensor) throws(TensorError) -> Tensor)] = [
            ("matmul", { (a, b) throws(TensorError) in try a.matmul(b) }),
            ("mm", { (a, b) throws(TensorError) in try a.mm(b) }),
            ("bmm", { (a, b) throws(TensorError) in try a.bmm(b) }),
            ("mv", { (a, b) throws(TensorError) in try a.mv(b) }),
            ("dot", { (a, b) throws(TensorError) in try a.dot(b) }),
            ("inner", { (a, b) throws(TensorError) in try a.dot(b) }),
            ("outer", { (a, b) throws(TensorError) in try a.outer(b) }),
            ("ger", { (a, b) throws(TensorError) in try a.outer(b) }),
        ]
        for (name, f) in products {
            let other = ["mm": "mat2", "bmm": "mat2", "mv": "vec", "dot": "tensor", "outer": "vec2", "ger": "vec2"][name] ?? "other"
            ops.append(TorchOp(name, other) { (_, args) throws(PyError) in
                let a = try args.tensor(0), b = try args.tensor(other)
                return .tensor(try engine { try f(a, b) })
            })
        }
        /// torch.addmm(input, mat1, mat2, *, beta=1, alpha=1)
        ops.append(TorchOp("addmm", "mat1, mat2, *, beta=1, alpha=1") { (_, args) throws(PyError) in
            let x = try args.tensor(0), m1 = try args.tensor("mat1"), m2 = try args.tensor("mat2")
            let beta = try args.scalar("beta"), alpha = try args.scalar("alpha")
            return .tensor(try engine { try Tensor.addmm(x, m1, m2, beta: beta, alpha: alpha) })
        })
        return ops
    }()
}
