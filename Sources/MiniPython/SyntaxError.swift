/// A `SyntaxError` (or its subclasses `IndentationError` and `TabError`) found while lexing or
/// parsing, worded like CPython 3.11.
///
/// Positions are kept as ``SourceLocation``s (UTF-8 byte columns); `offset` and `endOffset`
/// give CPython's 1-based character offsets, computed against `text`.
public struct SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The Python exception class raised.
    public enum Kind: String, Hashable, Sendable {
        case syntaxError = "SyntaxError"
        case indentationError = "IndentationError"
        case tabError = "TabError"
    }

    public var kind: Kind
    public var message: String
    /// Where the error starts.
    public var location: SourceLocation
    /// Where the highlighted range ends (exclusive), if CPython reports a range.
    public var end: SourceLocation?
    /// The file name shown in tracebacks; `parse` fills it in.
    public var filename: String
    /// The offending source line without its line break; `parse` fills it in.
    public var text: String?

    public init(_ message: String, at location: SourceLocation, end: SourceLocation? = nil,
                kind: Kind = .syntaxError, filename: String = "<unknown>", text: String? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
        self.end = end
        self.filename = filename
        self.text = text
    }

    /// The 1-based line number (`SyntaxError.lineno`).
    public var lineno: Int { location.line }

    /// The 1-based character offset (`SyntaxError.offset`).
    public var offset: Int { characterOffset(ofByteColumn: location.column) }

    /// The 1-based character offset where the highlighted range ends, when it ends on the same line.
    public var endOffset: Int? {
        guard let end, end.line == location.line, end.column > location.column else { return nil }
        return characterOffset(ofByteColumn: end.column)
    }

    private func characterOffset(ofByteColumn column: Int) -> Int {
        guard let text else { return column + 1 }
        let bytes = Array(text.utf8)
        var count = 0
        var index = 0
        while index < column && index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count + max(0, column - bytes.count) + 1
    }

    /// `SyntaxError: message`, the last line of a traceback.
    public var description: String { "\(kind.rawValue): \(message)" }

    /// The whole report CPython prints for an uncaught syntax error:
    /// `  File "x.py", line 3`, the stripped source line, a caret line, then `description`.
    public func formatted() -> String {
        var out = "  File \"\(filename)\", line \(lineno)\n"
        if let text {
            let left = text.drop(while: { $0 == " " || $0 == "\u{0C}" })
            let spaces = text.count - left.count
            out += "    \(left)\n"
            let start = offset - 1 - spaces
            let stop = (endOffset ?? offset + 1) - 1 - spaces
            if start >= 0 {
                let pad = left.prefix(start).map { $0.isWhitespace ? String($0) : " " }.joined()
                out += "    \(pad)\(String(repeating: "^", count: max(1, stop - start)))\n"
            }
        }
        return out + description
    }
}
