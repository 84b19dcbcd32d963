#if canImport(Glibc)
import Glibc
#endif

/// Per-dtype arithmetic with PyTorch's semantics: integers wrap on overflow,
/// floor division and remainder follow Python's sign rules, and nothing traps
/// (integer division by zero is rejected before a kernel runs).
protocol ArithmeticElement: TensorElement, Comparable {
    static func add(_ a: Self, _ b: Self) -> Self
    static func sub(_ a: Self, _ b: Self) -> Self
    static func mul(_ a: Self, _ b: Self) -> Self
    /// Division for the floating types; integer operands are converted before true division.
    static func div(_ a: Self, _ b: Self) -> Self
    static func floorDiv(_ a: Self, _ b: Self) -> Self
    static func remainder(_ a: Self, _ b: Self) -> Self
    static func fmod(_ a: Self, _ b: Self) -> Self
    static func pow(_ a: Self, _ b: Self) -> Self
    static func maximum(_ a: Self, _ b: Self) -> Self
    static func minimum(_ a: Self, _ b: Self) -> Self
    static func neg(_ a: Self) -> Self
    static func abs(_ a: Self) -> Self
    static func sign(_ a: Self) -> Self
    var isNaNValue: Bool { get }
}

// MARK: - Floating point

protocol FloatElement: ArithmeticElement, BinaryFloatingPoint {
    static func exp(_ x: Self) -> Self
    static func log(_ x: Self) -> Self
    static func log1p(_ x: Self) -> Self
    static func expm1(_ x: Self) -> Self
    static func sin(_ x: Self) -> Self
    static func cos(_ x: Self) -> Self
    static func tan(_ x: Self) -> Self
    static func tanh(_ x: Self) -> Self
    static func asin(_ x: Self) -> Self
    static func acos(_ x: Self) -> Self
    static func atan(_ x: Self) -> Self
    static func sinh(_ x: Self) -> Self
    static func cosh(_ x: Self) -> Self
    static func erf(_ x: Self) -> Self
    static func powf(_ x: Self, _ y: Self) -> Self
    static func fmodf(_ x: Self, _ y: Self) -> Self
    static func atan2(_ y: Self, _ x: Self) -> Self
    static func log2(_ x: Self) -> Self
    static func log10(_ x: Self) -> Self
}

extension FloatElement {
    @inline(__always) static func add(_ a: Self, _ b: Self) -> Self { a + b }
    @inline(__always) static func sub(_ a: Self, _ b: Self) -> Self { a - b }
    @inline(__always) static func mul(_ a: Self, _ b: Self) -> Self { a * b }
    @inline(__always) static func div(_ a: Self, _ b: Self) -> Self { a / b }
    /// PyTorch's `div_floor_floating`: computed through fmod so that exact
    /// quotients are not pushed down by rounding.
    @inline(__always) static func floorDiv(_ a: Self, _ b: Self) -> Self {
        if b == 0 { return a / b }
        let mod = fmodf(a, b)
        var div = (a - mod) / b
        if mod != 0 && (b < 0) != (mod < 0) { div -= 1 }
        if div != 0 {
            var floordiv = div.rounded(.down)
            if div - floordiv > 0.5 { floordiv += 1 }
            return floordiv
        }
        return Self(signOf: a / b, magnitudeOf: 0)
    }
    @inline(__always) static func remainder(_ a: Self, _ b: Self) -> Self {
        var mod = fmodf(a, b)
        if mod != 0 && (b < 0) != (mod < 0) { mod += b }
        return mod
    }
    @inline(__always) static func fmod(_ a: Self, _ b: Self) -> Self { fmodf(a, b) }
    @inline(__always) static func pow(_ a: Self, _ b: Self) -> Self {
        if b == 2 { return a * a }
        if b == 1 { return a }
        if b == 0.5 { return a.squareRoot() }
        return powf(a, b)
    }
    /// NaN-propagating, like `torch.maximum`.
    @inline(__always) static func maximum(_ a: Self, _ b: Self) -> Self { a.isNaN || b.isNaN ? .nan : Swift.max(a, b) }
    @inline(__always) static func minimum(_ a: Self, _ b: Self) -> Self { a.isNaN || b.isNaN ? .nan : Swift.min(a, b) }
    @inline(__always) static func neg(_ a: Self) -> Self { -a }
    @inline(__always) static func abs(_ a: Self) -> Self { Swift.abs(a) }
    /// `(0 < a) - (a < 0)` as PyTorch computes it: NaN and -0.0 give 0.
    @inline(__always) static func sign(_ a: Self) -> Self { a > 0 ? 1 : (a < 0 ? -1 : 0) }
    @inline(__always) var isNaNValue: Bool { isNaN }
}

extension Float: ArithmeticElement, FloatElement {
    @inline(__always) static func exp(_ x: Float) -> Float { expf(x) }
    @inline(__always) static func log(_ x: Float) -> Float { logf(x) }
    @inline(__always) static func log1p(_ x: Float) -> Float { log1pf(x) }
    @inline(__always) static func expm1(_ x: Float) -> Float { expm1f(x) }
    @inline(__always) static func sin(_ x: Float) -> Float { sinf(x) }
    @inline(__always) static func cos(_ x: Float) -> Float { cosf(x) }
    @inline(__always) static func tan(_ x: Float) -> Float { tanf(x) }
    @inline(__always) static func tanh(_ x: Float) -> Float { tanhf(x) }
    @inline(__always) static func asin(_ x: Float) -> Float { asinf(x) }
    @inline(__always) static func acos(_ x: Float) -> Float { acosf(x) }
    @inline(__always) static func atan(_ x: Float) -> Float { atanf(x) }
    @inline(__always) static func sinh(_ x: Float) -> Float { sinhf(x) }
    @inline(__always) static func cosh(_ x: Float) -> Float { coshf(x) }
    @inline(__always) static func erf(_ x: Float) -> Float { erff(x) }
    @inline(__always) static func powf(_ x: Float, _ y: Float) -> Float { Glibc.powf(x, y) }
    @inline(__always) static func fmodf(_ x: Float, _ y: Float) -> Float { Glibc.fmodf(x, y) }
    @inline(__always) static func atan2(_ y: Float, _ x: Float) -> Float { atan2f(y, x) }
    @inline(__always) static func log2(_ x: Float) -> Float { log2f(x) }
    @inline(__always) static func log10(_ x: Float) -> Float { log10f(x) }
}

extension Double: ArithmeticElement, FloatElement {
    @inline(__always) static func exp(_ x: Double) -> Double { Glibc.exp(x) }
    @inline(__always) static func log(_ x: Double) -> Double { Glibc.log(x) }
    @inline(__always) static func log1p(_ x: Double) -> Double { Glibc.log1p(x) }
    @inline(__always) static func expm1(_ x: Double) -> Double { Glibc.expm1(x) }
    @inline(__always) static func sin(_ x: Double) -> Double { Glibc.sin(x) }
    @inline(__always) static func cos(_ x: Double) -> Double { Glibc.cos(x) }
    @inline(__always) static func tan(_ x: Double) -> Double { Glibc.tan(x) }
    @inline(__always) static func tanh(_ x: Double) -> Double { Glibc.tanh(x) }
    @inline(__always) static func asin(_ x: Double) -> Double { Glibc.asin(x) }
    @inline(__always) static func acos(_ x: Double) -> Double { Glibc.acos(x) }
    @inline(__always) static func atan(_ x: Double) -> Double { Glibc.atan(x) }
    @inline(__always) static func sinh(_ x: Double) -> Double { Glibc.sinh(x) }
    @inline(__always) static func cosh(_ x: Double) -> Double { Glibc.cosh(x) }
    @inline(__always) static func erf(_ x: Double) -> Double { Glibc.erf(x) }
    @inline(__always) static func powf(_ x: Double, _ y: Double) -> Double { Glibc.pow(x, y) }
    @inline(__always) static func fmodf(_ x: Double, _ y: Double) -> Double { Glibc.fmod(x, y) }
    @inline(__always) static func atan2(_ y: Double, _ x: Double) -> Double { Glibc.atan2(y, x) }
    @inline(__always) static func log2(_ x: Double) -> Double { Glibc.log2(x) }
    @inline(__always) static func log10(_ x: Double) -> Double { Glibc.log10(x) }
}

/// Each function rounds once from float32, as PyTorch's Half kernels do. Tensor ops on
/// float16 run in float32 (Note [Half precision]); these serve generic code that touches
/// single elements.
extension Float16: ArithmeticElement, FloatElement {
    @inline(__always) static func exp(_ x: Float16) -> Float16 { Float16(expf(Float(x))) }
    @inline(__always) static func log(_ x: Float16) -> Float16 { Float16(logf(Float(x))) }
    @inline(__always) static func log1p(_ x: Float16) -> Float16 { Float16(log1pf(Float(x))) }
    @inline(__always) static func expm1(_ x: Float16) -> Float16 { Float16(expm1f(Float(x))) }
    @inline(__always) static func sin(_ x: Float16) -> Float16 { Float16(sinf(Float(x))) }
    @inline(__always) static func cos(_ x: Float16) -> Float16 { Float16(cosf(Float(x))) }
    @inline(__always) static func tan(_ x: Float16) -> Float16 { Float16(tanf(Float(x))) }
    @inline(__always) static func tanh(_ x: Float16) -> Float16 { Float16(tanhf(Float(x))) }
    @inline(__always) static func asin(_ x: Float16) -> Float16 { Float16(asinf(Float(x))) }
    @inline(__always) static func acos(_ x: Float16) -> Float16 { Float16(acosf(Float(x))) }
    @inline(__always) static func atan(_ x: Float16) -> Float16 { Float16(atanf(Float(x))) }
    @inline(__always) static func sinh(_ x: Float16) -> Float16 { Float16(sinhf(Float(x))) }
    @inline(__always) static func cosh(_ x: Float16) -> Float16 { Float16(coshf(Float(x))) }
    @inline(__always) static func erf(_ x: Float16) -> Float16 { Float16(erff(Float(x))) }
    @inline(__always) static func powf(_ x: Float16, _ y: Float16) -> Float16 { Float16(Glibc.powf(Float(x), Float(y))) }
    @inline(__always) static func fmodf(_ x: Float16, _ y: Float16) -> Float16 { Float16(Glibc.fmodf(Float(x), Float(y))) }
    @inline(__always) static func atan2(_ y: Float16, _ x: Float16) -> Float16 { Float16(atan2f(Float(y), Float(x))) }
    @inline(__always) static func log2(_ x: Float16) -> Float16 { Float16(log2f(Float(x))) }
    @inline(__always) static func log10(_ x: Float16) -> Float16 { Float16(log10f(Float(x))) }
}

// MARK: - Integers

extension ArithmeticElement where Self: FixedWidthInteger {
    @inline(__always) static func add(_ a: Self, _ b: Self) -> Self { a &+ b }
    @inline(__always) static func sub(_ a: Self, _ b: Self) -> Self { a &- b }
    @inline(__always) static func mul(_ a: Self, _ b: Self) -> Self { a &* b }
    @inline(__always) static func div(_ a: Self, _ b: Self) -> Self { b == 0 ? 0 : (b == -1 ? 0 &- a : a / b) }
    @inline(__always) static func floorDiv(_ a: Self, _ b: Self) -> Self {
        if b == 0 { return 0 }
        if Self.isSigned && b == -1 { return 0 &- a }
        let q = a / b, r = a % b
        return (r != 0 && ((r < 0) != (b < 0))) ? q - 1 : q
    }
    @inline(__always) static func remainder(_ a: Self, _ b: Self) -> Self {
        if b == 0 || (Self.isSigned && b == -1) { return 0 }
        let r = a % b
        return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r
    }
    @inline(__always) static func fmod(_ a: Self, _ b: Self) -> Self {
        if b == 0 || (Self.isSigned && b == -1) { return 0 }
        return a % b
    }
    /// Exponentiation by squaring with wrap-around. A negative exponent (allowed for tensor
    /// exponents) gives PyTorch's `powi`: 1 for base 1, ±1 for base -1, otherwise 0.
    @inline(__always) static func pow(_ a: Self, _ b: Self) -> Self {
        if b < 0 {
            if a == 1 { return 1 }
            if Self.isSigned && a == 0 &- 1 { return b & 1 == 0 ? 1 : a }
            return 0
        }
        var result: Self = 1, base = a, e = b
        while e > 0 {
            if e & 1 == 1 { result = result &* base }
            base = base &* base
            e >>= 1
        }
        return result
    }
    @inline(__always) static func maximum(_ a: Self, _ b: Self) -> Self { Swift.max(a, b) }
    @inline(__always) static func minimum(_ a: Self, _ b: Self) -> Self { Swift.min(a, b) }
    @inline(__always) static func neg(_ a: Self) -> Self { 0 &- a }
    @inline(__always) static func abs(_ a: Self) -> Self { a < 0 ? 0 &- a : a }
    @inline(__always) static func sign(_ a: Self) -> Self { a > 0 ? 1 : (a < 0 ? 0 &- 1 : 0) }
    @inline(__always) var isNaNValue: Bool { false }
}

extension Int64: ArithmeticElement {}
extension Int32: ArithmeticElement {}
extension Int16: ArithmeticElement {}
extension Int8: ArithmeticElement {}
extension UInt8: ArithmeticElement {}

extension Bool: @retroactive Comparable {
    public static func < (a: Bool, b: Bool) -> Bool { !a && b }
}

extension Bool: ArithmeticElement {
    @inline(__always) static func add(_ a: Bool, _ b: Bool) -> Bool { a || b }
    @inline(__always) static func sub(_ a: Bool, _ b: Bool) -> Bool { a != b }
    @inline(__always) static func mul(_ a: Bool, _ b: Bool) -> Bool { a && b }
    @inline(__always) static func div(_ a: Bool, _ b: Bool) -> Bool { a && b }
    @inline(__always) static func floorDiv(_ a: Bool, _ b: Bool) -> Bool { a && b }
    @inline(__always) static func remainder(_ a: Bool, _ b: Bool) -> Bool { false }
    @inline(__always) static func fmod(_ a: Bool, _ b: Bool) -> Bool { false }
    @inline(__always) static func pow(_ a: Bool, _ b: Bool) -> Bool { a || !b }
    @inline(__always) static func maximum(_ a: Bool, _ b: Bool) -> Bool { a || b }
    @inline(__always) static func minimum(_ a: Bool, _ b: Bool) -> Bool { a && b }
    @inline(__always) static func neg(_ a: Bool) -> Bool { a }
    @inline(__always) static func abs(_ a: Bool) -> Bool { a }
    @inline(__always) static func sign(_ a: Bool) -> Bool { a }
    @inline(__always) var isNaNValue: Bool { false }
}
