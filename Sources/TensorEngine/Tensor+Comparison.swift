/// Comparisons, logical ops, `where`, `clamp` and `masked_fill`.
extension Tensor {
    // MARK: - Comparisons (bool results, no gradient)

    func computePredicateScalar(_ op: PredicateOp, _ s: Scalar) throws(TensorError) -> Tensor {
        let dtype = Tensor.resultType(self, s)
        return try Tensor.computePredicate(self, Tensor.wrapped(s, dtype), op, dtype: dtype)
    }

    private func compare(_ other: Tensor, _ op: PredicateOp) throws(TensorError) -> Tensor {
        try Tensor.computePredicate(self, other, op, dtype: Tensor.resultType(self, other))
    }

    public func eq(_ other: Tensor) throws(TensorError) -> Tensor { try compare(other, .eq) }
    public func ne(_ other: Tensor) throws(TensorError) -> Tensor { try compare(other, .ne) }
    public func lt(_ other: Tensor) throws(TensorError) -> Tensor { try compare(other, .lt) }
    public func le(_ other: Tensor) throws(TensorError) -> Tensor { try compare(other, .le) }
    public func gt(_ other: Tensor) throws(TensorError) -> Tensor { try compare(other, .gt) }
    public func ge(_ other: Tensor) throws(TensorError) -> Tensor { try compare(other, .ge) }
    public func eq(_ s: Scalar) throws(TensorError) -> Tensor { try computePredicateScalar(.eq, s) }
    public func ne(_ s: Scalar) throws(TensorError) -> Tensor { try computePredicateScalar(.ne, s) }
    public func lt(_ s: Scalar) throws(TensorError) -> Tensor { try computePredicateScalar(.lt, s) }
    public func le(_ s: Scalar) throws(TensorError) -> Tensor { try computePredicateScalar(.le, s) }
    public func gt(_ s: Scalar) throws(TensorError) -> Tensor { try computePredicateScalar(.gt, s) }
    public func ge(_ s: Scalar) throws(TensorError) -> Tensor { try computePredicateScalar(.ge, s) }

    /// `torch.equal(a, b)`: same shape and same values.
    public func equal(_ other: Tensor) throws(TensorError) -> Bool {
        guard shape == other.shape else { return false }
        return try eq(other).toArray(Bool.self).allSatisfy { $0 }
    }

    /// `torch.allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)`.
    public func allclose(_ other: Tensor, rtol: Double = 1e-5, atol: Double = 1e-8, equalNaN: Bool = false) throws(TensorError) -> Bool {
        try isclose(other, rtol: rtol, atol: atol, equalNaN: equalNaN).toArray(Bool.self).allSatisfy { $0 }
    }

    /// `torch.isclose`: `|a - b| <= atol + rtol * |b|`, elementwise.
    public func isclose(_ other: Tensor, rtol: Double = 1e-5, atol: Double = 1e-8, equalNaN: Bool = false) throws(TensorError) -> Tensor {
        let shape = try Shape.broadcast(self.shape, other.shape)
        let a = try broadcastView(to: shape).toArray(Double.self)
        let b = try other.broadcastView(to: shape).toArray(Double.self)
        let close = zip(a, b).map { x, y in
            if x == y { return true }
            if x.isNaN || y.isNaN { return equalNaN && x.isNaN && y.isNaN }
            return Swift.abs(x - y) <= atol + rtol * Swift.abs(y)
        }
        return try Tensor.from(close, shape: shape)
    }

    public func isnan() throws(TensorError) -> Tensor { try ne(self) }
    public func isinf() throws(TensorError) -> Tensor { try abs().eq(.double(.infinity)) }
    public func isfinite() throws(TensorError) -> Tensor {
        try Tensor.from(toArray(Double.self).map(\.isFinite), shape: shape)
    }

    // MARK: - Logical

    public func logicalAnd(_ other: Tensor) throws(TensorError) -> Tensor { try compare(other, .logicalAnd) }
    public func logicalOr(_ other: Tensor) throws(TensorError) -> Tensor { try compare(other, .logicalOr) }
    public func logicalXor(_ other: Tensor) throws(TensorError) -> Tensor { try compare(other, .logicalXor) }
    public func logicalNot() throws(TensorError) -> Tensor { try computePredicateScalar(.eq, .int(0)) }

    /// `~tensor`: logical not for bool, bitwise not for integers.
    public func bitwiseNot() throws(TensorError) -> Tensor {
        switch dtype {
        case .bool: return try logicalNot()
        case .float16, .float32, .float64:
            throw TensorError(.notImplemented, "\"bitwise_not_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        default:
            return try Tensor.from(toArray(Int64.self).map { ~$0 }, shape: shape, dtype: dtype)
        }
    }

    // MARK: - Selection

    /// Picks `a` where `cond` is true and `b` elsewhere, with broadcasting. No autograd.
    static func selectValues(_ cond: Tensor, _ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        let dtype = resultType(a, b)
        let shape = try Shape.broadcast(Shape.broadcast(cond.shape, a.shape), b.shape)
        let c = try cond.broadcastView(to: shape).materialized(.bool)
        let ta = try a.broadcastView(to: shape).materialized(dtype)
        let tb = try b.broadcastView(to: shape).materialized(dtype)
        let out = try Tensor(uninitializedShape: shape, dtype: dtype)
        struct Run: DTypeVisitor {
            let c: Tensor, a: Tensor, b: Tensor, out: Tensor
            func visit<T: ArithmeticElement>(_: T.Type) {
                let pc = c.basePointer(Bool.self), pa = a.basePointer(T.self), pb = b.basePointer(T.self)
                let po = out.basePointer(T.self)
                for i in 0..<out.numel { po[i] = pc[i] ? pa[i] : pb[i] }
            }
        }
        try dtype.visit(Run(c: c, a: ta, b: tb, out: out))
        return out
    }

    /// `torch.where(condition, input, other)`.
    public static func whereSelect(_ cond: Tensor, _ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        guard cond.dtype == .bool || cond.dtype == .uint8 else {
            throw .runtime("where expected condition to be a boolean tensor, but got a tensor with dtype \(cond.dtype.scalarTypeName)")
        }
        let out = try selectValues(cond, a, b)
        return record("WhereBackward0", inputs: [a, b], output: out, saved: [cond]) { (g: Tensor) throws(TensorError) in
            let zeros = try Tensor.zerosLike(g)
            return [try whereSelect(cond, g, zeros).sumTo(a.shape), try whereSelect(cond, zeros, g).sumTo(b.shape)]
        }
    }

    /// `torch.where(condition, input, number)` and friends: scalars become wrapped 0-dim tensors.
    public static func whereSelect(_ cond: Tensor, _ a: Tensor, _ s: Scalar) throws(TensorError) -> Tensor {
        try whereSelect(cond, a, wrapped(s, resultType(a, s)))
    }

    /// `tensor.masked_fill(mask, value)`.
    public func maskedFill(_ mask: Tensor, _ value: Scalar) throws(TensorError) -> Tensor {
        guard mask.dtype == .bool else {
            throw .runtime("masked_fill_ only supports boolean masks, but got mask with dtype \(mask.dtype.cppName)")
        }
        // Out of place, the mask may broadcast the input to a larger shape.
        let out = try Tensor.selectValues(mask, Tensor.wrapped(value, dtype), self)
        let shape = self.shape
        return Tensor.record("MaskedFillBackward0", inputs: [self], output: out, saved: [mask]) { (g: Tensor) throws(TensorError) in
            [try g.maskedFill(mask, .int(0)).sumTo(shape)]
        }
    }

    /// `torch.clamp(input, min=None, max=None)` with number bounds.
    public func clamp(min lo: Scalar? = nil, max hi: Scalar? = nil) throws(TensorError) -> Tensor {
        guard lo != nil || hi != nil else {
            throw .runtime("torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        var dtype = self.dtype
        if let lo { dtype = Tensor.resultType(self, lo) }
        if let hi { dtype = DType.promote(dtype, Tensor.resultType(self, hi)) }
        var out = try materialized(dtype)
        if out === self { out = try clone(recording: false) }
        if let lo { out = try Tensor.computeBinary(out, Tensor.wrapped(lo, dtype), .maximum, dtype: dtype) }
        if let hi { out = try Tensor.computeBinary(out, Tensor.wrapped(hi, dtype), .minimum, dtype: dtype) }
        let x = self
        return Tensor.record("ClampBackward1", inputs: [x], output: out, saved: [x]) { (g: Tensor) throws(TensorError) in
            // PyTorch passes the gradient strictly inside the bounds (0 at a bound and at NaN).
            var keep = try Tensor.full(x.shape, .bool(true))
            if let lo { keep = try keep.logicalAnd(x.gt(lo)) }
            if let hi { keep = try keep.logicalAnd(x.lt(hi)) }
            return [try g.mul(keep)]
        }
    }

    /// `torch.clamp(input, min=tensor, max=tensor)`.
    public func clamp(min lo: Tensor?, max hi: Tensor?) throws(TensorError) -> Tensor {
        guard lo != nil || hi != nil else {
            throw .runtime("torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        let out = try GradMode.with(false) { () throws(TensorError) in
            var out = self
            if let lo { out = try out.maximum(lo) }
            if let hi { out = try out.minimum(hi) }
            return out === self ? try clone(recording: false) : out
        }
        let x = self
        let bounds = [lo, hi].compactMap { $0 }
        // Gradient goes to `min` where x < min, to `max` where x > max, and to x elsewhere (NaN included).
        return Tensor.record("ClampBackward0", inputs: [x] + bounds, output: out, saved: [x] + bounds) { (g: Tensor) throws(TensorError) in
            var below = try Tensor.full(x.shape, .bool(false)), above = below
            if let lo { below = try x.lt(lo) }
            if let hi { above = try x.gt(hi) }
            let zero = try Tensor.zeros([], dtype: g.dtype)
            var grads: [Tensor?] = [try Tensor.whereSelect(below.logicalOr(above), zero, g).sumTo(x.shape)]
            if let lo { grads.append(try Tensor.whereSelect(below, g, zero).sumTo(lo.shape)) }
            if let hi { grads.append(try Tensor.whereSelect(above, g, zero).sumTo(hi.shape)) }
            return grads
        }
    }
}
