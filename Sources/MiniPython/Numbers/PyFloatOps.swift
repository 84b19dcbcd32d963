#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Python `float` semantics (CPython 3.11 `floatobject.c` / `longobject.c`).
public enum PyFloatOps {
    // MARK: Arithmetic

    /// `a / b` for floats. Throws `ZeroDivisionError: float division by zero`.
    public static func trueDivide(_ a: Double, _ b: Double) throws(PyNumberError) -> Double {
        if b == 0 { throw .zeroDivision("float division by zero") }
        return a / b
    }

    /// `a % b` (CPython `float_rem`: result has the sign of `b`).
    /// Throws `ZeroDivisionError: float modulo`.
    public static func modulo(_ a: Double, _ b: Double) throws(PyNumberError) -> Double {
        if b == 0 { throw .zeroDivision("float modulo") }
        var mod = fmod(a, b)
        if mod != 0 {
            if (b < 0) != (mod < 0) { mod += b }
        } else {
            mod = copysign(0.0, b)
        }
        return mod
    }

    /// `divmod(a, b)` (CPython `float_divmod`). Throws `ZeroDivisionError: float divmod()`.
    public static func divMod(_ a: Double, _ b: Double) throws(PyNumberError) -> (quotient: Double, remainder: Double) {
        if b == 0 { throw .zeroDivision("float divmod()") }
        return rawDivMod(a, b)
    }

    /// `a // b` (CPython `float_floor_div`). Throws `ZeroDivisionError: float floor division by zero`.
    public static func floorDivide(_ a: Double, _ b: Double) throws(PyNumberError) -> Double {
        if b == 0 { throw .zeroDivision("float floor division by zero") }
        return rawDivMod(a, b).quotient
    }

    static func rawDivMod(_ vx: Double, _ wx: Double) -> (quotient: Double, remainder: Double) {
        var mod = fmod(vx, wx)
        var div = (vx - mod) / wx
        if mod != 0 {
            if (wx < 0) != (mod < 0) {
                mod += wx
                div -= 1.0
            }
        } else {
            mod = copysign(0.0, wx)
        }
        var floordiv: Double
        if div != 0 {
            floordiv = div.rounded(.down)
            if div - floordiv > 0.5 { floordiv += 1.0 }
        } else {
            floordiv = copysign(0.0, vx / wx)
        }
        return (floordiv, mod)
    }

    /// `a ** b` for floats (CPython `float_pow`). Throws
    /// `ZeroDivisionError: 0.0 cannot be raised to a negative power`,
    /// `OverflowError: (34, 'Numerical result out of range')`, and — where CPython would
    /// return a complex number (negative base, non-integral exponent) —
    /// `ValueError: negative number cannot be raised to a fractional power`
    /// (or CPython's `OverflowError: complex exponentiation` when that complex overflows).
    public static func power(_ ivIn: Double, _ iw: Double) throws(PyNumberError) -> Double {
        var iv = ivIn
        if iw == 0 { return 1.0 }
        if iv.isNaN { return iv }
        if iw.isNaN { return iv == 1.0 ? 1.0 : iw }
        if iw.isInfinite {
            iv = Swift.abs(iv)
            if iv == 1.0 { return 1.0 }
            if (iw > 0) == (iv > 1.0) { return Swift.abs(iw) }
            return 0.0
        }
        if iv.isInfinite {
            let iwIsOdd = fmod(iw, 2.0) == 1.0 || fmod(iw, 2.0) == -1.0
            if iv > 0 { return iw > 0 ? iv : 0.0 }
            return iw > 0 ? (iwIsOdd ? iv : -iv) : (iwIsOdd ? -0.0 : 0.0)
        }
        if iv == 0 {
            let iwIsOdd = fmod(iw, 2.0) == 1.0 || fmod(iw, 2.0) == -1.0
            if iw < 0 { throw .zeroDivision("0.0 cannot be raised to a negative power") }
            return iwIsOdd ? iv : 0.0
        }
        var negateResult = false
        if iv < 0 {
            if iw != iw.rounded(.down) {
                // CPython returns a complex number here; its modulus overflowing raises.
                if cPow(-iv, iw).isInfinite { throw .overflow("complex exponentiation") }
                throw .value("negative number cannot be raised to a fractional power")
            }
            iv = -iv
            negateResult = fmod(iw, 2.0) == 1.0 || fmod(iw, 2.0) == -1.0
        }
        if iv == 1.0 { return negateResult ? -1.0 : 1.0 }
        var ix = cPow(iv, iw)
        if negateResult { ix = -ix }
        if ix.isInfinite { throw .floatRange }
        return ix
    }

    /// Correctly rounded `a / b` for Python ints (CPython `long_true_divide`).
    /// Throws `ZeroDivisionError: division by zero` and
    /// `OverflowError: integer division result too large for a float`.
    public static func trueDivide(_ a: PyIntValue, _ b: PyIntValue) throws(PyNumberError) -> Double {
        if b.isZero { throw .zeroDivision("division by zero") }
        let limit = 1 << 53
        if case .small(let x) = a, case .small(let y) = b,
           x.magnitude <= UInt(limit), y.magnitude <= UInt(limit) {
            return Double(x) / Double(y)
        }
        let negate = a.isNegative != b.isNegative
        let am = a.bigValue.magnitude, bm = b.bigValue.magnitude
        if am.isZero { return negate ? -0.0 : 0.0 }
        let overflow = PyNumberError.overflow("integer division result too large for a float")
        let diff = am.bitLength - bm.bitLength
        if diff > 1024 { throw overflow }           // DBL_MAX_EXP
        if diff < -1021 - 53 - 1 { return negate ? -0.0 : 0.0 }  // DBL_MIN_EXP - DBL_MANT_DIG - 1
        let shift = max(diff, -1021) - 53 - 2
        var inexact = false
        var x: BigInt
        if shift <= 0 {
            x = am.shiftedLeft(-shift)
        } else {
            x = am.shiftedRight(shift)
            inexact = Mag.hasLowBits(am.limbs, shift)
        }
        let (q, r) = x.quotientAndRemainder(dividingBy: bm)
        if !r.isZero { inexact = true }
        let xBits = q.bitLength
        var low = q.magnitudeAsUInt64 ?? 0
        let extraBits = max(xBits, -1021 - shift) - 53
        let mask: UInt64 = 1 << UInt64(extraBits - 1)
        let low0 = low | (inexact ? 1 : 0)
        var lowR = low0
        if (lowR & mask) != 0 && (lowR & (3 &* mask &- 1)) != 0 { lowR = lowR &+ mask }
        low = lowR & ~(2 &* mask &- 1)
        let dx = Double(low)
        if shift + xBits >= 1024 && (shift + xBits > 1024 || dx == Double(sign: .plus, exponent: xBits, significand: 1)) {
            throw overflow
        }
        let result = scalbn(dx, Int32(shift))
        return negate ? -result : result
    }

    // MARK: Parsing

    /// Python's `float(text)`: surrounding whitespace, sign, decimal digits with single
    /// underscores between digits, optional fraction and exponent, `inf`/`infinity`/`nan`
    /// (any case), Unicode decimal digits. Correctly rounded (glibc `strtod`); overflow
    /// gives `inf` as in CPython. Throws `ValueError: could not convert string to float: '...'`.
    public static func parse(_ text: String) throws(PyNumberError) -> Double {
        let invalid = PyNumberError.value("could not convert string to float: \(PyIntValue.truncatedRepr(text))")
        var bytes = [UInt8]()
        for u in text.unicodeScalars {
            if u.isASCII {
                bytes.append(UInt8(u.value))
            } else if u.properties.isWhitespace {
                bytes.append(32)
            } else if u.properties.numericType == .decimal, let v = u.properties.numericValue, v >= 0, v <= 9 {
                bytes.append(48 + UInt8(v))
            } else {
                throw invalid
            }
        }
        func isSpace(_ c: UInt8) -> Bool { c == 32 || (c >= 9 && c <= 13) }
        var lo = 0, hi = bytes.count
        while lo < hi && isSpace(bytes[lo]) { lo += 1 }
        while hi > lo && isSpace(bytes[hi - 1]) { hi -= 1 }
        var body = Array(bytes[lo..<hi])
        var negative = false
        if let f = body.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") {
            negative = f == UInt8(ascii: "-")
            body.removeFirst()
        }
        let word = String(decoding: body, as: UTF8.self).lowercased()
        if word == "inf" || word == "infinity" { return negative ? -.infinity : .infinity }
        if word == "nan" { return .nan }
        // Validate: digits[_digits]* [. digits...] [e [sign] digits...], underscores only between digits.
        var clean = [UInt8]()
        var i = 0
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        func digitRun() throws(PyNumberError) -> Int {
            var n = 0
            while i < body.count {
                let c = body[i]
                if isDigit(c) {
                    clean.append(c)
                    n += 1
                    i += 1
                } else if c == UInt8(ascii: "_") {
                    guard n > 0, i + 1 < body.count, isDigit(body[i + 1]) else { throw invalid }
                    i += 1
                } else {
                    break
                }
            }
            return n
        }
        var mantissaDigits = try digitRun()
        if i < body.count && body[i] == UInt8(ascii: ".") {
            clean.append(UInt8(ascii: "."))
            i += 1
            mantissaDigits += try digitRun()
        }
        guard mantissaDigits > 0 else { throw invalid }
        if i < body.count && (body[i] | 0x20) == UInt8(ascii: "e") {
            clean.append(UInt8(ascii: "e"))
            i += 1
            if i < body.count && (body[i] == UInt8(ascii: "+") || body[i] == UInt8(ascii: "-")) {
                clean.append(body[i])
                i += 1
            }
            guard try digitRun() > 0 else { throw invalid }
        }
        guard i == body.count else { throw invalid }
        let value: Double = strtod(String(decoding: clean, as: UTF8.self), nil)
        return negative ? -value : value
    }

    // MARK: Conversions and rounding

    /// `math.floor(x)` as an int.
    public static func floor(_ x: Double) throws(PyNumberError) -> PyIntValue {
        try PyIntValue(truncating: x.rounded(.down))
    }

    /// `math.ceil(x)` as an int.
    public static func ceil(_ x: Double) throws(PyNumberError) -> PyIntValue {
        try PyIntValue(truncating: x.rounded(.up))
    }

    /// `math.trunc(x)` / `int(x)`.
    public static func trunc(_ x: Double) throws(PyNumberError) -> PyIntValue {
        try PyIntValue(truncating: x)
    }

    /// `float.is_integer()`.
    public static func isInteger(_ x: Double) -> Bool { x.isFinite && x.rounded(.towardZero) == x }

    /// `round(x)`: round-half-even to an int.
    public static func round(_ x: Double) throws(PyNumberError) -> PyIntValue {
        try PyIntValue(truncating: x.rounded(.toNearestOrEven))
    }

    /// `round(x, ndigits)` exactly as CPython: the exact binary value is rounded
    /// half-even to `ndigits` decimal places, then converted back correctly rounded
    /// (so `round(2.675, 2) == 2.67`). Throws `OverflowError: rounded value too large to represent`.
    public static func round(_ x: Double, ndigits: PyIntValue) throws(PyNumberError) -> Double {
        if !x.isFinite || x == 0 { return x }
        // NDIGITS_MAX / NDIGITS_MIN for IEEE doubles.
        guard case .small(let n) = ndigits else { return ndigits.isNegative ? 0.0 * x : x }
        if n > 323 { return x }
        if n < -308 { return 0.0 * x }
        // x = m * 2**e exactly.
        let a = Swift.abs(x)
        let e = Int(a.exponent) - 52
        let sig = BigInt(a.significandBitPattern | (a.isNormal ? (1 << 52) : 0))
        let mant: BigInt
        var expo = e
        if a.isNormal {
            mant = sig
        } else {
            mant = sig
            expo = -1074
        }
        // value = mant * 2**expo; scaled = value * 10**n; q = round_half_even(scaled)
        var num = mant
        var den = BigInt.one
        if expo >= 0 { num = num.shiftedLeft(expo) } else { den = den.shiftedLeft(-expo) }
        let p10 = BigInt(10).power(Swift.abs(n))
        if n >= 0 { num = num * p10 } else { den = den * p10 }
        var (q, r) = num.quotientAndRemainder(dividingBy: den)
        let twice = r.shiftedLeft(1)
        let c = BigInt.compare(twice, den)
        if c > 0 || (c == 0 && q.isOdd) { q = q + .one }
        var result: Double
        if n >= 0 {
            result = try trueDivide(PyIntValue(q), PyIntValue(p10))
        } else {
            guard let d = (q * p10).toDouble() else { throw .overflow("rounded value too large to represent") }
            result = d
        }
        if result.isInfinite { throw .overflow("rounded value too large to represent") }
        return x < 0 ? -result : result
    }

    // MARK: Mixed int/float comparison

    /// Exact comparison of an int with a float (CPython `float_richcompare`):
    /// -1, 0, 1, or nil when `d` is NaN (all ordered comparisons false, `!=` true).
    public static func compare(_ i: PyIntValue, _ d: Double) -> Int? {
        if d.isNaN { return nil }
        if d.isInfinite { return d > 0 ? -1 : 1 }
        if case .small(let v) = i, v.magnitude <= UInt(1 << 53) {
            let dv = Double(v)
            return dv < d ? -1 : (dv > d ? 1 : 0)
        }
        let fl = d.rounded(.down)
        let f = BigInt(truncating: fl)
        let c = BigInt.compare(i.bigValue, f)
        if c != 0 { return c }
        return fl == d ? 0 : -1
    }

    /// Exact comparison of two Python numbers (int or float): -1/0/1, nil if unordered.
    public static func compare(_ a: PyNumber, _ b: PyNumber) -> Int? {
        switch (a, b) {
        case let (.int(x), .int(y)): return PyIntValue.compare(x, y)
        case let (.int(x), .float(y)): return compare(x, y)
        case let (.float(x), .int(y)): return compare(y, x).map { -$0 }
        case let (.float(x), .float(y)):
            if x.isNaN || y.isNaN { return nil }
            return x < y ? -1 : (x > y ? 1 : 0)
        }
    }

    // MARK: Hashing

    /// CPython's `hash(float)` (`_Py_HashDouble`). Integral floats hash like the equal
    /// int; `hash(inf) == 314159`. NaN hashes by object identity in 3.11; this returns 0.
    public static func hash(_ v: Double) -> Int {
        if !v.isFinite {
            if v.isInfinite { return v > 0 ? 314159 : -314159 }
            return 0
        }
        let modulus = PyIntValue.hashModulus
        let bits: UInt64 = 61
        var e: Int32 = 0
        var m = frexp(v, &e)
        var sign = 1
        if m < 0 {
            sign = -1
            m = -m
        }
        var x: UInt64 = 0
        var ee = Int(e)
        while m != 0 {
            x = ((x << 28) & modulus) | x >> (bits - 28)
            m *= 268435456.0
            ee -= 28
            let y = UInt64(m)
            m -= Double(y)
            x += y
            if x >= modulus { x -= modulus }
        }
        let s = ee >= 0 ? ee % 61 : 61 - 1 - ((-1 - ee) % 61)
        x = ((x << UInt64(s)) & modulus) | x >> (bits - UInt64(s))
        var h = Int(x)
        if sign < 0 { h = -h }
        return h == -1 ? -2 : h
    }
}

@inline(__always) private func cPow(_ a: Double, _ b: Double) -> Double { pow(a, b) }
