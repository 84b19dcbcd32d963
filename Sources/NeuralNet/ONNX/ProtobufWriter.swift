/// Writes Protocol Buffers wire format: the few encodings ONNX files need.
///
/// A message is a run of fields, each a key (`field << 3 | wireType`) followed by the value:
/// wire type 0 is a varint (ints, enums, bools), 5 is four little-endian bytes (float32),
/// and 2 is a varint length followed by that many bytes (strings, bytes, nested messages).
/// Negative ints are written as ten-byte two's-complement varints, as `int64` and `int32`
/// fields require. Repeated scalars are written one key per element (the unpacked form
/// every reader accepts).
///
/// ```swift
/// var w = ProtobufWriter()
/// w.int(1, 8)               // ir_version = 8
/// w.string(2, "pytorch-tutor")
/// w.message(7) { $0.string(2, "main_graph") }
/// ```
public struct ProtobufWriter {
    /// The encoded message so far.
    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// A varint field (`int64`, `int32`, enum).
    public mutating func int(_ field: Int, _ value: Int) {
        key(field, wireType: 0)
        varint(UInt64(bitPattern: Int64(value)))
    }

    /// A `float` field (wire type 5).
    public mutating func float(_ field: Int, _ value: Float) {
        key(field, wireType: 5)
        let bits = value.bitPattern
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt32(shift))) }
    }

    /// A UTF-8 `string` field.
    public mutating func string(_ field: Int, _ value: String) {
        data(field, Array(value.utf8))
    }

    /// A `bytes` field.
    public mutating func data(_ field: Int, _ value: [UInt8]) {
        key(field, wireType: 2)
        varint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// A nested message field, encoded by `body`.
    public mutating func message(_ field: Int, _ body: (inout ProtobufWriter) -> Void) {
        var inner = ProtobufWriter()
        body(&inner)
        data(field, inner.bytes)
    }

    private mutating func key(_ field: Int, wireType: UInt64) {
        varint(UInt64(field) << 3 | wireType)
    }

    private mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }
}
