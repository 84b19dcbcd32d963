#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The old TH-style tensor print (ATen's `Formatting.cpp`, `operator<<`) that a few
/// PyTorch error messages still embed, e.g. `torch.meshgrid` given a 2-d tensor:
///
///      1.5000 -2.2500
///      3.0000  4.0000
///     [ torch.FloatTensor{2,2} ]
///
/// Matrices print one row per line with a shared width; higher ranks print one
/// `(i,j,.,.) = ` block per matrix, the first index varying fastest.
extension Tensor {
    /// The legacy print of a tensor with at least two dims.
    var legacyDescription: String {
        let typeName = dtype == .bool ? "CPUBoolType" : dtype.legacyTypeName
        let sizes = "{" + shape.map(String.init).joined(separator: ",") + "}"
        guard dim >= 2, numel > 0 else { return "[ \(typeName)\(sizes) ]" }
        let values = toArray(Double.self)
        let rows = shape[dim - 2], cols = shape[dim - 1]
        var out = ""
        if dim == 2 {
            out = LegacyPrinter.matrix(values, rows: rows, cols: cols, indent: 0)
        } else {
            let lead = Array(shape.dropLast(2))
            let count = lead.reduce(1, *)
            let leadStrides = Shape.contiguousStrides(lead)
            for n in 0..<count {
                // The first leading index varies fastest.
                var counter = [Int](repeating: 0, count: lead.count), rem = n
                for i in 0..<lead.count { counter[i] = rem % lead[i]; rem /= lead[i] }
                let flat = zip(counter, leadStrides).reduce(0) { $0 + $1.0 * $1.1 }
                let slice = Array(values[(flat * rows * cols)..<((flat + 1) * rows * cols)])
                if n > 0 { out += "\n" }
                out += "(" + counter.map { "\($0 + 1)," }.joined() + ".,.) = \n"
                out += LegacyPrinter.matrix(slice, rows: rows, cols: cols, indent: 1)
            }
        }
        return out + "[ \(typeName)\(sizes) ]"
    }
}

enum LegacyPrinter {
    /// How the values of one matrix print: `%g` for integers, fixed with 4 decimals
    /// (optionally divided by a printed scale) or scientific, and the column width.
    struct Format {
        enum Style { case general, fixed, scientific }
        var style: Style
        var width: Int
        var scale: Double = 1

        func render(_ v: Double) -> String {
            switch style {
            case .general: cFormat("%*g", Int32(width), v)
            case .fixed: cFormat("%*.4f", Int32(width), v / scale)
            case .scientific: cFormat("%*.4e", Int32(width), v / scale)
            }
        }
    }

    /// `__printFormat`, including its quirk of comparing signed values for the maximum.
    static func format(_ values: [Double]) -> Format {
        let intMode = values.allSatisfy { !$0.isFinite || $0 == $0.rounded(.up) }
        var expMin = 1.0, expMax = 1.0
        if let first = values.firstIndex(where: \.isFinite) {
            expMin = Swift.abs(values[first])
            expMax = expMin
            for v in values[first...] where v.isFinite {
                if Swift.abs(v) < expMin { expMin = Swift.abs(v) }
                if v > expMax { expMax = Swift.abs(v) }
            }
            expMin = expMin != 0 ? (log10(expMin)).rounded(.down) + 1 : 1
            expMax = expMax != 0 ? (log10(expMax)).rounded(.down) + 1 : 1
        }
        if intMode {
            return expMax > 9 ? Format(style: .scientific, width: 11) : Format(style: .general, width: Int(expMax) + 1)
        }
        if expMax - expMin > 4 {
            return Format(style: .scientific, width: Swift.abs(expMax) > 99 || Swift.abs(expMin) > 99 ? 12 : 11)
        }
        if expMax > 5 || expMax < 0 { return Format(style: .fixed, width: 7, scale: pow(10, expMax - 1)) }
        return Format(style: .fixed, width: expMax == 0 ? 7 : Int(expMax) + 6)
    }

    /// `__printMatrix` with a line size of 80.
    static func matrix(_ values: [Double], rows: Int, cols: Int, indent: Int) -> String {
        let f = format(values)
        let perLine = Swift.max(1, (80 - indent) / (f.width + 1))
        let pad = String(repeating: " ", count: indent)
        var out = "", first = 0
        while first < cols {
            let last = Swift.min(first + perLine, cols) - 1
            if perLine < cols {
                if first != 0 { out += "\n" }
                out += "Columns \(first + 1) to \(last + 1)" + pad
            }
            if f.scale != 1 { out += cFormat("%g", f.scale) + " *\n" + pad }
            for r in 0..<rows {
                out += (first...last).map { f.render(values[r * cols + $0]) }.joined(separator: " ") + "\n"
                if r != rows - 1 { out += pad + (f.scale != 1 ? " " : "") }
            }
            first = last + 1
        }
        return out
    }

    private static func cFormat(_ format: String, _ args: any CVarArg...) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList(args) { vsnprintf(&buffer, buffer.count, format, $0) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
