/// A bad escape sequence, with CPython's message ("(unicode error) ..." / "(value error) ...").
struct EscapeError: Error {
    var message: String
}

/// Decodes the backslash escapes of a non-raw literal body into UTF-8 (for `str`) or raw bytes.
///
/// In CPython: `_PyUnicode_DecodeUnicodeEscapeInternal` and `_PyBytes_DecodeEscape`. Unknown
/// escapes such as `\d` stay as written; `\N{...}` is not supported (see `UNIMPLEMENTED`).
/// Lone surrogates (`\ud800`) cannot live in a Swift `String` and become U+FFFD.
func decodeEscapes(_ body: ArraySlice<UInt8>, isBytes: Bool) throws(EscapeError) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(body.count)
    var i = body.startIndex
    let end = body.endIndex
    // CPython reports positions as if non-ASCII characters were `\UXXXXXXXX` escapes.
    func position(_ index: Int) -> Int {
        var count = 0
        for j in body.startIndex..<index where body[j] & 0xC0 != 0x80 {
            count += body[j] >= 0x80 ? 10 : 1
        }
        return count
    }
    while i < end {
        let byte = body[i]
        guard byte == UInt8(ascii: "\\"), i + 1 < end else {
            out.append(byte)
            i += 1
            continue
        }
        let escapeStart = i
        let letter = body[i + 1]
        i += 2
        switch letter {
        case UInt8(ascii: "\n"): break
        case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): out.append(letter)
        case UInt8(ascii: "a"): out.append(0x07)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "v"): out.append(0x0B)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var value = UInt32(letter - UInt8(ascii: "0"))
            var count = 1
            while count < 3 && i < end && body[i] >= UInt8(ascii: "0") && body[i] <= UInt8(ascii: "7") {
                value = value * 8 + UInt32(body[i] - UInt8(ascii: "0"))
                i += 1
                count += 1
            }
            if isBytes { out.append(UInt8(value & 0xFF)) } else { appendScalar(value, to: &out) }
        case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
            if isBytes && letter != UInt8(ascii: "x") {  // `\u` means nothing in bytes
                out.append(UInt8(ascii: "\\"))
                out.append(letter)
                continue
            }
            let width = letter == UInt8(ascii: "x") ? 2 : letter == UInt8(ascii: "u") ? 4 : 8
            var value: UInt32 = 0
            var count = 0
            while count < width && i < end, let digit = hexValue(body[i]) {
                value = value * 16 + digit
                i += 1
                count += 1
            }
            if count < width {
                if isBytes {
                    throw EscapeError(message: "(value error) invalid \\x escape at position \(position(escapeStart))")
                }
                let name = letter == UInt8(ascii: "x") ? "\\xXX" : letter == UInt8(ascii: "u") ? "\\uXXXX" : "\\UXXXXXXXX"
                throw EscapeError(message: "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                    + "\(position(escapeStart))-\(position(escapeStart) + 1 + count): truncated \(name) escape")
            }
            if isBytes {
                out.append(UInt8(value))
            } else if value > 0x10FFFF {
                throw EscapeError(message: "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                    + "\(position(escapeStart))-\(position(escapeStart) + 1 + count): illegal Unicode character")
            } else {
                appendScalar(value, to: &out)
            }
        case UInt8(ascii: "N") where !isBytes:
            throw EscapeError(message: UNIMPLEMENTED.namedUnicodeEscape.message)
        default:
            out.append(UInt8(ascii: "\\"))
            out.append(letter)
        }
    }
    return out
}

private func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
}

private func appendScalar(_ value: UInt32, to out: inout [UInt8]) {
    let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
    out.append(contentsOf: String(scalar).utf8)
}
