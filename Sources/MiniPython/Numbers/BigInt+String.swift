extension BigInt {
    /// Largest power of `radix` that fits in a limb, and its exponent.
    static func chunk(radix: Int) -> (power: UInt64, digits: Int) {
        var p: UInt64 = 1
        var d = 0
        let r = UInt64(radix)
        while true {
            let (np, o) = p.multipliedReportingOverflow(by: r)
            if o { break }
            p = np
            d += 1
        }
        return (p, d)
    }

    /// Number of digits of the magnitude in `radix` (ignores the sign); 1 for zero.
    public func digitCount(radix: Int = 10) -> Int {
        magnitudeString(radix: radix, uppercase: false).count
    }

    /// Digits of the magnitude in `radix` (2...36), lowercase unless `uppercase`.
    func magnitudeString(radix: Int, uppercase: Bool) -> String {
        if limbs.isEmpty { return "0" }
        let alphabet: [UInt8] = Array((uppercase ? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" : "0123456789abcdefghijklmnopqrstuvwxyz").utf8)
        var out = [UInt8]()
        if radix & (radix - 1) == 0 {
            let bitsPer = radix.trailingZeroBitCount
            let total = bitLength
            var pos = 0
            let mask = UInt64(radix - 1)
            while pos < total {
                let li = pos / 64, bi = pos % 64
                var v = limbs[li] >> UInt64(bi)
                if bi + bitsPer > 64 && li + 1 < limbs.count { v |= limbs[li + 1] << UInt64(64 - bi) }
                out.append(alphabet[Int(v & mask)])
                pos += bitsPer
            }
        } else {
            let (p, d) = BigInt.chunk(radix: radix)
            var m = limbs
            let r = UInt64(radix)
            while !m.isEmpty {
                var c = Mag.divSmall(&m, p)
                if m.isEmpty {
                    while c != 0 {
                        out.append(alphabet[Int(c % r)])
                        c /= r
                    }
                } else {
                    for _ in 0..<d {
                        out.append(alphabet[Int(c % r)])
                        c /= r
                    }
                }
            }
        }
        while out.count > 1, out.last == UInt8(ascii: "0") { out.removeLast() }
        return String(decoding: out.reversed(), as: UTF8.self)
    }

    /// Representation in `radix` (2...36) with a leading `-` for negatives, no prefix.
    public func toString(radix: Int = 10, uppercase: Bool = false) -> String {
        let m = magnitudeString(radix: radix, uppercase: uppercase)
        return isNegative ? "-" + m : m
    }

    /// Parses a plain digit sequence (no sign, prefix or underscores) in `radix`.
    /// Returns nil if any character is not a valid digit or the sequence is empty.
    public init?<S: Sequence>(digits: S, radix: Int) where S.Element == UInt8 {
        guard radix >= 2 && radix <= 36 else { return nil }
        let (p, d) = BigInt.chunk(radix: radix)
        var m = [UInt64]()
        var acc: UInt64 = 0
        var accDigits = 0
        var any = false
        let r = UInt64(radix)
        for c in digits {
            guard let v = BigInt.digitValue(c), v < radix else { return nil }
            any = true
            acc = acc * r + UInt64(v)
            accDigits += 1
            if accDigits == d {
                Mag.mulAddSmall(&m, p, acc)
                Mag.normalize(&m)
                acc = 0
                accDigits = 0
            }
        }
        guard any else { return nil }
        if accDigits > 0 {
            var mult: UInt64 = 1
            for _ in 0..<accDigits { mult *= r }
            Mag.mulAddSmall(&m, mult, acc)
            Mag.normalize(&m)
        }
        self.init(limbs: m, negative: false)
    }

    /// Value of an ASCII digit or letter (0-35), or nil.
    static func digitValue(_ c: UInt8) -> Int? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(c - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(c - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }
}
