/// Reductions over all elements or over given dims, with `keepdim`.
extension Tensor {
    /// A reduction laid out for the row kernels: the kept dims become rows, the
    /// reduced dims one contiguous run per row.
    struct ReductionLayout {
        let rows: Tensor          // contiguous, shape [rowCount, n]
        let rowCount: Int
        let n: Int
        let outShape: [Int]       // with keepdim applied
        let reducedDims: [Int]
    }

    func reductionLayout(dims: [Int]?, keepdim: Bool, dtype: DType) throws(TensorError) -> ReductionLayout {
        var reduced: [Int]
        if dim == 0 {
            // A 0-dim tensor accepts dim 0 / -1 and reduces its one element to itself.
            for d in dims ?? [] { _ = try normalizeDim(d) }
            reduced = []
        } else if let dims, !dims.isEmpty {
            reduced = []
            for d in dims {
                let n = try normalizeDim(d)
                if reduced.contains(n) { throw .runtime("dim \(n) appears multiple times in the list of dims") }
                reduced.append(n)
            }
            reduced.sort()
        } else {
            reduced = Array(0..<dim)
        }
        if dim == 0 { reduced = [] }  // dim 0 / -1 of a 0-dim tensor names the tensor itself
        let kept = (0..<dim).filter { !reduced.contains($0) }
        let order = kept + reduced
        let permuted = makeView(shape: order.map { shape[$0] }, strides: order.map { strides[$0] }, offset: offset)
        let rowsData = try permuted.materialized(dtype)
        let rowCount = kept.reduce(1) { $0 * shape[$1] }
        let n = reduced.reduce(1) { $0 * shape[$1] }
        var outShape: [Int] = []
        for d in 0..<dim {
            if reduced.contains(d) { if keepdim { outShape.append(1) } } else { outShape.append(shape[d]) }
        }
        return ReductionLayout(rows: rowsData, rowCount: rowCount, n: n, outShape: outShape, reducedDims: reduced)
    }

    /// Runs one row-reduction kernel. No autograd.
    func computeReduction(_ op: ReduceOp, dims: [Int]?, keepdim: Bool, dtype: DType,
                          outDType: DType) throws(TensorError) -> Tensor {
        if dtype == .float16 && op == .sum {
            // Accumulated in float32 and rounded once (Note [Half precision]); PyTorch's float16
            // products instead round after every multiplication, as the generic kernel does.
            return try computeReduction(op, dims: dims, keepdim: keepdim, dtype: .float32, outDType: .float32).materialized(outDType)
        }
        let layout = try reductionLayout(dims: dims, keepdim: keepdim, dtype: dtype)
        let out = try Tensor(uninitializedShape: layout.outShape, dtype: outDType)
        if layout.rowCount == 0 { return out }
        if layout.n == 0 {
            switch op {
            case .sum, .any: return out
            case .prod, .all: fill(out, with: .int(1)); return out
            default: break
            }
        }
        struct Run: DTypeVisitor {
            let op: ReduceOp, layout: ReductionLayout, out: Tensor
            func visit<T: ArithmeticElement>(_: T.Type) {
                reduceRows(op, rows: layout.rowCount, n: layout.n, layout.rows.basePointer(T.self),
                           UnsafeMutableRawPointer(out.storage.bytes))
            }
        }
        try dtype.visit(Run(op: op, layout: layout, out: out))
        return out
    }

    /// Gradient of a reduction, broadcast back to `shape` (re-inserting reduced dims when `keepdim` was false).
    static func expandReduced(_ g: Tensor, to shape: [Int], dims: [Int]?, keepdim: Bool) throws(TensorError) -> Tensor {
        var g = g
        if !keepdim, shape.count > 0 {
            let reduced = try (dims ?? Array(0..<shape.count)).map { d throws(TensorError) in try Shape.normalizeDim(d, rank: shape.count) }.sorted()
            if dims == nil || dims!.isEmpty {
                g = try g.reshape([Int](repeating: 1, count: shape.count))
            } else {
                for d in reduced { g = try g.unsqueeze(d) }
            }
        }
        return try g.expand(shape)
    }

    /// The shape of a reduction over `dims` without keepdim.
    func reducedShape(dims: [Int]) throws(TensorError) -> [Int] {
        let reduced = try dims.map { d throws(TensorError) in try normalizeDim(d) }
        return (0..<dim).filter { !reduced.contains($0) }.map { shape[$0] }
    }

    /// The dtype `sum`/`prod` accumulate and return in: integers and bool widen to int64.
    var sumDType: DType { isFloatingPoint ? dtype : .int64 }

    // MARK: - Sum, mean, prod

    /// `tensor.sum()` over everything, or over `dims`.
    public func sum(dims: [Int]? = nil, keepdim: Bool = false, dtype: DType? = nil) throws(TensorError) -> Tensor {
        let t = dtype ?? sumDType
        let out = try computeReduction(.sum, dims: dims, keepdim: keepdim, dtype: t, outDType: t)
        let name = dims == nil ? "SumBackward0" : "SumBackward1"
        let shape = self.shape
        return Tensor.record(name, inputs: [self], output: out) { (g: Tensor) throws(TensorError) in
            [try Tensor.expandReduced(g, to: shape, dims: dims, keepdim: keepdim)]
        }
    }

    /// `tensor.mean()` over everything, or over `dims`; floating dtypes only.
    public func mean(dims: [Int]? = nil, keepdim: Bool = false, dtype: DType? = nil) throws(TensorError) -> Tensor {
        let t = dtype ?? self.dtype
        guard t.isFloatingPoint else {
            throw TensorError(.notImplemented, "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: \(self.dtype.scalarTypeName)")
        }
        let layout = try reductionLayout(dims: dims, keepdim: keepdim, dtype: t)
        let acc = t.opmath
        let sum = try computeReduction(.sum, dims: dims, keepdim: keepdim, dtype: t, outDType: acc)
        let out = try Tensor.computeBinary(sum, Tensor.wrapped(.int(Int64(layout.n)), acc), .div, dtype: acc).materialized(t)
        let name = dims == nil ? "MeanBackward0" : "MeanBackward1"
        let shape = self.shape, n = layout.n
        return Tensor.record(name, inputs: [self], output: out) { (g: Tensor) throws(TensorError) in
            [try Tensor.expandReduced(g, to: shape, dims: dims, keepdim: keepdim).div(.int(Int64(n)))]
        }
    }

    /// `tensor.prod()` or `tensor.prod(dim)`.
    public func prod(dim d: Int? = nil, keepdim: Bool = false) throws(TensorError) -> Tensor {
        let dims = d.map { [$0] }
        let out = try computeReduction(.prod, dims: dims, keepdim: keepdim, dtype: sumDType, outDType: sumDType)
        let x = self
        let captured = CapturedOutput(out)
        return Tensor.record(d == nil ? "ProdBackward0" : "ProdBackward1", inputs: [x], output: out, saved: [x, out]) { (g: Tensor) throws(TensorError) in
            let out = captured.value
            // Product of all other elements: out / x where x != 0, computed directly where x == 0.
            let gFull = try Tensor.expandReduced(g, to: x.shape, dims: dims, keepdim: keepdim)
            let outFull = try Tensor.expandReduced(out, to: x.shape, dims: dims, keepdim: keepdim)
            let zero = try x.eq(.int(0))
            if !(try zero.any().item().boolValue) { return [try gFull.mul(outFull.div(x))] }
            let others = try x.productOfOthers(dim: d)
            return [try gFull.mul(others)]
        }
    }

    /// For each element, the product of the other elements in its reduction group (no autograd).
    private func productOfOthers(dim d: Int?) throws(TensorError) -> Tensor {
        let axis = try d.map { n throws(TensorError) in try normalizeDim(n) }
        let moved = axis == nil ? try reshape([1, numel]) : try transpose(axis!, -1).contiguous()
        let n = moved.shape.last ?? 1
        let values = moved.toArray(Double.self)
        var result = [Double](repeating: 0, count: values.count)
        for r in 0..<(n == 0 ? 0 : values.count / n) {
            var prefix = 1.0
            for i in 0..<n { result[r * n + i] = prefix; prefix *= values[r * n + i] }
            var suffix = 1.0
            for i in stride(from: n - 1, through: 0, by: -1) { result[r * n + i] *= suffix; suffix *= values[r * n + i] }
        }
        let t = try Tensor.from(result, shape: moved.shape, dtype: dtype)
        return axis == nil ? try t.reshape(shape) : try t.transpose(axis!, -1)
    }

    // MARK: - Max and min

    /// `tensor.max()` / `tensor.min()` over all elements.
    public func max() throws(TensorError) -> Tensor { try extreme(.max, "MaxBackward1", "max") }
    public func min() throws(TensorError) -> Tensor { try extreme(.min, "MinBackward1", "min") }

    private func extreme(_ op: ReduceOp, _ name: String, _ fn: String) throws(TensorError) -> Tensor {
        guard numel > 0 else {
            throw .runtime("\(fn)(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.")
        }
        let out = try computeReduction(op, dims: nil, keepdim: false, dtype: dtype, outDType: dtype)
        let x = self
        let captured = CapturedOutput(out)
        return Tensor.record(name, inputs: [x], output: out, saved: [x, out]) { (g: Tensor) throws(TensorError) in
            let out = captured.value
            // Ties share the gradient evenly, as PyTorch's evenly_distribute_backward does; a NaN result goes to the NaNs.
            let mask = try x.eq(out).logicalOr(x.isnan().logicalAnd(out.isnan()))
            let count = try mask.sum()
            return [try g.div(count).mul(mask)]
        }
    }

    /// `tensor.max(dim, keepdim)` / `tensor.min(dim, keepdim)`: values and int64 indices.
    public func max(dim d: Int, keepdim: Bool = false) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        try extreme(dim: d, keepdim: keepdim, .max, .argmax, "MaxBackward0", "max")
    }

    public func min(dim d: Int, keepdim: Bool = false) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        try extreme(dim: d, keepdim: keepdim, .min, .argmin, "MinBackward0", "min")
    }

    private func extreme(dim d: Int, keepdim: Bool, _ op: ReduceOp, _ argOp: ReduceOp, _ name: String,
                         _ fn: String) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let axis = try normalizeDim(d)
        if dim > 0 && shape[axis] == 0 {
            throw .index("\(fn)(): Expected reduction dim \(axis) to have non-zero size.")
        }
        let values = try computeReduction(op, dims: dim == 0 ? nil : [axis], keepdim: keepdim, dtype: dtype, outDType: dtype)
        let indices = try computeReduction(argOp, dims: dim == 0 ? nil : [axis], keepdim: keepdim, dtype: dtype, outDType: .int64)
        let shape = self.shape
        Tensor.record(name, inputs: [self], output: values, saved: [indices]) { (g: Tensor) throws(TensorError) in
            let gk = keepdim || shape.isEmpty ? g : try g.unsqueeze(axis)
            let ik = keepdim || shape.isEmpty ? indices : try indices.unsqueeze(axis)
            return [try Tensor.zeros(shape, dtype: g.dtype).scatter(axis, ik, gk)]
        }
        return (values, indices)
    }

    /// `torch.argmax(input, dim=None, keepdim=False)`.
    public func argmax(dim d: Int? = nil, keepdim: Bool = false) throws(TensorError) -> Tensor {
        try arg(.argmax, d, keepdim, "argmax")
    }

    public func argmin(dim d: Int? = nil, keepdim: Bool = false) throws(TensorError) -> Tensor {
        try arg(.argmin, d, keepdim, "argmin")
    }

    private func arg(_ op: ReduceOp, _ d: Int?, _ keepdim: Bool, _ fn: String) throws(TensorError) -> Tensor {
        if dtype == .bool { throw TensorError(.notImplemented, "\(fn)(): does not support bool input") }
        if let d {
            let axis = try normalizeDim(d)
            if dim > 0 && shape[axis] == 0 {
                throw .index("\(fn)(): Expected reduction dim \(axis) to have non-zero size.")
            }
            return try computeReduction(op, dims: dim == 0 ? nil : [axis], keepdim: keepdim, dtype: dtype, outDType: .int64)
        }
        guard numel > 0 else {
            throw .index("\(fn)(): Expected reduction dim to be specified for input.numel() == 0.")
        }
        let flat = try computeReduction(op, dims: nil, keepdim: false, dtype: dtype, outDType: .int64)
        return keepdim ? try flat.reshape([Int](repeating: 1, count: dim)) : flat
    }

    // MARK: - Boolean reductions

    /// `tensor.all()` / `tensor.all(dim)`.
    public func all(dim d: Int? = nil, keepdim: Bool = false) throws(TensorError) -> Tensor {
        try computeReduction(.all, dims: d.map { [$0] }, keepdim: keepdim, dtype: dtype, outDType: dtype == .uint8 ? .uint8 : .bool)
    }

    /// `tensor.any()` / `tensor.any(dim)`.
    public func any(dim d: Int? = nil, keepdim: Bool = false) throws(TensorError) -> Tensor {
        try computeReduction(.any, dims: d.map { [$0] }, keepdim: keepdim, dtype: dtype, outDType: dtype == .uint8 ? .uint8 : .bool)
    }

    // MARK: - Statistics

    /// `tensor.var(dim=None, correction=1, keepdim=False)`; unbiased by default.
    public func variance(dims: [Int]? = nil, correction: Double = 1, keepdim: Bool = false) throws(TensorError) -> Tensor {
        try moments(dims: dims, correction: correction, keepdim: keepdim, std: false)
    }

    /// `tensor.std(dim=None, correction=1, keepdim=False)`.
    public func std(dims: [Int]? = nil, correction: Double = 1, keepdim: Bool = false) throws(TensorError) -> Tensor {
        try moments(dims: dims, correction: correction, keepdim: keepdim, std: true)
    }

    private func moments(dims: [Int]?, correction: Double, keepdim: Bool, std: Bool) throws(TensorError) -> Tensor {
        guard isFloatingPoint else {
            throw TensorError(.notImplemented, "std and var only support floating point and complex dtypes")
        }
        let layout = try reductionLayout(dims: dims, keepdim: keepdim, dtype: dtype)
        let n = Double(layout.n)
        let out = try GradMode.with(false) { () throws(TensorError) in
            try computingInOpmath { (x) throws(TensorError) in
                let mu = try x.mean(dims: dims, keepdim: true)
                let dev = try x.sub(mu)
                let ss = try dev.mul(dev).sum(dims: dims, keepdim: keepdim)
                let v = try ss.div(.double(Swift.max(0, n - correction)))
                return std ? try v.sqrt() : v
            }
        }
        let x = self
        let captured = CapturedOutput(out)
        return Tensor.record(std ? "StdBackward0" : "VarBackward0", inputs: [x], output: out, saved: [x, out]) { (g: Tensor) throws(TensorError) in
            let out = captured.value
            // PyTorch's order: g / (2·std) (0 where std == 0), then (2 / dof) · g · (x - mean).
            let gv = std ? try g.div(out.mul(.int(2))).maskedFill(out.eq(.int(0)), .int(0)) : g
            let mu = try x.mean(dims: dims, keepdim: true)
            let gFull = try Tensor.expandReduced(gv, to: x.shape, dims: dims, keepdim: keepdim)
            return [try gFull.mul(.double(2 / (n - correction))).mul(x.sub(mu))]
        }
    }

    /// `tensor.norm(p=2, dim=None, keepdim=False)` (`torch.linalg.vector_norm`).
    public func norm(p: Double = 2, dims: [Int]? = nil, keepdim: Bool = false) throws(TensorError) -> Tensor {
        guard isFloatingPoint else {
            throw TensorError(.notImplemented, "linalg.vector_norm: Expected a floating point or complex tensor as input. Got \(dtype.scalarTypeName)")
        }
        let out = try GradMode.with(false) { () throws(TensorError) in try computingInOpmath { (x) throws(TensorError) in
            let a = try x.abs()
            if p == .infinity { return try dims == nil ? a.max() : a.amax(dims: dims!, keepdim: keepdim) }
            if p == 1 { return try a.sum(dims: dims, keepdim: keepdim) }
            if p == 2 { return try a.mul(a).sum(dims: dims, keepdim: keepdim).sqrt() }
            return try a.pow(.double(p)).sum(dims: dims, keepdim: keepdim).pow(.double(1 / p))
        } }
        let x = self
        let captured = CapturedOutput(out)
        return Tensor.record("LinalgVectorNormBackward0", inputs: [x], output: out, saved: [x, out]) { (g: Tensor) throws(TensorError) in
            let out = captured.value
            let gFull = try Tensor.expandReduced(g, to: x.shape, dims: dims, keepdim: keepdim)
            let nFull = try Tensor.expandReduced(out, to: x.shape, dims: dims, keepdim: keepdim)
            if p == 1 { return [try gFull.mul(x.sign())] }
            if p == .infinity {
                // The gradient is shared evenly among the entries whose |x| attains the max.
                let mask = try x.abs().eq(nFull).to(g.dtype)
                let count = try Tensor.expandReduced(mask.sum(dims: dims, keepdim: keepdim), to: x.shape, dims: dims, keepdim: keepdim)
                return [try gFull.mul(x.sign()).mul(mask).div(count)]
            }
            if p == 2 {
                // PyTorch's order: g * (x / norm), 0 where the norm is 0.
                return [try gFull.mul(x.div(nFull).maskedFill(nFull.eq(.int(0)), .int(0)))]
            }
            if p == 0 { return [try Tensor.zerosLike(x)] }
            if p == .infinity {
                // Ties among the largest |x| share the gradient evenly (PyTorch's norm_backward).
                let mask = try x.abs().eq(nFull).to(g.dtype)
                let count = try Tensor.expandReduced(mask.sum(dims: dims, keepdim: keepdim), to: x.shape, dims: dims, keepdim: keepdim)
                return [try gFull.mul(mask).div(count).mul(x.sign())]
            }
            let zeroNorm = try nFull.eq(.int(0))
            if p < 1 {
                let scaled = try x.abs().pow(.double(p - 1)).maskedFill(x.eq(.int(0)), .int(0)).mul(x.sign())
                return [try gFull.mul(scaled).mul(nFull.pow(.double(1 - p))).maskedFill(zeroNorm, .int(0))]
            }
            let d = try x.abs().pow(.double(p - 1)).mul(x.sign()).div(nFull.pow(.double(p - 1)))
            return [try gFull.mul(d).maskedFill(zeroNorm, .int(0))]
        }
    }

    /// `torch.amax(input, dim, keepdim)`: max over several dims (gradient split among ties).
    public func amax(dims: [Int], keepdim: Bool = false) throws(TensorError) -> Tensor {
        for d in dims where dim > 0 {
            if shape[try normalizeDim(d)] == 0 { throw .index("amax(): Expected reduction dim \(d) to have non-zero size.") }
        }
        let out = try computeReduction(.max, dims: dims, keepdim: keepdim, dtype: dtype, outDType: dtype)
        let x = self
        let captured = CapturedOutput(out)
        return Tensor.record("AmaxBackward0", inputs: [x], output: out, saved: [x, out]) { (g: Tensor) throws(TensorError) in
            let out = captured.value
            let outFull = try Tensor.expandReduced(out, to: x.shape, dims: dims, keepdim: keepdim)
            let mask = try x.eq(outFull).to(g.dtype)
            let count = try Tensor.expandReduced(mask.sum(dims: dims, keepdim: keepdim), to: x.shape, dims: dims, keepdim: keepdim)
            return [try Tensor.expandReduced(g, to: x.shape, dims: dims, keepdim: keepdim).mul(mask).div(count)]
        }
    }

    /// `torch.logsumexp(input, dim, keepdim=False)`, stable against overflow.
    public func logsumexp(dims: [Int], keepdim: Bool = false) throws(TensorError) -> Tensor {
        let x = isFloatingPoint ? self : try to(.defaultFloat)
        let out = try GradMode.with(false) { () throws(TensorError) in try x.computingInOpmath { (x) throws(TensorError) in
            let m = try x.computeReduction(.max, dims: dims, keepdim: true, dtype: x.dtype, outDType: x.dtype)
            let finite = try Tensor.selectValues(m.abs().eq(.double(.infinity)), Tensor.zeros([], dtype: m.dtype), m)
            let r = try x.sub(finite).exp().sum(dims: dims, keepdim: true).log().add(finite)
            return keepdim ? r : try r.reshape(x.reducedShape(dims: dims))
        } }
        let captured = CapturedOutput(out)
        return Tensor.record("LogsumexpBackward0", inputs: [x], output: out, saved: [x, out]) { (g: Tensor) throws(TensorError) in
            let out = captured.value
            let gFull = try Tensor.expandReduced(g, to: x.shape, dims: dims, keepdim: keepdim)
            let oFull = try Tensor.expandReduced(out, to: x.shape, dims: dims, keepdim: keepdim)
            return [try gFull.mul(x.sub(oFull).exp())]
        }
    }

    // MARK: - Softmax

    /// `torch.softmax(input, dim)`.
    public func softmax(dim d: Int) throws(TensorError) -> Tensor {
        let axis = try normalizeDim(d)
        guard isFloatingPoint else {
            let kernel = axis == dim - 1 ? "softmax_lastdim_kernel_impl" : "softmax_kernel_impl"
            throw TensorError(.notImplemented, "\"\(kernel)\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let x = self
        let out = try GradMode.with(false) { () throws(TensorError) in try x.computingInOpmath { (x) throws(TensorError) in
            if x.dtype == .float32 && x.dim > 0 && axis == x.dim - 1 && x.numel > 0 {
                let src = try x.materialized(.float32)
                let out = try Tensor(uninitializedShape: x.shape, dtype: .float32, zeroed: false)
                let n = x.shape[axis]
                softmaxLastDimFloat32(rows: x.numel / n, n: n, src.basePointer(Float.self), out.basePointer(Float.self))
                return out
            }
            let m = try x.computeReduction(.max, dims: x.dim == 0 ? nil : [axis], keepdim: true, dtype: x.dtype, outDType: x.dtype)
            let e = try x.sub(m).exp()
            return try e.div(e.sum(dims: x.dim == 0 ? nil : [axis], keepdim: true))
        } }
        let captured = CapturedOutput(out)
        return Tensor.record("SoftmaxBackward0", inputs: [x], output: out, saved: [out]) { (g: Tensor) throws(TensorError) in
            // One fused kernel in PyTorch: float16 runs in float32 (Note [Half precision]).
            let out = captured.value
            let (gc, y) = g.dtype == .float16 ? (try g.to(.float32), try out.to(.float32)) : (g, out)
            let dot = try gc.mul(y).sum(dims: [axis], keepdim: true)
            return [try y.mul(gc.sub(dot)).to(g.dtype)]
        }
    }

    /// `torch.log_softmax(input, dim)`.
    public func logSoftmax(dim d: Int) throws(TensorError) -> Tensor {
        let axis = try normalizeDim(d)
        guard isFloatingPoint else {
            let kernel = axis == dim - 1 ? "log_softmax_lastdim_kernel_impl" : "log_softmax_kernel_impl"
            throw TensorError(.notImplemented, "\"\(kernel)\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let x = self
        let out = try GradMode.with(false) { () throws(TensorError) in try x.computingInOpmath { (x) throws(TensorError) in
            let m = try x.computeReduction(.max, dims: x.dim == 0 ? nil : [axis], keepdim: true, dtype: x.dtype, outDType: x.dtype)
            let shifted = try x.sub(m)
            return try shifted.sub(shifted.exp().sum(dims: x.dim == 0 ? nil : [axis], keepdim: true).log())
        } }
        let captured = CapturedOutput(out)
        return Tensor.record("LogSoftmaxBackward0", inputs: [x], output: out, saved: [out]) { (g: Tensor) throws(TensorError) in
            let out = captured.value
            let (gc, y) = g.dtype == .float16 ? (try g.to(.float32), try out.to(.float32)) : (g, out)
            return [try gc.sub(y.exp().mul(gc.sum(dims: [axis], keepdim: true))).to(g.dtype)]
        }
    }

    // MARK: - Cumulative

    /// `torch.cumsum(input, dim)`.
    public func cumsum(dim d: Int) throws(TensorError) -> Tensor {
        let axis = try normalizeDim(d)
        let t = sumDType, acc = t.opmath
        let moved = try GradMode.with(false) { () throws(TensorError) in try transpose(axis, -1).materialized(acc) }
        let out = try Tensor(uninitializedShape: moved.shape, dtype: acc)
        let n = moved.shape.last ?? 1
        struct Run: DTypeVisitor {
            let x: Tensor, out: Tensor, n: Int
            func visit<T: ArithmeticElement>(_: T.Type) {
                if n > 0 { cumulativeSumRows(rows: x.numel / n, n: n, x.basePointer(T.self), out.basePointer(T.self)) }
            }
        }
        try acc.visit(Run(x: moved, out: out, n: dim == 0 ? 1 : n))
        let result = try GradMode.with(false) { () throws(TensorError) in try out.transpose(axis, -1).contiguous().materialized(t) }
        result.base = nil
        return Tensor.record("CumsumBackward0", inputs: [self], output: result) { (g: Tensor) throws(TensorError) in
            [try g.flip([axis]).cumsum(dim: axis).flip([axis])]
        }
    }

    // MARK: - Gradient helper

    /// Sums a broadcast gradient back down to `target` (the inverse of broadcasting).
    func sumTo(_ target: [Int]) throws(TensorError) -> Tensor {
        if shape == target { return self }
        let lead = dim - target.count
        var dims: [Int] = Array(0..<Swift.max(lead, 0))
        for (i, s) in target.enumerated() where s == 1 && shape[lead + i] != 1 { dims.append(lead + i) }
        var r = self
        if !dims.isEmpty { r = try r.sum(dims: dims, keepdim: true) }
        if lead > 0 || r.shape != target { r = try r.reshape(target) }
        return r
    }
}
