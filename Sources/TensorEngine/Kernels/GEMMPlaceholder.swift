// Stand-in until the packed GEMM lands (branch gemm).
func sgemm(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, transA: Bool,
           b: UnsafePointer<Float>, ldb: Int, transB: Bool, c: UnsafeMutablePointer<Float>, ldc: Int,
           alpha: Float, beta: Float) {
    for i in 0..<m { for j in 0..<n {
        var acc: Float = 0
        for p in 0..<k { acc += (transA ? a[p * lda + i] : a[i * lda + p]) * (transB ? b[j * ldb + p] : b[p * ldb + j]) }
        c[i * ldc + j] = alpha * acc + (beta == 0 ? 0 : beta * c[i * ldc + j])
    } }
}
func dgemm(m: Int, n: Int, k: Int, a: UnsafePointer<Double>, lda: Int, transA: Bool,
           b: UnsafePointer<Double>, ldb: Int, transB: Bool, c: UnsafeMutablePointer<Double>, ldc: Int,
           alpha: Double, beta: Double) {
    for i in 0..<m { for j in 0..<n {
        var acc: Double = 0
        for p in 0..<k { acc += (transA ? a[p * lda + i] : a[i * lda + p]) * (transB ? b[j * ldb + p] : b[p * ldb + j]) }
        c[i * ldc + j] = alpha * acc + (beta == 0 ? 0 : beta * c[i * ldc + j])
    } }
}
