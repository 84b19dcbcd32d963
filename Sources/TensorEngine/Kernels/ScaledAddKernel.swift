/// `a + alpha·b` rounded once per element (a fused multiply-add), over operands of stride 1 or
/// 0 (broadcast element): what PyTorch's CPU `add`/`sub` kernels compute when `alpha` is not 1.
func scaledAddKernel<T: FloatElement>(_ n: Int, _ a: Operand<T>, _ b: Operand<T>, _ alpha: T,
                                      _ out: UnsafeMutablePointer<T>) {
    let pa = a.pointer, pb = b.pointer
    switch (a.stride, b.stride) {
    case (1, 1): for i in 0..<n { out[i] = pa[i].addingProduct(pb[i], alpha) }
    case (1, 0): let y = pb[0]; for i in 0..<n { out[i] = pa[i].addingProduct(y, alpha) }
    case (0, 1): let x = pa[0]; for i in 0..<n { out[i] = x.addingProduct(pb[i], alpha) }
    default: let r = pa[0].addingProduct(pb[0], alpha); for i in 0..<n { out[i] = r }
    }
}
