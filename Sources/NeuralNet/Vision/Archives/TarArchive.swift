/// The members of a tar archive (POSIX ustar, with GNU long names and pax `path` records).
///
/// ```swift
/// let tar = try TarArchive(bytes)
/// let batch = tar.contents(of: "cifar-10-batches-bin/data_batch_1.bin")
/// ```
public struct TarArchive {
    /// One member: its path (without a trailing `/`) and where its bytes lie in the archive.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var offset: Int
        public var size: Int
        /// Whether the member is a regular file (not a directory or link).
        public var isFile: Bool
    }

    public let bytes: [UInt8]
    public private(set) var entries: [Entry] = []

    /// Reads the member list of the archive in `bytes`.
    ///
    /// - Throws: `VisionError.corrupt` for a bad header checksum, a bad size or a member that
    ///   runs past the end.
    public init(_ bytes: [UInt8]) throws(VisionError) {
        self.bytes = bytes
        var position = 0
        var longName: String?
        while position + 512 <= bytes.count {
            let header = Array(bytes[position..<position + 512])
            if header.allSatisfy({ $0 == 0 }) { break }
            try Self.verifyChecksum(header, at: position)
            let size = try Self.number(header[124..<136], field: "size")
            let type = header[156]
            let dataStart = position + 512
            guard size <= bytes.count - dataStart else {
                throw VisionError.corrupt("tar archive is truncated: member at byte \(position) needs \(size) bytes")
            }
            let data = bytes[dataStart..<dataStart + size]
            switch type {
            case UInt8(ascii: "L"):
                longName = Self.string(data)
            case UInt8(ascii: "x"):
                longName = Self.paxPath(data) ?? longName
            case UInt8(ascii: "g"):
                break
            default:
                var name = Self.string(header[0..<100])
                if header[257..<262].elementsEqual("ustar".utf8) {
                    let prefix = Self.string(header[345..<500])
                    if !prefix.isEmpty { name = prefix + "/" + name }
                }
                let isFile = type == 0 || type == UInt8(ascii: "0") || type == UInt8(ascii: "7")
                var path = Substring(longName ?? name)
                while path.count > 1 && path.hasSuffix("/") { path = path.dropLast() }
                entries.append(Entry(name: String(path), offset: dataStart, size: size, isFile: isFile))
                longName = nil
            }
            position = dataStart + (size + 511) / 512 * 512
        }
    }

    /// The bytes of the regular file `name` (a leading `./` is ignored), or nil.
    public func contents(of name: String) -> [UInt8]? {
        let wanted = Self.normalized(name)
        guard let entry = entries.last(where: { $0.isFile && Self.normalized($0.name) == wanted }) else { return nil }
        return Array(bytes[entry.offset..<entry.offset + entry.size])
    }

    private static func normalized(_ name: String) -> String {
        var n = Substring(name)
        while n.hasPrefix("./") { n = n.dropFirst(2) }
        return String(n)
    }

    private static func string(_ field: ArraySlice<UInt8>) -> String {
        String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// An octal number field (or GNU base-256 when the high bit of the first byte is set).
    private static func number(_ field: ArraySlice<UInt8>, field name: String) throws(VisionError) -> Int {
        if let first = field.first, first & 0x80 != 0 {
            var v = 0
            for b in field.dropFirst() {
                guard v < Int.max >> 8 else { throw VisionError.corrupt("tar header has an out-of-range \(name)") }
                v = v << 8 | Int(b)
            }
            return v
        }
        var v = 0
        for b in field {
            if b == 0 || b == 32 { if v > 0 { break } else { continue } }
            guard b >= 48 && b <= 55, v < Int.max >> 3 else {
                throw VisionError.corrupt("tar header has an invalid \(name) field")
            }
            v = v * 8 + Int(b - 48)
        }
        return v
    }

    private static func verifyChecksum(_ header: [UInt8], at position: Int) throws(VisionError) {
        let stored = try number(header[148..<156], field: "checksum")
        var sum = 0
        for (i, b) in header.enumerated() { sum += (148..<156).contains(i) ? 32 : Int(b) }
        guard sum == stored else { throw VisionError.corrupt("tar archive is corrupt: bad header checksum at byte \(position)") }
    }

    /// The `path` of a pax extended header (`"<len> path=<value>\n"` records).
    private static func paxPath(_ data: ArraySlice<UInt8>) -> String? {
        let text = String(decoding: data, as: UTF8.self)
        for record in text.split(separator: "\n") {
            guard let space = record.firstIndex(of: " ") else { continue }
            let field = record[record.index(after: space)...]
            if field.hasPrefix("path=") { return String(field.dropFirst(5)) }
        }
        return nil
    }
}
