/// Substring search over Unicode scalars (Python strings index by code point).
enum StringSearch {
    /// The first index >= `from` where `needle` occurs in `hay`, below `end`.
    static func find(_ hay: [Unicode.Scalar], _ needle: [Unicode.Scalar], _ from: Int, end: Int? = nil) -> Int? {
        let end = min(end ?? hay.count, hay.count)
        guard from >= 0, from <= end else { return nil }
        if needle.isEmpty { return from }
        guard needle.count <= end - from else { return nil }
        let first = needle[0]
        var i = from
        while i + needle.count <= end {
            if hay[i] == first {
                var j = 1
                while j < needle.count && hay[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// The last index in `from..<end` where `needle` starts and fits.
    static func rfind(_ hay: [Unicode.Scalar], _ needle: [Unicode.Scalar], _ from: Int, end: Int) -> Int? {
        let end = min(end, hay.count)
        guard from >= 0, from <= end, needle.count <= end - from else { return nil }
        var i = end - needle.count
        while i >= from {
            if Array(hay[i..<(i + needle.count)]) == needle { return i }
            i -= 1
        }
        return nil
    }

    /// Non-overlapping occurrences.
    static func count(_ hay: [Unicode.Scalar], _ needle: [Unicode.Scalar], _ from: Int, end: Int) -> Int {
        let end = min(end, hay.count)
        guard from <= end else { return 0 }
        if needle.isEmpty { return end - from + 1 }
        var n = 0
        var i = from
        while let found = find(hay, needle, i, end: end) {
            n += 1
            i = found + needle.count
        }
        return n
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0: return true
        default: return s.value > 0x7F && s.properties.isWhitespace
        }
    }
}
