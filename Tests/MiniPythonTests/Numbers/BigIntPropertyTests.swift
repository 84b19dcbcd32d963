import Foundation
import Testing
@testable import MiniPython

/// Deterministic generator for property tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension BigInt {
    /// Random value with `limbCount` limbs mixing random, all-ones and sparse patterns.
    static func random(limbs limbCount: Int, using rng: inout SplitMix64) -> BigInt {
        var l = [UInt64]()
        for _ in 0..<limbCount {
            switch rng.next() % 6 {
            case 0: l.append(UInt64.max)
            case 1: l.append(0)
            case 2: l.append(1 << (rng.next() % 64))
            default: l.append(rng.next())
            }
        }
        if limbCount > 0 && rng.next() % 3 == 0 { l[limbCount - 1] = 0x8000_0000_0000_0000 | (rng.next() >> 1) }
        return BigInt(limbs: l, negative: rng.next() & 1 == 1)
    }
}

@Suite struct BigIntPropertyTests {
    @Test func divisionInvertsMultiplication() {
        var rng = SplitMix64(state: 42)
        for _ in 0..<400 {
            let a = BigInt.random(limbs: Int(rng.next() % 12), using: &rng)
            var b = BigInt.random(limbs: 1 + Int(rng.next() % 10), using: &rng)
            if b.isZero { b = BigInt(3) }
            // r with |r| < |b| and the sign rules of truncated division.
            var r = BigInt.random(limbs: Int(rng.next() % UInt64(b.limbs.count + 1)), using: &rng).magnitude
            r = r.quotientAndRemainder(dividingBy: b).remainder.magnitude
            let signedR = a.isNegative != b.isNegative ? (a.isZero ? r : -r) : r
            let n = a * b + (a.isNegative ? -r : r)
            let (q, rem) = n.quotientAndRemainder(dividingBy: b)
            #expect(q * b + rem == n)
            #expect(rem.magnitude < b.magnitude)
            #expect(rem.isZero || rem.isNegative == n.isNegative)
            _ = signedR
            let (fq, fr) = n.floorDivMod(b)
            #expect(fq * b + fr == n)
            #expect(fr.isZero || fr.isNegative == b.isNegative)
        }
    }

    @Test func knuthCorrectionPaths() {
        // Divisors with a saturated top limb force qhat = B-1 and the add-back step.
        let tops: [UInt64] = [UInt64.max, 0x8000_0000_0000_0000, 0x8000_0000_0000_0001, 1]
        var rng = SplitMix64(state: 7)
        for top in tops {
            for _ in 0..<50 {
                let b = BigInt(limbs: [rng.next(), rng.next() % 2 == 0 ? 0 : UInt64.max, top], negative: false)
                let q = BigInt.random(limbs: 4, using: &rng).magnitude
                let r = BigInt(limbs: [rng.next(), rng.next(), top &- 1], negative: false)
                    .quotientAndRemainder(dividingBy: b).remainder
                let n = q * b + r
                let (q2, r2) = n.quotientAndRemainder(dividingBy: b)
                #expect(q2 == q)
                #expect(r2 == r)
            }
        }
    }

    @Test func karatsubaMatchesDistributivity() {
        var rng = SplitMix64(state: 99)
        for _ in 0..<12 {
            let a = BigInt.random(limbs: 40 + Int(rng.next() % 120), using: &rng)
            let b = BigInt.random(limbs: 40 + Int(rng.next() % 120), using: &rng)
            let c = BigInt.random(limbs: 20 + Int(rng.next() % 60), using: &rng)
            #expect(a * (b + c) == a * b + a * c)
            if !b.isZero {
                #expect((a * b).quotientAndRemainder(dividingBy: b).quotient == a)
            }
            // Schoolbook reference through limb-by-limb accumulation.
            var ref = BigInt.zero
            for (i, limb) in b.magnitude.limbs.enumerated() {
                ref = ref + (a.magnitude * BigInt(limb)).shiftedLeft(64 * i)
            }
            #expect((a * b).magnitude == ref)
        }
    }

    @Test func stringRoundTrips() throws {
        var rng = SplitMix64(state: 5)
        for _ in 0..<200 {
            let a = PyIntValue(BigInt.random(limbs: Int(rng.next() % 20), using: &rng))
            for radix in [2, 3, 7, 8, 10, 16, 36] {
                let s = a.toString(radix: radix)
                #expect(try PyIntValue.parse(s, base: radix, maxDigits: 0) == a)
            }
        }
    }

    @Test func bitwiseIdentities() {
        var rng = SplitMix64(state: 11)
        for _ in 0..<300 {
            let a = PyIntValue(BigInt.random(limbs: Int(rng.next() % 4), using: &rng))
            let b = PyIntValue(BigInt.random(limbs: Int(rng.next() % 4), using: &rng))
            #expect((a & b) + (a | b) == a + b)
            #expect((a ^ b) == (a | b) - (a & b))
            #expect(~(~a) == a)
            let k = PyIntValue(Int(rng.next() % 200))
            let shifted = try! a.shiftedLeft(by: k)
            #expect(try! shifted.shiftedRight(by: k) == a)
            #expect(try! a.shiftedRight(by: k) == a.floorDivided(by: PyIntValue.small(2).power(nonNegative: k)))
        }
    }

    @Test func smallValuesStaySmall() throws {
        #expect(PyIntValue(Int.max) + 1 == .big(BigInt(Int.max) + BigInt.one))
        #expect((PyIntValue(Int.max) + 1) - 1 == .small(Int.max))
        #expect(-PyIntValue(Int.min) == .big(-BigInt(Int.min)))
        #expect(try PyIntValue(Int.min).floorDivided(by: -1) == .big(-BigInt(Int.min)))
        #expect(try PyIntValue(Int.min).modulo(-1) == .small(0))
        #expect(try PyIntValue.small(2).power(nonNegative: 64) - PyIntValue.small(2).power(nonNegative: 64) + 5 == .small(5))
        #expect(try PyIntValue.small(1).shiftedLeft(by: 63) == .big(BigInt.one.shiftedLeft(63)))
        #expect(try PyIntValue.small(-1).shiftedLeft(by: 63) == .small(Int.min))
    }

    /// Every operation on awkward operands must return or throw, never trap.
    @Test func nothingTraps() {
        let edge: [PyIntValue] = [0, 1, -1, 2, -2, 63, 64, 65, .small(Int.max), .small(Int.min),
                                  .small(Int.max - 1), .small(Int.min + 1),
                                  PyIntValue(BigInt(Int.max) + BigInt.one), PyIntValue(-BigInt(Int.min) + BigInt.one),
                                  PyIntValue(BigInt.one.shiftedLeft(200)), PyIntValue(-BigInt.one.shiftedLeft(1100))]
        for a in edge {
            for b in edge {
                _ = a + b; _ = a - b; _ = a * b; _ = a & b; _ = a | b; _ = a ^ b; _ = ~a; _ = -a
                _ = try? a.divMod(b); _ = try? a.modulo(b); _ = try? a.trueDivided(by: b)
                _ = try? a.shiftedLeft(by: b); _ = try? a.shiftedRight(by: b)
                _ = try? a.power(b); _ = try? a.power(b, modulo: b)
                _ = try? a.rounded(ndigits: b); _ = try? a.toDouble(); _ = a.pyHash
                _ = try? PyNumberFormat.format(a, ",")
                _ = try? PyNumberFormat.format(a, "c")
                _ = try? PyNumberFormat.format(a, "#_b")
                _ = try? PyNumberFormat.percentFormat("%*.*x %c", [.int(a), .int(b), .int(a), .int(b)])
                for d in [0.0, -0.0, 1.5, -1e308, .infinity, -.infinity, .nan, .leastNonzeroMagnitude] {
                    _ = PyFloatOps.compare(a, d)
                    _ = try? PyFloatOps.power((try? a.toDouble()) ?? 1, d)
                    _ = try? PyFloatOps.round(d, ndigits: b)
                    _ = try? PyFloatOps.divMod(d, (try? b.toDouble()) ?? 0)
                }
            }
        }
        for spec in ["", "%", ".0%", "z", ",.1000f", ".1000e", "=^<>", "\u{0}", "0", "00", "99999999999999999999",
                     ".99999999", "\u{663}\u{664}", ",_", "_,", "#", "z#0,.3g"] {
            for d in [0.0, -0.0, 1e308, -.leastNonzeroMagnitude, .nan, .infinity] {
                _ = try? PyNumberFormat.format(d, spec)
            }
            _ = try? PyNumberFormat.format(PyIntValue(-7), spec)
        }
        for t in ["%", "%(", "%*", "%.*", "%5", "%-", "%l", "%%%", "%c", "%.*f"] {
            _ = try? PyNumberFormat.percentFormat(t, [.int(-1)])
            _ = try? PyNumberFormat.percentFormat(t, [])
        }
        for s in ["", "-", "+", "_", "0x", "0b_", " 0 ", "\u{0}", "٣", "9" * 30, "1" * 5000] {
            for base in [0, 2, 10, 16, 36, 1, 37, -1] {
                _ = try? PyIntValue.parse(s, base: base)
            }
        }
        // Huge results are refused instead of exhausting memory.
        #expect(throws: PyNumberError.self) { try PyIntValue.small(3).power(nonNegative: .small(1 << 40)) }
        #expect(throws: PyNumberError.self) { try PyIntValue.small(1).shiftedLeft(by: .small(1 << 40)) }
    }

    @Test func bigDecimalConversionIsFast() throws {
        let n = try PyIntValue.small(7).power(nonNegative: .small(1183))  // ~1000 digits
        let clock = ContinuousClock()
        var s = ""
        let elapsed = clock.measure {
            for _ in 0..<50 { s = n.description }
        }
        #expect(s.count == 1000)
        #expect(elapsed < .seconds(2))
        #expect(try PyIntValue.parse(s) == n)
        #expect(try PyNumberFormat.format(try PyIntValue.small(2).power(nonNegative: 100), ",")
                == "1,267,650,600,228,229,401,496,703,205,376")
    }
}

private func * (s: String, n: Int) -> String { String(repeating: s, count: n) }
