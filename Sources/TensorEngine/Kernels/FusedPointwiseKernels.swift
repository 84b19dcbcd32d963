/// `addcmul`, `addcdiv` and `lerp` with PyTorch's CPU roundings (Note [Optimizer arithmetic]):
///
///   addcmul   fma(value·t1, t2, x)
///   addcdiv   x + (value·t1)/t2
///   lerp      |w| < 0.5 ? fma(w, end-x, x) : fma(w-1, end-x, end)
enum FusedPointwiseOp: Sendable {
    case addcmul(Scalar)
    case addcdiv(Scalar)
    case lerp(Scalar)
}

/// `out[i] = op(x[i], a[i], b[i])` over operands of stride 1 or 0 (`b` unused by lerp).
func fusedPointwiseKernel<T: FloatElement>(_ op: FusedPointwiseOp, _ n: Int, _ x: Operand<T>, _ a: Operand<T>,
                                           _ b: Operand<T>, _ out: UnsafeMutablePointer<T>) {
    let px = x.pointer, pa = a.pointer, pb = b.pointer, sx = x.stride, sa = a.stride, sb = b.stride
    switch op {
    case .addcmul(let v):
        let value = T(v.doubleValue)
        for i in 0..<n { out[i] = px[i * sx].addingProduct(value * pa[i * sa], pb[i * sb]) }
    case .addcdiv(let v):
        let value = T(v.doubleValue)
        for i in 0..<n { out[i] = px[i * sx] + (value * pa[i * sa]) / pb[i * sb] }
    case .lerp(let w):
        let weight = T(w.doubleValue)
        if Swift.abs(weight) < 0.5 {
            for i in 0..<n { let s = px[i * sx]; out[i] = s.addingProduct(weight, pa[i * sa] - s) }
        } else {
            for i in 0..<n { let s = px[i * sx], e = pa[i * sa]; out[i] = e.addingProduct(weight - 1, e - s) }
        }
    }
}
