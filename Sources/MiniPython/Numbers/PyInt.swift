/// A Python `int`: a machine integer fast path that transparently promotes to
/// `BigInt` on overflow and normalises back to `.small` whenever the value fits.
///
/// Invariant: `.big` never holds a value representable as `Int`, so the synthesized
/// `Equatable`/`Hashable` conformances compare values. (Python's `hash()` is `pyHash`.)
public enum PyIntValue: Sendable, Hashable {
    /// A value that fits in `Int`.
    case small(Int)
    /// A value outside the `Int` range.
    case big(BigInt)

    /// Upper bound on the bit length of results of `**`, `<<` and (in the interpreter) `*`;
    /// larger results raise `MemoryError` / `OverflowError` instead of exhausting memory.
    /// The fuzzer lowers it.
    nonisolated(unsafe) public static var maxBitLength = 1 << 26

    /// CPython 3.11's default `sys.get_int_max_str_digits()`.
    public static let defaultMaxStrDigits = 4300

    /// Creates a small value.
    @inlinable public init(_ value: Int) { self = .small(value) }

    /// Creates a value from a `BigInt`, normalising to `.small` when it fits.
    public init(_ value: BigInt) {
        if let i = value.asInt { self = .small(i) } else { self = .big(value) }
    }

    /// `True`/`False` as 1/0.
    public init(_ value: Bool) { self = .small(value ? 1 : 0) }

    /// Zero.
    public static let zero = PyIntValue.small(0)
    /// One.
    public static let one = PyIntValue.small(1)

    /// The value as a `BigInt`.
    public var bigValue: BigInt {
        switch self {
        case .small(let i): return BigInt(i)
        case .big(let b): return b
        }
    }

    /// The value as an `Int` when it fits.
    @inlinable public var asInt: Int? {
        if case .small(let i) = self { return i }
        return nil
    }

    /// -1, 0 or 1.
    public var signum: Int {
        switch self {
        case .small(let i): return i.signum()
        case .big(let b): return b.signum
        }
    }

    /// True when zero.
    public var isZero: Bool { self == .small(0) }
    /// True when negative.
    public var isNegative: Bool { signum < 0 }

    /// `int.bit_length()`.
    public var bitLength: Int {
        switch self {
        case .small(let i): return Int.bitWidth - i.magnitude.leadingZeroBitCount
        case .big(let b): return b.bitLength
        }
    }

    /// `int.bit_count()`.
    public var bitCount: Int {
        switch self {
        case .small(let i): return i.magnitude.nonzeroBitCount
        case .big(let b): return b.popCount
        }
    }
}

// MARK: - Arithmetic

extension PyIntValue {
    /// `a + b`.
    public static func + (a: PyIntValue, b: PyIntValue) -> PyIntValue {
        if case .small(let x) = a, case .small(let y) = b {
            let (r, o) = x.addingReportingOverflow(y)
            if !o { return .small(r) }
        }
        return PyIntValue(a.bigValue + b.bigValue)
    }

    /// `a - b`.
    public static func - (a: PyIntValue, b: PyIntValue) -> PyIntValue {
        if case .small(let x) = a, case .small(let y) = b {
            let (r, o) = x.subtractingReportingOverflow(y)
            if !o { return .small(r) }
        }
        return PyIntValue(a.bigValue - b.bigValue)
    }

    /// `a * b`.
    public static func * (a: PyIntValue, b: PyIntValue) -> PyIntValue {
        if case .small(let x) = a, case .small(let y) = b {
            let (r, o) = x.multipliedReportingOverflow(by: y)
            if !o { return .small(r) }
        }
        return PyIntValue(a.bigValue * b.bigValue)
    }

    /// `-a`.
    public static prefix func - (a: PyIntValue) -> PyIntValue {
        if case .small(let x) = a, x != Int.min { return .small(-x) }
        return PyIntValue(-a.bigValue)
    }

    /// `abs(a)`.
    public var magnitude: PyIntValue { isNegative ? -self : self }

    /// `divmod(a, b)` with Python's floor semantics.
    /// Throws `ZeroDivisionError: integer division or modulo by zero`.
    public func divMod(_ b: PyIntValue) throws(PyNumberError) -> (quotient: PyIntValue, remainder: PyIntValue) {
        if b.isZero { throw .zeroDivision("integer division or modulo by zero") }
        if case .small(let x) = self, case .small(let y) = b, !(x == Int.min && y == -1) {
            var q = x / y
            var r = x % y
            if r != 0 && ((r < 0) != (y < 0)) {
                q -= 1
                r += y
            }
            return (.small(q), .small(r))
        }
        let (q, r) = bigValue.floorDivMod(b.bigValue)
        return (PyIntValue(q), PyIntValue(r))
    }

    /// `a // b`. Throws `ZeroDivisionError: integer division or modulo by zero`.
    public func floorDivided(by b: PyIntValue) throws(PyNumberError) -> PyIntValue {
        try divMod(b).quotient
    }

    /// `a % b`. Throws `ZeroDivisionError: integer modulo by zero`.
    public func modulo(_ b: PyIntValue) throws(PyNumberError) -> PyIntValue {
        if b.isZero { throw .zeroDivision("integer modulo by zero") }
        return try divMod(b).remainder
    }

    /// `a / b`, correctly rounded (CPython's `long_true_divide`).
    public func trueDivided(by b: PyIntValue) throws(PyNumberError) -> Double {
        try PyFloatOps.trueDivide(self, b)
    }

    /// `a ** b` for `b >= 0` (int result). Negative exponents produce floats; see `power(_:)`.
    public func power(nonNegative e: PyIntValue) throws(PyNumberError) -> PyIntValue {
        if e.isNegative { throw .value("negative exponent") }
        // Trivial bases first: they never grow.
        if case .small(let base) = self {
            if base == 0 { return e.isZero ? .one : .zero }
            if base == 1 { return .one }
            if base == -1 {
                let odd: Bool
                switch e {
                case .small(let n): odd = n & 1 == 1
                case .big(let b): odd = b.isOdd
                }
                return .small(odd ? -1 : 1)
            }
        }
        guard case .small(let n) = e else { throw .memory }
        if case .small(let base) = self {
            var result = 1
            var b = base
            var k = n
            var overflow = false
            while k > 0 {
                if k & 1 == 1 {
                    let (r, o) = result.multipliedReportingOverflow(by: b)
                    if o { overflow = true; break }
                    result = r
                }
                k >>= 1
                if k == 0 { break }
                let (sq, o) = b.multipliedReportingOverflow(by: b)
                if o { overflow = true; break }
                b = sq
            }
            if !overflow { return .small(result) }
        }
        let bits = (bitLength - 1).multipliedReportingOverflow(by: n)
        if bits.overflow || bits.partialValue > PyIntValue.maxBitLength { throw .memory }
        return PyIntValue(bigValue.power(n))
    }

    /// Python's `a ** b`: an int for `b >= 0`, otherwise the float `float(a) ** float(b)`.
    public func power(_ e: PyIntValue) throws(PyNumberError) -> PyNumber {
        if !e.isNegative { return .int(try power(nonNegative: e)) }
        return .float(try PyFloatOps.power(try toDouble(), try e.toDouble()))
    }

    /// Three-argument `pow(a, e, m)`, including modular inverses for negative `e`.
    public func power(_ e: PyIntValue, modulo m: PyIntValue) throws(PyNumberError) -> PyIntValue {
        if m.isZero { throw .value("pow() 3rd argument cannot be 0") }
        let negativeOutput = m.isNegative
        let mod = m.magnitude
        if mod == .one { return .zero }
        var base = try self.modulo(mod)
        var exp = e
        if e.isNegative {
            guard let inv = PyIntValue.inverse(base, mod) else {
                throw .value("base is not invertible for the given modulus")
            }
            base = inv
            exp = -e
        }
        var result: PyIntValue
        if case .small(let mm) = mod, case .small(let bb) = base {
            let mu = UInt64(mm)
            var r: UInt64 = 1 % mu
            var b = UInt64(bb)
            let eb = exp.bigValue
            let nbits = eb.bitLength
            for i in 0..<nbits {
                if (eb.limbs[i / 64] >> UInt64(i % 64)) & 1 == 1 {
                    r = mu.dividingFullWidth(r.multipliedFullWidth(by: b)).remainder
                }
                b = mu.dividingFullWidth(b.multipliedFullWidth(by: b)).remainder
            }
            result = .small(Int(r))
        } else {
            let mb = mod.bigValue
            var r = BigInt.one
            var b = base.bigValue
            let eb = exp.bigValue
            let nbits = eb.bitLength
            for i in 0..<nbits {
                if (eb.limbs[i / 64] >> UInt64(i % 64)) & 1 == 1 {
                    r = (r * b).floorDivMod(mb).remainder
                }
                if i + 1 < nbits { b = (b * b).floorDivMod(mb).remainder }
            }
            result = PyIntValue(r.floorDivMod(mb).remainder)
        }
        if negativeOutput && !result.isZero { result = result - mod }
        return result
    }

    /// Modular inverse of `a` modulo `m` (m > 1), or nil if not coprime.
    static func inverse(_ a: PyIntValue, _ m: PyIntValue) -> PyIntValue? {
        var (oldR, r) = (a.bigValue, m.bigValue)
        var (oldS, s) = (BigInt.one, BigInt.zero)
        while !r.isZero {
            let (q, rem) = oldR.floorDivMod(r)
            (oldR, r) = (r, rem)
            (oldS, s) = (s, oldS - q * s)
        }
        guard oldR == .one else { return nil }
        return PyIntValue(oldS.floorDivMod(m.bigValue).remainder)
    }

    /// Python's `round(a, ndigits)` for ints (half-even at a power of ten).
    public func rounded(ndigits: PyIntValue) throws(PyNumberError) -> PyIntValue {
        if !ndigits.isNegative { return self }
        // 10**k exceeds |a| * 2 when k > number of decimal digits + 1: result is 0.
        let digitsBound = bitLength / 3 + 2
        guard case .small(let nd) = ndigits, nd >= -digitsBound else { return .zero }
        let pow10 = try PyIntValue.small(10).power(nonNegative: .small(-nd))
        var (q, r) = try divMod(pow10)
        let twice = r + r
        if twice > pow10 || (twice == pow10 && q.bigValue.isOdd) { q = q + .one }
        return q * pow10
    }
}

/// A Python number produced by mixed int/float operations.
public enum PyNumber: Sendable, Equatable {
    /// An `int` result.
    case int(PyIntValue)
    /// A `float` result.
    case float(Double)
}

// MARK: - Shifts and bitwise

extension PyIntValue {
    /// `a << n`. Throws `ValueError: negative shift count` or `OverflowError` for huge shifts.
    public func shiftedLeft(by n: PyIntValue) throws(PyNumberError) -> PyIntValue {
        if n.isNegative { throw .negativeShift }
        if isZero { return .zero }
        guard case .small(let k) = n else { throw .tooManyDigits }
        if case .small(let x) = self, k < Int.bitWidth - 1 {
            let r = x << k
            if r >> k == x { return .small(r) }
        }
        if k > PyIntValue.maxBitLength { throw .tooManyDigits }
        return PyIntValue(bigValue.shiftedLeft(k))
    }

    /// `a >> n` (floor semantics). Throws `ValueError: negative shift count`.
    public func shiftedRight(by n: PyIntValue) throws(PyNumberError) -> PyIntValue {
        if n.isNegative { throw .negativeShift }
        guard case .small(let k) = n else { return isNegative ? .small(-1) : .zero }
        if case .small(let x) = self { return .small(k >= Int.bitWidth ? (x < 0 ? -1 : 0) : x >> k) }
        return PyIntValue(bigValue.shiftedRight(k))
    }

    /// `a & b` (two's complement semantics).
    public static func & (a: PyIntValue, b: PyIntValue) -> PyIntValue {
        if case .small(let x) = a, case .small(let y) = b { return .small(x & y) }
        return PyIntValue(a.bigValue & b.bigValue)
    }

    /// `a | b` (two's complement semantics).
    public static func | (a: PyIntValue, b: PyIntValue) -> PyIntValue {
        if case .small(let x) = a, case .small(let y) = b { return .small(x | y) }
        return PyIntValue(a.bigValue | b.bigValue)
    }

    /// `a ^ b` (two's complement semantics).
    public static func ^ (a: PyIntValue, b: PyIntValue) -> PyIntValue {
        if case .small(let x) = a, case .small(let y) = b { return .small(x ^ y) }
        return PyIntValue(a.bigValue ^ b.bigValue)
    }

    /// `~a == -a - 1`.
    public static prefix func ~ (a: PyIntValue) -> PyIntValue {
        if case .small(let x) = a { return .small(~x) }
        return PyIntValue(~a.bigValue)
    }
}

// MARK: - Comparison and hashing

extension PyIntValue: Comparable {
    /// Three-way comparison: -1, 0 or 1.
    public static func compare(_ a: PyIntValue, _ b: PyIntValue) -> Int {
        if case .small(let x) = a, case .small(let y) = b { return x < y ? -1 : (x > y ? 1 : 0) }
        return BigInt.compare(a.bigValue, b.bigValue)
    }

    public static func < (a: PyIntValue, b: PyIntValue) -> Bool { compare(a, b) < 0 }

    /// The Python modulus for numeric hashing, 2**61 - 1.
    public static let hashModulus: UInt64 = (1 << 61) - 1

    /// CPython's `hash(int)`: the value reduced modulo 2**61 - 1 keeping the sign,
    /// with -1 mapped to -2.
    public var pyHash: Int {
        let m: UInt64
        let negative: Bool
        switch self {
        case .small(let i):
            m = UInt64(i.magnitude) % PyIntValue.hashModulus
            negative = i < 0
        case .big(let b):
            m = b.magnitudeRemainder(PyIntValue.hashModulus)
            negative = b.isNegative
        }
        var h = Int(m)
        if negative { h = -h }
        return h == -1 ? -2 : h
    }
}

// MARK: - Conversions

extension PyIntValue {
    /// `float(a)`, correctly rounded. Throws `OverflowError: int too large to convert to float`.
    public func toDouble() throws(PyNumberError) -> Double {
        switch self {
        case .small(let i): return Double(i)
        case .big(let b):
            guard let d = b.toDouble() else { throw .intTooLargeForFloat }
            return d
        }
    }

    /// `int(x)` for a float: truncation toward zero.
    /// Throws `OverflowError: cannot convert float infinity to integer` or
    /// `ValueError: cannot convert float NaN to integer`.
    public init(truncating d: Double) throws(PyNumberError) {
        if d.isNaN { throw .value("cannot convert float NaN to integer") }
        if d.isInfinite { throw .overflow("cannot convert float infinity to integer") }
        if d > -9.2e18 && d < 9.2e18 {
            self = .small(Int(d))
        } else {
            self = PyIntValue(BigInt(truncating: d))
        }
    }

    /// Decimal `str(a)`; throws CPython's `ValueError` when the result has more than
    /// `maxDigits` digits (0 disables the limit, like `sys.set_int_max_str_digits(0)`).
    public func toDecimalString(maxDigits: Int = PyIntValue.defaultMaxStrDigits) throws(PyNumberError) -> String {
        switch self {
        case .small(let i): return String(i)
        case .big(let b):
            // Cheap pre-check: bitLength * log10(2) lower bound on digit count.
            if maxDigits > 0 && (b.bitLength - 1) * 30103 / 100000 + 1 > maxDigits {
                throw PyIntValue.strLimitError(maxDigits)
            }
            let s = b.toString(radix: 10)
            if maxDigits > 0 && s.utf8.count - (b.isNegative ? 1 : 0) > maxDigits {
                throw PyIntValue.strLimitError(maxDigits)
            }
            return s
        }
    }

    static func strLimitError(_ limit: Int) -> PyNumberError {
        .value("Exceeds the limit (\(limit) digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
    }

    /// Digits in `radix` with optional Python prefix: `toString(radix: 16, prefix: true)`
    /// gives `hex()` output such as `-0xff`. No digit limit applies (as CPython for
    /// power-of-two bases); for other radixes this does not enforce the limit.
    public func toString(radix: Int, prefix: Bool = false, uppercase: Bool = false) -> String {
        let r = max(2, min(36, radix))
        let digits: String
        let negative = isNegative
        switch self {
        case .small(let i): digits = String(i.magnitude, radix: r, uppercase: uppercase)
        case .big(let b): digits = b.magnitude.toString(radix: r, uppercase: uppercase)
        }
        var p = ""
        if prefix {
            switch r {
            case 2: p = uppercase ? "0B" : "0b"
            case 8: p = uppercase ? "0O" : "0o"
            case 16: p = uppercase ? "0X" : "0x"
            default: p = ""
            }
        }
        return (negative ? "-" : "") + p + digits
    }
}

extension PyIntValue: CustomStringConvertible {
    /// Decimal representation without the digit limit.
    public var description: String {
        switch self {
        case .small(let i): return String(i)
        case .big(let b): return b.toString(radix: 10)
        }
    }
}

extension PyIntValue: ExpressibleByIntegerLiteral {
    /// Integer literal.
    public init(integerLiteral value: Int) { self = .small(value) }
}

// MARK: - Parsing

extension PyIntValue {
    /// Python's `int(text, base)`: surrounding whitespace, sign, base prefixes
    /// (`0x`/`0o`/`0b`, required to match when `base` is 16/8/2, chosen by base 0),
    /// single underscores between digits, Unicode decimal digits. Errors use CPython's
    /// wording, e.g. `invalid literal for int() with base 10: 'abc'`.
    public static func parse(_ text: String, base: Int = 10,
                             maxDigits: Int = PyIntValue.defaultMaxStrDigits) throws(PyNumberError) -> PyIntValue {
        if base != 0 && (base < 2 || base > 36) {
            throw .value("int() base must be >= 2 and <= 36, or 0")
        }
        let invalid = PyNumberError.value("invalid literal for int() with base \(base): \(truncatedRepr(text))")
        // Map Unicode whitespace to spaces and Unicode decimal digits to ASCII.
        var bytes = [UInt8]()
        bytes.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars {
            if s.isASCII {
                bytes.append(UInt8(s.value))
            } else if s.properties.isWhitespace {
                bytes.append(UInt8(ascii: " "))
            } else if s.properties.numericType == .decimal, let v = s.properties.numericValue, v >= 0, v <= 9 {
                bytes.append(UInt8(ascii: "0") + UInt8(v))
            } else {
                throw invalid
            }
        }
        func isSpace(_ c: UInt8) -> Bool { c == 32 || (c >= 9 && c <= 13) }
        var lo = 0, hi = bytes.count
        while lo < hi && isSpace(bytes[lo]) { lo += 1 }
        while hi > lo && isSpace(bytes[hi - 1]) { hi -= 1 }
        var negative = false
        if lo < hi && (bytes[lo] == UInt8(ascii: "+") || bytes[lo] == UInt8(ascii: "-")) {
            negative = bytes[lo] == UInt8(ascii: "-")
            lo += 1
        }
        var b = base
        func lower(_ i: Int) -> UInt8 { i < hi ? (bytes[i] | 0x20) : 0 }
        var zeroOnly = false
        if lo < hi && bytes[lo] == UInt8(ascii: "0") {
            let p = lower(lo + 1)
            let prefixBase = p == UInt8(ascii: "x") ? 16 : (p == UInt8(ascii: "o") ? 8 : (p == UInt8(ascii: "b") ? 2 : 0))
            if b == 0 {
                if prefixBase != 0 { b = prefixBase; lo += 2 } else { b = 10; zeroOnly = true }
                if prefixBase != 0 && lo < hi && bytes[lo] == UInt8(ascii: "_") { lo += 1 }
            } else if prefixBase == b {
                lo += 2
                if lo < hi && bytes[lo] == UInt8(ascii: "_") { lo += 1 }
            }
        } else if b == 0 {
            b = 10
        }
        // Digits with single underscores between them.
        var digits = [UInt8]()
        digits.reserveCapacity(hi - lo)
        var prevUnderscore = true  // forbids a leading underscore
        for i in lo..<max(lo, hi) {
            let c = bytes[i]
            if c == UInt8(ascii: "_") {
                if prevUnderscore { throw invalid }
                prevUnderscore = true
                continue
            }
            guard let v = BigInt.digitValue(c), v < b else { throw invalid }
            digits.append(c)
            prevUnderscore = false
        }
        if digits.isEmpty || prevUnderscore { throw invalid }
        if zeroOnly && digits.contains(where: { $0 != UInt8(ascii: "0") }) { throw invalid }
        if b & (b - 1) != 0 && maxDigits > 0 && digits.count > maxDigits {
            throw .value("Exceeds the limit (\(maxDigits) digits) for integer string conversion: value has \(digits.count) digits; use sys.set_int_max_str_digits() to increase the limit")
        }
        if digits.count <= 18 && b == 10 {
            var v = 0
            for c in digits { v = v * 10 + Int(c - UInt8(ascii: "0")) }
            return .small(negative ? -v : v)
        }
        guard let mag = BigInt(digits: digits, radix: b) else { throw invalid }
        return PyIntValue(negative ? -mag : mag)
    }

    /// `repr(text)` truncated to 200 characters, as CPython's `%.200R`.
    static func truncatedRepr(_ text: String) -> String {
        let r = PyIntValue.pythonRepr(text)
        return r.count > 200 ? String(r.prefix(200)) : r
    }

    /// Python's `repr(str)` (quote selection and escapes; non-ASCII printable kept).
    public static func pythonRepr(_ s: String) -> String {
        let useDouble = s.contains("'") && !s.contains("\"")
        let quote: Character = useDouble ? "\"" : "'"
        var out = String(quote)
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(u) == quote {
                    out += "\\" + String(quote)
                } else if u.value < 0x20 || u.value == 0x7f || (u.value >= 0x80 && u.value < 0xa0) {
                    out += "\\x" + hex(u.value, 2)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out.append(quote)
        return out
    }

    private static func hex(_ v: UInt32, _ width: Int) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
