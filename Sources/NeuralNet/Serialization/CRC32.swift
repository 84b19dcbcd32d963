/// The CRC-32 of zip archives (polynomial 0xEDB88320, reflected, as zlib computes it).
///
/// Note [Slicing by eight]
/// The textbook loop looks up one table entry per byte, each lookup waiting for the last.
/// Eight tables, where table k advances the CRC of a byte followed by k zero bytes, let
/// eight bytes be folded in with eight independent lookups. Saving a model checksums every
/// storage, so this is most of `torch.save`'s own time.
enum CRC32 {
    /// Eight 256-entry tables, one after the other.
    private static let tables: [UInt32] = {
        var t = [UInt32](repeating: 0, count: 8 * 256)
        for n in 0..<256 {
            var c = UInt32(n)
            for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            t[n] = c
        }
        for k in 1..<8 {
            for n in 0..<256 {
                let previous = t[(k - 1) * 256 + n]
                t[k * 256 + n] = (previous >> 8) ^ t[Int(previous & 0xFF)]
            }
        }
        return t
    }()

    /// The checksum of `bytes`.
    ///
    /// - Complexity: O(n).
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        let t = tables
        var crc: UInt32 = 0xFFFF_FFFF
        var i = bytes.startIndex
        while bytes.endIndex - i >= 8 {
            let low = crc ^ (UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24)
            let high = UInt32(bytes[i + 4]) | UInt32(bytes[i + 5]) << 8 | UInt32(bytes[i + 6]) << 16 | UInt32(bytes[i + 7]) << 24
            crc = t[7 * 256 + Int(low & 0xFF)] ^ t[6 * 256 + Int((low >> 8) & 0xFF)]
                ^ t[5 * 256 + Int((low >> 16) & 0xFF)] ^ t[4 * 256 + Int(low >> 24)]
                ^ t[3 * 256 + Int(high & 0xFF)] ^ t[2 * 256 + Int((high >> 8) & 0xFF)]
                ^ t[256 + Int((high >> 16) & 0xFF)] ^ t[Int(high >> 24)]
            i += 8
        }
        while i < bytes.endIndex {
            crc = t[Int((crc ^ UInt32(bytes[i])) & 0xFF)] ^ (crc >> 8)
            i += 1
        }
        return crc ^ 0xFFFF_FFFF
    }
}
