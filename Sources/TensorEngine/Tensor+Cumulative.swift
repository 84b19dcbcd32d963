/// Scans along one dim: `cumprod`, `cummax`, `cummin`, `logcumsumexp` (`cumsum` sits with
/// the sums in Tensor+Reduction.swift).
extension Tensor {
    /// `torch.logcumsumexp(input, dim)`: running `log(sum(exp(x)))`, without overflow.
    public func logcumsumexp(dim d: Int) throws(TensorError) -> Tensor {
        guard isFloatingPoint else {
            throw TensorError(.notImplemented, "\"logcumsumexp_out_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let axis = try normalizeDim(d)
        let moved = try GradMode.with(false) { () throws(TensorError) in try transpose(axis, -1).materialized(dtype) }
        let out = try Tensor(uninitializedShape: moved.shape, dtype: dtype)
        let n = dim == 0 ? 1 : (moved.shape.last ?? 1)
        struct Run: FloatVisitor {
            let x: Tensor, out: Tensor, n: Int
            func visit<T: FloatElement>(_: T.Type) {
                guard n > 0 else { return }
                if T.self == Float16.self {
                    logCumSumExpRows(rows: x.numel / n, n: n, x.basePointer(T.self), out.basePointer(T.self), accumulator: Float.self)
                } else {
                    logCumSumExpRows(rows: x.numel / n, n: n, x.basePointer(T.self), out.basePointer(T.self), accumulator: Double.self)
                }
            }
        }
        try dtype.visitFloat(Run(x: moved, out: out, n: n))
        let result = try GradMode.with(false) { () throws(TensorError) in try out.transpose(axis, -1).contiguous() }
        result.base = nil
        let x = self
        let captured = CapturedOutput(result)
        return Tensor.record("LogcumsumexpBackward0", inputs: [x], output: result, saved: [x, result]) { (g: Tensor) throws(TensorError) in
            let result = captured.value
            return [try Tensor.logcumsumexpGradient(g, input: x, output: result, axis: axis)]
        }
    }

    /// Σ_{j≥i} g_j·exp(x_i - out_j), computed in log space with positive and negative
    /// gradients apart (PyTorch's `logcumsumexp_backward`), so large inputs do not overflow.
    /// Missing terms are the dtype's lowest finite value rather than -inf, which keeps the
    /// double backward free of inf - inf.
    static func logcumsumexpGradient(_ g: Tensor, input x: Tensor, output: Tensor, axis: Int) throws(TensorError) -> Tensor {
        if x.dim == 0 { return g }
        func reversedScan(_ t: Tensor) throws(TensorError) -> Tensor { try t.flip([axis]).logcumsumexp(dim: axis).flip([axis]) }
        let logAbs = try g.abs().log()
        let lowest: Double = switch g.dtype {
        case .float16: -Double(Float16.greatestFiniteMagnitude)
        case .float32: -Double(Float.greatestFiniteMagnitude)
        default: -Double.greatestFiniteMagnitude
        }
        let none = try Tensor.full([], .double(lowest), dtype: g.dtype)
        let positive = try Tensor.whereSelect(g.gt(.int(0)), logAbs, none)
        let negative = try Tensor.whereSelect(g.lt(.int(0)), logAbs, none)
        let up = try reversedScan(positive.sub(output)).add(x).exp()
        let down = try reversedScan(negative.sub(output)).add(x).exp()
        return try up.sub(down)
    }

    /// `torch.cumprod(input, dim)`: running products; integral and bool inputs give int64.
    public func cumprod(dim d: Int) throws(TensorError) -> Tensor {
        let axis = try normalizeDim(d)
        let t = sumDType, acc = t.opmath
        let moved = try GradMode.with(false) { () throws(TensorError) in try transpose(axis, -1).materialized(acc) }
        let out = try Tensor(uninitializedShape: moved.shape, dtype: acc)
        let n = dim == 0 ? 1 : (moved.shape.last ?? 1)
        struct Run: DTypeVisitor {
            let x: Tensor, out: Tensor, n: Int
            func visit<T: ArithmeticElement>(_: T.Type) {
                if n > 0 { cumulativeProductRows(rows: x.numel / n, n: n, x.basePointer(T.self), out.basePointer(T.self)) }
            }
        }
        try acc.visit(Run(x: moved, out: out, n: n))
        let result = try GradMode.with(false) { () throws(TensorError) in try out.transpose(axis, -1).contiguous().materialized(t) }
        result.base = nil
        let input = self
        let captured = CapturedOutput(result)
        return Tensor.record("CumprodBackward0", inputs: [self], output: result, saved: [self, result]) { (g: Tensor) throws(TensorError) in
            let result = captured.value
            return [try Tensor.cumprodGradient(g, input: input, output: result, axis: axis)]
        }
    }

    /// d/dx_k Σ_j g_j·y_j = Σ_{j≥k} g_j·y_j / x_k when x has no zeros (reverse cumsum over
    /// the products, divided by x); with zeros, the products are recomputed with x_k left out.
    static func cumprodGradient(_ g: Tensor, input: Tensor, output: Tensor, axis: Int) throws(TensorError) -> Tensor {
        if input.dim == 0 { return g }
        let hasZero = try input.eq(.int(0)).any().item().boolValue
        if !hasZero {
            let reversedSums = try g.mul(output).flip([axis]).cumsum(dim: axis).flip([axis])
            return try reversedSums.div(input)
        }
        let n = input.shape[axis]
        var parts: [Tensor] = []
        for k in 0..<n {
            // Products with x_k replaced by 1, for j ≥ k, weighted by g_j.
            let ones = try Tensor.onesLike(try input.narrow(axis, start: k, length: 1))
            let replaced = try Tensor.cat([try input.narrow(axis, start: 0, length: k), ones, try input.narrow(axis, start: k + 1, length: n - k - 1)], dim: axis)
            let products = try replaced.cumprod(dim: axis)
            let tail = try g.narrow(axis, start: k, length: n - k).mul(try products.narrow(axis, start: k, length: n - k))
            parts.append(try tail.sum(dims: [axis], keepdim: true))
        }
        return try Tensor.cat(parts, dim: axis)
    }

    /// `torch.cummax(input, dim)`: running maxima and where they occurred.
    public func cummax(dim d: Int) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        try cumulativeExtreme(dim: d, max: true, "CummaxBackward0")
    }

    /// `torch.cummin(input, dim)`: running minima and where they occurred.
    public func cummin(dim d: Int) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        try cumulativeExtreme(dim: d, max: false, "CumminBackward0")
    }

    private func cumulativeExtreme(dim d: Int, max: Bool, _ name: String) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let axis = try normalizeDim(d)
        let moved = try GradMode.with(false) { () throws(TensorError) in try transpose(axis, -1).materialized(dtype) }
        let values = try Tensor(uninitializedShape: moved.shape, dtype: dtype)
        let indices = try Tensor(uninitializedShape: moved.shape, dtype: .int64)
        let n = dim == 0 ? 1 : (moved.shape.last ?? 1)
        struct Run: DTypeVisitor {
            let x: Tensor, values: Tensor, indices: Tensor, n: Int, max: Bool
            func visit<T: ArithmeticElement>(_: T.Type) {
                if n > 0 && x.numel > 0 {
                    cumulativeExtremeRows(rows: x.numel / n, n: n, max: max, x.basePointer(T.self),
                                          values.basePointer(T.self), indices.basePointer(Int64.self))
                }
            }
        }
        try dtype.visit(Run(x: moved, values: values, indices: indices, n: n, max: max))
        let (v, i) = try GradMode.with(false) { () throws(TensorError) in
            (try values.transpose(axis, -1).contiguous(), try indices.transpose(axis, -1).contiguous())
        }
        v.base = nil
        i.base = nil
        let shape = self.shape
        let recorded = Tensor.record(name, inputs: [self], output: v, saved: [i]) { (g: Tensor) throws(TensorError) in
            if shape.isEmpty { return [g] }
            return [try Tensor.zeros(shape, dtype: g.dtype).scatterAdd(axis, i, g)]
        }
        return (recorded, i)
    }
}
