/// gzip files (RFC 1952): one or more members, each a header, a DEFLATE stream and a trailer
/// with the CRC-32 and size of the member's data, both checked here.
public enum Gzip {
    /// Whether `bytes` starts with the gzip magic number.
    public static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// The decompressed contents of a gzip file (all members, concatenated).
    ///
    /// - Throws: `VisionError.corrupt` for a bad header, stream, checksum or length.
    public static func decompress(_ bytes: [UInt8]) throws(VisionError) -> [UInt8] {
        var out: [UInt8] = []
        var position = 0
        repeat {
            let start = try skipHeader(bytes, at: position)
            let trailerSize = bytes.count >= 4 ? Int(littleEndian32(bytes, bytes.count - 4)) : 0
            let (member, end) = try Inflate.decompress(bytes, from: start, expectedSize: position == 0 ? trailerSize : 0)
            guard end + 8 <= bytes.count else { throw VisionError.corrupt("gzip file is truncated (missing its trailer)") }
            guard littleEndian32(bytes, end) == CRC32.checksum(member[...]) else {
                throw VisionError.corrupt("gzip file is corrupt: CRC-32 check failed")
            }
            guard littleEndian32(bytes, end + 4) == UInt32(truncatingIfNeeded: member.count) else {
                throw VisionError.corrupt("gzip file is corrupt: length check failed")
            }
            if out.isEmpty { out = member } else { out.append(contentsOf: member) }
            position = end + 8
        } while position + 2 <= bytes.count && bytes[position] == 0x1f && bytes[position + 1] == 0x8b
        return out
    }

    private static func littleEndian32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }

    /// The index of the first byte after the member header at `start`.
    private static func skipHeader(_ b: [UInt8], at start: Int) throws(VisionError) -> Int {
        guard b.count - start >= 10, b[start] == 0x1f, b[start + 1] == 0x8b else {
            throw VisionError.corrupt("not a gzip file (bad magic number)")
        }
        guard b[start + 2] == 8 else { throw VisionError.corrupt("gzip file uses unknown compression method \(b[start + 2])") }
        let flags = b[start + 3]
        var i = start + 10
        if flags & 4 != 0 {
            guard i + 2 <= b.count else { throw VisionError.corrupt("gzip header is truncated") }
            i += 2 + (Int(b[i]) | Int(b[i + 1]) << 8)
        }
        for flag: UInt8 in [8, 16] where flags & flag != 0 {
            while i < b.count && b[i] != 0 { i += 1 }
            i += 1
        }
        if flags & 2 != 0 { i += 2 }
        guard i <= b.count else { throw VisionError.corrupt("gzip header is truncated") }
        return i
    }
}
