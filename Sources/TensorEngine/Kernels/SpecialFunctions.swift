#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scalar special functions behind `erfinv`, `erfc`, `hypot` and `logaddexp`, written
/// as PyTorch's CPU kernels compute them.
enum SpecialFunctions {
    /// PyTorch's `calc_erfinv`: a rational first guess (central range |y| <= 0.7 and the
    /// tails) refined by two Newton steps on erf. ±1 give ±inf, |y| > 1 gives NaN.
    static func erfinv<T: FloatElement>(_ y: T) -> T {
        let a: [T] = [0.886226899, -1.645349621, 0.914624893, -0.140543331]
        let b: [T] = [-2.118377725, 1.442710462, -0.329097515, 0.012229801]
        let c: [T] = [-1.970840454, -1.624906493, 3.429567803, 1.641345311]
        let d: [T] = [3.543889200, 1.637067800]
        let yAbs = Swift.abs(y)
        if yAbs > 1 { return .nan }
        if yAbs == 1 { return T(signOf: y, magnitudeOf: .infinity) }
        var x: T
        if yAbs <= T(0.7) {
            let z = y * y
            let num = ((a[3] * z + a[2]) * z + a[1]) * z + a[0]
            let dem = (((b[3] * z + b[2]) * z + b[1]) * z + b[0]) * z + 1
            x = y * num / dem
        } else {
            let z = (-T.log((1 - yAbs) / 2)).squareRoot()
            let num = ((c[3] * z + c[2]) * z + c[1]) * z + c[0]
            let dem = (d[1] * z + d[0]) * z + 1
            x = T(signOf: y, magnitudeOf: num) / dem
        }
        let twoOverSqrtPi = 2 / T(1.7724538509055159)
        for _ in 0..<2 { x -= (T.erf(x) - y) / (twoOverSqrtPi * T.exp(-x * x)) }
        return x
    }

    static func erfc(_ x: Double) -> Double { Glibc.erfc(x) }

    static func hypot(_ a: Double, _ b: Double) -> Double { Glibc.hypot(a, b) }

    /// `log(exp(a) + exp(b))` as `max + log1p(exp(-|a - b|))`; equal infinities give themselves.
    static func logAddExp(_ a: Double, _ b: Double) -> Double {
        if a.isInfinite && a == b { return a }
        let m = a.isNaN || b.isNaN ? Double.nan : Swift.max(a, b)
        return m + log1p(exp(-Swift.abs(a - b)))
    }
}
