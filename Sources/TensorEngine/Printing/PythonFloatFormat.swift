#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Python-exact formatting of `float` (IEEE double) values.
///
/// - `pythonRepr(_:)` is `repr(x)` / `str(x)`: the shortest string that round-trips,
///   in fixed notation when the decimal exponent is in `-4 ..< 16` and in
///   exponent notation otherwise (`1e+16`, `1e-05`, `9953539463839744.0`).
/// - `pythonFixed(_:precision:)` is `'{:.Nf}'.format(x)` (also `'%.Nf' % x`).
/// - `pythonScientific(_:precision:)` is `'{:.Ne}'.format(x)`.
/// - `pythonGeneral(_:precision:)` is `'{:.Ng}'.format(x)`.
///
/// The fixed/exponent digits come from the C library's correctly rounded
/// `snprintf`, which agrees with Python's own dtoa (ties included); Python
/// never prints a sign on NaN, so non-finite values are handled here.
public enum PythonFloatFormat {

    /// `repr(x)` for a Python float.
    public static func repr(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x == 0 { return x.sign == .minus ? "-0.0" : "0.0" }
        let (negative, digits, decpt) = shortestDigits(x)
        var out = negative ? "-" : ""
        let n = digits.count
        if decpt <= -4 || decpt > 16 {
            // Exponent form: d[.ddd]e±XX
            out.append(digits[digits.startIndex])
            if n > 1 {
                out.append(".")
                out.append(contentsOf: digits.dropFirst())
            }
            let e = decpt - 1
            out.append(e < 0 ? "e-" : "e+")
            let mag = e < 0 ? -e : e
            if mag < 10 { out.append("0") }
            out.append(String(mag))
        } else if decpt <= 0 {
            out.append("0.")
            out.append(String(repeating: "0", count: -decpt))
            out.append(digits)
        } else if decpt >= n {
            out.append(digits)
            out.append(String(repeating: "0", count: decpt - n))
            out.append(".0")
        } else {
            out.append(contentsOf: digits.prefix(decpt))
            out.append(".")
            out.append(contentsOf: digits.dropFirst(decpt))
        }
        return out
    }

    /// `'{:.Nf}'.format(x)`.
    public static func fixed(_ x: Double, precision: Int) -> String {
        if let s = nonFinite(x) { return s }
        return cFormat(x, precision: precision, conversion: "f")
    }

    /// `'{:.Ne}'.format(x)`.
    public static func scientific(_ x: Double, precision: Int) -> String {
        if let s = nonFinite(x) { return s }
        return cFormat(x, precision: precision, conversion: "e")
    }

    /// `'{:.Ng}'.format(x)` (`'{:g}'` is precision 6; precision 0 acts as 1).
    public static func general(_ x: Double, precision: Int = 6) -> String {
        if let s = nonFinite(x) { return s }
        return cFormat(x, precision: precision, conversion: "g")
    }

    /// Right-aligns `s` in a field of `width` characters, as Python's `'{:W...}'` does.
    public static func padLeft(_ s: String, to width: Int) -> String {
        let n = s.utf8.count
        return n >= width ? s : String(repeating: " ", count: width - n) + s
    }

    // MARK: - Internals

    static func nonFinite(_ x: Double) -> String? {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        return nil
    }

    /// Shortest round-trip digits of a finite non-zero `x`: `x = ±0.d1d2...dn × 10^decpt`.
    /// Swift's `description` already produces the shortest, closest digit string;
    /// only its layout differs from Python's, so it is re-parsed here.
    static func shortestDigits(_ x: Double) -> (negative: Bool, digits: String, decpt: Int) {
        let text = x.magnitude.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...])!
        }
        var digits: [Character] = []
        var intCount = 0
        var seenPoint = false
        for c in mantissa {
            if c == "." { seenPoint = true; continue }
            digits.append(c)
            if !seenPoint { intCount += 1 }
        }
        var decpt = intCount + exponent
        var start = 0
        while start < digits.count - 1 && digits[start] == "0" { start += 1; decpt -= 1 }
        var end = digits.count
        while end > start + 1 && digits[end - 1] == "0" { end -= 1 }
        return (x.sign == .minus, String(digits[start..<end]), decpt)
    }

    /// `snprintf("%.<precision><conversion>", x)`, sized for any double.
    static func cFormat(_ x: Double, precision: Int, conversion: Character) -> String {
        let p = max(0, precision)
        let format = "%." + String(p) + String(conversion)
        // Largest output: "-" + 309 integer digits + "." + p decimals (+ exponent for %e).
        let capacity = 330 + p
        var buffer = [CChar](repeating: 0, count: capacity)
        let written = buffer.withUnsafeMutableBufferPointer { buf -> Int32 in
            withVaList([x]) { va in
                vsnprintf(buf.baseAddress, capacity, format, va)
            }
        }
        precondition(written >= 0 && Int(written) < capacity, "float formatting overflow")
        return buffer.withUnsafeBufferPointer { buf in
            String(decoding: UnsafeRawBufferPointer(start: buf.baseAddress, count: Int(written)), as: UTF8.self)
        }
    }
}
