import MiniPython
import TensorEngine

/// Special functions, NaN-aware reductions and binning: `erfinv`, `erfc`, `logit`,
/// `logaddexp`, `hypot`, `nan_to_num`, `nanmean`, `logcumsumexp`, `searchsorted`,
/// `bucketize`, `histc`.
///
/// Reference: https://pytorch.org/docs/stable/torch.html#pointwise-ops
enum SpecialMathOps {
    static let ops: [TorchOp] = pointwise + reductions + binning

    // MARK: - Pointwise

    static let pointwise: [TorchOp] = {
        var ops: [TorchOp] = []
        ops += MathOps.unary("erfinv", { (x) throws(TensorError) in try x.erfinv() })
        ops += MathOps.unary("erfc", { (x) throws(TensorError) in try x.erfc() })
        /// torch.logit(input, eps=None)
        ops.append(TorchOp("logit", "eps=None") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), eps = args["eps"].isNone ? nil : try args.double("eps", interp)
            return .tensor(try engine { try x.logit(eps: eps) })
        })
        ops.append(TorchOp("logit_", "eps=None", .method) { (interp, args) throws(PyError) in
            let x = try args.tensor(0), eps = args["eps"].isNone ? nil : try args.double("eps", interp)
            try engine { _ = try x.copy_(try x.logit(eps: eps)) }
            return args.selfValue
        })
        ops += MathOps.binaryOp("logaddexp", tensor: { (x, y) throws(TensorError) in try x.logaddexp(y) }, inPlace: false)
        ops += MathOps.binaryOp("hypot", tensor: { (x, y) throws(TensorError) in try x.hypot(y) })
        /// torch.nan_to_num(input, nan=0.0, posinf=None, neginf=None)
        for (name, inPlace) in [("nan_to_num", false), ("nan_to_num_", true)] {
            ops.append(TorchOp(name, "nan=0.0, posinf=None, neginf=None", inPlace ? .method : .both) { (interp, args) throws(PyError) in
                let x = try args.tensor(0), nan = try args.double("nan", interp)
                let posinf = args["posinf"].isNone ? nil : try args.double("posinf", interp)
                let neginf = args["neginf"].isNone ? nil : try args.double("neginf", interp)
                let y = try engine { try x.nanToNum(nan: nan, posinf: posinf, neginf: neginf) }
                if !inPlace { return .tensor(y) }
                try engine { _ = try x.copy_(y) }
                return args.selfValue
            })
        }
        return ops
    }()

    // MARK: - Reductions and scans

    static let reductions: [TorchOp] = {
        var ops: [TorchOp] = []
        /// torch.nanmean(input, dim=None, keepdim=False, *, dtype=None)
        ops.append(TorchOp("nanmean", "dim=None, keepdim=False, *, dtype=None") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), dims = try args.dims("dim", interp)
            let keep = try args.bool("keepdim"), dtype = try args.dtype()
            return .tensor(try engine { try x.nanmean(dims: dims, keepdim: keep, dtype: dtype) })
        })
        /// torch.logcumsumexp(input, dim)
        ops.append(TorchOp("logcumsumexp", "dim") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), d = try args.int("dim", interp)
            return .tensor(try engine { try x.logcumsumexp(dim: d) })
        })
        return ops
    }()

    // MARK: - Binning

    static let binning: [TorchOp] = {
        var ops: [TorchOp] = []
        /// torch.searchsorted(sorted_sequence, input, *, out_int32=False, right=False, side=None, sorter=None)
        ops.append(TorchOp.function("searchsorted", signature: "sorted_sequence, input, *, out_int32=False, right=False, side=None, out=None, sorter=None") { (interp, args) throws(PyError) in
            var sorted = try args.tensor(0)
            let values = try valuesArgument(args["input"])
            var right = try args.bool("right")
            if !args["side"].isNone {
                let side = try interp.expectStr(args["side"], "side")
                guard side == "left" || side == "right" else {
                    throw PyError.runtimeError("torch.searchsorted(): side can only be 'left' or 'right' but got \(side)")
                }
                if side == "left" && right {
                    throw PyError.runtimeError("torch.searchsorted(): side and right can't be set to opposites, got side of left while right was True")
                }
                right = side == "right"
            }
            if let sorter = try args.optionalTensor("sorter") { sorted = try engine { try sorted.gather(-1, sorter) } }
            let outInt32 = try args.bool("out_int32"), r = right, s = sorted
            return .tensor(try engine { try Tensor.searchsorted(s, values, right: r, outInt32: outInt32) })
        })
        /// torch.bucketize(input, boundaries, *, out_int32=False, right=False)
        ops.append(TorchOp.function("bucketize", signature: "input, boundaries, *, out_int32=False, right=False, out=None") { (_, args) throws(PyError) in
            let values = try valuesArgument(args["input"]), boundaries = try args.tensor(1)
            let right = try args.bool("right"), outInt32 = try args.bool("out_int32")
            return .tensor(try engine { try values.bucketize(boundaries, right: right, outInt32: outInt32) })
        })
        /// torch.histc(input, bins=100, min=0, max=0)
        ops.append(TorchOp("histc", "bins=100, min=0, max=0") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), bins = try args.int("bins", interp)
            let lo = try args.double("min", interp), hi = try args.double("max", interp)
            return .tensor(try engine { try x.histc(bins: bins, min: lo, max: hi) })
        })
        return ops
    }()

    /// The values of `searchsorted`/`bucketize`: a tensor or a Python number (a 0-dim tensor).
    static func valuesArgument(_ v: PyValue) throws(PyError) -> Tensor {
        if let t = v.tensorValue { return t }
        guard let s = try Scalars.from(v) else {
            throw PyError.typeError("searchsorted(): argument 'input' must be Tensor, not \(Scalars.typeName(v))")
        }
        return try Scalars.tensor(s)
    }
}
