/// The records of a zip archive, found through its central directory.
///
/// Reads what `torch.save` writes and what Python's `zipfile` writes with `ZIP_STORED`:
/// sizes and offsets come from the central directory (PyTorch leaves them zero in the
/// local headers and appends data descriptors), the local extra field is skipped (PyTorch
/// pads it so that data starts on a 64-byte boundary), and zip64 end records and extra
/// fields are honoured. Compressed and encrypted records are refused. Every field is
/// bounds-checked, so a damaged archive becomes PyTorch's miniz error, never a trap.
struct ZipReader {
    /// One central-directory entry.
    struct Entry {
        var name: String
        var method: Int
        var flags: Int
        var compressedSize: Int
        var size: Int
        var headerOffset: Int
    }

    let bytes: [UInt8]
    /// The entries in central-directory order.
    let entries: [Entry]
    private let index: [String: Int]

    private static let zip64LocatorSignature: UInt64 = 0x0706_4B50
    private static let zip64EndSignature: UInt64 = 0x0606_4B50
    private static let centralSignature: UInt64 = 0x0201_4B50
    private static let localSignature: UInt64 = 0x0403_4B50

    /// Parses the central directory of `bytes`.
    ///
    /// - Throws: `failed finding central directory` or `invalid header or archive is corrupted`,
    ///   in PyTorch's wording.
    init(_ bytes: [UInt8]) throws(SerializationError) {
        self.bytes = bytes
        guard let end = Self.findEndRecord(bytes) else { throw .archive("failed finding central directory") }
        var cursor = ByteCursor(bytes, at: end + 4)
        guard let disk = cursor.u16(), let directoryDisk = cursor.u16(), cursor.u16() != nil,
              var count = cursor.u16(), var directorySize = cursor.u32(), var directoryOffset = cursor.u32() else {
            throw .archive("failed finding central directory")
        }
        if let zip64 = Self.zip64End(bytes, before: end) {
            (count, directorySize, directoryOffset) = zip64
        } else if disk != 0 || directoryDisk != 0 {
            throw .archive("unsupported multidisk archive")
        }
        guard directoryOffset <= bytes.count, directorySize <= bytes.count - directoryOffset else {
            throw .archive("failed finding central directory")
        }
        var entries: [Entry] = []
        var index: [String: Int] = [:]
        cursor = ByteCursor(bytes, at: directoryOffset)
        for _ in 0..<count {
            let entry = try Self.readEntry(&cursor)
            if index[entry.name] == nil { index[entry.name] = entries.count }
            entries.append(entry)
        }
        self.entries = entries
        self.index = index
    }

    /// The entry called `name`, if any.
    func entry(named name: String) -> Entry? { index[name].map { entries[$0] } }

    /// The stored bytes of `entry`.
    ///
    /// - Throws: PyTorch's `failed reading file` error for a bad local header, data past the
    ///   end of the archive, or a compressed or encrypted record.
    func data(of entry: Entry, recordName: String) throws(SerializationError) -> ArraySlice<UInt8> {
        var cursor = ByteCursor(bytes, at: entry.headerOffset)
        guard cursor.unsigned(4) == Self.localSignature, cursor.take(22) != nil,
              let nameLength = cursor.u16(), let extraLength = cursor.u16(),
              cursor.take(nameLength + extraLength) != nil else {
            throw .record(recordName, "invalid header or archive is corrupted")
        }
        if entry.flags & 1 != 0 { throw .record(recordName, "unsupported encryption") }
        guard entry.method == 0 else {
            throw .notImplemented("\(recordName) is compressed; pytorch-tutor reads only the uncompressed records torch.save writes")
        }
        guard entry.compressedSize == entry.size, let data = cursor.take(entry.size) else {
            throw .record(recordName, "invalid header or archive is corrupted")
        }
        return data
    }

    // MARK: - Central directory

    /// The offset of the end-of-central-directory record: the last signature whose comment
    /// length reaches exactly the end of the file (the comment is at most 65535 bytes).
    private static func findEndRecord(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 65535)
        var offset = bytes.count - 22
        while offset >= lowest {
            if bytes[offset] == 0x50, bytes[offset + 1] == 0x4B, bytes[offset + 2] == 5, bytes[offset + 3] == 6 {
                let comment = Int(bytes[offset + 20]) | Int(bytes[offset + 21]) << 8
                if offset + 22 + comment == bytes.count { return offset }
            }
            offset -= 1
        }
        return nil
    }

    /// The entry count, directory size and offset from the zip64 records, when a zip64
    /// locator sits right before the end record.
    private static func zip64End(_ bytes: [UInt8], before end: Int) -> (Int, Int, Int)? {
        var locator = ByteCursor(bytes, at: end - 20)
        guard end >= 20, locator.unsigned(4) == zip64LocatorSignature, locator.take(4) != nil,
              let recordOffset = locator.u64() else { return nil }
        var record = ByteCursor(bytes, at: recordOffset)
        guard record.unsigned(4) == zip64EndSignature, record.take(28) != nil,
              let count = record.u64(), let size = record.u64(), let offset = record.u64() else { return nil }
        return (count, size, offset)
    }

    private static func readEntry(_ cursor: inout ByteCursor) throws(SerializationError) -> Entry {
        guard cursor.unsigned(4) == centralSignature, cursor.take(4) != nil,
              let flags = cursor.u16(), let method = cursor.u16(), cursor.take(8) != nil,
              var compressedSize = cursor.u32(), var size = cursor.u32(),
              let nameLength = cursor.u16(), let extraLength = cursor.u16(), let commentLength = cursor.u16(),
              cursor.take(8) != nil, var headerOffset = cursor.u32(),
              let nameBytes = cursor.take(nameLength), let extra = cursor.take(extraLength),
              cursor.take(commentLength) != nil else {
            throw .archive("invalid header or archive is corrupted")
        }
        // Note [Zip64 extra field]: a field set to 0xFFFFFFFF in the entry is stored as a
        // 64-bit value in extra block 0x0001, in the order size, compressed size, offset.
        var fields = ByteCursor(Array(extra))
        while let id = fields.u16(), let length = fields.u16(), let block = fields.take(length) {
            guard id == 1 else { continue }
            var values = ByteCursor(Array(block))
            if size == 0xFFFF_FFFF { guard let v = values.u64() else { break }; size = v }
            if compressedSize == 0xFFFF_FFFF { guard let v = values.u64() else { break }; compressedSize = v }
            if headerOffset == 0xFFFF_FFFF { guard let v = values.u64() else { break }; headerOffset = v }
        }
        let name = String(decoding: nameBytes, as: UTF8.self)
        return Entry(name: name, method: method, flags: flags, compressedSize: compressedSize,
                     size: size, headerOffset: headerOffset)
    }
}
