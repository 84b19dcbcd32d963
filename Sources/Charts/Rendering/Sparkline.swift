/// A one-row chart of a series: braille dots (two values per cell, four levels) or, in
/// ASCII, the characters `_.-'`. Long series are averaged into buckets; non-finite values
/// are skipped.
enum Sparkline {
    static func render(_ values: [Double], width: Int, unicode: Bool) -> String {
        let finite = values.filter(\.isFinite)
        guard width > 0, let low = finite.min(), let high = finite.max() else { return "" }
        let slots = unicode ? 2 * width : width
        let count = min(slots, finite.count)
        var buckets: [Double] = []
        for i in 0..<count {
            let start = i * finite.count / count, end = max(start + 1, (i + 1) * finite.count / count)
            buckets.append(finite[start..<end].reduce(0, +) / Double(end - start))
        }
        func level(_ v: Double) -> Int {
            high > low ? min(3, max(0, Int((v - low) / (high - low) * 4))) : 1
        }
        if !unicode {
            let ascii: [Character] = ["_", ".", "-", "'"]
            return String(buckets.map { ascii[level($0)] })
        }
        // Dot rows from the bottom: left column 0x40,0x04,0x02,0x01, right 0x80,0x20,0x10,0x08.
        let left: [UInt32] = [0x40, 0x04, 0x02, 0x01], right: [UInt32] = [0x80, 0x20, 0x10, 0x08]
        var text = ""
        var i = 0
        while i < buckets.count {
            var bits = left[level(buckets[i])]
            if i + 1 < buckets.count { bits |= right[level(buckets[i + 1])] }
            text.unicodeScalars.append(Unicode.Scalar(0x2800 + bits) ?? " ")
            i += 2
        }
        return text
    }
}
