/// One block of a lesson's Markdown, with the line it starts on (1-based) so the tutor can
/// point into the lesson file.
///
/// Only the subset lessons use is recognised: ATX headings, paragraphs, lists (nested by
/// indentation), block quotes, fenced code, thematic breaks and tables (kept verbatim).
/// Inline markup stays in the text; ``MarkdownInline`` splits it into styled spans.
public enum MarkdownBlock: Equatable, Sendable {
    /// `#` … `######` headings.
    case heading(level: Int, text: String, line: Int)
    /// Consecutive text lines, joined by spaces.
    case paragraph(String, line: Int)
    /// A list: each item's text (continuation lines joined), its nesting depth and, for an
    /// ordered list, its number.
    case list([ListItem], line: Int)
    /// `> ` lines, joined.
    case quote(String, line: Int)
    /// A fenced code block.
    case code(CodeBlock)
    /// `---`, `***` or `___` on its own line.
    case rule(line: Int)
    /// Lines shown as they are (tables).
    case verbatim([String], line: Int)

    /// The first line of the block in the lesson file.
    public var line: Int {
        switch self {
        case .heading(_, _, let line), .paragraph(_, let line), .list(_, let line), .quote(_, let line),
             .rule(let line), .verbatim(_, let line):
            return line
        case .code(let block):
            return block.fenceLine
        }
    }
}

/// One item of a Markdown list.
public struct ListItem: Equatable, Sendable {
    /// The item's text with inline markup, continuation lines joined by spaces.
    public var text: String
    /// 0 for a top-level item, 1 for an item nested under it, and so on.
    public var depth: Int
    /// The item's number in an ordered list (`1.`), nil for a bullet.
    public var number: Int?

    public init(text: String, depth: Int, number: Int?) {
        self.text = text
        self.depth = depth
        self.number = number
    }
}
