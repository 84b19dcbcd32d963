/// The forward value of `add(other, alpha)` and `sub(other, alpha)`.
extension Tensor {
    /// `a + alpha·b`, or `a - alpha·b` with `subtract`, with PyTorch's rounding: with `alpha`
    /// other than 1, floating results take one fused multiply-add per element (PyTorch's CPU
    /// kernels compute `fma(b, alpha, a)`, and `sub` is `add` with `-alpha`); integers are exact
    /// (wrapping). No autograd.
    ///
    /// Where `b` repeats along the innermost dimension (a 0-dim tensor, a column broadcast
    /// across rows), PyTorch's loop treats it as a constant and computes a few elements of the
    /// remainder after its 16-lane vectors differently; those can differ in the last bit.
    static func computeAddScaled(_ a: Tensor, _ b: Tensor, _ alpha: Scalar, subtract: Bool,
                                 dtype: DType) throws(TensorError) -> Tensor {
        if alpha == .int(1) { return try computeBinary(a, b, subtract ? .sub : .add, dtype: dtype) }
        guard dtype.isFloatingPoint else {
            let scaled = try computeBinary(b, wrapped(alpha, dtype), .mul, dtype: dtype)
            return try computeBinary(a, scaled, subtract ? .sub : .add, dtype: dtype)
        }
        let shape = try Shape.broadcast(a.shape, b.shape)
        let (ta, sa) = try a.operand(dtype, shape: shape)
        let (tb, sb) = try b.operand(dtype, shape: shape)
        let out = try Tensor(uninitializedShape: shape, dtype: dtype, zeroed: false)
        let factor = subtract ? -alpha.doubleValue : alpha.doubleValue
        struct Run: FloatVisitor {
            let ta: Tensor, sa: Int, tb: Tensor, sb: Int, out: Tensor, factor: Double
            func visit<T: FloatElement>(_: T.Type) {
                let pa = ta.basePointer(T.self), pb = tb.basePointer(T.self), po = out.basePointer(T.self)
                let alpha = T(factor)
                parallelRanges(out.numel) { start, end in
                    scaledAddKernel(end - start, Operand(pointer: pa + start * sa, stride: sa),
                                    Operand(pointer: pb + start * sb, stride: sb), alpha, po + start)
                }
            }
        }
        if out.numel > 0 { try dtype.visitFloat(Run(ta: ta, sa: sa, tb: tb, sb: sb, out: out, factor: factor)) }
        return out
    }
}
