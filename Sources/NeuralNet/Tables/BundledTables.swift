/// The files of `Datasets/` (scikit-learn's copies of UCI's digits, iris and wine, and the
/// pre-trained weights of `Datasets/pretrained/`), compiled into the binary so lessons can load
/// them anywhere.
///
/// ```swift
/// let iris = try BundledTables.table("iris")
/// iris.rows.count          // 150
/// iris.classNames          // ["setosa", "versicolor", "virginica"]
/// ```
public enum BundledTables {
    /// The names of the bundled tables.
    public static var names: [String] { files.map(\.name) }

    /// The bytes of bundled file `name`, exactly as in `Datasets/`.
    public static func bytes(_ name: String) throws(VisionError) -> [UInt8] {
        guard let file = files.first(where: { $0.name == name }) else {
            throw .value("no bundled data set named '\(name)' (there are \(names.joined(separator: ", ")))")
        }
        return try Base64.decode(file.base64)
    }

    /// The repository path of bundled file `name` (for tests that compare it with the file).
    public static func path(_ name: String) -> String? { files.first { $0.name == name }?.path }

    /// Bundled table `name`, decompressed and parsed.
    public static func table(_ name: String) throws(VisionError) -> NumericTable {
        var data = try bytes(name)
        if Gzip.isGzip(data) { data = try Gzip.decompress(data) }
        return try NumericTable(csv: data, hasHeader: name != "digits")
    }
}

/// A table of numbers in scikit-learn's CSV layout: an optional header line
/// `rows,features,class names...`, then one line per sample of `features` values and a class.
public struct NumericTable: Sendable {
    /// The feature values of each row (the last column is split off into `labels`).
    public var rows: [[Double]]
    /// The class of each row.
    public var labels: [Int]
    /// The class names from the header (empty without one).
    public var classNames: [String]

    public init(csv: [UInt8], hasHeader: Bool) throws(VisionError) {
        var lines = String(decoding: csv, as: UTF8.self).split(whereSeparator: \.isNewline)
        classNames = []
        var expectedRows: Int?
        if hasHeader, let header = lines.first {
            let fields = header.split(separator: ",").map { String($0) }
            expectedRows = fields.first.flatMap { Int($0) }
            classNames = Array(fields.dropFirst(2))
            lines.removeFirst()
        }
        rows = []
        labels = []
        for (i, line) in lines.enumerated() {
            var values: [Double] = []
            for field in line.split(separator: ",") {
                guard let v = Double(String(field.filter { !$0.isWhitespace })) else {
                    throw .corrupt("bad number '\(field)' on data line \(i + 1)")
                }
                values.append(v)
            }
            guard let label = values.popLast(), label == label.rounded(), abs(label) < 1e9 else {
                throw .corrupt("data line \(i + 1) has no integer class")
            }
            if let width = rows.first?.count, width != values.count {
                throw .corrupt("data line \(i + 1) has \(values.count) features, the first had \(width)")
            }
            rows.append(values)
            labels.append(Int(label))
        }
        if let expectedRows, expectedRows != rows.count {
            throw .corrupt("the header promises \(expectedRows) rows, the table has \(rows.count)")
        }
    }
}

/// Base64 (RFC 4648) decoding; whitespace between characters is skipped.
enum Base64 {
    static func decode(_ text: String) throws(VisionError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3 / 4)
        var buffer: UInt32 = 0, bits = 0
        for c in text.utf8 {
            let v: UInt32
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): v = UInt32(c - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): v = UInt32(c - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = UInt32(c - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"): v = 62
            case UInt8(ascii: "/"): v = 63
            case UInt8(ascii: "="), UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"): continue
            default: throw .corrupt("invalid base64 character")
            }
            buffer = buffer << 6 | v
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return out
    }
}
