import Testing
import TensorEngine
@testable import NeuralNet

/// Damaged, foreign and refused files raise the errors real `torch.load` raises for them
/// (wording checked against torch 2.15).
@Suite struct TorchFileErrorTests {
    /// A stored zip of `records` (names without the folder), in folder `prefix`.
    static func archive(_ records: [(String, [UInt8])], prefix: String = "a") throws -> [UInt8] {
        var zip = ZipWriter()
        for (name, data) in records { try zip.add(prefix.isEmpty ? name : "\(prefix)/\(name)", data) }
        return try zip.finish()
    }

    static let version = ("version", Array("3\n".utf8))
    /// `pickle.dumps(7, protocol=2)`
    static let seven: [UInt8] = [0x80, 2, 0x4B, 7, 0x2E]

    /// A pickle of `_rebuild_tensor_v2` over storage `data/0` (two float32 elements) at `location`.
    static func tensorPickle(location: String = "cpu", numel: UInt8 = 2, size: UInt8 = 2) -> [UInt8] {
        var p: [UInt8] = [0x80, 2] + Array("ctorch._utils\n_rebuild_tensor_v2\n((".utf8)
        for s in ["storage"] { p += [0x58, UInt8(s.utf8.count), 0, 0, 0] + Array(s.utf8) }
        p += Array("ctorch\nFloatStorage\n".utf8)
        p += [0x58, 1, 0, 0, 0, 0x30, 0x58, UInt8(location.utf8.count), 0, 0, 0] + Array(location.utf8)
        p += [0x4B, numel, 0x74, 0x51, 0x4B, 0, 0x4B, size, 0x85, 0x4B, 1, 0x85, 0x89]
        p += Array("ccollections\nOrderedDict\n)Rt".utf8) + [0x52, 0x2E]
        return p
    }

    static func load(_ bytes: [UInt8], weightsOnly: Bool = true,
                     _ map: TorchFile.LocationMap = .saved) throws(SerializationError) -> TorchValue {
        try TorchFile.load(bytes, options: TorchFile.LoadOptions(weightsOnly: weightsOnly, mapLocation: map))
    }

    @Test func archiveStructureErrors() throws {
        #expect(throws: SerializationError.archive("failed finding central directory")) {
            try Self.load([0x50, 0x4B, 3, 4] + [UInt8](repeating: 0, count: 40))
        }
        #expect(throws: SerializationError.runtime("file in archive is not in a subdirectory: data.pkl")) {
            try Self.load(try Self.archive([("data.pkl", Self.seven), Self.version], prefix: ""))
        }
        #expect(throws: SerializationError.runtime("Expected hasRecord(\"version\") to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)")) {
            try Self.load(try Self.archive([("data.pkl", Self.seven)]))
        }
        #expect(throws: SerializationError.missingRecord("data.pkl")) { try Self.load(try Self.archive([Self.version])) }
        #expect(throws: SerializationError.runtime("Attempted to read a PyTorch file with version 99, but the maximum supported version for reading is 10. The version of your PyTorch installation may be too old, please upgrade PyTorch to latest version to mitigate this issue.")) {
            try Self.load(try Self.archive([("data.pkl", Self.seven), ("version", Array("99\n".utf8))]))
        }
        #expect(throws: SerializationError.runtime("Attempted to read a PyTorch file with version 0, but the minimum supported version for reading is 1. Your PyTorch script module file is too old. Please regenerate it with latest version of PyTorch to mitigate this issue.")) {
            try Self.load(try Self.archive([("data.pkl", Self.seven), ("version", Array("0\n".utf8))]))
        }
        #expect(throws: SerializationError.runtime("Couldn't parse the version abc\n as Long Long.")) {
            try Self.load(try Self.archive([("data.pkl", Self.seven), ("version", Array("abc\n".utf8))]))
        }
        #expect(throws: SerializationError.value("Unknown endianness type: middle")) {
            try Self.load(try Self.archive([("data.pkl", Self.seven), ("byteorder", Array("middle".utf8)), Self.version]))
        }
        #expect(throws: SerializationError.notImplemented("this file was written by torch.jit.save (TorchScript), which pytorch-tutor cannot load")) {
            try Self.load(try Self.archive([("data.pkl", Self.seven), ("constants.pkl", Self.seven), Self.version]))
        }
        // `.data/version` stands in for `version`, as in PyTorch.
        guard case .int(7) = try Self.load(try Self.archive([("data.pkl", Self.seven), (".data/version", Array("3\n".utf8))])) else {
            Issue.record("expected 7")
            return
        }
    }

    @Test func storageRecordErrors() throws {
        let pickle = Self.tensorPickle()
        #expect(throws: SerializationError.missingRecord("data/0")) {
            try Self.load(try Self.archive([("data.pkl", pickle), Self.version]))
        }
        #expect(throws: SerializationError.runtime("record size (4 bytes) does not match expected size (8 bytes = 8 elements * 1 bytes/element) for dtype Byte")) {
            try Self.load(try Self.archive([("data.pkl", pickle), ("data/0", [0, 0, 0, 0]), Self.version]))
        }
        #expect(throws: SerializationError.engine(.runtime("Trying to resize storage that is not resizable"))) {
            try Self.load(try Self.archive([("data.pkl", Self.tensorPickle(size: 5)), ("data/0", [UInt8](repeating: 0, count: 8)), Self.version]))
        }
    }

    @Test func locationsFollowMapLocation() throws {
        let cuda = try Self.archive([("data.pkl", Self.tensorPickle(location: "cuda:0")), ("data/0", [UInt8](repeating: 0, count: 8)), Self.version])
        #expect(throws: SerializationError.runtime("Attempting to deserialize object on a CUDA device but torch.cuda.is_available() is False. If you are running on a CPU-only machine, please use torch.load with map_location=torch.device('cpu') to map your storages to the CPU.")) {
            try Self.load(cuda)
        }
        for map in [TorchFile.LocationMap.device("cpu"), .table(["cuda:0": "cpu"]), .function] {
            guard case .tensor(let t, _) = try Self.load(cuda, map) else { Issue.record("not a tensor"); continue }
            #expect(t.shape == [2])
        }
        #expect(throws: SerializationError.self) { try Self.load(cuda, .table(["cuda:1": "cpu"])) }
        let mps = try Self.archive([("data.pkl", Self.tensorPickle(location: "mps")), ("data/0", [UInt8](repeating: 0, count: 8)), Self.version])
        #expect(throws: SerializationError.runtime("torch.UntypedStorage(): Storage device not recognized: mps")) { try Self.load(mps) }
        let odd = try Self.archive([("data.pkl", Self.tensorPickle(location: "xyz")), ("data/0", [UInt8](repeating: 0, count: 8)), Self.version])
        #expect(throws: SerializationError.runtime("don't know how to restore data location of torch.storage.UntypedStorage (tagged with xyz)")) { try Self.load(odd) }
    }

    @Test func weightsOnlyRefusesUnknownGlobals() throws {
        func file(_ module: String, _ name: String) throws -> [UInt8] {
            try Self.archive([("data.pkl", [0x80, 2] + Array("c\(module)\n\(name)\n)R.".utf8)), Self.version])
        }
        let docs = "\n\nCheck the documentation of torch.load to learn more about types accepted by default with weights_only https://pytorch.org/docs/stable/generated/torch.load.html."
        let unsafe = "In PyTorch 2.6, we changed the default value of the `weights_only` argument in `torch.load` from `False` to `True`. Re-running `torch.load` with `weights_only` set to `False` will likely succeed, but it can result in arbitrary code execution. Do it only if you got the file from a trusted source."
        #expect(throws: SerializationError.unpickling("Weights only load failed. \(unsafe)\n\n\nTrying to load unsupported GLOBAL os.system whose module os is blocked.\(docs)")) {
            try Self.load(try file("os", "system"))
        }
        #expect(throws: SerializationError.unpickling("Weights only load failed. This file can still be loaded, to do so you have two options, do those steps only if you trust the source of the checkpoint. \n\t(1) \(unsafe)\n\t(2) Alternatively, to load with `weights_only=True` please check the recommended steps in the following error message.\n\tWeightsUnpickler error: Unsupported global: GLOBAL __main__.Net was not an allowed global by default. Please use `torch.serialization.add_safe_globals([__main__.Net])` or the `torch.serialization.safe_globals([__main__.Net])` context manager to allowlist this global if you trust this class/function.\(docs)")) {
            try Self.load(try file("__main__", "Net"))
        }
        #expect(throws: SerializationError.notImplemented("torch.load in pytorch-tutor rebuilds tensors, containers, numbers and objects of classes, not __main__.Net objects (save a state_dict() rather than the object itself)")) {
            try Self.load(try file("__main__", "Net"), weightsOnly: false)
        }
        #expect(throws: SerializationError.notImplemented("torch.load: torch._utils._rebuild_sparse_tensor is not available in pytorch-tutor")) {
            try Self.load(try file("torch._utils", "_rebuild_sparse_tensor"))
        }
        #expect(throws: SerializationError.unpickling("Weights only load failed. \(unsafe)\nPlease file an issue with the following so that we can make `weights_only=True` compatible with your use case: WeightsUnpickler error: \n\nUnsupported operand 255\(docs)")) {
            try Self.load(try Self.archive([("data.pkl", [0x80, 2, 0xFF]), Self.version]))
        }
    }

    @Test func filesThatAreNotZipArchives() throws {
        #expect(throws: SerializationError.endOfFile("")) { try Self.load([]) }
        #expect(throws: SerializationError.endOfFile("Ran out of input")) { try Self.load([], weightsOnly: false) }
        #expect(throws: SerializationError.unpickling("Memo value not found at index 101")) {
            try Self.load(Array("hello world".utf8), weightsOnly: false)
        }
        #expect(throws: SerializationError.runtime("Invalid magic number; corrupt file?")) { try Self.load(Self.seven) }
    }

    @Test func hostileGraphsStop() throws {
        func file(_ pickle: [UInt8]) throws -> [UInt8] { try Self.archive([("data.pkl", pickle), Self.version]) }
        // A list that contains itself: ] q0 h0 a .
        #expect(throws: SerializationError.notImplemented("torch.load: this file holds a container that contains itself, which pytorch-tutor cannot load")) {
            try Self.load(try file([0x80, 2, 0x5D, 0x71, 0, 0x68, 0, 0x61, 0x2E]))
        }
        // 2000 nested lists.
        var deep: [UInt8] = [0x80, 2]
        for _ in 0..<2000 { deep += [0x5D] }
        for _ in 0..<1999 { deep += [0x61] }
        #expect(throws: SerializationError.notImplemented("torch.load: the object in this file nests more than 1000 levels deep, deeper than pytorch-tutor loads")) {
            try Self.load(try file(deep + [0x2E]))
        }
        // Forty levels of a list holding its predecessor twice: 2^40 values in a few bytes.
        var laughs: [UInt8] = [0x80, 2, 0x4B, 1]
        for _ in 0..<40 { laughs += [0x71, 0, 0x68, 0, 0x86] }
        #expect(throws: SerializationError.notImplemented("torch.load: the shared objects in this file expand to more values than pytorch-tutor loads")) {
            try Self.load(try file(laughs + [0x2E]))
        }
    }
}
