/// An arbitrary-precision signed integer in sign–magnitude form.
///
/// The magnitude is stored as 64-bit limbs, least significant first, with no
/// trailing zero limbs (zero is the empty array and is never negative). All
/// operations are total: nothing here traps on any input except the documented
/// preconditions (division by zero, negative shift counts), which callers such as
/// `PyIntValue` check first and turn into Python exceptions.
public struct BigInt: Sendable, Hashable {
    /// Magnitude limbs, least significant first, normalised (no trailing zero limbs).
    public private(set) var limbs: [UInt64]
    /// True for values below zero (never true for zero).
    public private(set) var isNegative: Bool

    /// Creates a value from raw limbs (least significant first) and a sign; normalises.
    public init(limbs: [UInt64], negative: Bool) {
        var l = limbs
        Mag.normalize(&l)
        self.limbs = l
        self.isNegative = negative && !l.isEmpty
    }

    /// Creates a value equal to `value`.
    public init(_ value: Int) {
        if value == 0 {
            limbs = []
            isNegative = false
        } else {
            limbs = [value.magnitude.toUInt64]
            isNegative = value < 0
        }
    }

    /// Creates a non-negative value equal to `value`.
    public init(_ value: UInt64) {
        limbs = value == 0 ? [] : [value]
        isNegative = false
    }

    /// Zero.
    public static let zero = BigInt(0)
    /// One.
    public static let one = BigInt(1)

    /// True when the value is zero.
    @inlinable public var isZero: Bool { limbs.isEmpty }

    /// -1, 0 or 1 according to the sign.
    public var signum: Int { limbs.isEmpty ? 0 : (isNegative ? -1 : 1) }

    /// Number of bits needed for the magnitude (Python's `int.bit_length()`); 0 for zero.
    public var bitLength: Int {
        guard let top = limbs.last else { return 0 }
        return limbs.count * 64 - top.leadingZeroBitCount
    }

    /// Absolute value.
    public var magnitude: BigInt { BigInt(limbs: limbs, negative: false) }

    /// The value as an `Int` when it fits exactly, else `nil`.
    public var asInt: Int? {
        if limbs.isEmpty { return 0 }
        if limbs.count > 1 { return nil }
        let m = limbs[0]
        if isNegative {
            if m <= UInt64(Int.max) { return -Int(m) }
            if m == UInt64(Int.max) + 1 { return Int.min }
            return nil
        }
        return m <= UInt64(Int.max) ? Int(m) : nil
    }

    /// The magnitude as a `UInt64` when it fits, else `nil`.
    public var magnitudeAsUInt64: UInt64? {
        switch limbs.count {
        case 0: return 0
        case 1: return limbs[0]
        default: return nil
        }
    }

    /// Negation.
    public static prefix func - (x: BigInt) -> BigInt {
        BigInt(limbs: x.limbs, negative: !x.isNegative)
    }

    /// Whether the value is odd.
    public var isOdd: Bool { (limbs.first ?? 0) & 1 == 1 }
}

extension UInt {
    @inlinable var toUInt64: UInt64 { UInt64(truncatingIfNeeded: self) }
}

extension BigInt: Comparable {
    /// Three-way comparison: -1, 0 or 1.
    public static func compare(_ a: BigInt, _ b: BigInt) -> Int {
        if a.isNegative != b.isNegative { return a.isNegative ? -1 : 1 }
        let c = Mag.compare(a.limbs, b.limbs)
        return a.isNegative ? -c : c
    }

    public static func < (a: BigInt, b: BigInt) -> Bool { compare(a, b) < 0 }
}

extension BigInt: CustomStringConvertible {
    /// Decimal representation (no digit limit).
    public var description: String { toString(radix: 10) }
}

/// Limb-array (magnitude) primitives shared by the BigInt extensions.
enum Mag {
    @inlinable static func normalize(_ a: inout [UInt64]) {
        while let last = a.last, last == 0 { a.removeLast() }
    }

    static func compare(_ a: [UInt64], _ b: [UInt64]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        var i = a.count - 1
        while i >= 0 {
            if a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
            i -= 1
        }
        return 0
    }

    static func add(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        let (long, short) = a.count >= b.count ? (a, b) : (b, a)
        var r = [UInt64]()
        r.reserveCapacity(long.count + 1)
        var carry: UInt64 = 0
        for i in 0..<long.count {
            let (s1, o1) = long[i].addingReportingOverflow(i < short.count ? short[i] : 0)
            let (s2, o2) = s1.addingReportingOverflow(carry)
            r.append(s2)
            carry = (o1 ? 1 : 0) + (o2 ? 1 : 0)
        }
        if carry != 0 { r.append(carry) }
        return r
    }

    /// a - b, requires a >= b.
    static func sub(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var r = [UInt64]()
        r.reserveCapacity(a.count)
        var borrow: UInt64 = 0
        for i in 0..<a.count {
            let (d1, o1) = a[i].subtractingReportingOverflow(i < b.count ? b[i] : 0)
            let (d2, o2) = d1.subtractingReportingOverflow(borrow)
            r.append(d2)
            borrow = (o1 ? 1 : 0) + (o2 ? 1 : 0)
        }
        normalize(&r)
        return r
    }

    static func mul(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        if a.isEmpty || b.isEmpty { return [] }
        if a.count < b.count { return mul(b, a) }
        if b.count >= 48 { return karatsuba(a, b) }
        var r = [UInt64](repeating: 0, count: a.count + b.count)
        r.withUnsafeMutableBufferPointer { rp in
            a.withUnsafeBufferPointer { ap in
                b.withUnsafeBufferPointer { bp in
                    for j in 0..<bp.count {
                        let bj = bp[j]
                        if bj == 0 { continue }
                        var carry: UInt64 = 0
                        for i in 0..<ap.count {
                            let (hi, lo) = ap[i].multipliedFullWidth(by: bj)
                            let (s1, o1) = lo.addingReportingOverflow(rp[i + j])
                            let (s2, o2) = s1.addingReportingOverflow(carry)
                            rp[i + j] = s2
                            carry = hi &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
                        }
                        rp[j + ap.count] = carry
                    }
                }
            }
        }
        normalize(&r)
        return r
    }

    /// Karatsuba multiplication for large operands (a.count >= b.count).
    static func karatsuba(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        let half = (a.count + 1) / 2
        if b.count <= half {
            // Unbalanced: split only a.
            let a0 = slice(a, 0, half), a1 = slice(a, half, a.count)
            return add(mul(a0, b), shiftLimbs(mul(a1, b), half))
        }
        let a0 = slice(a, 0, half), a1 = slice(a, half, a.count)
        let b0 = slice(b, 0, half), b1 = slice(b, half, b.count)
        let z0 = mul(a0, b0)
        let z2 = mul(a1, b1)
        let z1 = sub(sub(mul(add(a0, a1), add(b0, b1)), z0), z2)
        return add(add(z0, shiftLimbs(z1, half)), shiftLimbs(z2, 2 * half))
    }

    static func slice(_ a: [UInt64], _ from: Int, _ to: Int) -> [UInt64] {
        var r = Array(a[from..<to])
        normalize(&r)
        return r
    }

    static func shiftLimbs(_ a: [UInt64], _ n: Int) -> [UInt64] {
        if a.isEmpty { return a }
        return [UInt64](repeating: 0, count: n) + a
    }

    /// a * m + c for a single limb multiplier.
    static func mulAddSmall(_ a: inout [UInt64], _ m: UInt64, _ c: UInt64) {
        var carry = c
        for i in 0..<a.count {
            let (hi, lo) = a[i].multipliedFullWidth(by: m)
            let (s, o) = lo.addingReportingOverflow(carry)
            a[i] = s
            carry = hi &+ (o ? 1 : 0)
        }
        if carry != 0 { a.append(carry) }
    }

    /// Divides in place by a single nonzero limb, returning the remainder.
    static func divSmall(_ a: inout [UInt64], _ d: UInt64) -> UInt64 {
        var rem: UInt64 = 0
        var i = a.count - 1
        while i >= 0 {
            let (q, r) = d.dividingFullWidth((rem, a[i]))
            a[i] = q
            rem = r
            i -= 1
        }
        normalize(&a)
        return rem
    }

    static func shiftLeft(_ a: [UInt64], _ bits: Int) -> [UInt64] {
        if a.isEmpty { return a }
        let limbShift = bits / 64, bitShift = bits % 64
        var r = [UInt64](repeating: 0, count: a.count + limbShift + 1)
        if bitShift == 0 {
            for i in 0..<a.count { r[i + limbShift] = a[i] }
        } else {
            for i in 0..<a.count {
                r[i + limbShift] |= a[i] << UInt64(bitShift)
                r[i + limbShift + 1] = a[i] >> UInt64(64 - bitShift)
            }
        }
        normalize(&r)
        return r
    }

    static func shiftRight(_ a: [UInt64], _ bits: Int) -> [UInt64] {
        let limbShift = bits / 64, bitShift = bits % 64
        if limbShift >= a.count { return [] }
        let n = a.count - limbShift
        var r = [UInt64](repeating: 0, count: n)
        if bitShift == 0 {
            for i in 0..<n { r[i] = a[i + limbShift] }
        } else {
            for i in 0..<n {
                var v = a[i + limbShift] >> UInt64(bitShift)
                if i + limbShift + 1 < a.count { v |= a[i + limbShift + 1] << UInt64(64 - bitShift) }
                r[i] = v
            }
        }
        normalize(&r)
        return r
    }

    /// True if any of the lowest `bits` bits are set.
    static func hasLowBits(_ a: [UInt64], _ bits: Int) -> Bool {
        let limbShift = bits / 64, bitShift = bits % 64
        for i in 0..<min(limbShift, a.count) where a[i] != 0 { return true }
        if bitShift > 0 && limbShift < a.count {
            return a[limbShift] & ((1 << UInt64(bitShift)) - 1) != 0
        }
        return false
    }
}
