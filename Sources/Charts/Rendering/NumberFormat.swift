/// Short number labels for ticks and summaries: three significant digits, no trailing zeros,
/// exponent notation for very large or small magnitudes (`1.5`, `0.0123`, `2.5e+06`).
enum NumberFormat {
    static func short(_ value: Double, digits: Int = 3) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        var exponent = 0
        var scaled = magnitude
        while scaled >= 10 { scaled /= 10; exponent += 1 }
        while scaled < 1 { scaled *= 10; exponent -= 1 }
        let sign = value < 0 ? "-" : ""
        if exponent >= 5 || exponent <= -4 {
            let mantissa = trimmed(rounded(scaled, decimals: digits - 1))
            return "\(sign)\(mantissa)e\(exponent < 0 ? "-" : "+")\(abs(exponent) < 10 ? "0" : "")\(abs(exponent))"
        }
        let decimals = max(0, digits - 1 - exponent)
        return sign + trimmed(rounded(magnitude, decimals: decimals))
    }

    /// A tick label: the value rounded to a thousandth of the axis' span first, so a middle
    /// tick of -1...0.9998 reads `0`, not `-8.3e-05`.
    static func tick(_ value: Double, span: Double) -> String {
        guard span > 0, span.isFinite, value.isFinite else { return short(value) }
        var unit = 1.0
        while unit > span / 100 { unit /= 10 }
        while unit * 10 <= span / 100 { unit *= 10 }
        return short((value / unit).rounded() * unit)
    }

    private static func rounded(_ value: Double, decimals: Int) -> Double {
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        return (value * factor).rounded() / factor
    }

    private static func trimmed(_ value: Double) -> String {
        var text = "\(value)"
        if text.contains("e") { return text }
        if text.contains(".") {
            while text.last == "0" { text.removeLast() }
            if text.last == "." { text.removeLast() }
        }
        return text
    }
}
