#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scalar special functions behind `erfinv`, `erfc`, `hypot` and `logaddexp`, written
/// as PyTorch's CPU kernels compute them.
enum SpecialFunctions {
    /// The inverse error function, correctly rounded in practice as PyTorch's is: a
    /// rational first guess (central range |y| <= 0.7 and the tails) refined by Newton
    /// steps in double, on erf in the centre and on erfc in the tails (where 1 - |y| is
    /// exact, so the residual keeps its precision). ±1 give ±inf, |y| > 1 gives NaN.
    static func erfinv<T: FloatElement>(_ y: T) -> T {
        T(erfinv(Double(y)))
    }

    static func erfinv(_ y: Double) -> Double {
        let yAbs = Swift.abs(y)
        if yAbs > 1 || y.isNaN { return .nan }
        if yAbs == 1 { return Double(signOf: y, magnitudeOf: .infinity) }
        let twoOverSqrtPi = 1.1283791670955126
        if yAbs <= 0.7 {
            let z = y * y
            let num = ((-0.140543331 * z + 0.914624893) * z - 1.645349621) * z + 0.886226899
            let dem = (((0.012229801 * z - 0.329097515) * z + 1.442710462) * z - 2.118377725) * z + 1
            var x = y * num / dem
            for _ in 0..<3 { x -= (Glibc.erf(x) - y) / (twoOverSqrtPi * exp(-x * x)) }
            return x
        }
        let tail = 1 - yAbs
        let z = (-log(tail / 2)).squareRoot()
        let num = ((1.641345311 * z + 3.429567803) * z - 1.624906493) * z - 1.970840454
        let dem = (1.637067800 * z + 3.543889200) * z + 1
        var x = num / dem
        for _ in 0..<3 { x += (Glibc.erfc(x) - tail) / (twoOverSqrtPi * exp(-x * x)) }
        return Double(signOf: y, magnitudeOf: x)
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
