/// The square root PyTorch's CPU `Tensor.sqrt()` computes on an AVX-512 machine, bit for bit.
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
    static func sqrt(_ x: Float) -> Float {
        guard x > 0, x.isFinite else { return special(x) }
        if x < 0x1p-100 { return core(x * 0x1p48) * 0x1p-24 }
        return core(x)
    }

    @inline(__always)
    static func sqrt(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return special(x) }
        if x < 0x1p-900 { return core(x * 0x1p200) * 0x1p-100 }
        return core(x)
    }

    /// ±0 → ±0, +inf → +inf, NaN or negative → NaN.
    @inline(__always)
    private static func special<T: BinaryFloatingPoint>(_ x: T) -> T {
        x == 0 || x == .infinity ? x : .nan
    }

    @inline(__always)
    private static func core(_ x: Float) -> Float {
        let y = RSqrt14.estimate(x)
        let s = x * y, h = 0.5 * y
        let r = x.addingProduct(-s, s)
        return s.addingProduct(r, h)
    }

    @inline(__always)
    private static func core(_ x: Double) -> Double {
        let y = RSqrt14.estimate(x)
        var s = x * y, h = 0.5 * y
        let e = (0.5 as Double).addingProduct(-s, h)
        s = s.addingProduct(s, e)
        h = h.addingProduct(h, e)
        let r = x.addingProduct(-s, s)
        return s.addingProduct(r, h)
    }
}

/// The reciprocal square root estimate of the AVX-512 `vrsqrt14ps`/`vrsqrt14pd` instructions,
/// computed in software for positive, finite, normal inputs.
///
/// Note [rsqrt14]
/// The instructions are fully specified (Intel published a reference implementation in 2015):
/// the argument is scaled by an even power of two into [1, 4); that interval is cut into 32
/// equal segments of [1, 2) and 32 of [2, 4); on each, the estimate is a line
/// `c - d·(x - mid)`, with `x` cut to 15 fraction bits, evaluated exactly and then truncated
/// to 16 fraction bits. `c` is scaled by 2^19 and `d` by 2^11 ([1, 2)) or 2^12 ([2, 4)).
/// Powers of 4 give exact results. This implementation was compared with `vrsqrt14ps` on every
/// float32 in [1, 4) and on random bit patterns of every binade: no differences.
enum RSqrt14 {
    /// Per segment i: (d, c) on [1, 2), then (d, c) on [2, 4).
    private static let coefficients: [(UInt32, UInt32, UInt32, UInt32)] = [
        (1001, 520261, 707, 367881), (955, 512437, 675, 362349), (915, 504953, 647, 357056),
        (877, 497790, 619, 351992), (841, 490922, 595, 347136), (807, 484331, 571, 342475),
        (775, 478001, 549, 337997), (747, 471909, 527, 333693), (719, 466046, 509, 329545),
        (693, 460397, 491, 325551), (669, 454947, 473, 321697), (647, 449688, 457, 317977),
        (625, 444606, 441, 314385), (603, 439694, 427, 310910), (585, 434939, 413, 307549),
        (567, 430335, 401, 304295), (549, 425875, 389, 301139), (533, 421551, 377, 298079),
        (517, 417355, 365, 295115), (501, 413284, 355, 292237), (487, 409329, 345, 289439),
        (473, 405487, 335, 286722), (461, 401748, 325, 284080), (449, 398111, 317, 281508),
        (437, 394571, 309, 279006), (425, 391127, 301, 276569), (415, 387770, 293, 274195),
        (403, 384498, 285, 271882), (393, 381307, 279, 269625), (385, 378194, 271, 267425),
        (375, 375155, 265, 265276), (367, 372190, 259, 263178),
    ]

    /// The estimate for a significand `m` in [1, 2) (`odd`: the argument is 2m, in [2, 4)),
    /// given as its top 15 fraction bits.
    @inline(__always)
    private static func reduced(fraction15 f: UInt32, odd: Bool) -> Double {
        let segment = Int(f >> 10)
        let (d1, c1, d2, c2) = coefficients[segment]
        // x - mid, exact: mid is the segment's centre, 1/64 (or 1/32 for 2m) above its start.
        let offset = Double(Int(f & 0x3ff) - 512) * 0x1p-15
        let line = odd ? Double(c2) - 256 * Double(d2) * offset : Double(c1) - 256 * Double(d1) * offset
        let truncated = Double(bitPattern: line.bitPattern & 0xffff_fff0_0000_0000)
        return truncated * 0x1p-19
    }

    /// `vrsqrt14ps` for a positive normal float.
    @inline(__always)
    static func estimate(_ x: Float) -> Float {
        let e = Int(x.exponent)
        let odd = e & 1 != 0
        let n = odd ? (e - 1) / 2 : e / 2
        let y = !odd && x.significandBitPattern == 0 ? 1 : reduced(fraction15: (x.bitPattern >> 8) & 0x7fff, odd: odd)
        return Float(y) * Float(sign: .plus, exponent: -n, significand: 1)
    }

    /// `vrsqrt14pd` for a positive normal double.
    @inline(__always)
    static func estimate(_ x: Double) -> Double {
        let e = Int(x.exponent)
        let odd = e & 1 != 0
        let n = odd ? (e - 1) / 2 : e / 2
        let y = !odd && x.significandBitPattern == 0
            ? 1 : reduced(fraction15: UInt32(truncatingIfNeeded: (x.bitPattern >> 37) & 0x7fff), odd: odd)
        return y * Double(sign: .plus, exponent: -n, significand: 1)
    }
}
