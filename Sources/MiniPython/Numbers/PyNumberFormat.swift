#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Python's number formatting: `repr`/`str` of floats, the `format()` mini-language for
/// ints and floats, and printf-style `%` formatting — ports of CPython 3.11's
/// `PyOS_double_to_string`/`format_float_short`, `Python/formatter_unicode.c` and
/// `unicode_format_arg_output`.
public enum PyNumberFormat {
    // MARK: - float repr

    /// `repr(x)` / `str(x)` for a float: shortest round-trip digits, exponent form when
    /// the decimal exponent is < -4 or >= 16 (`1e+16`, `1e-05`, `inf`, `nan`, `-0.0`).
    public static func repr(_ x: Double) -> String {
        doubleToString(x, code: "r", precision: 0, addDot0: true)
    }

    /// `repr(int)` / `str(int)` with CPython's 4300-digit limit.
    public static func repr(_ i: PyIntValue) throws(PyNumberError) -> String {
        try i.toDecimalString()
    }

    // MARK: - Digit generation

    /// Decimal digits (no leading/trailing zeros except a lone "0" for zero) and the
    /// decimal point position: value = 0.d1d2d3... * 10**decpt.
    struct Digits {
        var digits: [UInt8]
        var decpt: Int
    }

    /// Runs `vsnprintf` with one precision and one double argument.
    static func cFormat(_ format: String, precision: Int, _ d: Double) -> [UInt8] {
        let size = 400 + precision
        var buf = [CChar](repeating: 0, count: size)
        let n = withVaList([Int32(precision), d]) { va in
            buf.withUnsafeMutableBufferPointer { p in
                vsnprintf(p.baseAddress, size, format, va)
            }
        }
        let count = max(0, min(Int(n), size - 1))
        return buf[0..<count].map { UInt8(bitPattern: $0) }
    }

    /// Shortest round-trip digits of |d| (finite, nonzero or zero).
    static func shortestDigits(_ d: Double) -> Digits {
        if d == 0 { return Digits(digits: [UInt8(ascii: "0")], decpt: 1) }
        let s = Array(Swift.abs(d).description.utf8)
        var mantissa = [UInt8]()
        var pointIndex: Int? = nil
        var exponent = 0
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                var j = i + 1
                var neg = false
                if j < s.count && (s[j] == UInt8(ascii: "+") || s[j] == UInt8(ascii: "-")) {
                    neg = s[j] == UInt8(ascii: "-")
                    j += 1
                }
                var e = 0
                while j < s.count {
                    e = e * 10 + Int(s[j] &- UInt8(ascii: "0"))
                    j += 1
                }
                exponent = neg ? -e : e
                break
            } else if c == UInt8(ascii: ".") {
                pointIndex = mantissa.count
            } else {
                mantissa.append(c)
            }
            i += 1
        }
        return normalizeDigits(mantissa, decpt: (pointIndex ?? mantissa.count) + exponent)
    }

    /// Strips leading zeros (adjusting decpt) and trailing zeros.
    static func normalizeDigits(_ raw: [UInt8], decpt: Int) -> Digits {
        var lo = 0
        var dp = decpt
        while lo < raw.count && raw[lo] == UInt8(ascii: "0") {
            lo += 1
            dp -= 1
        }
        var hi = raw.count
        while hi > lo && raw[hi - 1] == UInt8(ascii: "0") { hi -= 1 }
        return Digits(digits: Array(raw[lo..<hi]), decpt: dp)
    }

    /// `precision` significant digits of |d|, correctly rounded (dtoa mode 2).
    static func significantDigits(_ d: Double, _ precision: Int) -> Digits {
        if d == 0 { return Digits(digits: [UInt8(ascii: "0")], decpt: 1) }
        let s = cFormat("%.*e", precision: max(0, precision - 1), Swift.abs(d))
        guard let ePos = s.firstIndex(of: UInt8(ascii: "e")) else { return Digits(digits: [], decpt: 0) }
        let mantissa = s[0..<ePos].filter { $0 != UInt8(ascii: ".") }
        var e = 0
        var neg = false
        for c in s[(ePos + 1)...] {
            if c == UInt8(ascii: "-") { neg = true } else if c != UInt8(ascii: "+") { e = e * 10 + Int(c &- 48) }
        }
        return normalizeDigits(mantissa, decpt: (neg ? -e : e) + 1)
    }

    /// Digits of |d| rounded to `precision` places after the point (dtoa mode 3).
    static func fixedDigits(_ d: Double, _ precision: Int) -> Digits {
        if d == 0 { return Digits(digits: [UInt8(ascii: "0")], decpt: 1) }
        let s = cFormat("%.*f", precision: precision, Swift.abs(d))
        let point = s.firstIndex(of: UInt8(ascii: ".")) ?? s.count
        let raw = s.filter { $0 != UInt8(ascii: ".") }
        let r = normalizeDigits(raw, decpt: point)
        if r.digits.isEmpty { return Digits(digits: [], decpt: -precision) }
        return r
    }

    // MARK: - PyOS_double_to_string

    /// Port of CPython's `PyOS_double_to_string` (short float repr mode). `code` is one
    /// of `e E f F g G r`; `precision` as for the format code.
    public static func doubleToString(_ val: Double, code: Character, precision: Int,
                                      alwaysAddSign: Bool = false, addDot0: Bool = false,
                                      alternate: Bool = false, noNegativeZero: Bool = false) -> String {
        var upper = false
        var formatCode = code
        var precision = min(max(precision, 0), maxPrecision)
        var mode = 0
        switch code {
        case "E": upper = true; formatCode = "e"; mode = 2; precision += 1
        case "e": mode = 2; precision += 1
        case "F": upper = true; formatCode = "f"; mode = 3
        case "f": mode = 3
        case "G": upper = true; formatCode = "g"; mode = 2; if precision == 0 { precision = 1 }
        case "g": mode = 2; if precision == 0 { precision = 1 }
        default: formatCode = "r"; mode = 0
        }
        var out = [UInt8]()
        var negative = val.sign == .minus
        if !val.isFinite {
            if val.isNaN { negative = false }
            if negative { out.append(UInt8(ascii: "-")) } else if alwaysAddSign { out.append(UInt8(ascii: "+")) }
            let word = val.isNaN ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf")
            out.append(contentsOf: word.utf8)
            return String(decoding: out, as: UTF8.self)
        }
        let dg: Digits
        switch mode {
        case 2: dg = significantDigits(val, precision)
        case 3: dg = fixedDigits(val, precision)
        default: dg = shortestDigits(val)
        }
        let digits = dg.digits
        let digitsLen = digits.count
        var decpt = dg.decpt
        if noNegativeZero && negative && (digitsLen == 0 || (digitsLen == 1 && digits[0] == UInt8(ascii: "0"))) {
            negative = false
        }
        var useExp = false
        var exp = 0
        var vdigitsEnd = digitsLen
        switch formatCode {
        case "e":
            useExp = true
            vdigitsEnd = precision
        case "f":
            vdigitsEnd = decpt + precision
        case "g":
            if decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision) { useExp = true }
            if alternate { vdigitsEnd = precision }
        default:
            if decpt <= -4 || decpt > 16 { useExp = true }
        }
        if useExp {
            exp = decpt - 1
            decpt = 1
        }
        let vdigitsStart = decpt <= 0 ? decpt - 1 : 0
        if !useExp && addDot0 {
            vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt + 1
        } else {
            vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt
        }
        let zero = UInt8(ascii: "0"), dot = UInt8(ascii: ".")
        if negative { out.append(UInt8(ascii: "-")) } else if alwaysAddSign { out.append(UInt8(ascii: "+")) }
        if decpt <= 0 {
            out.append(contentsOf: repeatElement(zero, count: decpt - vdigitsStart))
            out.append(dot)
            out.append(contentsOf: repeatElement(zero, count: 0 - decpt))
        } else {
            out.append(contentsOf: repeatElement(zero, count: max(0, 0 - vdigitsStart)))
        }
        if 0 < decpt && decpt <= digitsLen {
            out.append(contentsOf: digits[0..<decpt])
            out.append(dot)
            out.append(contentsOf: digits[decpt...])
        } else {
            out.append(contentsOf: digits)
        }
        if digitsLen < decpt {
            out.append(contentsOf: repeatElement(zero, count: decpt - digitsLen))
            out.append(dot)
            out.append(contentsOf: repeatElement(zero, count: max(0, vdigitsEnd - decpt)))
        } else {
            out.append(contentsOf: repeatElement(zero, count: max(0, vdigitsEnd - digitsLen)))
        }
        if out.last == dot && !alternate { out.removeLast() }
        if useExp {
            out.append(upper ? UInt8(ascii: "E") : UInt8(ascii: "e"))
            out.append(exp < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            let e = String(exp.magnitude)
            if e.utf8.count < 2 { out.append(zero) }
            out.append(contentsOf: e.utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - format() spec

    /// A parsed format specification (`[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]`).
    public struct FormatSpec: Sendable, Equatable {
        /// Fill character (default space).
        public var fill: Unicode.Scalar = " "
        /// Alignment `<`, `>`, `^`, `=`.
        public var align: Unicode.Scalar
        /// `+`, `-`, space, or nil.
        public var sign: Unicode.Scalar?
        /// `z`: coerce negative zero.
        public var noNegativeZero = false
        /// `#`: alternate form.
        public var alternate = false
        /// Minimum width, -1 if absent.
        public var width = -1
        /// `,` or `_` grouping, nil if absent. Becomes `4` semantics for `b o x X` with `_`.
        public var grouping: Unicode.Scalar?
        /// Precision, -1 if absent.
        public var precision = -1
        /// Presentation type, nil if absent.
        public var type: Unicode.Scalar?

        /// Parses `spec` for an object of Python type `typeName` (`int`/`float`),
        /// raising CPython's `ValueError` messages.
        public init(parsing spec: String, typeName: String, defaultAlign: Unicode.Scalar = ">") throws(PyNumberError) {
            align = defaultAlign
            let s = Array(spec.unicodeScalars)
            var pos = 0
            let end = s.count
            func isAlign(_ c: Unicode.Scalar) -> Bool { c == "<" || c == ">" || c == "=" || c == "^" }
            var fillSpecified = false, alignSpecified = false
            if end - pos >= 2 && isAlign(s[pos + 1]) {
                align = s[pos + 1]
                fill = s[pos]
                fillSpecified = true
                alignSpecified = true
                pos += 2
            } else if end - pos >= 1 && isAlign(s[pos]) {
                align = s[pos]
                alignSpecified = true
                pos += 1
            }
            if pos < end && (s[pos] == "+" || s[pos] == "-" || s[pos] == " ") {
                sign = s[pos]
                pos += 1
            }
            if pos < end && s[pos] == "z" {
                noNegativeZero = true
                pos += 1
            }
            if pos < end && s[pos] == "#" {
                alternate = true
                pos += 1
            }
            if !fillSpecified && pos < end && s[pos] == "0" {
                fill = "0"
                if !alignSpecified && defaultAlign == ">" { align = "=" }
                pos += 1
            }
            func integer() throws(PyNumberError) -> Int? {
                var v = 0
                var any = false
                while pos < end, let d = FormatSpec.decimalValue(s[pos]) {
                    let (m, o1) = v.multipliedReportingOverflow(by: 10)
                    let (a, o2) = m.addingReportingOverflow(d)
                    if o1 || o2 { throw .value("Too many decimal digits in format string") }
                    v = a
                    any = true
                    pos += 1
                }
                return any ? v : nil
            }
            if let w = try integer() { width = w }
            if pos < end && s[pos] == "," {
                grouping = ","
                pos += 1
            }
            if pos < end && s[pos] == "_" {
                if grouping != nil { throw .value("Cannot specify both ',' and '_'.") }
                grouping = "_"
                pos += 1
            }
            if pos < end && s[pos] == "," && grouping == "_" {
                throw .value("Cannot specify both ',' and '_'.")
            }
            if pos < end && s[pos] == "." {
                pos += 1
                guard let p = try integer() else { throw .value("Format specifier missing precision") }
                precision = p
            }
            if end - pos > 1 {
                throw .value("Invalid format specifier '\(spec)' for object of type '\(typeName)'")
            }
            if end - pos == 1 { type = s[pos] }
            if let g = grouping {
                switch type {
                case nil, "d", "e", "f", "g", "E", "G", "%", "F": break
                case "b", "o", "x", "X":
                    if g != "_" { throw .value("Cannot specify '\(g)' with \(FormatSpec.quoteType(type ?? "\0")).") }
                default:
                    throw .value("Cannot specify '\(g)' with \(FormatSpec.quoteType(type ?? "\0")).")
                }
            }
        }

        static func decimalValue(_ c: Unicode.Scalar) -> Int? {
            if c.value >= 48 && c.value <= 57 { return Int(c.value - 48) }
            if !c.isASCII, c.properties.numericType == .decimal, let v = c.properties.numericValue { return Int(v) }
            return nil
        }

        static func quoteType(_ t: Unicode.Scalar) -> String {
            if t.value > 32 && t.value < 128 { return "'\(Character(t))'" }
            return "'\\x\(String(t.value, radix: 16))'"
        }
    }

    static func unknownType(_ t: Unicode.Scalar, _ typeName: String) -> PyNumberError {
        .value("Unknown format code \(FormatSpec.quoteType(t)) for object of type '\(typeName)'")
    }

    // MARK: - Number layout (calc_number_widths + fill_number)

    /// Port of `_PyUnicode_InsertThousandsGrouping`: groups `digits`, padding with
    /// zeros up to `minWidth`. `groupSize` 0 means no grouping.
    static func groupDigits(_ digits: ArraySlice<Unicode.Scalar>, minWidth: Int,
                            separator: Unicode.Scalar?, groupSize: Int) -> [Unicode.Scalar] {
        var rev = [Unicode.Scalar]()
        var remaining = digits.count
        var minW = minWidth
        var src = digits.endIndex
        var useSep = false
        var broken = false
        func emit(_ l: Int) {
            let nZeros = max(0, l - remaining)
            let nChars = max(0, min(remaining, l))
            if useSep, let sep = separator { rev.append(sep) }
            for _ in 0..<nChars {
                src -= 1
                rev.append(digits[src])
            }
            for _ in 0..<nZeros { rev.append("0") }
            remaining -= nChars
        }
        if let _ = separator, groupSize > 0 {
            while true {
                let l = min(groupSize, max(max(remaining, minW), 1))
                emit(l)
                useSep = true
                minW -= l
                if remaining <= 0 && minW <= 0 {
                    broken = true
                    break
                }
                minW -= 1
            }
        }
        if !broken {
            emit(max(max(remaining, minW), 1))
        }
        return rev.reversed()
    }

    /// Assembles `[lpad][sign][prefix][spad][grouped digits][.][remainder][rpad]`.
    static func layoutNumber(negative: Bool, prefix: [Unicode.Scalar], digits: [Unicode.Scalar],
                             hasDecimal: Bool, remainder: [Unicode.Scalar], spec: FormatSpec,
                             groupSize: Int, uppercase: Bool) -> String {
        var signChar: Unicode.Scalar? = nil
        switch spec.sign {
        case "+": signChar = negative ? "-" : "+"
        case " ": signChar = negative ? "-" : " "
        default: signChar = negative ? "-" : nil
        }
        let nSign = signChar == nil ? 0 : 1
        let nonDigit = nSign + prefix.count + (hasDecimal ? 1 : 0) + remainder.count
        let minWidth = (spec.fill == "0" && spec.align == "=") ? spec.width - nonDigit : 0
        var grouped: [Unicode.Scalar] = []
        if !digits.isEmpty {
            grouped = groupDigits(digits[...], minWidth: minWidth, separator: spec.grouping, groupSize: groupSize)
        }
        let padding = spec.width - (nonDigit + grouped.count)
        var lpad = 0, spad = 0, rpad = 0
        if padding > 0 {
            switch spec.align {
            case "<": rpad = padding
            case "^": lpad = padding / 2; rpad = padding - lpad
            case "=": spad = padding
            default: lpad = padding
            }
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: repeatElement(spec.fill, count: lpad))
        if let s = signChar { out.append(s) }
        for p in prefix { out.append(uppercase ? upper(p) : p) }
        out.append(contentsOf: repeatElement(spec.fill, count: spad))
        for d in grouped { out.append(uppercase ? upper(d) : d) }
        if hasDecimal { out.append(".") }
        out.append(contentsOf: remainder)
        out.append(contentsOf: repeatElement(spec.fill, count: rpad))
        return String(out)
    }

    static func upper(_ c: Unicode.Scalar) -> Unicode.Scalar {
        if c.value >= 97 && c.value <= 122 { return Unicode.Scalar(c.value - 32) ?? c }
        return c
    }

    // MARK: - format(int, spec)

    /// `format(value, spec)` for an int (`int.__format__`), including float
    /// presentation types (`e E f F g G %`) via `float(value)`.
    public static func format(_ value: PyIntValue, _ spec: String) throws(PyNumberError) -> String {
        if spec.isEmpty { return try value.toDecimalString() }
        let fs = try FormatSpec(parsing: spec, typeName: "int")
        if fs.width > maxWidth { throw .memory }
        switch fs.type ?? "d" {
        case "b", "c", "d", "o", "x", "X", "n":
            return try formatInt(value, fs)
        case "e", "E", "f", "F", "g", "G", "%":
            return try formatFloat(try value.toDouble(), fs)
        default:
            throw unknownType(fs.type ?? "d", "int")
        }
    }

    static func formatInt(_ value: PyIntValue, _ spec: FormatSpec) throws(PyNumberError) -> String {
        if spec.precision != -1 { throw .value("Precision not allowed in integer format specifier") }
        if spec.noNegativeZero { throw .value("Negative zero coercion (z) not allowed in integer format specifier") }
        let type = spec.type ?? "d"
        if type == "c" {
            if spec.sign != nil { throw .value("Sign not allowed with integer format specifier 'c'") }
            if spec.alternate { throw .value("Alternate form (#) not allowed with integer format specifier 'c'") }
            guard let x = value.asInt else { throw .overflow("Python int too large to convert to C long") }
            guard x >= 0, x <= 0x10ffff, let scalar = Unicode.Scalar(UInt32(x)) ?? surrogate(x) else {
                throw .overflow("%c arg not in range(0x110000)")
            }
            return layoutNumber(negative: false, prefix: [], digits: [], hasDecimal: false,
                                remainder: [scalar], spec: spec, groupSize: 0, uppercase: false)
        }
        let radix: Int
        var prefix: [Unicode.Scalar] = []
        switch type {
        case "b": radix = 2; prefix = ["0", "b"]
        case "o": radix = 8; prefix = ["0", "o"]
        case "x", "X": radix = 16; prefix = ["0", "x"]
        default: radix = 10
        }
        if !spec.alternate { prefix = [] }
        let digitString: String
        if radix == 10 {
            let s = try value.magnitude.toDecimalString()
            digitString = s
        } else {
            digitString = value.magnitude.toString(radix: radix)
        }
        let groupSize: Int
        if type == "n" || spec.grouping == nil { groupSize = 0 } else { groupSize = radix == 10 ? 3 : 4 }
        return layoutNumber(negative: value.isNegative, prefix: prefix, digits: Array(digitString.unicodeScalars),
                            hasDecimal: false, remainder: [], spec: spec, groupSize: groupSize,
                            uppercase: type == "X")
    }

    private static func surrogate(_ x: Int) -> Unicode.Scalar? {
        // Swift strings cannot hold lone surrogates; substitute U+FFFD.
        (0xD800...0xDFFF).contains(x) ? "\u{FFFD}" : nil
    }

    // MARK: - format(float, spec)

    /// `format(value, spec)` for a float (`float.__format__`).
    public static func format(_ value: Double, _ spec: String) throws(PyNumberError) -> String {
        if spec.isEmpty { return repr(value) }
        let fs = try FormatSpec(parsing: spec, typeName: "float")
        if fs.width > maxWidth { throw .memory }
        switch fs.type {
        case nil, "e", "E", "f", "F", "g", "G", "n", "%":
            return try formatFloat(value, fs)
        default:
            throw unknownType(fs.type ?? "\0", "float")
        }
    }

    /// Maximum field width accepted; wider fields raise `MemoryError` instead of
    /// allocating (CPython would try to allocate them).
    public static let maxWidth = 1 << 24

    /// Maximum precision accepted (CPython allows up to INT_MAX; we bound memory use).
    public static let maxPrecision = 1_000_000

    static func formatFloat(_ value: Double, _ spec: FormatSpec) throws(PyNumberError) -> String {
        if spec.precision > maxPrecision { throw .value("precision too big") }
        var precision = spec.precision
        var type = spec.type ?? "\0"
        var addDot0 = false
        var defaultPrecision = 6
        if type == "\0" {
            addDot0 = true
            type = "r"
            defaultPrecision = 0
        }
        if type == "n" { type = "g" }
        var val = value
        var addPct = false
        if type == "%" {
            type = "f"
            val *= 100
            addPct = true
        }
        if precision < 0 {
            precision = defaultPrecision
        } else if type == "r" {
            type = "g"
        }
        var buf = doubleToString(val, code: Character(type), precision: precision, addDot0: addDot0,
                                 alternate: spec.alternate, noNegativeZero: spec.noNegativeZero)
        if addPct { buf += "%" }
        var scalars = Array(buf.unicodeScalars)
        var negative = false
        if scalars.first == "-" {
            negative = true
            scalars.removeFirst()
        }
        var i = 0
        while i < scalars.count, scalars[i].value >= 48 && scalars[i].value <= 57 { i += 1 }
        let digits = Array(scalars[0..<i])
        var hasDecimal = false
        var rest = i
        if rest < scalars.count && scalars[rest] == "." {
            hasDecimal = true
            rest += 1
        }
        let groupSize = (spec.type == "n" || spec.grouping == nil) ? 0 : 3
        return layoutNumber(negative: negative, prefix: [], digits: digits, hasDecimal: hasDecimal,
                            remainder: Array(scalars[rest...]), spec: spec, groupSize: groupSize, uppercase: false)
    }
}
