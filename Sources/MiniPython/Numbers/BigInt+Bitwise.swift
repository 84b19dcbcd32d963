extension BigInt {
    /// `self << count` (count >= 0; callers bound the result size).
    public func shiftedLeft(_ count: Int) -> BigInt {
        if count <= 0 || isZero { return self }
        return BigInt(limbs: Mag.shiftLeft(limbs, count), negative: isNegative)
    }

    /// `self >> count` with floor semantics (arithmetic shift, as Python). count >= 0.
    public func shiftedRight(_ count: Int) -> BigInt {
        if count <= 0 || isZero { return self }
        if count >= bitLength { return isNegative ? BigInt(-1) : .zero }
        let m = BigInt(limbs: Mag.shiftRight(limbs, count), negative: false)
        if isNegative {
            let roundUp = Mag.hasLowBits(limbs, count)
            return -(roundUp ? m + .one : m)
        }
        return m
    }

    /// Two's-complement limbs of the value, sign-extended to `count` limbs.
    func twosComplement(_ count: Int) -> [UInt64] {
        var r = limbs
        while r.count < count { r.append(0) }
        if isNegative {
            // ~(m - 1)
            var borrow = true
            for i in 0..<r.count {
                if borrow {
                    let (d, o) = r[i].subtractingReportingOverflow(1)
                    r[i] = d
                    borrow = o
                }
                r[i] = ~r[i]
            }
        }
        return r
    }

    /// Builds a value from two's-complement limbs (top bit is the sign).
    static func fromTwosComplement(_ r: [UInt64]) -> BigInt {
        guard let top = r.last, top >> 63 == 1 else { return BigInt(limbs: r, negative: false) }
        var m = r.map { ~$0 }
        var carry = true
        for i in 0..<m.count where carry {
            let (s, o) = m[i].addingReportingOverflow(1)
            m[i] = s
            carry = o
        }
        if carry { m.append(1) }
        return BigInt(limbs: m, negative: true)
    }

    private static func bitwise(_ a: BigInt, _ b: BigInt, _ op: (UInt64, UInt64) -> UInt64) -> BigInt {
        let n = max(a.limbs.count, b.limbs.count) + 1
        let x = a.twosComplement(n), y = b.twosComplement(n)
        var r = [UInt64](repeating: 0, count: n)
        for i in 0..<n { r[i] = op(x[i], y[i]) }
        return fromTwosComplement(r)
    }

    /// Bitwise and with infinite two's-complement semantics.
    public static func & (a: BigInt, b: BigInt) -> BigInt { bitwise(a, b, &) }
    /// Bitwise or with infinite two's-complement semantics.
    public static func | (a: BigInt, b: BigInt) -> BigInt { bitwise(a, b, |) }
    /// Bitwise xor with infinite two's-complement semantics.
    public static func ^ (a: BigInt, b: BigInt) -> BigInt { bitwise(a, b, ^) }
    /// Bitwise inversion: `~x == -x - 1`.
    public static prefix func ~ (a: BigInt) -> BigInt { -a - .one }

    /// Number of one bits in the magnitude (Python's `int.bit_count()`).
    public var popCount: Int { limbs.reduce(0) { $0 + $1.nonzeroBitCount } }
}
