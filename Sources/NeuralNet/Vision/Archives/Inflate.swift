/// A DEFLATE (RFC 1951) decoder, for gzip files (MNIST's `.gz`, CIFAR's `.tar.gz`) and the
/// compressed tables in `Datasets/`.
///
/// ```swift
/// let (bytes, end) = try Inflate.decompress(deflated, from: 0)
/// ```
public enum Inflate {
    /// The largest output accepted (1 GiB): more means a damaged or hostile file.
    public static let maxOutput = 1 << 30

    static var truncated: VisionError { .corrupt("compressed data is truncated") }

    static func corrupt(_ what: String) -> VisionError { .corrupt("invalid compressed data: \(what)") }

    /// Decodes the DEFLATE stream that starts at byte `start` of `input`.
    ///
    /// - Parameter expectedSize: the output size if known (gzip records it), to allocate once.
    /// - Returns: the decoded bytes and the index of the first input byte after the stream.
    /// - Throws: `VisionError.corrupt` for a malformed or truncated stream.
    /// - Complexity: O(input + output).
    public static func decompress(_ input: [UInt8], from start: Int = 0,
                                  expectedSize: Int = 0) throws(VisionError) -> (output: [UInt8], end: Int) {
        var reader = BitReader(input, from: start)
        var out: [UInt8] = []
        out.reserveCapacity(min(max(expectedSize, 0), maxOutput))
        var last = false
        while !last {
            last = try reader.bits(1) == 1
            switch try reader.bits(2) {
            case 0: try stored(&reader, &out)
            case 1: try codes(&reader, &out, fixedLiterals, fixedDistances)
            case 2:
                let (literals, distances) = try dynamicTables(&reader)
                try codes(&reader, &out, literals, distances)
            default: throw corrupt("invalid block type")
            }
        }
        reader.alignToByte()
        return (out, reader.position)
    }

    private static func stored(_ reader: inout BitReader, _ out: inout [UInt8]) throws(VisionError) {
        reader.alignToByte()
        let length = try reader.bits(16), complement = try reader.bits(16)
        guard length == ~complement & 0xffff else { throw corrupt("stored block length check failed") }
        reader.alignToByte()
        let from = reader.position
        guard from + length <= reader.bytes.count else { throw truncated }
        guard out.count + length <= maxOutput else { throw corrupt("output larger than 1 GiB") }
        out.append(contentsOf: reader.bytes[from..<from + length])
        reader = BitReader(reader.bytes, from: from + length)
    }

    // MARK: - Huffman-coded blocks

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                     35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                      3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
                                       257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
                                       8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
                                        7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// The fixed codes of block type 1 (RFC 1951 §3.2.6).
    private static let fixedLiterals = HuffmanTable(checked: (0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 })
    private static let fixedDistances = HuffmanTable(checked: [Int](repeating: 5, count: 30))

    private static func codes(_ reader: inout BitReader, _ out: inout [UInt8],
                              _ literals: HuffmanTable, _ distances: HuffmanTable) throws(VisionError) {
        while true {
            let symbol = try literals.decode(&reader)
            if symbol < 256 {
                guard out.count < maxOutput else { throw corrupt("output larger than 1 GiB") }
                out.append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let lengthCode = symbol - 257
            guard lengthCode < 29 else { throw corrupt("invalid length code") }
            let length = lengthBase[lengthCode] + (try reader.bits(lengthExtra[lengthCode]))
            let distanceCode = try distances.decode(&reader)
            guard distanceCode < 30 else { throw corrupt("invalid distance code") }
            let distance = distanceBase[distanceCode] + (try reader.bits(distanceExtra[distanceCode]))
            guard distance <= out.count else { throw corrupt("distance too far back") }
            guard out.count + length <= maxOutput else { throw corrupt("output larger than 1 GiB") }
            let from = out.count - distance
            for i in 0..<length { out.append(out[from + i]) }
        }
    }

    /// The order in which a dynamic block lists the code-length code's lengths.
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    private static func dynamicTables(_ reader: inout BitReader) throws(VisionError) -> (HuffmanTable, HuffmanTable) {
        let literalCount = try reader.bits(5) + 257
        let distanceCount = try reader.bits(5) + 1
        let codeLengthCount = try reader.bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw corrupt("too many length or distance symbols") }
        var codeLengths = [Int](repeating: 0, count: 19)
        for i in 0..<codeLengthCount { codeLengths[codeLengthOrder[i]] = try reader.bits(3) }
        let lengthCode = try HuffmanTable(lengths: codeLengths)
        var lengths: [Int] = []
        lengths.reserveCapacity(literalCount + distanceCount)
        while lengths.count < literalCount + distanceCount {
            let symbol = try lengthCode.decode(&reader)
            var repeated = 0, value = 0
            switch symbol {
            case 0...15:
                lengths.append(symbol)
                continue
            case 16:
                guard let previous = lengths.last else { throw corrupt("repeated length with no first length") }
                value = previous
                repeated = 3 + (try reader.bits(2))
            case 17: repeated = 3 + (try reader.bits(3))
            default: repeated = 11 + (try reader.bits(7))
            }
            guard lengths.count + repeated <= literalCount + distanceCount else { throw corrupt("too many lengths") }
            lengths.append(contentsOf: repeatElement(value, count: repeated))
        }
        guard lengths[256] > 0 else { throw corrupt("missing end-of-block code") }
        let literals = try HuffmanTable(lengths: Array(lengths[0..<literalCount]))
        let distances = try HuffmanTable(lengths: Array(lengths[literalCount...]))
        return (literals, distances)
    }
}
