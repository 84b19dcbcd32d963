/// Reads a DEFLATE stream's bits, least significant bit of each byte first (RFC 1951 §3.1.1).
struct BitReader {
    let bytes: [UInt8]
    /// The next byte not yet moved into `buffer`.
    private(set) var position: Int
    private var buffer: UInt64 = 0
    private var count = 0

    init(_ bytes: [UInt8], from start: Int) {
        self.bytes = bytes
        self.position = start
    }

    /// Moves whole bytes into the buffer until it holds at least 57 bits or the input ends.
    @inline(__always)
    mutating func refill() {
        while count <= 56 && position < bytes.count {
            buffer |= UInt64(bytes[position]) << UInt64(count)
            position += 1
            count += 8
        }
    }

    /// The next `n` (at most 32) bits without consuming them; missing bits read as zero.
    @inline(__always)
    mutating func peek(_ n: Int) -> Int {
        if count < n { refill() }
        return Int(buffer & ((1 << UInt64(n)) - 1))
    }

    /// Whether at least `n` bits are left.
    @inline(__always)
    mutating func has(_ n: Int) -> Bool {
        if count < n { refill() }
        return count >= n
    }

    @inline(__always)
    mutating func consume(_ n: Int) {
        buffer >>= UInt64(n)
        count -= n
    }

    /// The next `n` bits as a number.
    @inline(__always)
    mutating func bits(_ n: Int) throws(VisionError) -> Int {
        guard has(n) else { throw Inflate.truncated }
        let v = peek(n)
        consume(n)
        return v
    }

    /// Drops the bits up to the next byte boundary and hands the whole bytes still buffered
    /// back to the input, so that stored blocks and trailers read bytes directly.
    mutating func alignToByte() {
        consume(count % 8)
        position -= count / 8
        buffer = 0
        count = 0
    }
}
