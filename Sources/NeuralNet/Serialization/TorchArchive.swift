/// The records of a `torch.save` archive, by their names inside its top-level folder, with
/// PyTorch's checks on opening (`PyTorchStreamReader`).
struct TorchArchive {
    let zip: ZipReader
    /// The top-level folder, taken from the first entry as PyTorch does.
    let prefix: String

    init(_ zip: ZipReader) throws(SerializationError) {
        self.zip = zip
        let first = zip.entries.first?.name ?? ""
        guard let slash = first.firstIndex(of: "/") else {
            throw .runtime("file in archive is not in a subdirectory: \(first)")
        }
        prefix = String(first[..<slash])
        let versionName = has("version") ? "version" : ".data/version"
        guard has(versionName) else {
            throw .runtime("Expected hasRecord(\"version\") to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)")
        }
        let text = String(decoding: try record(versionName), as: UTF8.self)
        guard let version = Self.parseVersion(text) else {
            throw .runtime("Couldn't parse the version \(text) as Long Long.")
        }
        if version < 1 {
            throw .runtime("Attempted to read a PyTorch file with version \(version), but the minimum supported version for reading is 1. Your PyTorch script module file is too old. Please regenerate it with latest version of PyTorch to mitigate this issue.")
        }
        if version > TorchFile.maxVersion {
            throw .runtime("Attempted to read a PyTorch file with version \(version), but the maximum supported version for reading is \(TorchFile.maxVersion). The version of your PyTorch installation may be too old, please upgrade PyTorch to latest version to mitigate this issue.")
        }
    }

    func has(_ name: String) -> Bool { zip.entry(named: "\(prefix)/\(name)") != nil }

    /// The bytes of record `name`, or PyTorch's "failed locating file" error.
    func record(_ name: String) throws(SerializationError) -> ArraySlice<UInt8> {
        guard let entry = zip.entry(named: "\(prefix)/\(name)") else { throw .missingRecord(name) }
        return try zip.data(of: entry, recordName: name)
    }

    /// `std::stoll`: optional leading blanks and sign, then at least one digit; the rest is ignored.
    static func parseVersion(_ text: String) -> Int? {
        var rest = Substring(text).drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        var sign = 1
        if let first = rest.first, first == "-" || first == "+" {
            sign = first == "-" ? -1 : 1
            rest = rest.dropFirst()
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let value = Int(digits) else { return nil }
        return sign * value
    }
}
