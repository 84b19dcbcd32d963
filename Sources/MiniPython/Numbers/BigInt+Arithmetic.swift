extension BigInt {
    /// Sum.
    public static func + (a: BigInt, b: BigInt) -> BigInt {
        if a.isNegative == b.isNegative {
            return BigInt(limbs: Mag.add(a.limbs, b.limbs), negative: a.isNegative)
        }
        let c = Mag.compare(a.limbs, b.limbs)
        if c == 0 { return .zero }
        if c > 0 { return BigInt(limbs: Mag.sub(a.limbs, b.limbs), negative: a.isNegative) }
        return BigInt(limbs: Mag.sub(b.limbs, a.limbs), negative: b.isNegative)
    }

    /// Difference.
    public static func - (a: BigInt, b: BigInt) -> BigInt { a + (-b) }

    /// Product (schoolbook, Karatsuba above ~48 limbs).
    public static func * (a: BigInt, b: BigInt) -> BigInt {
        BigInt(limbs: Mag.mul(a.limbs, b.limbs), negative: a.isNegative != b.isNegative)
    }

    /// `self ** exponent` for `exponent >= 0` (callers bound the result size first).
    public func power(_ exponent: Int) -> BigInt {
        if exponent <= 0 { return .one }
        // Powers of two by shifting.
        if limbs.count == 1 && limbs[0].nonzeroBitCount == 1 {
            let shift = limbs[0].trailingZeroBitCount * exponent
            let r = BigInt.one.shiftedLeft(shift)
            return (isNegative && exponent & 1 == 1) ? -r : r
        }
        var result = BigInt.one
        var base = self
        var e = exponent
        while true {
            if e & 1 == 1 { result = result * base }
            e >>= 1
            if e == 0 { break }
            base = base * base
        }
        return result
    }

    /// `|self| mod m` for a nonzero single-limb modulus.
    public func magnitudeRemainder(_ m: UInt64) -> UInt64 {
        var rem: UInt64 = 0
        var i = limbs.count - 1
        while i >= 0 {
            rem = m.dividingFullWidth((rem, limbs[i])).remainder
            i -= 1
        }
        return rem
    }
}
