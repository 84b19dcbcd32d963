/// Matrix products over strided operands: float32/float64 go to the packed
/// GEMM, other dtypes (and odd layouts) to a plain triple loop.

/// A matrix operand: base pointer plus row and column strides in elements.
struct MatrixOperand<T> {
    let pointer: UnsafeMutablePointer<T>
    let rowStride: Int
    let colStride: Int
}

/// `C[m×n] (+)= A[m×k] · B[k×n]`, with `C` contiguous.
func matmulKernel<T: ArithmeticElement>(m: Int, n: Int, k: Int, _ a: MatrixOperand<T>, _ b: MatrixOperand<T>,
                                        _ c: UnsafeMutablePointer<T>, accumulate: Bool) {
    if m == 0 || n == 0 { return }
    if k == 0 {
        if !accumulate { for i in 0..<(m * n) { c[i] = T.from(int64: 0) } }
        return
    }
    if T.self == Float.self, let done = gemmFloat(m: m, n: n, k: k, a, b, c, accumulate: accumulate), done { return }
    if T.self == Double.self, let done = gemmDouble(m: m, n: n, k: k, a, b, c, accumulate: accumulate), done { return }
    for i in 0..<m {
        for j in 0..<n {
            var acc = accumulate ? c[i * n + j] : T.from(int64: 0)
            for p in 0..<k {
                acc = T.add(acc, T.mul(a.pointer[i * a.rowStride + p * a.colStride], b.pointer[p * b.rowStride + j * b.colStride]))
            }
            c[i * n + j] = acc
        }
    }
}

/// Leading dimension and transpose flag of a BLAS-compatible operand, if it is one.
@inline(__always)
func blasLayout<T>(_ x: MatrixOperand<T>, rows: Int, cols: Int) -> (ld: Int, transposed: Bool)? {
    // The leading dimension must really step over whole rows (columns): an expanded
    // operand (stride 0) is not BLAS-compatible and takes the strided loop.
    if (x.colStride == 1 || cols == 1) && (x.rowStride >= Swift.max(cols, 1) || rows == 1) {
        return (Swift.max(x.rowStride, Swift.max(cols, 1)), false)
    }
    if (x.rowStride == 1 || rows == 1) && (x.colStride >= Swift.max(rows, 1) || cols == 1) {
        return (Swift.max(x.colStride, Swift.max(rows, 1)), true)
    }
    return nil
}

private func gemmFloat<T>(m: Int, n: Int, k: Int, _ a: MatrixOperand<T>, _ b: MatrixOperand<T>,
                          _ c: UnsafeMutablePointer<T>, accumulate: Bool) -> Bool? {
    guard let la = blasLayout(a, rows: m, cols: k), let lb = blasLayout(b, rows: k, cols: n) else { return false }
    let pa = UnsafeRawPointer(a.pointer).assumingMemoryBound(to: Float.self)
    let pb = UnsafeRawPointer(b.pointer).assumingMemoryBound(to: Float.self)
    let pc = UnsafeMutableRawPointer(c).assumingMemoryBound(to: Float.self)
    sgemm(m: m, n: n, k: k, a: pa, lda: la.ld, transA: la.transposed, b: pb, ldb: lb.ld, transB: lb.transposed,
          c: pc, ldc: n, alpha: 1, beta: accumulate ? 1 : 0)
    return true
}

private func gemmDouble<T>(m: Int, n: Int, k: Int, _ a: MatrixOperand<T>, _ b: MatrixOperand<T>,
                           _ c: UnsafeMutablePointer<T>, accumulate: Bool) -> Bool? {
    guard let la = blasLayout(a, rows: m, cols: k), let lb = blasLayout(b, rows: k, cols: n) else { return false }
    let pa = UnsafeRawPointer(a.pointer).assumingMemoryBound(to: Double.self)
    let pb = UnsafeRawPointer(b.pointer).assumingMemoryBound(to: Double.self)
    let pc = UnsafeMutableRawPointer(c).assumingMemoryBound(to: Double.self)
    dgemm(m: m, n: n, k: k, a: pa, lda: la.ld, transA: la.transposed, b: pb, ldb: lb.ld, transB: lb.transposed,
          c: pc, ldc: n, alpha: 1, beta: accumulate ? 1 : 0)
    return true
}
