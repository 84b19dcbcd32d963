import Testing
@testable import NeuralNet

/// No file content traps the reader: truncated, bit-flipped and spliced versions of real
/// PyTorch files either load or raise a ``SerializationError``.
@Suite struct TorchFileFuzzTests {
    /// SplitMix64, so that every run mutates the same way.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    }

    /// Loads `bytes` both ways; returns how many loads succeeded.
    @discardableResult
    static func survive(_ bytes: [UInt8]) -> Int {
        var loaded = 0
        for weightsOnly in [true, false] {
            if (try? TorchFile.load(bytes, options: .init(weightsOnly: weightsOnly, mapLocation: .device("cpu")))) != nil {
                loaded += 1
            }
        }
        return loaded
    }

    @Test(arguments: TorchFileFixtureTests.fixtures)
    func truncatedFilesNeverTrap(_ name: String) throws {
        let bytes = try SerializationFixtures.bytes(name)
        var loaded = 0
        for length in stride(from: 0, to: bytes.count, by: bytes.count > 4000 ? 3 : 1) {
            loaded += Self.survive(Array(bytes.prefix(length)))
        }
        // A prefix lacks the central directory at the end, so nothing loads.
        #expect(loaded == 0)
    }

    @Test(arguments: TorchFileFixtureTests.fixtures)
    func mutatedFilesNeverTrap(_ name: String) throws {
        let bytes = try SerializationFixtures.bytes(name)
        var random = Generator(state: UInt64(name.utf8.count) &* 7919)
        for round in 0..<500 {
            var mutated = bytes
            switch round % 5 {
            case 0, 1:
                // Flip a few bits anywhere.
                for _ in 0...random.below(3) {
                    let i = random.below(mutated.count)
                    mutated[i] ^= UInt8(1 << random.below(8))
                }
            case 2:
                // Overwrite a byte with a value that is often special in this format.
                let specials: [UInt8] = [0, 1, 0x7F, 0x80, 0xFF, 0x28, 0x2E, 0x52, 0x62, 0x68, 0x71, 0x8A]
                mutated[random.below(mutated.count)] = specials[random.below(specials.count)]
            case 3:
                // Set a 32-bit field to an extreme value.
                let i = random.below(mutated.count - 4)
                let value: UInt32 = [0, 0xFFFF_FFFF, 0x7FFF_FFFF, 0x8000_0000, UInt32(mutated.count)][random.below(5)]
                for k in 0..<4 { mutated[i + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(k))) }
            default:
                // Duplicate or delete a chunk.
                let i = random.below(mutated.count), n = random.below(64)
                if random.below(2) == 0 {
                    mutated.insert(contentsOf: mutated[i..<min(i + n, mutated.count)], at: i)
                } else {
                    mutated.removeSubrange(i..<min(i + n, mutated.count))
                }
            }
            Self.survive(mutated)
        }
    }

    /// Pickle data is where most of the structure lives: mutate just `data.pkl` and rebuild
    /// a valid archive around it, so the damage reaches the unpickler and the decoder.
    @Test(arguments: ["tensors.pt", "checkpoint.pt", "values.pt"])
    func mutatedPicklesNeverTrap(_ name: String) throws {
        let zip = try ZipReader(try SerializationFixtures.bytes(name))
        let records = try zip.entries.map { entry in (entry.name, Array(try zip.data(of: entry, recordName: entry.name))) }
        var random = Generator(state: 42)
        for _ in 0..<500 {
            var zipWriter = ZipWriter()
            for (recordName, data) in records {
                var data = data
                if recordName.hasSuffix("data.pkl") {
                    for _ in 0...random.below(2) {
                        let i = random.below(data.count)
                        data[i] = random.below(2) == 0 ? data[i] ^ UInt8(1 << random.below(8)) : UInt8(random.below(256))
                    }
                }
                try zipWriter.add(recordName, data)
            }
            Self.survive(try zipWriter.finish())
        }
    }

    @Test func randomBytesNeverTrap() {
        var random = Generator(state: 7)
        for _ in 0..<2000 {
            let n = random.below(300)
            var bytes = (0..<n).map { _ in UInt8(random.below(256)) }
            if random.below(2) == 0 && bytes.count >= 4 { bytes.replaceSubrange(0..<4, with: [0x50, 0x4B, 3, 4]) }
            Self.survive(bytes)
            Self.survive([0x80, 2] + bytes)
        }
    }
}
