/// A position in Python source text.
///
/// `line` is 1-based and `column` is a 0-based offset in UTF-8 bytes from the start of the line,
/// exactly like CPython's `ast` `lineno`/`col_offset`. `SyntaxError.offset` converts a column to
/// CPython's 1-based character offset.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// The span of a token or AST node: `start` is the first byte, `end` is one past the last byte
/// (CPython's `end_lineno`/`end_col_offset`).
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// The 1-based line the node starts on (what a traceback prints).
    public var line: Int { start.line }
    /// The 0-based UTF-8 column the node starts at.
    public var column: Int { start.column }
    /// The 1-based line the node ends on.
    public var endLine: Int { end.line }

    public var description: String { "\(start)-\(end)" }
}
