/// The square root PyTorch's CPU `Tensor.sqrt()` computes on an AVX-512 machine, bit for bit,
/// on `SIMD16<Float>` and `SIMD8<Double>` lanes.
///
/// Note [VML sqrt]
/// PyTorch hands elementwise `sqrt` of float32 and float64 tensors to MKL's vector math
/// library (`vsSqrt`/`vdSqrt`, high-accuracy mode), for every layout and size. Its result is
/// not the correctly rounded root: about 0.7% of results are 1 ulp low, always where the
/// exact root lies just below a rounding midpoint. Measured on the Zen 4 machine that makes
/// our fixtures, MKL's result is reproduced exactly (0 differences over 3 million random
/// float32 bit patterns and 2 million float64 values, every binade) by:
///
///   y = rsqrt14(x)                           the `vrsqrt14ps`/`vrsqrt14pd` estimate of 1/√x
///   s = x·y,  h = y/2
///   float64 only, one Goldschmidt step:  e = fma(-s, h, 0.5);  s = fma(s, e, s);  h = fma(h, e, h)
///   r = fma(-s, s, x);  result = fma(r, h, s)
///
/// Inputs small enough for `s·s` to lose bits (below 2^-100 in float32, 2^-900 in float64)
/// are scaled by an even power of two first and the root scaled back, which is what MKL's
/// results show. Zero keeps its sign, +inf stays +inf, negatives and NaN give NaN.
///
/// The optimizers use it so `Adam`, `RMSprop` and `Adagrad` match PyTorch to the last bit.
/// Machines without AVX-512 (and PyTorch builds without MKL) round differently; this code
/// reproduces the machine the fixtures come from.
enum VMLSqrt {
    @inline(__always)
    static func sqrt(_ x: SIMD16<Float>) -> SIMD16<Float> {
        let bits = unsafeBitCast(x, to: SIMD16<Int32>.self)
        // Positive and finite: bits in [1, 0x7f80_0000). Lanes that are not compute on 1.
        let valid = ~((bits &- 1) &>> 31) & ((bits &- 0x7f80_0000) &>> 31)
        let small = (bits &- 0x0d80_0000) &>> 31 & valid                     // x < 2^-100
        let one = unsafeBitCast(SIMD16<Float>(repeating: 1), to: SIMD16<Int32>.self)
        let up = unsafeBitCast(select(small, SIMD16(repeating: 0x5780_0000), one), to: SIMD16<Float>.self)    // 2^48 or 1
        let down = unsafeBitCast(select(small, SIMD16(repeating: 0x3380_0000), one), to: SIMD16<Float>.self) // 2^-24 or 1
        let xs = unsafeBitCast(select(valid, bits, one), to: SIMD16<Float>.self) * up
        let y = RSqrt14.estimate(xs)
        let s = xs * y, h = 0.5 * y
        let r = xs.addingProduct(-s, s)
        let root = unsafeBitCast(s.addingProduct(r, h) * down, to: SIMD16<Int32>.self)
        // Elsewhere what MKL returns: ±0 → ±0, +inf → +inf, NaN or negative → NaN.
        let keep = ~(nonZero(bits & 0x7fff_ffff) & nonZero(bits ^ 0x7f80_0000))
        let special = select(keep, bits, SIMD16(repeating: 0x7fc0_0000))
        return unsafeBitCast(select(valid, root, special), to: SIMD16<Float>.self)
    }

    @inline(__always)
    static func sqrt(_ x: SIMD8<Double>) -> SIMD8<Double> {
        let bits = unsafeBitCast(x, to: SIMD8<Int64>.self)
        let valid = ~((bits &- 1) &>> 63) & ((bits &- 0x7ff0_0000_0000_0000) &>> 63)
        let small = (bits &- 0x07b0_0000_0000_0000) &>> 63 & valid            // x < 2^-900
        let one = unsafeBitCast(SIMD8<Double>(repeating: 1), to: SIMD8<Int64>.self)
        let up = unsafeBitCast(select(small, SIMD8(repeating: 0x4c70_0000_0000_0000), one), to: SIMD8<Double>.self)   // 2^200 or 1
        let down = unsafeBitCast(select(small, SIMD8(repeating: 0x39b0_0000_0000_0000), one), to: SIMD8<Double>.self) // 2^-100 or 1
        let xs = unsafeBitCast(select(valid, bits, one), to: SIMD8<Double>.self) * up
        let y = RSqrt14.estimate(xs)
        var s = xs * y, h = 0.5 * y
        let e = SIMD8<Double>(repeating: 0.5).addingProduct(-s, h)
        s = s.addingProduct(s, e)
        h = h.addingProduct(h, e)
        let r = xs.addingProduct(-s, s)
        let root = unsafeBitCast(s.addingProduct(r, h) * down, to: SIMD8<Int64>.self)
        let keep = ~(nonZero(bits & 0x7fff_ffff_ffff_ffff) & nonZero(bits ^ 0x7ff0_0000_0000_0000))
        let special = select(keep, bits, SIMD8(repeating: 0x7ff8_0000_0000_0000))
        return unsafeBitCast(select(valid, root, special), to: SIMD8<Double>.self)
    }

    // Note [Lane masks]
    // Lanes are chosen with all-ones integer masks built by shifts (`(a - b) >> 31` is all ones
    // where a < b, for operands that cannot overflow) and blended bitwise: Swift's SIMD
    // comparisons, `SIMDMask` selects and integer-to-float conversions compile to per-lane loops
    // here, these to a few vector instructions.

    /// `a` where `mask` is all ones, `b` where it is zero.
    @inline(__always)
    static func select(_ mask: SIMD16<Int32>, _ a: SIMD16<Int32>, _ b: SIMD16<Int32>) -> SIMD16<Int32> {
        (a & mask) | (b & ~mask)
    }

    @inline(__always)
    static func select(_ mask: SIMD8<Int64>, _ a: SIMD8<Int64>, _ b: SIMD8<Int64>) -> SIMD8<Int64> {
        (a & mask) | (b & ~mask)
    }

    /// All ones in the lanes where `z` is not zero.
    @inline(__always)
    static func nonZero(_ z: SIMD16<Int32>) -> SIMD16<Int32> { (z | (0 &- z)) &>> 31 }

    @inline(__always)
    static func nonZero(_ z: SIMD8<Int64>) -> SIMD8<Int64> { (z | (0 &- z)) &>> 63 }
}

/// The reciprocal square root estimate of the AVX-512 `vrsqrt14ps`/`vrsqrt14pd` instructions,
/// computed in software for positive, finite, normal inputs.
///
/// Note [rsqrt14]
/// The instructions are fully specified (Intel published a reference implementation in 2015):
/// the argument is scaled by an even power of two into [1, 4), `x = 2^(2n)·m·(2 if the
/// exponent is odd)`, m in [1, 2). The estimate is a line on each of 32 equal segments of m,
/// one table for [1, 2) and one for [2, 4): with `k` the next 10 fraction bits of m after the
/// 5 that pick the segment (the rest ignored), `v = 128·c - d·(k - 512)`, which always lies in
/// [2^25, 2^26); its low 9 bits are cut off, and the estimate is `v·2^-26·2^-n`. Powers of 4
/// give exact results. This was compared with `vrsqrt14ps` on every float32 in [1, 4) and on
/// random bit patterns of every binade: no differences.
enum RSqrt14 {
    /// `c` of each segment, at index `2·segment + (exponent is odd ? 1 : 0)`.
    private static let offsets: [Int32] = [
        520261, 367881, 512437, 362349, 504953, 357056, 497790, 351992, 490922, 347136,
        484331, 342475, 478001, 337997, 471909, 333693, 466046, 329545, 460397, 325551,
        454947, 321697, 449688, 317977, 444606, 314385, 439694, 310910, 434939, 307549,
        430335, 304295, 425875, 301139, 421551, 298079, 417355, 295115, 413284, 292237,
        409329, 289439, 405487, 286722, 401748, 284080, 398111, 281508, 394571, 279006,
        391127, 276569, 387770, 274195, 384498, 271882, 381307, 269625, 378194, 267425,
        375155, 265276, 372190, 263178,
    ]
    /// `d` of each segment, in the same order.
    private static let slopes: [Int32] = [
        1001, 707, 955, 675, 915, 647, 877, 619, 841, 595,
        807, 571, 775, 549, 747, 527, 719, 509, 693, 491,
        669, 473, 647, 457, 625, 441, 603, 427, 585, 413,
        567, 401, 549, 389, 533, 377, 517, 365, 501, 355,
        487, 345, 473, 335, 461, 325, 449, 317, 437, 309,
        425, 301, 415, 293, 403, 285, 393, 279, 385, 271,
        375, 265, 367, 259,
    ]

    /// `table[index]` for each lane (written out lane by lane so that it compiles to a gather).
    @inline(__always)
    private static func gather(_ table: [Int32], _ i: SIMD16<Int32>) -> SIMD16<Int32> {
        table.withUnsafeBufferPointer { t in
            var r = SIMD16<Int32>()
            r[0] = t[Int(i[0])]; r[1] = t[Int(i[1])]; r[2] = t[Int(i[2])]; r[3] = t[Int(i[3])]
            r[4] = t[Int(i[4])]; r[5] = t[Int(i[5])]; r[6] = t[Int(i[6])]; r[7] = t[Int(i[7])]
            r[8] = t[Int(i[8])]; r[9] = t[Int(i[9])]; r[10] = t[Int(i[10])]; r[11] = t[Int(i[11])]
            r[12] = t[Int(i[12])]; r[13] = t[Int(i[13])]; r[14] = t[Int(i[14])]; r[15] = t[Int(i[15])]
            return r
        }
    }

    @inline(__always)
    private static func gather(_ table: [Int32], _ i: SIMD8<Int64>) -> SIMD8<Int64> {
        table.withUnsafeBufferPointer { t in
            var r = SIMD8<Int64>()
            r[0] = Int64(t[Int(i[0])]); r[1] = Int64(t[Int(i[1])]); r[2] = Int64(t[Int(i[2])])
            r[3] = Int64(t[Int(i[3])]); r[4] = Int64(t[Int(i[4])]); r[5] = Int64(t[Int(i[5])])
            r[6] = Int64(t[Int(i[6])]); r[7] = Int64(t[Int(i[7])])
            return r
        }
    }

    // Note [rsqrt14 in integers]
    // Everything below is integer arithmetic on the bits (Note [Lane masks]). `v` has exactly
    // 26 bits, so the estimate's significand is `v`'s low 25 bits under the exponent of
    // [0.5, 1). Powers of 4 (even exponent, zero fraction) take exactly 1.

    /// `vrsqrt14ps` for lanes holding positive normal floats.
    @inline(__always)
    static func estimate(_ x: SIMD16<Float>) -> SIMD16<Float> {
        let bits = unsafeBitCast(x, to: SIMD16<Int32>.self)
        let e = ((bits &>> 23) & 0xff) &- 127
        let odd = e & 1
        let fraction15 = (bits &>> 8) & 0x7fff
        let index = ((fraction15 &>> 10) &<< 1) | odd
        let v = ((gather(offsets, index) &<< 7) &- gather(slopes, index) &* ((fraction15 & 0x3ff) &- 512)) & ~0x1ff
        var significand = (126 &<< 23) | ((v & 0x1ff_ffff) &>> 2)
        let exact = ~VMLSqrt.nonZero((bits & 0x7f_ffff) | odd)
        significand = VMLSqrt.select(exact, SIMD16(repeating: 0x3f80_0000), significand)
        let scale = (127 &- (e &>> 1)) &<< 23
        return unsafeBitCast(significand, to: SIMD16<Float>.self) * unsafeBitCast(scale, to: SIMD16<Float>.self)
    }

    /// `vrsqrt14pd` for lanes holding positive normal doubles.
    @inline(__always)
    static func estimate(_ x: SIMD8<Double>) -> SIMD8<Double> {
        let bits = unsafeBitCast(x, to: SIMD8<Int64>.self)
        let e = ((bits &>> 52) & 0x7ff) &- 1023
        let odd = e & 1
        let fraction15 = (bits &>> 37) & 0x7fff
        let index = ((fraction15 &>> 10) &<< 1) | odd
        let v = ((gather(offsets, index) &<< 7) &- gather(slopes, index) &* ((fraction15 & 0x3ff) &- 512)) & ~0x1ff
        var significand = (1022 &<< 52) | ((v & 0x1ff_ffff) &<< 27)
        let exact = ~VMLSqrt.nonZero((bits & 0xf_ffff_ffff_ffff) | odd)
        significand = VMLSqrt.select(exact, SIMD8(repeating: 0x3ff0_0000_0000_0000), significand)
        let scale = (1023 &- (e &>> 1)) &<< 52
        return unsafeBitCast(significand, to: SIMD8<Double>.self) * unsafeBitCast(scale, to: SIMD8<Double>.self)
    }
}

extension VMLSqrt {
    /// `out[i] = sqrt(x[i])` over float32 or float64 buffers, as PyTorch's `Tensor.sqrt()`; the
    /// last partial vector goes through the same lanes, padded.
    static func map<T: BinaryFloatingPoint>(_ n: Int, _ x: UnsafePointer<T>, _ out: UnsafeMutablePointer<T>) {
        if T.self == Float.self {
            lanes(n, UnsafeRawPointer(x).assumingMemoryBound(to: Float.self),
                  UnsafeMutableRawPointer(out).assumingMemoryBound(to: Float.self)) { (v: SIMD16<Float>) in sqrt(v) }
        } else if T.self == Double.self {
            lanes(n, UnsafeRawPointer(x).assumingMemoryBound(to: Double.self),
                  UnsafeMutableRawPointer(out).assumingMemoryBound(to: Double.self)) { (v: SIMD8<Double>) in sqrt(v) }
        } else {
            for i in 0..<n { out[i] = x[i].squareRoot() }
        }
    }

    @inline(__always)
    private static func lanes<V: SIMD>(_ n: Int, _ x: UnsafePointer<V.Scalar>, _ out: UnsafeMutablePointer<V.Scalar>,
                                       _ f: (V) -> V) {
        var i = 0
        while i + V.scalarCount <= n {
            UnsafeMutableRawPointer(out + i).storeBytes(of: f(UnsafeRawPointer(x + i).loadUnaligned(as: V.self)), as: V.self)
            i += V.scalarCount
        }
        guard i < n else { return }
        var v = V()
        for j in 0..<(n - i) { v[j] = x[i + j] }
        let r = f(v)
        for j in 0..<(n - i) { out[i + j] = r[j] }
    }
}
