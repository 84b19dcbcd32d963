/// A canonical Huffman code (RFC 1951 §3.2.2) as one lookup table indexed by the next
/// `maxBits` input bits: each entry packs `symbol << 4 | length`, 0 for unused codes.
struct HuffmanTable {
    private var table: [UInt16]
    private let maxBits: Int

    /// The code in which symbol `i` has `lengths[i]` bits (0: unused). Incomplete codes are
    /// accepted (the single-code distance tree of RFC 1951 needs it); over-subscribed ones are not.
    init(lengths: [Int]) throws(VisionError) {
        var left = 1
        for bits in 1...15 {
            left = left * 2 - lengths.count { $0 == bits }
            if left < 0 { throw Inflate.corrupt("over-subscribed Huffman code") }
        }
        self.init(checked: lengths)
    }

    /// The code for lengths (each 0...15) known not to be over-subscribed.
    init(checked lengths: [Int]) {
        var counts = [Int](repeating: 0, count: 16)
        for l in lengths { counts[l] += 1 }
        counts[0] = 0
        maxBits = max(lengths.max() ?? 1, 1)
        table = [UInt16](repeating: 0, count: 1 << maxBits)
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for bits in 1...15 {
            code = (code + counts[bits - 1]) << 1
            next[bits] = code
        }
        for (symbol, length) in lengths.enumerated() where length > 0 {
            let code = next[length]
            next[length] += 1
            var reversed = 0
            for i in 0..<length where code & (1 << i) != 0 { reversed |= 1 << (length - 1 - i) }
            let entry = UInt16(symbol << 4 | length)
            for index in stride(from: reversed, to: 1 << maxBits, by: 1 << length) { table[index] = entry }
        }
    }

    /// Reads one symbol.
    @inline(__always)
    func decode(_ reader: inout BitReader) throws(VisionError) -> Int {
        let entry = Int(table[reader.peek(maxBits)])
        let length = entry & 15
        guard length > 0 else { throw Inflate.corrupt("invalid Huffman code") }
        guard reader.has(length) else { throw Inflate.truncated }
        reader.consume(length)
        return entry >> 4
    }
}
