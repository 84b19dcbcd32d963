/// Writes a zip archive laid out byte for byte as PyTorch's `PyTorchStreamWriter` (miniz)
/// lays out `torch.save` files.
///
/// Note [PyTorch's zip layout]
/// Every record is stored uncompressed. Its local header has flags 0x0808 (UTF-8 names,
/// data descriptor follows) and zero CRC and sizes; an extra field with id "FB" pads the
/// header so that the data starts on a 64-byte boundary (storages can then be mapped in
/// place); a `PK\x07\x08` data descriptor with the CRC-32 and sizes follows the data. The
/// central directory repeats the real values, and zip64 end records always precede the
/// classic end record. Archives of 4 GiB or more would need zip64 fields in every entry;
/// the tutor refuses them instead.
struct ZipWriter {
    private(set) var bytes: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0
    /// The CRC-32 of every record so far, combined as PyTorch combines them for the
    /// serialization id.
    private(set) var combinedChecksum: UInt64 = 0

    static let alignment = 64

    /// A writer whose buffer starts with room for about `capacity` bytes of records.
    init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Adds a record whose data `write` appends to the archive's buffer (so storages are
    /// copied once, straight into place).
    mutating func add(_ name: String, _ write: (inout [UInt8]) -> Void) throws(SerializationError) {
        let nameBytes = Array(name.utf8)
        let headerOffset = bytes.count
        let dataStart = headerOffset + 30 + nameBytes.count + 4
        let padding = (Self.alignment - dataStart % Self.alignment) % Self.alignment
        bytes.appendLittleEndian(0x0403_4B50, width: 4)
        bytes.appendLittleEndian(0, width: 2)
        bytes.appendLittleEndian(0x0808, width: 2)
        bytes.append(contentsOf: repeatElement(0, count: 18))
        bytes.appendLittleEndian(nameBytes.count, width: 2)
        bytes.appendLittleEndian(padding + 4, width: 2)
        bytes.append(contentsOf: nameBytes)
        bytes.append(contentsOf: Array("FB".utf8))
        bytes.appendLittleEndian(padding, width: 2)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "Z"), count: padding))
        let start = bytes.count
        write(&bytes)
        let size = bytes.count - start
        guard bytes.count < 0xFFFF_FFFF - 16 else {
            throw .notImplemented("pytorch-tutor cannot write .pt files of 4 GiB or more")
        }
        let crc = CRC32.checksum(bytes[start...])
        combinedChecksum = Self.hashCombine(combinedChecksum, UInt64(crc))
        bytes.appendLittleEndian(0x0807_4B50, width: 4)
        bytes.appendLittleEndian(UInt64(crc), width: 4)
        bytes.appendLittleEndian(size, width: 4)
        bytes.appendLittleEndian(size, width: 4)

        central.appendLittleEndian(0x0201_4B50, width: 4)
        central.appendLittleEndian(0, width: 4)
        central.appendLittleEndian(0x0808, width: 2)
        central.append(contentsOf: repeatElement(0, count: 6))
        central.appendLittleEndian(UInt64(crc), width: 4)
        central.appendLittleEndian(size, width: 4)
        central.appendLittleEndian(size, width: 4)
        central.appendLittleEndian(nameBytes.count, width: 2)
        central.append(contentsOf: repeatElement(0, count: 12))
        central.appendLittleEndian(headerOffset, width: 4)
        central.append(contentsOf: nameBytes)
        count += 1
    }

    /// Adds a record holding `data`.
    mutating func add(_ name: String, _ data: [UInt8]) throws(SerializationError) {
        try add(name) { $0.append(contentsOf: data) }
    }

    /// The finished archive: the records, the central directory and the end records.
    mutating func finish() throws(SerializationError) -> [UInt8] {
        let directoryOffset = bytes.count
        bytes.append(contentsOf: central)
        let zip64Offset = bytes.count
        guard zip64Offset < 0xFFFF_FFFF, count < 0xFFFF else {
            throw .notImplemented("pytorch-tutor cannot write .pt files of 4 GiB or more")
        }
        bytes.appendLittleEndian(0x0606_4B50, width: 4)
        bytes.appendLittleEndian(44, width: 8)
        bytes.appendLittleEndian(0x031E, width: 2)
        bytes.appendLittleEndian(0x002D, width: 2)
        bytes.appendLittleEndian(0, width: 8)
        bytes.appendLittleEndian(count, width: 8)
        bytes.appendLittleEndian(count, width: 8)
        bytes.appendLittleEndian(central.count, width: 8)
        bytes.appendLittleEndian(directoryOffset, width: 8)
        bytes.appendLittleEndian(0x0706_4B50, width: 4)
        bytes.appendLittleEndian(0, width: 4)
        bytes.appendLittleEndian(zip64Offset, width: 8)
        bytes.appendLittleEndian(1, width: 4)
        bytes.appendLittleEndian(0x0605_4B50, width: 4)
        bytes.appendLittleEndian(0, width: 4)
        bytes.appendLittleEndian(count, width: 2)
        bytes.appendLittleEndian(count, width: 2)
        bytes.appendLittleEndian(central.count, width: 4)
        bytes.appendLittleEndian(directoryOffset, width: 4)
        bytes.appendLittleEndian(0, width: 2)
        return bytes
    }

    /// Boost's `hash_combine` on 64 bits, as PyTorch's `c10::hash_combine`.
    static func hashCombine(_ seed: UInt64, _ value: UInt64) -> UInt64 {
        seed ^ (value &+ 0x9E37_79B9 &+ (seed << 6) &+ (seed >> 2))
    }
}
