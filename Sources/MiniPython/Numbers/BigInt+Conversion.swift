extension BigInt {
    /// The nearest `Double` (round-half-even), or nil when the magnitude rounds to
    /// 2**1024 or beyond (Python: `OverflowError: int too large to convert to float`).
    public func toDouble() -> Double? {
        let n = bitLength
        if n == 0 { return 0 }
        var d: Double
        if n <= 64 {
            d = Double(limbs[0])
        } else {
            if n > 1025 { return nil }
            // Top 64 bits plus a sticky bit for anything below.
            var top = Mag.shiftRight(limbs, n - 64).first ?? 0
            if Mag.hasLowBits(limbs, n - 64) { top |= 1 }
            d = Double(top)  // correctly rounded to 53 bits; the sticky bit breaks ties
            d = d * Double(sign: .plus, exponent: n - 64, significand: 1)
            if !d.isFinite { return nil }
        }
        return isNegative ? -d : d
    }

    /// Exact integer value of a finite, integral double (nil otherwise).
    public init?(exactly d: Double) {
        guard d.isFinite, d.rounded(.towardZero) == d else { return nil }
        self.init(truncating: d)
    }

    /// The double truncated toward zero; nil for infinities and NaN.
    public init?(truncatingIfFinite d: Double) {
        guard d.isFinite else { return nil }
        self.init(truncating: d)
    }

    /// Integer part of a finite double (toward zero). Non-finite input gives zero.
    init(truncating d: Double) {
        guard d.isFinite else {
            self = .zero
            return
        }
        let t = d.rounded(.towardZero)
        let a = t.magnitude
        if a < 18446744073709551616.0 {
            self.init(limbs: [UInt64(a)], negative: t < 0)
            return
        }
        // a = significand * 2**(exponent - 52), with a 53-bit integer significand.
        let sig = a.significandBitPattern | (1 << 52)
        let shift = Int(a.exponent) - 52
        self = BigInt(limbs: [sig], negative: false).shiftedLeft(shift)
        if t < 0 { self = -self }
    }
}
