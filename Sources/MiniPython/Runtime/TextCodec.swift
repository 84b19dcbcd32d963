/// The text encodings `open()` supports: UTF-8 (the default), ASCII and Latin-1, with the
/// `errors` handlers `strict`, `replace` and `ignore`.
///
/// In CPython: `Lib/encodings/` and the codec registry; the error texts are those of
/// `UnicodeDecodeError.__str__` and `UnicodeEncodeError.__str__`.
struct TextCodec {
    enum Kind { case utf8, ascii, latin1 }
    enum ErrorHandler: String { case strict, replace, ignore }

    let kind: Kind
    let errors: ErrorHandler

    /// UTF-8 with `errors='strict'`.
    static let utf8 = TextCodec(kind: .utf8, errors: .strict)

    init(kind: Kind, errors: ErrorHandler) {
        self.kind = kind
        self.errors = errors
    }

    /// The codec for an encoding name as `open()` takes it (`'utf-8'`, `'UTF8'`, `'latin_1'`);
    /// nil for an unknown name or error handler.
    init?(encoding: String, errors: String) {
        let normalized = String(encoding.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
        switch normalized {
        case "utf-8", "utf8", "u8", "utf", "cp65001": kind = .utf8
        case "ascii", "us-ascii", "646": kind = .ascii
        case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859", "cp819", "l1", "latin": kind = .latin1
        default: return nil
        }
        guard let handler = ErrorHandler(rawValue: errors) else { return nil }
        self.errors = handler
    }

    /// The codec's name in error messages (`'utf-8' codec can't decode ...`).
    var name: String {
        switch kind {
        case .utf8: return "utf-8"
        case .ascii: return "ascii"
        case .latin1: return "latin-1"
        }
    }

    /// How many bytes the character starting with `lead` takes (1 for an invalid lead byte;
    /// decoding reports it).
    func width(ofCharacterStartingWith lead: UInt8) -> Int {
        guard kind == .utf8 else { return 1 }
        switch lead {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 1
        }
    }

    // MARK: - Decoding

    func decode(_ bytes: ArraySlice<UInt8>) throws(PyError) -> String {
        switch kind {
        case .latin1:
            var out = String.UnicodeScalarView()
            for b in bytes { out.append(Unicode.Scalar(b)) }
            return String(out)
        case .ascii:
            if let bad = bytes.firstIndex(where: { $0 >= 0x80 }) {
                if errors == .strict {
                    throw decodeError(bytes[bad], at: bad - bytes.startIndex, "ordinal not in range(128)")
                }
                var out = String.UnicodeScalarView()
                for b in bytes {
                    if b < 0x80 { out.append(Unicode.Scalar(b)) } else if errors == .replace { out.append("\u{FFFD}") }
                }
                return String(out)
            }
            return String(decoding: bytes, as: UTF8.self)
        case .utf8:
            if let text = String(validating: bytes, as: UTF8.self) { return text }
            return try decodeInvalidUTF8(bytes)
        }
    }

    /// The slow path for bytes that are not valid UTF-8: CPython's error for `strict`, else
    /// each bad byte replaced (`replace`) or dropped (`ignore`).
    private func decodeInvalidUTF8(_ bytes: ArraySlice<UInt8>) throws(PyError) -> String {
        var out = String.UnicodeScalarView()
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let lead = bytes[i]
            let width = width(ofCharacterStartingWith: lead)
            if lead < 0x80 {
                out.append(Unicode.Scalar(lead))
                i += 1
                continue
            }
            let end = min(i + width, bytes.endIndex)
            if width > 1, let scalar = String(validating: bytes[i..<end], as: UTF8.self)?.unicodeScalars.first,
               end - i == width {
                out.append(scalar)
                i = end
                continue
            }
            // The bad sequence: the lead byte plus the continuation bytes that fit it.
            var stop = i + 1
            if width > 1 {
                while stop < end, (bytes[stop] & 0xC0) == 0x80, isValidPrefix(bytes[i...stop]) { stop += 1 }
            }
            if errors == .strict {
                let reason = width == 1 ? "invalid start byte"
                    : (stop == bytes.endIndex ? "unexpected end of data" : "invalid continuation byte")
                let position = i - bytes.startIndex
                let message = stop - i > 1 && reason != "invalid start byte"
                    ? "'utf-8' codec can't decode bytes in position \(position)-\(position + stop - i - 1): \(reason)"
                    : "'utf-8' codec can't decode byte 0x\(hex(lead)) in position \(position): \(reason)"
                throw PyError(type: .unicodeDecodeError, message: message)
            }
            if errors == .replace { out.append("\u{FFFD}") }
            i = stop
        }
        return String(out)
    }

    /// True when the bytes can still start a valid UTF-8 sequence (the continuation-byte
    /// ranges after E0, ED, F0 and F4 are narrower than 80...BF).
    private func isValidPrefix(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count >= 2 else { return true }
        let lead = bytes[bytes.startIndex], second = bytes[bytes.startIndex + 1]
        switch lead {
        case 0xE0: return second >= 0xA0
        case 0xED: return second <= 0x9F
        case 0xF0: return second >= 0x90
        case 0xF4: return second <= 0x8F
        default: return true
        }
    }

    private func decodeError(_ byte: UInt8, at position: Int, _ reason: String) -> PyError {
        PyError(type: .unicodeDecodeError,
                message: "'\(name)' codec can't decode byte 0x\(hex(byte)) in position \(position): \(reason)")
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }

    // MARK: - Encoding

    func encode(_ text: String) throws(PyError) -> [UInt8] {
        let limit: UInt32
        switch kind {
        case .utf8: return Array(text.utf8)
        case .ascii: limit = 0x80
        case .latin1: limit = 0x100
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for (position, scalar) in text.unicodeScalars.enumerated() {
            if scalar.value < limit {
                out.append(UInt8(scalar.value))
                continue
            }
            switch errors {
            case .strict:
                throw PyError(type: .unicodeEncodeError,
                              message: "'\(name)' codec can't encode character '\(escaped(scalar))' in position \(position): ordinal not in range(\(limit))")
            case .replace: out.append(UInt8(ascii: "?"))
            case .ignore: break
            }
        }
        return out
    }

    /// `'\xe9'`, `'\u20ac'`: how CPython names the character it cannot encode.
    private func escaped(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16)
        if scalar.value < 0x100 { return "\\x" + String(repeating: "0", count: 2 - digits.count) + digits }
        if scalar.value < 0x10000 { return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits }
        return "\\U" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}
