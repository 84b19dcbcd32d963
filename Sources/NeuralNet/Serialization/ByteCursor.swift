/// Bounds-checked little-endian reads over a byte array: every read that would pass the end
/// returns nil instead of trapping, so damaged files become errors.
struct ByteCursor {
    let bytes: [UInt8]
    var position: Int

    init(_ bytes: [UInt8], at position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// Reads `n` bytes and advances, or returns nil (without moving) when fewer remain.
    mutating func take(_ n: Int) -> ArraySlice<UInt8>? {
        guard n >= 0, position >= 0, n <= bytes.count - position else { return nil }
        defer { position += n }
        return bytes[position..<position + n]
    }

    mutating func byte() -> UInt8? { take(1)?.first }

    /// An unsigned little-endian integer of `width` bytes (at most 8).
    mutating func unsigned(_ width: Int) -> UInt64? {
        guard let slice = take(width) else { return nil }
        var value: UInt64 = 0
        for (i, b) in slice.enumerated() { value |= UInt64(b) << (8 * UInt64(i)) }
        return value
    }

    mutating func u16() -> Int? { unsigned(2).map { Int($0) } }
    mutating func u32() -> Int? { unsigned(4).map { Int($0) } }

    /// A 64-bit size or offset; nil when it does not fit in `Int`.
    mutating func u64() -> Int? {
        guard let v = unsigned(8), v <= UInt64(Int.max) else { return nil }
        return Int(v)
    }

    /// The bytes up to the next newline (consumed, not returned), as pickle's text arguments.
    mutating func line() -> ArraySlice<UInt8>? {
        guard position >= 0, position < bytes.count,
              let end = bytes[position...].firstIndex(of: 0x0A) else { return nil }
        defer { position = end + 1 }
        return bytes[position..<end]
    }
}

extension Array where Element == UInt8 {
    /// Appends `value` in little-endian order, `width` bytes wide.
    mutating func appendLittleEndian(_ value: UInt64, width: Int) {
        for i in 0..<width { append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(i)))) }
    }

    mutating func appendLittleEndian(_ value: Int, width: Int) {
        appendLittleEndian(UInt64(truncatingIfNeeded: value), width: width)
    }
}
