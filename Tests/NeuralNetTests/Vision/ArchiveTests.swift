import Testing
@testable import NeuralNet

@Suite struct ArchiveTests {
    @Test(arguments: ["text.gz", "stored.gz", "multi.gz", "archive.tar.gz"])
    func gzipMatchesPython(_ name: String) throws {
        let expected = try VisionFixtures.json("archives.json")[name] as? [String: Int]
        let out = try Gzip.decompress(try VisionFixtures.bytes(name))
        #expect(out.count == expected?["size"])
        #expect(Int(CRC32.checksum(out[...])) == expected?["crc32"])
    }

    @Test func multiMemberGzipConcatenates() throws {
        let out = try Gzip.decompress(try VisionFixtures.bytes("multi.gz"))
        #expect(String(decoding: out, as: UTF8.self) == "first member\nsecond member\n")
    }

    @Test func truncatedOrDamagedGzipThrows() throws {
        let good = try VisionFixtures.bytes("text.gz")
        for cut in [5, 12, good.count / 2, good.count - 3] {
            #expect(throws: VisionError.self) { try Gzip.decompress(Array(good.prefix(cut))) }
        }
        var flipped = good
        flipped[good.count / 2] ^= 0x5a
        #expect(throws: VisionError.self) { try Gzip.decompress(flipped) }
        #expect(throws: VisionError.self) { try Gzip.decompress([0x1f, 0x8b, 9, 0, 0, 0, 0, 0, 0, 0, 0]) }
        #expect(throws: VisionError.self) { try Gzip.decompress(Array("plain text".utf8)) }
    }

    @Test func randomBytesNeverTrap() {
        var state: UInt64 = 12345
        for _ in 0..<300 {
            let n = Int(state % 200)
            var bytes: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0]
            for _ in 0..<n {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(UInt8(truncatingIfNeeded: state >> 33))
            }
            _ = try? Gzip.decompress(bytes)
            _ = try? TarArchive(bytes)
        }
    }

    @Test func tarListsMembersIncludingLongNames() throws {
        let tar = try TarArchive(try Gzip.decompress(try VisionFixtures.bytes("archive.tar.gz")))
        let names = tar.entries.map(\.name)
        #expect(names.contains("cifar-10-batches-bin/test_batch.bin"))
        #expect(names.contains("cifar-10-batches-bin/" + String(repeating: "n", count: 100) + ".txt"))
        #expect(tar.entries.first { $0.name == "cifar-10-batches-bin" }?.isFile == false)
        #expect(tar.contents(of: "./cifar-10-batches-bin/test_batch.bin") == (try VisionFixtures.bytes("cifar3.bin")))
        #expect(tar.contents(of: "missing") == nil)
    }

    @Test func tarWithBadChecksumOrSizeThrows() throws {
        var bytes = try Gzip.decompress(try VisionFixtures.bytes("archive.tar.gz"))
        var damaged = bytes
        damaged[10] ^= 1
        #expect(throws: VisionError.self) { try TarArchive(damaged) }
        bytes.removeLast(bytes.count - 1200)
        #expect(throws: VisionError.self) { try TarArchive(bytes) }
    }
}
