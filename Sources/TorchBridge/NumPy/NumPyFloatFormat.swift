import TensorEngine

/// numpy's float-to-text conversions (`np.format_float_positional` and
/// `np.format_float_scientific`) in their `unique=True` mode, the one its array printer uses.
///
/// The digits are the shortest that identify the value in its own type (a float32 prints
/// `0.1`, not `0.10000000149011612`). When a `precision` is given and the shortest digits
/// need more, the exact value is rounded to `precision` digits instead, as numpy's Dragon4
/// cut-off does; trailing zeros that rounding leaves are dropped.
enum NumPyFloatFormat {
    /// The binary format whose shortest digits are wanted.
    enum Width { case single, double }

    /// How trailing zeros and the decimal point are kept (numpy's `trim=`).
    enum Trim: String {
        /// `'k'`: keep what is there (and the point).
        case keep = "k"
        /// `'.'`: drop trailing zeros, keep the point: `1.`.
        case point = "."
        /// `'0'`: drop trailing zeros but leave one after the point: `1.0`.
        case zero = "0"
        /// `'-'`: drop trailing zeros and the point: `1`.
        case none = "-"
    }

    /// A finite value as `±0.d1d2…dn × 10^decpt` (no trailing zeros; zero is `"0"`, decpt 1).
    struct Digits {
        var negative: Bool
        var digits: [UInt8]
        var decpt: Int

        init(negative: Bool, digits: [UInt8], decpt: Int) {
            var end = digits.count
            while end > 1 && digits[end - 1] == 0 { end -= 1 }
            var start = 0
            var decpt = decpt
            while start < end - 1 && digits[start] == 0 { start += 1; decpt -= 1 }
            self.negative = negative
            self.digits = Array(digits[start..<end])
            self.decpt = self.digits == [0] ? 1 : decpt
        }

        /// Parses Swift's or C's rendering of a finite number (`1.5e-07`, `-0.25`, `3.0`).
        init(parsing text: String, negative: Bool) {
            var digits: [UInt8] = []
            var intCount = 0
            var seenPoint = false
            var exponent = 0
            var rest = Substring(text)
            if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
                rest = text[..<e]
                exponent = Int(text[text.index(after: e)...]) ?? 0
            }
            for c in rest.utf8 {
                if c == UInt8(ascii: ".") { seenPoint = true; continue }
                guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { continue }
                digits.append(c - UInt8(ascii: "0"))
                if !seenPoint { intCount += 1 }
            }
            self.init(negative: negative, digits: digits.isEmpty ? [0] : digits, decpt: intCount + exponent)
        }

        /// The shortest digits of `x` in `width`.
        static func shortest(_ x: Double, _ width: Width) -> Digits {
            let text = width == .single ? Float(x).magnitude.description : x.magnitude.description
            return Digits(parsing: text, negative: x.sign == .minus)
        }
    }

    /// `np.format_float_positional(x, precision, unique=True, fractional=True, trim, sign=False,
    /// pad_left, pad_right, min_digits)` for a finite `x`.
    static func positional(_ x: Double, _ width: Width, precision: Int?, minDigits: Int = 0, trim: Trim,
                           padLeft: Int = 0, padRight: Int = 0) -> String {
        var d = Digits.shortest(x, width)
        if let precision, d.digits.count - d.decpt > precision {
            d = Digits(parsing: PythonFloatFormat.fixed(x.magnitude, precision: max(0, precision)), negative: d.negative)
        }
        let text = d.digits.map { Character(Unicode.Scalar($0 + 48)) }
        var integer = d.decpt <= 0 ? "0" : String(text.prefix(d.decpt))
        if d.decpt > text.count { integer += String(repeating: "0", count: d.decpt - text.count) }
        var fraction = d.decpt < 0 ? String(repeating: "0", count: -d.decpt) + String(text)
            : String(text.dropFirst(d.decpt))
        if d.digits == [0] { fraction = "" }
        if fraction.count < minDigits { fraction += String(repeating: "0", count: minDigits - fraction.count) }
        return assemble(sign: d.negative ? "-" : "", integer: integer, fraction: fraction, trim: trim,
                        padLeft: padLeft, padRight: padRight, suffix: "")
    }

    /// `np.format_float_scientific(x, precision, unique=True, trim, sign=False, pad_left,
    /// exp_digits, min_digits)` for a finite `x`.
    static func scientific(_ x: Double, _ width: Width, precision: Int?, minDigits: Int = 0, trim: Trim,
                           padLeft: Int = 0, expDigits: Int = -1) -> String {
        var d = Digits.shortest(x, width)
        if let precision, d.digits.count - 1 > precision {
            d = Digits(parsing: PythonFloatFormat.scientific(x.magnitude, precision: max(0, precision)), negative: d.negative)
        }
        let text = d.digits.map { Character(Unicode.Scalar($0 + 48)) }
        var fraction = String(text.dropFirst())
        if fraction.count < minDigits { fraction += String(repeating: "0", count: minDigits - fraction.count) }
        let exponent = d.digits == [0] ? 0 : d.decpt - 1
        var magnitude = String(abs(exponent))
        let wanted = max(expDigits, 2)
        if magnitude.count < wanted { magnitude = String(repeating: "0", count: wanted - magnitude.count) + magnitude }
        return assemble(sign: d.negative ? "-" : "", integer: String(text[0]), fraction: fraction, trim: trim,
                        padLeft: padLeft, padRight: 0, suffix: (exponent < 0 ? "e-" : "e+") + magnitude)
    }

    private static func assemble(sign: String, integer: String, fraction: String, trim: Trim,
                                 padLeft: Int, padRight: Int, suffix: String) -> String {
        var head = sign + integer
        if head.count < padLeft { head = String(repeating: " ", count: padLeft - head.count) + head }
        var tail = fraction
        if fraction.isEmpty {
            switch trim {
            case .keep, .point: head += "."
            case .zero: head += "."; tail = "0"
            case .none: break
            }
        } else {
            head += "."
        }
        if tail.count < padRight { tail += String(repeating: " ", count: padRight - tail.count) }
        return head + tail + suffix
    }
}
