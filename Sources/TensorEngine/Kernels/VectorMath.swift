/// Vectorised float32 transcendental functions on `SIMD16<Float>` (one zmm
/// register with AVX-512), used by the elementwise kernels instead of one libm
/// call per element.
///
/// Accuracy (Note [VectorMath accuracy]): every function is within 1 ulp of the
/// correctly rounded result over all float32 inputs, like the SLEEF `_u10`
/// functions PyTorch calls, and handles ±0, subnormals, ±inf, NaN and the
/// overflow/underflow thresholds as glibc does. Measured maxima are listed in
/// the tests (Tests/TensorEngineTests/Kernels/VectorMathTests.swift).
///
/// - `exp`, `log`, `log1p` work in float: Cody–Waite range reduction and
///   minimax polynomials with explicit FMA, and compensated sums where the
///   last rounding would otherwise push the error past 1 ulp.
/// - `tanh`, `sigmoid`, `silu` and `expm1` suffer cancellation in float, so they
///   evaluate in double (`SIMD8<Double>` halves) with a ~2^-34 accurate exp and
///   round once at the end, which makes them correctly rounded in practice.
///
/// Results do not depend on an element's position: the scalar tail goes
/// through the same vector code (padded lanes), so thread splits cannot change
/// a value.
///
/// SIMD's prefix `-` is `0 - x` (+0 stays +0): negate by flipping the sign bit
/// where -0 matters.
///
/// Keep these functions concrete and `@inline(__always)`: generic SIMD code
/// and `pointwiseMin`/`pointwiseMax` compile to per-lane loops (see
/// pytorch-facts §5); selects are written with `replacing(with:where:)`.
typealias FloatVector = SIMD16<Float>
typealias Int32Vector = SIMD16<Int32>
typealias DoubleVector = SIMD8<Double>
typealias Int64Vector = SIMD8<Int64>

enum VectorMath {
    // MARK: Bit helpers

    @inline(__always) static func bits(_ v: FloatVector) -> Int32Vector { unsafeBitCast(v, to: Int32Vector.self) }
    @inline(__always) static func float(bits v: Int32Vector) -> FloatVector { unsafeBitCast(v, to: FloatVector.self) }

    @inline(__always) static func splitToDouble(_ x: FloatVector) -> (DoubleVector, DoubleVector) {
        (DoubleVector(x.lowHalf), DoubleVector(x.highHalf))
    }

    @inline(__always) static func joinToFloat(_ lo: DoubleVector, _ hi: DoubleVector) -> FloatVector {
        FloatVector(lowHalf: SIMD8<Float>(lo), highHalf: SIMD8<Float>(hi))
    }

    /// Lanes of `y` where `x` is NaN replaced by `x` (NaN in, the same NaN out).
    @inline(__always) static func passNaN(_ x: FloatVector, _ y: FloatVector) -> FloatVector {
        y.replacing(with: x, where: x .!= x)
    }

    // MARK: exp

    /// e^x. Overflows to +inf above 88.7228394 and underflows (through the
    /// subnormals) to +0 below -103.972.
    @inline(__always)
    static func exp(_ x: FloatVector) -> FloatVector {
        // Clamping keeps n in [-150, 128]; the clamped ends still overflow/underflow.
        var xc = x.replacing(with: 89, where: x .> 89)
        xc = xc.replacing(with: -104, where: xc .< -104)
        // n = round(x / ln2) through the 1.5·2^23 trick: the integer lands in the low mantissa bits.
        let magic = FloatVector(repeating: 12_582_912)
        let t = magic.addingProduct(xc, FloatVector(repeating: 1.442_695_040_888_963_4))
        let n = t - magic
        // r = x - n·ln2 (ln2Hi has 16 significant bits, so n·ln2Hi and the first step are exact).
        var r = xc.addingProduct(n, FloatVector(repeating: -0.693_145_751_953_125))
        r = r.addingProduct(n, FloatVector(repeating: -1.428_606_820_309_417_2e-6))
        // e^r = 1 + r + r²·P(r), P a degree-5 minimax fit on |r| ≤ ln2/2.
        var p = FloatVector(repeating: 1.979_034_423_129_633e-4)
        p = FloatVector(repeating: 1.394_465_682_096_779_3e-3).addingProduct(p, r)
        p = FloatVector(repeating: 8.333_496_749_401_093e-3).addingProduct(p, r)
        p = FloatVector(repeating: 4.166_629_537_940_025e-2).addingProduct(p, r)
        p = FloatVector(repeating: 0.166_666_656_732_559_2).addingProduct(p, r)
        p = FloatVector(repeating: 0.5).addingProduct(p, r)
        // 1 + r with its rounding error (Fast2Sum, |r| < 1) folded into the small part.
        let one = FloatVector(repeating: 1)
        let a = one + r
        let err = (one - a) + r
        let u = a + err.addingProduct(r * r, p)
        // Scale by 2^n in two exact-or-once-rounded steps (2^n alone overflows the exponent for n = 128 or n < -126).
        let ni = bits(t) &- 0x4B40_0000
        let n1 = ni &>> 1
        let n2 = ni &- n1
        let y = u * float(bits: (n1 &+ 127) &<< 23) * float(bits: (n2 &+ 127) &<< 23)
        return passNaN(x, y)
    }

    // MARK: log, log1p

    /// Shared tail of log and log1p: log(2^k·m) + c for m in [√½, √2), where
    /// `c` is a tiny correction (0 for log). Polynomial: log(1+f) = f - f²/2 + s·(f²/2 + R(s²)), s = f/(2+f).
    @inline(__always)
    static func logReduced(k: Int32Vector, m: FloatVector, correction c: FloatVector) -> FloatVector {
        let f = m - 1
        let s = f / (f + 2)
        let z = s * s
        var R = FloatVector(repeating: 0.235_814_720_392_227_17)
        R = FloatVector(repeating: 0.285_373_479_127_883_9).addingProduct(R, z)
        R = FloatVector(repeating: 0.400_003_343_820_571_9).addingProduct(R, z)
        R = FloatVector(repeating: 0.666_666_626_930_236_8).addingProduct(R, z)
        R = R * z
        let hfsq = FloatVector(repeating: 0.5) * f * f
        // k as float via the 1.5·2^23 trick (|k| < 2^22).
        let dk = float(bits: k &+ 0x4B40_0000) - 12_582_912
        let low = c.addingProduct(dk, FloatVector(repeating: 1.428_606_820_309_417_2e-6))
        let t = low.addingProduct(s, hfsq + R)
        return dk * FloatVector(repeating: 0.693_145_751_953_125) - ((hfsq - t) - f)
    }

    /// Splits positive normal `x` into 2^k·m with m in [√½, √2).
    @inline(__always)
    static func splitExponent(_ x: FloatVector) -> (k: Int32Vector, m: FloatVector) {
        let ix = bits(x) &- 0x3F35_04F3  // bits of √½
        let k = ix &>> 23
        let m = float(bits: (ix & 0x007F_FFFF) &+ 0x3F35_04F3)
        return (k, m)
    }

    /// Natural log: -inf at ±0, NaN below 0, +inf at +inf.
    @inline(__always)
    static func log(_ x: FloatVector) -> FloatVector {
        // Subnormals: scale into the normal range first.
        let tiny = x .< Float.leastNormalMagnitude
        let xs = x.replacing(with: x * 8_388_608, where: tiny)  // 2^23
        var (k, m) = splitExponent(xs)
        k = k.replacing(with: k &- 23, where: tiny)
        var y = logReduced(k: k, m: m, correction: FloatVector(repeating: 0))
        y = y.replacing(with: -.infinity, where: x .== 0)
        y = y.replacing(with: .nan, where: x .< 0)
        return y.replacing(with: x, where: x .== .infinity .| x .!= x)
    }

    /// log(1 + x), accurate for small x: -inf at -1, NaN below -1.
    @inline(__always)
    static func log1p(_ x: FloatVector) -> FloatVector {
        let one = FloatVector(repeating: 1)
        let u = one + x
        // Exact rounding error of 1 + x (2Sum), applied as log(u + c) ≈ log(u) + c/u.
        let bPart = u - one
        let aPart = u - bPart
        let c = (one - aPart) + (x - bPart)
        let (k, m) = splitExponent(u)
        var y = logReduced(k: k, m: m, correction: c / u)
        y = y.replacing(with: -.infinity, where: x .== -1)
        y = y.replacing(with: .nan, where: x .< -1)
        // ±0 keep their sign; +inf and NaN pass through.
        return y.replacing(with: x, where: x .== 0 .| x .== .infinity .| x .!= x)
    }

    // MARK: Double-precision helpers

    /// e^d for d in [-700, 700], relative error about 2^-34 (enough for one
    /// final rounding to float to be within 0.5 + 2^-9 ulp).
    @inline(__always)
    static func expDouble(_ d: DoubleVector) -> DoubleVector {
        let magic = DoubleVector(repeating: 6_755_399_441_055_744)  // 1.5·2^52
        let t = magic.addingProduct(d, DoubleVector(repeating: 1.442_695_040_888_963_4))
        let n = t - magic
        var r = d.addingProduct(n, DoubleVector(repeating: -6.931_471_803_691_238_164_90e-1))
        r = r.addingProduct(n, DoubleVector(repeating: -1.908_214_929_270_587_700_02e-10))
        // 1 + r + r²·Q(r), Q a degree-5 minimax fit (relative error 2^-34 on |r| ≤ ln2/2).
        var p = DoubleVector(repeating: 1.979_035_040_017_929_7e-4)
        p = DoubleVector(repeating: 1.394_465_069_481_321e-3).addingProduct(p, r)
        p = DoubleVector(repeating: 8.333_497_020_708_642e-3).addingProduct(p, r)
        p = DoubleVector(repeating: 4.166_629_506_558_523e-2).addingProduct(p, r)
        p = DoubleVector(repeating: 0.166_666_658_693_265_72).addingProduct(p, r)
        p = DoubleVector(repeating: 0.500_000_006_765_015_5).addingProduct(p, r)
        p = DoubleVector(repeating: 1).addingProduct(p, r)
        p = DoubleVector(repeating: 1).addingProduct(p, r)
        let ni = unsafeBitCast(t, to: Int64Vector.self) &- 0x4338_0000_0000_0000
        return p * unsafeBitCast((ni &+ 1023) &<< 52, to: DoubleVector.self)
    }

    /// 1/d for both halves, d in float range and nonzero: one float division
    /// for all 16 lanes, then a Newton step in double (relative error ~2^-46).
    @inline(__always)
    static func reciprocal(_ lo: DoubleVector, _ hi: DoubleVector) -> (DoubleVector, DoubleVector) {
        let r = 1 / joinToFloat(lo, hi)
        let (r0, r1) = splitToDouble(r)
        let one = DoubleVector(repeating: 1)
        let e0 = one.addingProduct(-lo, r0), e1 = one.addingProduct(-hi, r1)
        return (r0.addingProduct(r0, e0), r1.addingProduct(r1, e1))
    }

    // MARK: tanh

    /// tanh(d) for d ≥ 1/16 is 1 - 2/(e^{2d} + 1) (this is the denominator);
    /// below, its Taylor series (`tanhSmall`).
    @inline(__always)
    static func tanhDenominator(_ d: DoubleVector) -> DoubleVector { expDouble(d + d) + 1 }

    @inline(__always)
    static func tanhSmall(_ d: DoubleVector) -> DoubleVector {
        let d2 = d * d
        var p = DoubleVector(repeating: 62.0 / 2835)
        p = DoubleVector(repeating: -17.0 / 315).addingProduct(p, d2)
        p = DoubleVector(repeating: 2.0 / 15).addingProduct(p, d2)
        p = DoubleVector(repeating: -1.0 / 3).addingProduct(p, d2)
        return d.addingProduct(d * d2, p)
    }

    /// tanh(x): exact ±1 beyond ±9.01, odd (tanh(-0) = -0). Everything after
    /// the widening stays in double: mixing float and double lanes makes LLVM
    /// split the vectors into scalars.
    @inline(__always)
    static func tanh(_ x: FloatVector) -> FloatVector {
        let (x0, x1) = splitToDouble(x)
        let zero = DoubleVector(repeating: 0), ten = DoubleVector(repeating: 10)
        var a0 = x0.replacing(with: -x0, where: x0 .< zero), a1 = x1.replacing(with: -x1, where: x1 .< zero)
        a0 = a0.replacing(with: ten, where: a0 .> ten)
        a1 = a1.replacing(with: ten, where: a1 .> ten)
        let (q0, q1) = reciprocal(tanhDenominator(a0), tanhDenominator(a1))
        let one = DoubleVector(repeating: 1), cut = DoubleVector(repeating: 0.0625)
        var y0 = one.addingProduct(q0, -2).replacing(with: tanhSmall(a0), where: a0 .< cut)
        var y1 = one.addingProduct(q1, -2).replacing(with: tanhSmall(a1), where: a1 .< cut)
        y0 = y0.replacing(with: -y0, where: x0 .< zero)
        y1 = y1.replacing(with: -y1, where: x1 .< zero)
        // tanh(-0) = -0: the small path gives +0 for it.
        return joinToFloat(y0, y1).replacing(with: x, where: x .== 0 .| x .!= x)
    }

    // MARK: sigmoid, silu

    /// 1/(1 + e^{-x}) as (x ≥ 0 ? 1 : e) / (1 + e) with e = e^{-|x|}, so nothing
    /// overflows; with `timesInput` the result is multiplied by x in double (silu).
    /// All in double after the widening (see `tanh`).
    @inline(__always)
    static func sigmoid(_ x: FloatVector, timesInput: Bool) -> FloatVector {
        let (x0, x1) = splitToDouble(x)
        let zero = DoubleVector(repeating: 0), floor = DoubleVector(repeating: -200)
        var a0 = x0.replacing(with: -x0, where: x0 .> zero), a1 = x1.replacing(with: -x1, where: x1 .> zero)
        a0 = a0.replacing(with: floor, where: a0 .< floor)
        a1 = a1.replacing(with: floor, where: a1 .< floor)
        let e0 = expDouble(a0), e1 = expDouble(a1)
        let one = DoubleVector(repeating: 1)
        let (r0, r1) = reciprocal(one + e0, one + e1)
        var y0 = r0.replacing(with: e0 * r0, where: x0 .< zero)
        var y1 = r1.replacing(with: e1 * r1, where: x1 .< zero)
        if timesInput {
            y0 *= x0; y1 *= x1
            // PyTorch's x / (1 + e^-x) is NaN at -inf (-inf / inf).
            return passNaN(x, joinToFloat(y0, y1).replacing(with: .nan, where: x .== -.infinity))
        }
        return passNaN(x, joinToFloat(y0, y1))
    }

    // MARK: expm1

    /// e^x - 1, accurate near 0; -1 below -17.33, +inf above 88.7228.
    @inline(__always)
    static func expm1(_ x: FloatVector) -> FloatVector {
        var xc = x.replacing(with: 89, where: x .> 89)
        xc = xc.replacing(with: -30, where: xc .< -30)
        let (lo, hi) = splitToDouble(xc)
        @inline(__always) func half(_ d: DoubleVector) -> DoubleVector {
            var p = DoubleVector(repeating: 1.0 / 720)
            p = DoubleVector(repeating: 1.0 / 120).addingProduct(p, d)
            p = DoubleVector(repeating: 1.0 / 24).addingProduct(p, d)
            p = DoubleVector(repeating: 1.0 / 6).addingProduct(p, d)
            p = DoubleVector(repeating: 0.5).addingProduct(p, d)
            let small = d.addingProduct(d * d, p)
            let big = expDouble(d) - 1
            let cut = DoubleVector(repeating: 0.03125)
            return big.replacing(with: small, where: d .< cut .& d .> -cut)
        }
        let y = joinToFloat(half(lo), half(hi))
        return y.replacing(with: x, where: x .== 0 .| x .!= x)
    }
}

// MARK: - Loops

/// Applies `f` to `n` contiguous floats, 16 at a time; the tail goes through
/// `f` too, padded with zeros.
@inline(__always)
func mapFloatVectors(_ n: Int, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>,
                     _ f: (FloatVector) -> FloatVector) {
    var i = 0
    while i + 16 <= n {
        let v = UnsafeRawPointer(x + i).loadUnaligned(as: FloatVector.self)
        UnsafeMutableRawPointer(out + i).storeBytes(of: f(v), as: FloatVector.self)
        i += 16
    }
    if i < n {
        var v = FloatVector(repeating: 0)
        for k in 0..<(n - i) { v[k] = x[i + k] }
        let r = f(v)
        for k in 0..<(n - i) { out[i + k] = r[k] }
    }
}

/// `a op b` over contiguous floats; `strideA`/`strideB` are 1 (buffer) or 0 (one broadcast value).
@inline(__always)
func zipFloatVectors(_ n: Int, _ a: UnsafePointer<Float>, _ strideA: Int, _ b: UnsafePointer<Float>, _ strideB: Int,
                     _ out: UnsafeMutablePointer<Float>, _ f: (FloatVector, FloatVector) -> FloatVector) {
    @inline(__always) func load(_ p: UnsafePointer<Float>, _ i: Int) -> FloatVector {
        UnsafeRawPointer(p + i).loadUnaligned(as: FloatVector.self)
    }
    var i = 0
    switch (strideA, strideB) {
    case (1, 1):
        while i + 16 <= n {
            UnsafeMutableRawPointer(out + i).storeBytes(of: f(load(a, i), load(b, i)), as: FloatVector.self)
            i += 16
        }
    case (1, 0):
        let vb = FloatVector(repeating: b[0])
        while i + 16 <= n {
            UnsafeMutableRawPointer(out + i).storeBytes(of: f(load(a, i), vb), as: FloatVector.self)
            i += 16
        }
    case (0, 1):
        let va = FloatVector(repeating: a[0])
        while i + 16 <= n {
            UnsafeMutableRawPointer(out + i).storeBytes(of: f(va, load(b, i)), as: FloatVector.self)
            i += 16
        }
    default:
        let r = f(FloatVector(repeating: a[0]), FloatVector(repeating: b[0]))[0]
        for k in 0..<n { out[k] = r }
        return
    }
    if i < n {
        var va = FloatVector(repeating: 0), vb = FloatVector(repeating: 0)
        for k in 0..<(n - i) { va[k] = a[(i + k) * strideA]; vb[k] = b[(i + k) * strideB] }
        let r = f(va, vb)
        for k in 0..<(n - i) { out[i + k] = r[k] }
    }
}

// MARK: - Threading

/// Elementwise work below this many elements stays on the calling thread
/// (PyTorch's `at::internal::GRAIN_SIZE`).
let elementwiseGrainSize = 32768

/// Splits `0..<n` into at most `ThreadPool.shared.threadCount` contiguous
/// ranges of at least `grain` elements (starts aligned to 16) and runs
/// `body(start, end)` for each, in parallel. Only for work whose per-element
/// results do not depend on the split.
@inline(__always)
func parallelRanges(_ n: Int, grain: Int = elementwiseGrainSize, _ body: (Int, Int) -> Void) {
    let threads = ThreadPool.shared.threadCount
    if threads <= 1 || n <= grain {
        if n > 0 { body(0, n) }
        return
    }
    let chunks = Swift.min(threads, (n + grain - 1) / grain)
    let size = ((n + chunks - 1) / chunks + 15) & ~15
    ThreadPool.shared.parallelFor(count: chunks) { c in
        let start = c * size, end = Swift.min(n, start + size)
        if start < end { body(start, end) }
    }
}
