#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Running `log(sum(exp(x)))` along rows (`logcumsumexp`), accumulating in `A` (double
/// for float32 and float64, float for float16, as PyTorch's CPU kernel does) and
/// rounding each output to `T`.
func logCumSumExpRows<T: FloatElement, A: FloatElement>(rows: Int, n: Int, _ x: UnsafeMutablePointer<T>,
                                                       _ out: UnsafeMutablePointer<T>, accumulator _: A.Type) {
    for r in 0..<rows {
        var acc = -A.infinity
        for i in 0..<n {
            acc = logAddExpStep(A(x[r * n + i]), acc)
            out[r * n + i] = T(acc)
        }
    }
}

/// PyTorch's `log_add_exp_helper`: NaN propagates; equal infinities stay as they are.
@inline(__always)
private func logAddExpStep<A: FloatElement>(_ x: A, _ y: A) -> A {
    let lo = y.isNaN ? y : Swift.min(x, y), hi = y.isNaN ? y : Swift.max(x, y)
    if lo != hi || lo.isFinite { return A.log1p(A.exp(lo - hi)) + hi }
    return x
}
