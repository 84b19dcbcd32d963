import TensorEngine

/// PyTorch's `.pt` file format, as `torch.save` (since PyTorch 1.6) writes it and
/// `torch.load` reads it: a zip archive holding a protocol 2 pickle (`data.pkl`) whose
/// tensors refer to raw storage records (`data/0`, `data/1`, ...).
///
/// ```swift
/// let bytes = try TorchFile.save(.dict(TorchDict([(.string("w"), .tensor(w, isParameter: false))])),
///                                archiveName: "model")
/// let back = try TorchFile.load(bytes, options: .init())
/// ```
/// Files written here load in real PyTorch, `weights_only=True` included; files written by
/// PyTorch load here when they hold what ``TorchValue`` can express. Damaged or foreign
/// files raise PyTorch's errors; no input traps.
public enum TorchFile {
    /// How deep a saved or loaded object may nest (Python's default recursion limit).
    public static let maxDepth = 1000

    /// Where `torch.load` puts each storage, from its `map_location` argument.
    public enum LocationMap: Sendable {
        /// `None`: storages return to the device they were saved from.
        case saved
        /// A device (`'cpu'`, `torch.device('cuda')`): every storage goes there.
        case device(String)
        /// A dict from saved locations to new ones; others stay where they were saved.
        case table([String: String])
        /// A function of the storage and its location. Without a GPU the storage it is
        /// given is already on the CPU, where an identity function (the usual
        /// `lambda storage, loc: storage`) leaves it.
        case function
    }

    /// The arguments of `torch.load` that change how a file is read.
    public struct LoadOptions: Sendable {
        /// Refuse every global but tensors, containers and numbers (PyTorch's default).
        public var weightsOnly: Bool
        public var mapLocation: LocationMap

        public init(weightsOnly: Bool = true, mapLocation: LocationMap = .saved) {
            self.weightsOnly = weightsOnly
            self.mapLocation = mapLocation
        }
    }

    /// The newest archive version PyTorch 2.15 reads (`kMaxSupportedFileFormatVersion`).
    static let maxVersion = 10

    /// The top-level folder `torch.save` gives the archive of `path`: the file name without
    /// its last extension (`runs/lin.pt` -> `lin`, `my.model.pth` -> `my.model`), or nil
    /// when that is empty (`.pt`, `dir/`), which PyTorch rejects as an invalid file name.
    public static func archiveName(forPath path: String) -> String? {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last
            .map { $0.split(separator: "\\", omittingEmptySubsequences: false).last ?? $0 } ?? ""
        let stem = name.lastIndex(of: ".").map { name[..<$0] } ?? name[...]
        return stem.isEmpty ? nil : String(stem)
    }

    // MARK: - Loading

    /// Reads a `.pt` file.
    ///
    /// - Throws: ``SerializationError`` in PyTorch's wording for every damaged, foreign or
    ///   unsupported file.
    public static func load(_ bytes: [UInt8], options: LoadOptions = LoadOptions()) throws(SerializationError) -> TorchValue {
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return try loadLegacy(bytes, options) }
        let archive = try TorchArchive(ZipReader(bytes))
        if archive.has("constants.pkl") {
            throw .notImplemented("this file was written by torch.jit.save (TorchScript), which pytorch-tutor cannot load")
        }
        var byteOrder = ByteOrder.little
        if archive.has("byteorder") {
            let text = String(decoding: try archive.record("byteorder"), as: UTF8.self)
            switch text {
            case "little": byteOrder = .little
            case "big": byteOrder = .big
            default: throw .value("Unknown endianness type: \(text)")
            }
        }
        let pickle = Array(try archive.record("data.pkl"))
        return try weightsOnlyWording(options.weightsOnly) { () throws(SerializationError) in
            var unpickler = Unpickler(pickle, weightsOnly: options.weightsOnly) { (module, name) throws(SerializationError) in
                try TorchGlobals.check(module, name, weightsOnly: options.weightsOnly)
            }
            let (graph, root) = try unpickler.load()
            var decoder = TorchDecoder(graph: graph, archive: archive, byteOrder: byteOrder, mapLocation: options.mapLocation)
            return try decoder.value(root, depth: 0)
        }
    }

    /// A file that is not a zip archive: PyTorch would read it in its legacy format, which
    /// starts with a pickled magic number. The tutor reports what PyTorch would find.
    private static func loadLegacy(_ bytes: [UInt8], _ options: LoadOptions) throws(SerializationError) -> TorchValue {
        try weightsOnlyWording(options.weightsOnly) { () throws(SerializationError) in
            var unpickler = Unpickler(bytes, weightsOnly: options.weightsOnly) { (module, name) throws(SerializationError) in
                try TorchGlobals.check(module, name, weightsOnly: options.weightsOnly)
            }
            let (graph, root) = try unpickler.load()
            let magic: [UInt8] = [0x6C, 0xFC, 0x9C, 0x46, 0xF9, 0x20, 0x6A, 0xA8, 0x50, 0x19]
            guard case .long(let value) = graph[root], value == magic else {
                throw .runtime("Invalid magic number; corrupt file?")
            }
            throw .notImplemented("this file is in PyTorch's legacy format (before 1.6, or _use_new_zipfile_serialization=False), which pytorch-tutor cannot read; save it again with a current torch.save")
        }
    }

    /// Runs `body`, wrapping its unpickling errors as `torch.load(weights_only=True)` does.
    private static func weightsOnlyWording<T>(_ weightsOnly: Bool, _ body: () throws(SerializationError) -> T) throws(SerializationError) -> T {
        do {
            return try body()
        } catch .unpickling(let message) where weightsOnly {
            throw .unpickling(TorchGlobals.weightsOnlyMessage(message))
        }
    }

    // MARK: - Saving

    /// Writes `value` as `torch.save` writes it, in an archive whose top-level folder is
    /// `archiveName` (see ``archiveName(forPath:)``), with a `byteorder` record unless
    /// `byteOrderRecord` is false (`_disable_byteorder_record=True`).
    ///
    /// - Throws: ``SerializationError/notImplemented(_:)`` for values nested deeper than
    ///   ``maxDepth`` or archives of 4 GiB or more.
    public static func save(_ value: TorchValue, archiveName: String, byteOrderRecord: Bool = true) throws(SerializationError) -> [UInt8] {
        var encoder = TorchEncoder()
        let root = try encoder.node(value, depth: 0)
        let pickle = Pickler.pickle(encoder.graph, root: root)
        let storageBytes = encoder.storages.reduce(0) { $0 + $1.storage.byteCount }
        var zip = ZipWriter(reservingCapacity: pickle.count + storageBytes + 200 * (encoder.storages.count + 8))
        var names: [String] = []
        func add(_ name: String, _ write: (inout [UInt8]) -> Void) throws(SerializationError) {
            try zip.add("\(archiveName)/\(name)", write)
            names.append(name)
        }
        try add("data.pkl") { $0.append(contentsOf: pickle) }
        try add(".format_version") { $0.append(contentsOf: Array("1".utf8)) }
        try add(".storage_alignment") { $0.append(contentsOf: Array("64".utf8)) }
        if byteOrderRecord { try add("byteorder") { $0.append(contentsOf: Array("little".utf8)) } }
        for (key, storage) in encoder.storages {
            try add("data/\(key)") { storage.appendBytes(to: &$0) }
        }
        try add("version") { $0.append(contentsOf: Array("3\n".utf8)) }
        let id = serializationID(names: names, checksum: zip.combinedChecksum)
        try add(".data/serialization_id") { $0.append(contentsOf: Array(id.utf8)) }
        return try zip.finish()
    }

    /// Note [Serialization id]
    /// PyTorch writes 40 digits: 20 for a hash of the record names and 20 for the CRC-32s of
    /// the records combined in write order. The second half matches PyTorch's exactly; the
    /// first uses FNV-1a where PyTorch uses its C++ standard library's string hash (and an
    /// unordered set's order), which no portable program can reproduce. Nothing reads it back.
    static func serializationID(names: [String], checksum: UInt64) -> String {
        var namesHash: UInt64 = 0
        for name in names {
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            namesHash = ZipWriter.hashCombine(namesHash, h)
        }
        func digits(_ v: UInt64) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, 20 - s.count)) + s
        }
        return digits(namesHash) + digits(checksum)
    }
}
