/// Elementwise loops over contiguous operands.
///
/// Every operand is either a full contiguous buffer (stride 1) or a single
/// broadcast element (stride 0); the op layer materialises anything else
/// first. The op switch sits outside the loops so each loop body is one
/// inlined expression the optimiser can vectorise.

/// Binary ops whose result has the operands' (promoted) dtype.
enum BinaryOp: Sendable {
    case add, sub, mul, div, floorDiv, remainder, fmod, pow, maximum, minimum, atan2
    case bitAnd, bitOr, bitXor
    case hypot, logaddexp
}

/// Comparisons and logical ops, whose result is bool.
enum PredicateOp: Sendable {
    case eq, ne, lt, le, gt, ge
    case logicalAnd, logicalOr, logicalXor
}

/// One operand: base pointer and a stride of 0 (broadcast scalar) or 1.
struct Operand<T> {
    let pointer: UnsafeMutablePointer<T>
    let stride: Int
}

@inline(__always)
private func loop<T, R>(_ n: Int, _ a: Operand<T>, _ b: Operand<T>, _ out: UnsafeMutablePointer<R>,
                        _ f: (T, T) -> R) {
    let pa = a.pointer, pb = b.pointer
    switch (a.stride, b.stride) {
    case (1, 1): for i in 0..<n { out[i] = f(pa[i], pb[i]) }
    case (1, 0): let y = pb[0]; for i in 0..<n { out[i] = f(pa[i], y) }
    case (0, 1): let x = pa[0]; for i in 0..<n { out[i] = f(x, pb[i]) }
    default: let r = f(pa[0], pb[0]); for i in 0..<n { out[i] = r }
    }
}

func binaryKernel<T: ArithmeticElement>(_ op: BinaryOp, _ n: Int, _ a: Operand<T>, _ b: Operand<T>,
                                        _ out: UnsafeMutablePointer<T>) {
    if T.self == Float.self {
        let fa = UnsafeRawPointer(a.pointer).assumingMemoryBound(to: Float.self)
        let fb = UnsafeRawPointer(b.pointer).assumingMemoryBound(to: Float.self)
        let fo = UnsafeMutableRawPointer(out).assumingMemoryBound(to: Float.self)
        if binaryFloat32(op, n, fa, a.stride, fb, b.stride, fo) { return }
    }
    switch op {
    case .add: loop(n, a, b, out, T.add)
    case .sub: loop(n, a, b, out, T.sub)
    case .mul: loop(n, a, b, out, T.mul)
    case .div: loop(n, a, b, out, T.div)
    case .floorDiv: loop(n, a, b, out, T.floorDiv)
    case .remainder: loop(n, a, b, out, T.remainder)
    case .fmod: loop(n, a, b, out, T.fmod)
    case .pow: loop(n, a, b, out, T.pow)
    case .maximum: loop(n, a, b, out, T.maximum)
    case .minimum: loop(n, a, b, out, T.minimum)
    case .atan2: loop(n, a, b, out) { T.from(double: Double.atan2($0.asDouble, $1.asDouble)) }
    case .bitAnd: loop(n, a, b, out) { T.from(int64: $0.asInt64 & $1.asInt64) }
    case .bitOr: loop(n, a, b, out) { T.from(int64: $0.asInt64 | $1.asInt64) }
    case .bitXor: loop(n, a, b, out) { T.from(int64: $0.asInt64 ^ $1.asInt64) }
    case .hypot: loop(n, a, b, out) { T.from(double: SpecialFunctions.hypot($0.asDouble, $1.asDouble)) }
    case .logaddexp: loop(n, a, b, out) { T.from(double: SpecialFunctions.logAddExp($0.asDouble, $1.asDouble)) }
    }
}

func predicateKernel<T: ArithmeticElement>(_ op: PredicateOp, _ n: Int, _ a: Operand<T>, _ b: Operand<T>,
                                           _ out: UnsafeMutablePointer<Bool>) {
    switch op {
    case .eq: loop(n, a, b, out, ==)
    case .ne: loop(n, a, b, out, !=)
    case .lt: loop(n, a, b, out, <)
    case .le: loop(n, a, b, out, <=)
    case .gt: loop(n, a, b, out, >)
    case .ge: loop(n, a, b, out, >=)
    case .logicalAnd: loop(n, a, b, out) { $0.asBool && $1.asBool }
    case .logicalOr: loop(n, a, b, out) { $0.asBool || $1.asBool }
    case .logicalXor: loop(n, a, b, out) { $0.asBool != $1.asBool }
    }
}

/// Unary ops. Those marked floating-only run on float32/float64 after integer inputs are promoted.
enum UnaryOp: Sendable {
    case neg, abs, sign, relu, floor, ceil, round, trunc, square
    case exp, log, log1p, expm1, sqrt, rsqrt, reciprocal, sin, cos, tan, tanh, asin, acos, atan, sinh, cosh
    case sigmoid, erf, log2, log10, exp2, gelu, geluTanh, silu, softplus, frac
    /// GELU through libm's erf, as PyTorch's own loop computes it for one element or a
    /// strided tensor; `.gelu` on contiguous float32 follows Note [GELU through oneDNN].
    case geluLibmErf
    case erfc, erfinv

    /// Ops that keep integer dtypes (everything else promotes integers to the default float).
    var keepsIntegers: Bool {
        switch self {
        case .neg, .abs, .sign, .relu, .floor, .ceil, .round, .trunc, .square: true
        default: false
        }
    }
}

func unaryIntegerKernel<T: ArithmeticElement>(_ op: UnaryOp, _ n: Int, _ x: UnsafeMutablePointer<T>,
                                              _ out: UnsafeMutablePointer<T>) {
    switch op {
    case .neg: for i in 0..<n { out[i] = T.neg(x[i]) }
    case .abs: for i in 0..<n { out[i] = T.abs(x[i]) }
    case .sign: for i in 0..<n { out[i] = T.sign(x[i]) }
    case .relu: for i in 0..<n { out[i] = Swift.max(x[i], T.from(int64: 0)) }
    case .square: for i in 0..<n { out[i] = T.mul(x[i], x[i]) }
    default: for i in 0..<n { out[i] = x[i] }
    }
}

func unaryFloatKernel<T: FloatElement>(_ op: UnaryOp, _ n: Int, _ x: UnsafeMutablePointer<T>,
                                       _ out: UnsafeMutablePointer<T>) {
    if T.self == Float.self {
        let fx = UnsafeRawPointer(x).assumingMemoryBound(to: Float.self)
        let fo = UnsafeMutableRawPointer(out).assumingMemoryBound(to: Float.self)
        if unaryFloat32(op, n, fx, fo) { return }
    }
    switch op {
    case .neg: for i in 0..<n { out[i] = -x[i] }
    case .abs: for i in 0..<n { out[i] = Swift.abs(x[i]) }
    case .sign: for i in 0..<n { out[i] = T.sign(x[i]) }
    case .relu: for i in 0..<n { let v = x[i]; out[i] = v < 0 ? 0 : v }  // NaN and -0.0 pass through, as in PyTorch
    case .floor: for i in 0..<n { out[i] = x[i].rounded(.down) }
    case .ceil: for i in 0..<n { out[i] = x[i].rounded(.up) }
    case .round: for i in 0..<n { out[i] = x[i].rounded(.toNearestOrEven) }
    case .trunc: for i in 0..<n { out[i] = x[i].rounded(.towardZero) }
    case .frac: for i in 0..<n { out[i] = x[i] - x[i].rounded(.towardZero) }
    case .square: for i in 0..<n { out[i] = x[i] * x[i] }
    case .exp: for i in 0..<n { out[i] = T.exp(x[i]) }
    case .exp2: for i in 0..<n { out[i] = T.powf(2, x[i]) }
    case .log: for i in 0..<n { out[i] = T.log(x[i]) }
    case .log1p: for i in 0..<n { out[i] = T.log1p(x[i]) }
    case .expm1: for i in 0..<n { out[i] = T.expm1(x[i]) }
    case .log2: for i in 0..<n { out[i] = T.log2(x[i]) }
    case .log10: for i in 0..<n { out[i] = T.log10(x[i]) }
    case .sqrt: VMLSqrt.map(n, x, out)  // Note [VML sqrt]
    case .rsqrt: for i in 0..<n { out[i] = 1 / x[i].squareRoot() }
    case .reciprocal: for i in 0..<n { out[i] = 1 / x[i] }
    case .sin: for i in 0..<n { out[i] = T.sin(x[i]) }
    case .cos: for i in 0..<n { out[i] = T.cos(x[i]) }
    case .tan: for i in 0..<n { out[i] = T.tan(x[i]) }
    case .tanh: for i in 0..<n { out[i] = T.tanh(x[i]) }
    case .asin: for i in 0..<n { out[i] = T.asin(x[i]) }
    case .acos: for i in 0..<n { out[i] = T.acos(x[i]) }
    case .atan: for i in 0..<n { out[i] = T.atan(x[i]) }
    case .sinh: for i in 0..<n { out[i] = T.sinh(x[i]) }
    case .cosh: for i in 0..<n { out[i] = T.cosh(x[i]) }
    case .erf: for i in 0..<n { out[i] = T.erf(x[i]) }
    case .erfc: for i in 0..<n { out[i] = T(SpecialFunctions.erfc(Double(x[i]))) }
    case .erfinv: for i in 0..<n { out[i] = SpecialFunctions.erfinv(x[i]) }
    case .sigmoid: for i in 0..<n { out[i] = 1 / (1 + T.exp(-x[i])) }
    case .silu: for i in 0..<n { let v = x[i]; out[i] = v / (1 + T.exp(-v)) }
    case .gelu, .geluLibmErf:
        let invSqrt2 = T(0.70710678118654752440)
        for i in 0..<n { let v = x[i]; out[i] = v * 0.5 * (1 + T.erf(v * invSqrt2)) }
    case .geluTanh:
        let k = T(0.79788456080286535588), c = T(0.044715)
        for i in 0..<n { let v = x[i]; out[i] = 0.5 * v * (1 + T.tanh(k * (v + c * v * v * v))) }
    case .softplus:
        for i in 0..<n { let v = x[i]; out[i] = v > 20 ? v : T.log1p(T.exp(v)) }
    }
}

// MARK: - float32 SIMD paths
//
// One small non-inlined function per op: a single function holding every
// inlined vector body grows past the optimizer's caller-size limit, and then
// even `@inline(__always)` helpers (and SIMD `lowHalf`) are left as calls.

/// Explicit `SIMD16<Float>` loops for the common float32 binary ops; false when `op` has none.
@inline(__always)
private func binaryFloat32(_ op: BinaryOp, _ n: Int, _ a: UnsafePointer<Float>, _ sa: Int, _ b: UnsafePointer<Float>,
                           _ sb: Int, _ out: UnsafeMutablePointer<Float>) -> Bool {
    switch op {
    case .add: addFloat32(n, a, sa, b, sb, out)
    case .sub: subFloat32(n, a, sa, b, sb, out)
    case .mul: mulFloat32(n, a, sa, b, sb, out)
    case .div: divFloat32(n, a, sa, b, sb, out)
    default: return false
    }
    return true
}

@inline(never) private func addFloat32(_ n: Int, _ a: UnsafePointer<Float>, _ sa: Int, _ b: UnsafePointer<Float>, _ sb: Int, _ out: UnsafeMutablePointer<Float>) {
    zipFloatVectors(n, a, sa, b, sb, out) { $0 + $1 }
}
@inline(never) private func subFloat32(_ n: Int, _ a: UnsafePointer<Float>, _ sa: Int, _ b: UnsafePointer<Float>, _ sb: Int, _ out: UnsafeMutablePointer<Float>) {
    zipFloatVectors(n, a, sa, b, sb, out) { $0 - $1 }
}
@inline(never) private func mulFloat32(_ n: Int, _ a: UnsafePointer<Float>, _ sa: Int, _ b: UnsafePointer<Float>, _ sb: Int, _ out: UnsafeMutablePointer<Float>) {
    zipFloatVectors(n, a, sa, b, sb, out) { $0 * $1 }
}
@inline(never) private func divFloat32(_ n: Int, _ a: UnsafePointer<Float>, _ sa: Int, _ b: UnsafePointer<Float>, _ sb: Int, _ out: UnsafeMutablePointer<Float>) {
    zipFloatVectors(n, a, sa, b, sb, out) { $0 / $1 }
}

/// float32 unary ops with vector kernels (VectorMath); false when `op` has none.
@inline(__always)
private func unaryFloat32(_ op: UnaryOp, _ n: Int, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>) -> Bool {
    let kernel: (Int, UnsafePointer<Float>, UnsafeMutablePointer<Float>) -> Void
    switch op {
    case .exp: kernel = expFloat32
    case .log: kernel = logFloat32
    case .log1p: kernel = log1pFloat32
    case .expm1: kernel = expm1Float32
    case .tanh: kernel = tanhFloat32
    case .sigmoid: kernel = sigmoidFloat32
    case .silu: kernel = siluFloat32
    case .softplus: kernel = softplusFloat32
    case .relu: kernel = reluFloat32
    case .neg: kernel = negFloat32
    case .square: kernel = squareFloat32
    case .reciprocal: kernel = reciprocalFloat32
    case .gelu: kernel = GeluKernel.apply
    default: return false
    }
    kernel(n, x, out)
    return true
}

@inline(never) private func expFloat32(_ n: Int, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
    mapFloatVectors(n, x, out) { VectorMath.exp($0) }
}
@inline(never) private func logFloat32(_ n: Int, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
    mapFloatVectors(n, x, out) { VectorMath.log($0) }
}
@inline(never) private func log1pFloat32(_ n: Int, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
    mapFloatVectors(n, x, out) { VectorMath.log1p($0) }
}
@inline(never) private func expm1Float32(_ n: Int, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
    mapFloatVectors(n, x, out) { VectorMath.expm1($0) }
}
@inline(never) private func tanhFloat32(_ n: Int, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
    mapFloatVectors(n, x, out) { VectorMath.tanh($0) }
}
@inline(never) private func sigmoidFloat32(_ n: Int, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
    mapFloatVectors(n, x, out) { VectorMath.sigmoid($0, timesInput: false) }
}
@inline(never) private func siluFloat32(_ n: Int, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
    mapFloatVectors(n, x, out) { VectorMath.sigmoid($0, timesInput: true) }
}
/// PyTorch: x > threshold (20) ? x : log1p(exp(x)), in float.
@inline(never) private func softplusFloat32(_ n: Int, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
    mapFloatVectors(n, x, out) { v in VectorMath.log1p(VectorMath.exp(v)).replacing(with: v, where: v .> 20) }
}
/// NaN and -0.0 pass through, as in PyTorch.
@inline(never) private func reluFloat32(_ n: Int, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
    mapFloatVectors(n, x, out) { $0.replacing(with: 0, where: $0 .< 0) }
}
/// By flipping the sign bit: SIMD's prefix `-` is `0 - x`, which maps +0 to +0.
@inline(never) private func negFloat32(_ n: Int, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
    mapFloatVectors(n, x, out) { VectorMath.float(bits: VectorMath.bits($0) ^ Int32Vector(repeating: Int32.min)) }
}
@inline(never) private func squareFloat32(_ n: Int, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
    mapFloatVectors(n, x, out) { $0 * $0 }
}
@inline(never) private func reciprocalFloat32(_ n: Int, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
    mapFloatVectors(n, x, out) { 1 / $0 }
}
