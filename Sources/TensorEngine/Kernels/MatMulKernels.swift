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
    if let f = a as? MatrixOperand<Float>, let g = b as? MatrixOperand<Float>,
       packedGEMM(m: m, n: n, k: k, f, g, UnsafeMutableRawPointer(c).assumingMemoryBound(to: Float.self), accumulate: accumulate) {
        return
    }
    if let f = a as? MatrixOperand<Double>, let g = b as? MatrixOperand<Double>,
       packedGEMM(m: m, n: n, k: k, f, g, UnsafeMutableRawPointer(c).assumingMemoryBound(to: Double.self), accumulate: accumulate) {
        return
    }
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

/// The element types the packed GEMM handles.
protocol GEMMElement: ArithmeticElement {
    static func gemm(m: Int, n: Int, k: Int, a: UnsafePointer<Self>, lda: Int, transA: Bool,
                     b: UnsafePointer<Self>, ldb: Int, transB: Bool, c: UnsafeMutablePointer<Self>, ldc: Int,
                     beta: Self)
}

extension Float: GEMMElement {
    static func gemm(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, transA: Bool,
                     b: UnsafePointer<Float>, ldb: Int, transB: Bool, c: UnsafeMutablePointer<Float>, ldc: Int,
                     beta: Float) {
        sgemm(m: m, n: n, k: k, a: a, lda: lda, transA: transA, b: b, ldb: ldb, transB: transB, c: c, ldc: ldc, beta: beta)
    }
}

extension Double: GEMMElement {
    static func gemm(m: Int, n: Int, k: Int, a: UnsafePointer<Double>, lda: Int, transA: Bool,
                     b: UnsafePointer<Double>, ldb: Int, transB: Bool, c: UnsafeMutablePointer<Double>, ldc: Int,
                     beta: Double) {
        dgemm(m: m, n: n, k: k, a: a, lda: lda, transA: transA, b: b, ldb: ldb, transB: transB, c: c, ldc: ldc, beta: beta)
    }
}

/// Runs the packed GEMM when both operands have a BLAS layout; returns false otherwise.
private func packedGEMM<T: GEMMElement>(m: Int, n: Int, k: Int, _ a: MatrixOperand<T>, _ b: MatrixOperand<T>,
                                        _ c: UnsafeMutablePointer<T>, accumulate: Bool) -> Bool {
    guard let la = blasLayout(a, rows: m, cols: k), let lb = blasLayout(b, rows: k, cols: n) else { return false }
    T.gemm(m: m, n: n, k: k, a: a.pointer, lda: la.ld, transA: la.transposed, b: b.pointer, ldb: lb.ld,
           transB: lb.transposed, c: c, ldc: n, beta: accumulate ? T.from(int64: 1) : T.from(int64: 0))
    return true
}
