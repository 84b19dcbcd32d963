/// The forward values of `addcmul_`, `addcdiv_` and `lerp_`, rounded as PyTorch rounds them.
extension Tensor {
    /// `op(self, a, b)` broadcast to `shape`: floating dtypes through `fusedPointwiseKernel`
    /// (PyTorch's FMAs); integer ones through the plain ops, which are exact. No autograd.
    func computeFusedPointwise(_ op: FusedPointwiseOp, _ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        let dtype = DType.promote(DType.promote(Tensor.resultType(self, a), b.dtype), self.dtype)
        guard dtype.isFloatingPoint else {
            switch op {
            case .addcmul(let v): return try add(a.mul(b).mul(v))
            case .addcdiv(let v): return try add(a.div(b).mul(v))
            case .lerp(let w): return try add(a.sub(self).mul(w))
            }
        }
        let shape = try Shape.broadcast(Shape.broadcast(self.shape, a.shape), b.shape)
        let (tx, sx) = try operand(dtype, shape: shape)
        let (ta, sa) = try a.operand(dtype, shape: shape)
        let (tb, sb) = try b.operand(dtype, shape: shape)
        let out = try Tensor(uninitializedShape: shape, dtype: dtype, zeroed: false)
        struct Run: FloatVisitor {
            let op: FusedPointwiseOp, tx: Tensor, sx: Int, ta: Tensor, sa: Int, tb: Tensor, sb: Int, out: Tensor
            func visit<T: FloatElement>(_: T.Type) {
                let px = tx.basePointer(T.self), pa = ta.basePointer(T.self), pb = tb.basePointer(T.self)
                let po = out.basePointer(T.self)
                parallelRanges(out.numel) { start, end in
                    fusedPointwiseKernel(op, end - start, Operand(pointer: px + start * sx, stride: sx),
                                         Operand(pointer: pa + start * sa, stride: sa),
                                         Operand(pointer: pb + start * sb, stride: sb), po + start)
                }
            }
        }
        if out.numel > 0 { try dtype.visitFloat(Run(op: op, tx: tx, sx: sx, ta: ta, sa: sa, tb: tb, sb: sb, out: out)) }
        return out
    }
}
