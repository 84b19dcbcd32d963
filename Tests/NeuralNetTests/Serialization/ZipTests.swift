import Testing
@testable import NeuralNet

/// The zip layer: PyTorch's layout on writing; central directory, zip64 and damage on reading.
@Suite struct ZipTests {
    @Test func crc32MatchesZlib() {
        #expect(CRC32.checksum(Array("123456789".utf8)[...]) == 0xCBF4_3926)
        #expect(CRC32.checksum([][...]) == 0)
        // Every length and alignment against the one-byte-at-a-time definition.
        let data = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
        for start in 0..<9 {
            for end in stride(from: start, through: data.count, by: 7) {
                var crc: UInt32 = 0xFFFF_FFFF
                for b in data[start..<end] {
                    crc ^= UInt32(b)
                    for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
                }
                #expect(CRC32.checksum(data[start..<end]) == ~crc)
            }
        }
    }

    static func archive(_ records: [(String, [UInt8])]) throws -> [UInt8] {
        var zip = ZipWriter()
        for (name, data) in records { try zip.add(name, data) }
        return try zip.finish()
    }

    @Test func recordsRoundTripWithAlignedData() throws {
        let records = [("a/data.pkl", Array("pickle".utf8)), ("a/data/0", [UInt8](repeating: 7, count: 100)),
                       ("a/empty", []), ("a/version", Array("3\n".utf8))]
        let bytes = try Self.archive(records)
        let reader = try ZipReader(bytes)
        #expect(reader.entries.map(\.name) == records.map(\.0))
        for (name, data) in records {
            let entry = try #require(reader.entry(named: name))
            let stored = try reader.data(of: entry, recordName: name)
            #expect(Array(stored) == data)
            #expect(stored.startIndex % 64 == 0, "\(name) starts at \(stored.startIndex)")
        }
    }

    @Test func writesPyTorchsHeaderFields() throws {
        let bytes = try Self.archive([("x/data.pkl", [1, 2, 3])])
        // Local header: version 0, flags 0x0808, stored, zero time, CRC and sizes; extra "FB".
        #expect(Array(bytes[0..<8]) == [0x50, 0x4B, 3, 4, 0, 0, 8, 8])
        #expect(bytes[8..<26].allSatisfy { $0 == 0 })
        #expect(Array(bytes[40..<42]) == Array("FB".utf8))
        // Data at 64, then the data descriptor with CRC and sizes.
        #expect(Array(bytes[64..<67]) == [1, 2, 3])
        #expect(Array(bytes[67..<71]) == [0x50, 0x4B, 7, 8])
        // The end: zip64 record, zip64 locator, classic end record.
        let end = bytes.count
        #expect(Array(bytes[end - 22..<end - 18]) == [0x50, 0x4B, 5, 6])
        #expect(Array(bytes[end - 42..<end - 38]) == [0x50, 0x4B, 6, 7])
        #expect(Array(bytes[end - 98..<end - 94]) == [0x50, 0x4B, 6, 6])
    }

    /// A central directory entry whose sizes and offset live in a zip64 extra field.
    @Test func readsZip64ExtraFields() throws {
        var bytes: [UInt8] = []
        let data = Array("hello".utf8), name = Array("a/b".utf8)
        bytes.appendLittleEndian(0x0403_4B50, width: 4)
        bytes += [UInt8](repeating: 0, count: 22)
        bytes.appendLittleEndian(name.count, width: 2)
        bytes.appendLittleEndian(0, width: 2)
        bytes += name + data
        let directory = bytes.count
        bytes.appendLittleEndian(0x0201_4B50, width: 4)
        bytes += [UInt8](repeating: 0, count: 12)
        bytes.appendLittleEndian(UInt64(CRC32.checksum(data[...])), width: 4)
        bytes.appendLittleEndian(0xFFFF_FFFF, width: 4)
        bytes.appendLittleEndian(0xFFFF_FFFF, width: 4)
        bytes.appendLittleEndian(name.count, width: 2)
        bytes.appendLittleEndian(28, width: 2)
        bytes += [UInt8](repeating: 0, count: 10)
        bytes.appendLittleEndian(0xFFFF_FFFF, width: 4)
        bytes += name
        bytes.appendLittleEndian(1, width: 2)
        bytes.appendLittleEndian(24, width: 2)
        bytes.appendLittleEndian(data.count, width: 8)
        bytes.appendLittleEndian(data.count, width: 8)
        bytes.appendLittleEndian(0, width: 8)
        let size = bytes.count - directory
        bytes.appendLittleEndian(0x0605_4B50, width: 4)
        bytes += [0, 0, 0, 0, 1, 0, 1, 0]
        bytes.appendLittleEndian(size, width: 4)
        bytes.appendLittleEndian(directory, width: 4)
        bytes += [0, 0]
        let reader = try ZipReader(bytes)
        let entry = try #require(reader.entry(named: "a/b"))
        #expect(Array(try reader.data(of: entry, recordName: "b")) == data)
    }

    @Test func damageGivesPyTorchsErrors() throws {
        let noDirectory = SerializationError.archive("failed finding central directory")
        #expect(throws: noDirectory) { try ZipReader([]) }
        #expect(throws: noDirectory) { try ZipReader([0x50, 0x4B, 3, 4] + [UInt8](repeating: 0, count: 40)) }
        let good = try Self.archive([("a/data.pkl", [1, 2, 3]), ("a/version", [0x33])])
        #expect(throws: noDirectory) { try ZipReader(Array(good.dropLast(5))) }
        // A central directory pointing past the local header.
        var moved = good
        let central = try #require((0...(moved.count - 4)).first { moved[$0..<$0 + 4].elementsEqual([0x50, 0x4B, 1, 2]) })
        moved[central + 42] = 5
        let reader = try ZipReader(moved)
        #expect(throws: SerializationError.record("data.pkl", "invalid header or archive is corrupted")) {
            try reader.data(of: try #require(reader.entries.first), recordName: "data.pkl")
        }
    }
}
