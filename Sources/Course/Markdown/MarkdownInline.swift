/// A run of text with one inline style.
public struct InlineSpan: Equatable, Sendable {
    public var text: String
    public var style: InlineStyle

    public init(_ text: String, _ style: InlineStyle = []) {
        self.text = text
        self.style = style
    }
}

/// The inline styles of Markdown text; they nest (`**bold `code`**`).
public struct InlineStyle: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `**strong**` or `__strong__`
    public static let strong = InlineStyle(rawValue: 1)
    /// `*emphasis*` or `_emphasis_`
    public static let emphasis = InlineStyle(rawValue: 2)
    /// `` `code` ``
    public static let code = InlineStyle(rawValue: 4)
    /// `[text](url)`: the text is kept, the address dropped.
    public static let link = InlineStyle(rawValue: 8)
}

/// Splits a block's text into styled spans: code spans, strong and emphasis (with `*` or
/// `_`; an `_` inside a word such as `requires_grad` stays literal), links and images (their
/// text), and backslash escapes. Unmatched markers are kept as text.
public enum MarkdownInline {
    public static func spans(_ text: String) -> [InlineSpan] {
        var builder = SpanBuilder()
        parse(Array(text), style: [], into: &builder)
        return builder.spans
    }

    /// The text without its markup.
    public static func plainText(_ text: String) -> String {
        spans(text).map(\.text).joined()
    }

    private static func parse(_ chars: [Character], style: InlineStyle, into builder: inout SpanBuilder) {
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, chars[i + 1].isPunctuation || chars[i + 1].isSymbol {
                builder.append(chars[i + 1], style)
                i += 2
            } else if c == "`", let (content, end) = codeSpan(chars, at: i) {
                builder.append(content, style.union(.code))
                i = end
            } else if c == "*" || c == "_", let (inner, extra, end) = delimited(chars, at: i) {
                parse(inner, style: style.union(extra), into: &builder)
                i = end
            } else if c == "[" || (c == "!" && i + 1 < chars.count && chars[i + 1] == "["),
                      let (label, end) = link(chars, at: c == "!" ? i + 1 : i) {
                parse(label, style: style.union(.link), into: &builder)
                i = end
            } else {
                builder.append(c, style)
                i += 1
            }
        }
    }

    /// A code span: a run of backticks, the content, the same run; the content's single
    /// surrounding spaces are stripped.
    private static func codeSpan(_ chars: [Character], at start: Int) -> (String, Int)? {
        var run = 0
        while start + run < chars.count, chars[start + run] == "`" { run += 1 }
        var i = start + run
        while i < chars.count {
            if chars[i] == "`" {
                var close = 0
                while i + close < chars.count, chars[i + close] == "`" { close += 1 }
                if close == run {
                    var content = String(chars[(start + run)..<i])
                    if content.count >= 2, content.first == " ", content.last == " " {
                        content = String(content.dropFirst().dropLast())
                    }
                    return (content, i + close)
                }
                i += close
            } else {
                i += 1
            }
        }
        return nil
    }

    /// `*x*`, `**x**`, `***x***` (and `_` forms): the inner characters, the style, the end.
    private static func delimited(_ chars: [Character], at start: Int) -> ([Character], InlineStyle, Int)? {
        let mark = chars[start]
        var run = 0
        while start + run < chars.count, chars[start + run] == mark { run += 1 }
        guard run <= 3, start + run < chars.count, !chars[start + run].isWhitespace else { return nil }
        if mark == "_", start > 0, chars[start - 1].isLetter || chars[start - 1].isNumber { return nil }
        var i = start + run
        while i < chars.count {
            if chars[i] == "`", let (_, end) = codeSpan(chars, at: i) { i = end; continue }
            if chars[i] == mark {
                var close = 0
                while i + close < chars.count, chars[i + close] == mark { close += 1 }
                let after = i + close
                let closes = close == run && !chars[i - 1].isWhitespace
                    && (mark == "*" || after == chars.count || !(chars[after].isLetter || chars[after].isNumber))
                if closes {
                    let style: InlineStyle = run == 1 ? .emphasis : run == 2 ? .strong : [.strong, .emphasis]
                    return (Array(chars[(start + run)..<i]), style, after)
                }
                i += close
            } else {
                i += 1
            }
        }
        return nil
    }

    /// `[label](address)`: the label and the index after `)`.
    private static func link(_ chars: [Character], at start: Int) -> ([Character], Int)? {
        var depth = 0
        var i = start
        while i < chars.count {
            if chars[i] == "[" { depth += 1 }
            if chars[i] == "]" {
                depth -= 1
                if depth == 0 { break }
            }
            i += 1
        }
        guard i + 1 < chars.count, chars[i + 1] == "(" else { return nil }
        guard let close = chars[(i + 1)...].firstIndex(of: ")") else { return nil }
        return (Array(chars[(start + 1)..<i]), close + 1)
    }
}

/// Collects characters into spans, merging neighbours of the same style.
private struct SpanBuilder {
    var spans: [InlineSpan] = []

    mutating func append(_ c: Character, _ style: InlineStyle) { append(String(c), style) }

    mutating func append(_ text: String, _ style: InlineStyle) {
        guard !text.isEmpty else { return }
        if let last = spans.last, last.style == style {
            spans[spans.count - 1].text += text
        } else {
            spans.append(InlineSpan(text, style))
        }
    }
}
