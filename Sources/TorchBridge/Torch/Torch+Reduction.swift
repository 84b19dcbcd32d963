import MiniPython
import TensorEngine

/// Reductions, scans, softmax, sorting: https://pytorch.org/docs/stable/torch.html#reduction-ops
enum ReductionOps {
    static let ops: [TorchOp] = {
        var ops: [TorchOp] = []
        /// torch.sum(input, dim=None, keepdim=False, *, dtype=None)
        ops.append(TorchOp("sum", "dim=None, keepdim=False, *, dtype=None") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), dims = try args.dims("dim", interp)
            let keep = try args.bool("keepdim"), dtype = try args.dtype()
            return .tensor(try engine { try x.sum(dims: dims, keepdim: keep, dtype: dtype) })
        })
        /// torch.nansum(input, dim=None, keepdim=False, *, dtype=None)
        ops.append(TorchOp("nansum", "dim=None, keepdim=False, *, dtype=None") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), dims = try args.dims("dim", interp)
            let keep = try args.bool("keepdim"), dtype = try args.dtype()
            return .tensor(try engine { try x.nansum(dims: dims, keepdim: keep, dtype: dtype) })
        })
        /// torch.mean(input, dim=None, keepdim=False, *, dtype=None)
        ops.append(TorchOp("mean", "dim=None, keepdim=False, *, dtype=None") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), dims = try args.dims("dim", interp)
            let keep = try args.bool("keepdim"), dtype = try args.dtype()
            return .tensor(try engine { try x.mean(dims: dims, keepdim: keep, dtype: dtype) })
        })
        /// torch.prod(input, dim=None, keepdim=False, *, dtype=None)
        ops.append(TorchOp("prod", "dim=None, keepdim=False, *, dtype=None") { (interp, args) throws(PyError) in
            var x = try args.tensor(0)
            let d = try args.optionalInt("dim", interp), keep = try args.bool("keepdim")
            if let dtype = try args.dtype() { x = try engine { try x.to(dtype) } }
            return .tensor(try engine { try x.prod(dim: d, keepdim: keep) })
        })
        /// torch.max(input) / torch.max(input, dim, keepdim=False) / torch.max(input, other)
        for (name, isMax) in [("max", true), ("min", false)] {
            ops.append(TorchOp(name, "dim=<unset>, keepdim=False") { (interp, args) throws(PyError) in
                let x = try args.tensor(0)
                guard let dimValue = args.optional("dim") else {
                    return .tensor(try engine { isMax ? try x.max() : try x.min() })
                }
                if let other = dimValue.tensorValue {
                    return .tensor(try engine { isMax ? try x.maximum(other) : try x.minimum(other) })
                }
                let d = try IntArgs.int(dimValue, interp, name, "dim"), keep = try args.bool("keepdim")
                let r = try engine { isMax ? try x.max(dim: d, keepdim: keep) : try x.min(dim: d, keepdim: keep) }
                return ReturnTypes.make(name, r.values, r.indices)
            })
        }
        /// torch.argmax(input, dim=None, keepdim=False)
        for (name, isMax) in [("argmax", true), ("argmin", false)] {
            ops.append(TorchOp(name, "dim=None, keepdim=False") { (interp, args) throws(PyError) in
                let x = try args.tensor(0), d = try args.optionalInt("dim", interp), keep = try args.bool("keepdim")
                return .tensor(try engine { isMax ? try x.argmax(dim: d, keepdim: keep) : try x.argmin(dim: d, keepdim: keep) })
            })
        }
        /// torch.amax(input, dim=(), keepdim=False)
        for (name, isMax) in [("amax", true), ("amin", false)] {
            ops.append(TorchOp(name, "dim=(), keepdim=False") { (interp, args) throws(PyError) in
                let x = try args.tensor(0), keep = try args.bool("keepdim")
                var dims = try args.dims("dim", interp) ?? []
                if dims.isEmpty { dims = Array(0..<x.dim) }
                let ds = dims
                if isMax { return .tensor(try engine { try x.amax(dims: ds, keepdim: keep) }) }
                return .tensor(try engine { try x.neg().amax(dims: ds, keepdim: keep).neg() })
            })
        }
        /// torch.all(input, dim=None, keepdim=False)
        for (name, isAll) in [("all", true), ("any", false)] {
            ops.append(TorchOp(name, "dim=None, keepdim=False") { (interp, args) throws(PyError) in
                let x = try args.tensor(0), d = try args.optionalInt("dim", interp), keep = try args.bool("keepdim")
                return .tensor(try engine { isAll ? try x.all(dim: d, keepdim: keep) : try x.any(dim: d, keepdim: keep) })
            })
        }
        /// torch.std(input, dim=None, unbiased=True, keepdim=False, *, correction=None) and var
        for name in ["std", "var"] {
            ops.append(TorchOp(name, "dim=None, unbiased=<unset>, keepdim=False, *, correction=None") { (interp, args) throws(PyError) in
                let m = try moments(args, interp)
                return .tensor(try engine { name == "std" ? try m.x.std(dims: m.dims, correction: m.correction, keepdim: m.keepdim)
                                                          : try m.x.variance(dims: m.dims, correction: m.correction, keepdim: m.keepdim) })
            })
            /// torch.std_mean(input, dim=None, *, correction=1, keepdim=False) -> (std, mean)
            ops.append(TorchOp(name + "_mean", "dim=None, unbiased=<unset>, keepdim=False, *, correction=None", .function) { (interp, args) throws(PyError) in
                let m = try moments(args, interp)
                let spread = try engine { name == "std" ? try m.x.std(dims: m.dims, correction: m.correction, keepdim: m.keepdim)
                                                        : try m.x.variance(dims: m.dims, correction: m.correction, keepdim: m.keepdim) }
                let mean = try engine { try m.x.mean(dims: m.dims, keepdim: m.keepdim) }
                return .tuple([.tensor(spread), .tensor(mean)])
            })
        }
        /// torch.norm(input, p='fro', dim=None, keepdim=False, dtype=None)
        ops.append(TorchOp("norm", "p='fro', dim=None, keepdim=False, dtype=None") { (interp, args) throws(PyError) in
            var x = try args.tensor(0)
            let p = try normOrder(args["p"], interp)
            let dims = try args.dims("dim", interp), keep = try args.bool("keepdim")
            if let dtype = try args.dtype() { x = try engine { try x.to(dtype) } }
            return .tensor(try engine { try x.norm(p: p, dims: dims, keepdim: keep) })
        })
        /// torch.logsumexp(input, dim, keepdim=False)
        ops.append(TorchOp("logsumexp", "dim, keepdim=False") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), dims = try args.dims("dim", interp) ?? [], keep = try args.bool("keepdim")
            return .tensor(try engine { try x.logsumexp(dims: dims, keepdim: keep) })
        })
        /// torch.softmax(input, dim, dtype=None) and log_softmax
        for (name, isLog) in [("softmax", false), ("log_softmax", true)] {
            ops.append(TorchOp(name, "dim=None, dtype=None") { (interp, args) throws(PyError) in
                var x = try args.tensor(0)
                guard let d = try args.optionalInt("dim", interp) else {
                    throw PyError.typeError("\(name)() received an invalid combination of arguments - got (), but expected (int dim, torch.dtype dtype = None)")
                }
                if let dtype = try args.dtype() { x = try engine { try x.to(dtype) } }
                return .tensor(try engine { isLog ? try x.logSoftmax(dim: d) : try x.softmax(dim: d) })
            })
        }
        /// torch.cumsum(input, dim, *, dtype=None)
        ops.append(TorchOp("cumsum", "dim, *, dtype=None") { (interp, args) throws(PyError) in
            var x = try args.tensor(0)
            let d = try args.int("dim", interp)
            if let dtype = try args.dtype() { x = try engine { try x.to(dtype) } }
            return .tensor(try engine { try x.cumsum(dim: d) })
        })
        ops.append(TorchOp("cumsum_", "dim, *, dtype=None", .method) { (interp, args) throws(PyError) in
            let x = try args.tensor(0), d = try args.int("dim", interp)
            try engine { _ = try x.copy_(try x.cumsum(dim: d)) }
            return args.selfValue
        })
        /// torch.cumprod(input, dim, *, dtype=None)
        ops.append(TorchOp("cumprod", "dim, *, dtype=None") { (interp, args) throws(PyError) in
            var x = try args.tensor(0)
            let d = try args.int("dim", interp)
            if let dtype = try args.dtype() { x = try engine { try x.to(dtype) } }
            return .tensor(try engine { try x.cumprod(dim: d) })
        })
        /// torch.cummax(input, dim) / torch.cummin(input, dim)
        for name in ["cummax", "cummin"] {
            ops.append(TorchOp(name, "dim") { (interp, args) throws(PyError) in
                let x = try args.tensor(0), d = try args.int("dim", interp)
                let r = try engine { name == "cummax" ? try x.cummax(dim: d) : try x.cummin(dim: d) }
                return ReturnTypes.make(name, r.values, r.indices)
            })
        }
        /// torch.bincount(input, weights=None, minlength=0)
        ops.append(TorchOp("bincount", "weights=None, minlength=0") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), w = try args.optionalTensor("weights"), n = try args.int("minlength", interp)
            return .tensor(try engine { try x.bincount(weights: w, minlength: n) })
        })
        /// torch.mode(input, dim=-1, keepdim=False)
        ops.append(TorchOp("mode", "dim=-1, keepdim=False") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), d = try args.int("dim", interp), keep = try args.bool("keepdim")
            let r = try engine { try x.mode(dim: d, keepdim: keep) }
            return ReturnTypes.make("mode", r.values, r.indices)
        })
        /// torch.sort(input, dim=-1, descending=False, stable=False)
        ops.append(TorchOp("sort", "dim=-1, descending=False, stable=False") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), d = try args.int("dim", interp), desc = try args.bool("descending")
            let r = try engine { try x.sort(dim: d, descending: desc) }
            return ReturnTypes.make("sort", r.values, r.indices)
        })
        /// torch.argsort(input, dim=-1, descending=False, stable=False)
        ops.append(TorchOp("argsort", "dim=-1, descending=False, stable=False") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), d = try args.int("dim", interp), desc = try args.bool("descending")
            return .tensor(try engine { try x.argsort(dim: d, descending: desc) })
        })
        /// torch.msort(input): sorted along dim 0
        ops.append(TorchOp("msort", "") { (_, args) throws(PyError) in
            let x = try args.tensor(0)
            return .tensor(try engine { try x.sort(dim: 0).values })
        })
        /// torch.topk(input, k, dim=-1, largest=True, sorted=True)
        ops.append(TorchOp("topk", "k, dim=-1, largest=True, sorted=True") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), k = try args.int("k", interp), d = try args.int("dim", interp)
            let largest = try args.bool("largest"), sorted = try args.bool("sorted")
            let r = try engine { try x.topk(k, dim: d, largest: largest, sorted: sorted) }
            return ReturnTypes.make("topk", r.values, r.indices)
        })
        /// torch.kthvalue(input, k, dim=-1, keepdim=False)
        ops.append(TorchOp("kthvalue", "k, dim=-1, keepdim=False") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), k = try args.int("k", interp), d = try args.int("dim", interp), keep = try args.bool("keepdim")
            let r = try engine { () throws in
                let s = try x.sort(dim: d)
                let dd = try x.normalizeDim(d)
                guard k >= 1 && k <= (x.dim == 0 ? 1 : x.shape[dd]) else { throw TensorError.index("kthvalue(): selected number k out of range for dimension \(d)") }
                if x.dim == 0 { return (s.values, s.indices) }
                var v = try s.values.select(dd, k - 1), i = try s.indices.select(dd, k - 1)
                if keep { v = try v.unsqueeze(dd); i = try i.unsqueeze(dd) }
                return (v, i)
            }
            return ReturnTypes.make("kthvalue", r.0, r.1)
        })
        /// torch.median(input) / torch.median(input, dim, keepdim=False): the lower median
        ops.append(TorchOp("median", "dim=<unset>, keepdim=False") { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            guard let dv = args.optional("dim") else {
                return .tensor(try engine { () throws in
                    let flat = try x.reshape([-1])
                    guard flat.numel > 0 else { return try Tensor.full([], .double(.nan), dtype: x.dtype) }
                    return try flat.sort(dim: 0).values.select(0, (flat.numel - 1) / 2)
                })
            }
            let d = try IntArgs.int(dv, interp, "median", "dim"), keep = try args.bool("keepdim")
            let r = try engine { () throws in
                let dd = try x.normalizeDim(d)
                let s = try x.sort(dim: dd)
                if x.dim == 0 { return (s.values, s.indices) }
                let k = (x.shape[dd] - 1) / 2
                var v = try s.values.select(dd, k), i = try s.indices.select(dd, k)
                if keep { v = try v.unsqueeze(dd); i = try i.unsqueeze(dd) }
                return (v, i)
            }
            return ReturnTypes.make("median", r.0, r.1)
        })
        /// torch.unique(input, sorted=True, return_inverse=False, return_counts=False, dim=None)
        ops.append(TorchOp("unique", "sorted=True, return_inverse=False, return_counts=False, dim=None") { (_, args) throws(PyError) in
            let x = try args.tensor(0)
            if !args["dim"].isNone { throw TorchErrors.notInTutor("torch.unique(dim=...)") }
            let inv = try args.bool("return_inverse"), counts = try args.bool("return_counts")
            let r = try engine { try x.unique(sorted: true, returnInverse: inv, returnCounts: counts) }
            if !inv && !counts { return .tensor(r.values) }
            var items: [PyValue] = [.tensor(r.values)]
            if let i = r.inverse { items.append(.tensor(i)) }
            if let c = r.counts { items.append(.tensor(c)) }
            return .tuple(items)
        })
        /// torch.count_nonzero(input, dim=None)
        ops.append(TorchOp("count_nonzero", "dim=None") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), dims = try args.dims("dim", interp)
            return .tensor(try engine { try x.ne(.int(0)).sum(dims: dims) })
        })
        return ops
    }()

    /// The arguments of `std`/`var`: PyTorch accepts `unbiased` positionally in place of
    /// `dim` (`x.std(False)`) and `correction=` as a keyword.
    static func moments(_ args: BoundArguments, _ interp: Interpreter) throws(PyError) -> (x: Tensor, dims: [Int]?, correction: Double, keepdim: Bool) {
        let x = try args.tensor(0)
        var dims: [Int]? = nil
        var correction = 1.0
        if case .bool(let b) = args["dim"] {
            correction = b ? 1 : 0
        } else {
            dims = try args.dims("dim", interp)
        }
        if let u = args.optional("unbiased") { correction = try interp.isTrue(u) ? 1 : 0 }
        if !args["correction"].isNone { correction = try args.double("correction", interp) }
        return (x, dims, correction, try args.bool("keepdim"))
    }

    /// `p=` of `norm`: a number, `inf`, or `'fro'` (the 2-norm of the flattened tensor).
    static func normOrder(_ v: PyValue, _ interp: Interpreter) throws(PyError) -> Double {
        if case .str(let s) = v {
            if s == "fro" { return 2 }
            throw PyError.runtimeError("norm(): unsupported norm type '\(s)' in pytorch-tutor (use a number, inf or 'fro')")
        }
        if v.isNone { return 2 }
        return try interp.expectFloat(v)
    }
}
