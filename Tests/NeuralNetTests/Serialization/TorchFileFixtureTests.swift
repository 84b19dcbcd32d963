import Testing
import TensorEngine
@testable import NeuralNet

/// Files written by real `torch.save` load with the types, layouts, storage sharing,
/// identities and values that real `torch.load` gives them.
@Suite struct TorchFileFixtureTests {
    static let fixtures = ["tensors.pt", "state_dict.pt", "checkpoint.pt", "values.pt", "my.model.pth",
                           "big_endian.pt", "python_zipfile.pt"]

    @Test(arguments: fixtures)
    func loadsLikePyTorch(_ name: String) throws {
        let expected = try #require(try SerializationFixtures.expected()[name])
        let value = try TorchFile.load(try SerializationFixtures.bytes(name))
        var matcher = DescriptionMatcher()
        matcher.match(value, expected)
        #expect(matcher.problems.isEmpty, "\(matcher.problems.joined(separator: "\n"))")
    }

    @Test func stateDictKeepsItsOrderAndMetadata() throws {
        guard case .dict(let sd) = try TorchFile.load(try SerializationFixtures.bytes("state_dict.pt")) else {
            Issue.record("not a dict")
            return
        }
        #expect(sd.isOrdered)
        #expect(sd.items.map { if case .string(let s) = $0.key { s } else { "?" } } == [
            "0.weight", "0.bias", "2.weight", "2.bias", "2.running_mean", "2.running_var",
            "2.num_batches_tracked", "3.weight", "3.bias",
        ])
        #expect(sd.attributes.map(\.name) == ["_metadata"])
    }

    @Test func legacyFilesAreRefusedClearly() throws {
        #expect(throws: SerializationError.notImplemented("this file is in PyTorch's legacy format (before 1.6, or _use_new_zipfile_serialization=False), which pytorch-tutor cannot read; save it again with a current torch.save")) {
            try TorchFile.load(try SerializationFixtures.bytes("legacy.pt"))
        }
    }

    @Test func blockedGlobalsAreRefusedBeforeAnythingRuns() throws {
        let bytes = try SerializationFixtures.bytes("blocked_global.pt")
        let error = #expect(throws: SerializationError.self) { try TorchFile.load(bytes) }
        guard case .unpickling(let message) = error else {
            Issue.record("not an unpickling error: \(String(describing: error))")
            return
        }
        #expect(message.contains("\n\n\nTrying to load unsupported GLOBAL os.system whose module os is blocked.\n\n"))
        #expect(throws: SerializationError.notImplemented("torch.load in pytorch-tutor rebuilds tensors, containers, numbers and objects of classes, not os.system objects (save a state_dict() rather than the object itself)")) {
            try TorchFile.load(bytes, options: .init(weightsOnly: false))
        }
    }

    @Test func halfPrecisionTensorsLoad() throws {
        let value = try TorchFile.load(try SerializationFixtures.bytes("half.pt"))
        guard case .tensor(let tensor, isParameter: false) = value else {
            Issue.record("not a plain tensor: \(value)")
            return
        }
        #expect(tensor.dtype == .float16)
        #expect(tensor.toArray(Double.self) == [1, 1])
    }

    /// The same content saved here gives PyTorch's bytes, except for the half of the
    /// serialization id that hashes record names (Note [Serialization id]) and that record's CRC.
    @Test func savingMatchesPyTorchByteForByte() throws {
        var theirs = try SerializationFixtures.bytes("my.model.pth")
        var ours = try TorchFile.save(.tensor(try Tensor.from([Int64(3), 1, 2]), isParameter: false), archiveName: "my.model")
        #expect(ours.count == theirs.count)
        try Self.blankNameHash(&theirs)
        try Self.blankNameHash(&ours)
        #expect(ours == theirs)
    }

    /// Zeroes the first 20 digits of the serialization id and its CRC-32 in the data
    /// descriptor and the central directory (the id is the last record).
    static func blankNameHash(_ bytes: inout [UInt8]) throws {
        let zip = try ZipReader(bytes)
        let entry = try #require(zip.entries.last)
        let data = try zip.data(of: entry, recordName: "id")
        bytes.replaceSubrange(data.startIndex..<data.startIndex + 20, with: repeatElement(0, count: 20))
        bytes.replaceSubrange(data.endIndex + 4..<data.endIndex + 8, with: repeatElement(0, count: 4))
        let central = try #require((0...(bytes.count - 4)).last { bytes[$0..<$0 + 4].elementsEqual([0x50, 0x4B, 0x01, 0x02]) })
        bytes.replaceSubrange(central + 16..<central + 20, with: repeatElement(0, count: 4))
    }
}
