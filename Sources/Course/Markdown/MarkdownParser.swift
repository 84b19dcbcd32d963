/// Splits Markdown lines into ``MarkdownBlock``s, keeping each block's line number.
///
/// A small line-based reader for the subset lessons use (see ``MarkdownBlock``), in the
/// spirit of CommonMark's block phase: headings, fences, quotes, rules, list items and
/// tables start a new block; text lines continue a paragraph or a list item; a blank line
/// ends a paragraph. HTML comments (`<!-- ... -->`) are notes for writers and are skipped.
struct MarkdownParser {
    private let lines: [Substring]
    private let firstLine: Int
    private let file: String
    private var index = 0

    /// - Parameters:
    ///   - lines: the text to parse.
    ///   - firstLine: the file line number of `lines[0]`.
    ///   - file: the file name for errors.
    init(lines: [Substring], firstLine: Int, file: String) {
        self.lines = lines
        self.firstLine = firstLine
        self.file = file
    }

    /// All blocks, in order.
    ///
    /// - Throws: ``LessonError`` for a code fence that is never closed or a comment that never ends.
    mutating func parse() throws(LessonError) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        while index < lines.count {
            let line = lines[index]
            if isBlank(line) {
                index += 1
            } else if line.trimmingLeadingSpaces.hasPrefix("<!--") {
                try skipComment()
            } else if let fence = Fence(line) {
                blocks.append(.code(try readCode(fence)))
            } else if let heading = Heading(line) {
                blocks.append(.heading(level: heading.level, text: heading.text, line: lineNumber))
                index += 1
            } else if isRule(line) {
                blocks.append(.rule(line: lineNumber))
                index += 1
            } else if line.trimmingLeadingSpaces.hasPrefix(">") {
                blocks.append(readQuote())
            } else if line.trimmingLeadingSpaces.hasPrefix("|") {
                blocks.append(readTable())
            } else if ListMarker(line) != nil {
                blocks.append(readList())
            } else {
                blocks.append(readParagraph())
            }
        }
        return blocks
    }

    private var lineNumber: Int { firstLine + index }

    // MARK: - Blocks

    private mutating func skipComment() throws(LessonError) {
        let start = lineNumber
        while index < lines.count {
            defer { index += 1 }
            if lines[index].contains("-->") { return }
        }
        throw LessonError(file: file, line: start, message: "HTML comment is never closed (missing -->)")
    }

    private mutating func readCode(_ fence: Fence) throws(LessonError) -> CodeBlock {
        let fenceLine = lineNumber
        index += 1
        var code: [Substring] = []
        while index < lines.count {
            let line = lines[index]
            index += 1
            if fence.isClosed(by: line) {
                return CodeBlock(language: fence.language, tags: fence.tags,
                                 code: code.joined(separator: "\n"), fenceLine: fenceLine)
            }
            code.append(line.droppingSpaces(upTo: fence.indent))
        }
        throw LessonError(file: file, line: fenceLine,
                          message: "code block is never closed (missing \(String(repeating: fence.character, count: fence.length)))")
    }

    private mutating func readQuote() -> MarkdownBlock {
        let start = lineNumber
        var parts: [String] = []
        while index < lines.count, lines[index].trimmingLeadingSpaces.hasPrefix(">") {
            let text = lines[index].trimmingLeadingSpaces.dropFirst().trimmingSpaces
            if !text.isEmpty { parts.append(String(text)) }
            index += 1
        }
        return .quote(parts.joined(separator: " "), line: start)
    }

    private mutating func readTable() -> MarkdownBlock {
        let start = lineNumber
        var rows: [String] = []
        while index < lines.count, lines[index].trimmingLeadingSpaces.hasPrefix("|") {
            rows.append(String(lines[index].trimmingSpaces))
            index += 1
        }
        return .verbatim(rows, line: start)
    }

    private mutating func readList() -> MarkdownBlock {
        let start = lineNumber
        var items: [ListItem] = []
        var indents: [Int] = []
        while index < lines.count {
            let line = lines[index]
            if let marker = ListMarker(line) {
                while let last = indents.last, last >= marker.indent { indents.removeLast() }
                items.append(ListItem(text: String(marker.text), depth: indents.count, number: marker.number))
                indents.append(marker.indent)
                index += 1
            } else if isBlank(line) {
                // A blank line ends the list unless an indented line or another item follows.
                guard index + 1 < lines.count else { index += 1; break }
                let next = lines[index + 1]
                if ListMarker(next) == nil && next.leadingSpaces < 2 { break }
                index += 1
            } else if startsBlock(line) {
                break
            } else {
                items[items.count - 1].text += " " + line.trimmingSpaces
                index += 1
            }
        }
        return .list(items, line: start)
    }

    private mutating func readParagraph() -> MarkdownBlock {
        let start = lineNumber
        var parts: [Substring] = []
        while index < lines.count {
            let line = lines[index]
            if isBlank(line) || (!parts.isEmpty && startsBlock(line)) { break }
            parts.append(line.trimmingSpaces)
            index += 1
        }
        return .paragraph(parts.joined(separator: " "), line: start)
    }

    // MARK: - Line kinds

    private func startsBlock(_ line: Substring) -> Bool {
        let trimmed = line.trimmingLeadingSpaces
        return Fence(line) != nil || Heading(line) != nil || isRule(line) || trimmed.hasPrefix(">")
            || trimmed.hasPrefix("|") || trimmed.hasPrefix("<!--") || ListMarker(line) != nil
    }

    private func isBlank(_ line: Substring) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }

    private func isRule(_ line: Substring) -> Bool {
        let marks = line.filter { $0 != " " && $0 != "\r" }
        guard marks.count >= 3, let first = marks.first, "-*_".contains(first) else { return false }
        return line.leadingSpaces <= 3 && marks.allSatisfy { $0 == first }
    }
}

// MARK: - Line recognisers

/// An opening code fence: three or more backticks or tildes, then the info string.
private struct Fence {
    let character: Character
    let length: Int
    let indent: Int
    let language: String
    let tags: [String]

    init?(_ line: Substring) {
        indent = line.leadingSpaces
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let first = rest.first, first == "`" || first == "~" else { return nil }
        let run = rest.prefix { $0 == first }
        guard run.count >= 3 else { return nil }
        let info = rest.dropFirst(run.count).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
        if first == "`" && info.contains(where: { $0.contains("`") }) { return nil }
        character = first
        length = run.count
        language = info.first.map { String($0).lowercased() } ?? ""
        tags = info.dropFirst().map(String.init)
    }

    func isClosed(by line: Substring) -> Bool {
        let trimmed = line.trimmingSpaces
        return line.leadingSpaces <= 3 && trimmed.count >= length && trimmed.allSatisfy { $0 == character }
    }
}

/// `#` to `######`, a space, the text (closing `#`s removed).
private struct Heading {
    let level: Int
    let text: String

    init?(_ line: Substring) {
        guard line.leadingSpaces <= 3 else { return nil }
        let rest = line.trimmingLeadingSpaces
        let hashes = rest.prefix { $0 == "#" }
        guard (1...6).contains(hashes.count) else { return nil }
        let after = rest.dropFirst(hashes.count)
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
        var text = after.trimmingSpaces
        if text.allSatisfy({ $0 == "#" }) { text = "" }
        while text.hasSuffix("#"), text.dropLast().hasSuffix(" ") || text.dropLast().hasSuffix("#") {
            text = text.dropLast().trimmingSpaces
        }
        level = hashes.count
        self.text = String(text)
    }
}

/// `- item`, `* item`, `+ item`, `1. item` or `1) item`.
private struct ListMarker {
    let indent: Int
    let number: Int?
    let text: Substring

    init?(_ line: Substring) {
        indent = line.leadingSpaces
        let rest = line.dropFirst(indent)
        guard let first = rest.first else { return nil }
        if "-*+".contains(first) {
            let after = rest.dropFirst()
            guard after.first == " " || after.first == "\t" else { return nil }
            number = nil
            text = after.trimmingSpaces
            return
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard (1...9).contains(digits.count), let value = Int(digits) else { return nil }
        let after = rest.dropFirst(digits.count)
        guard let mark = after.first, mark == "." || mark == ")" else { return nil }
        let body = after.dropFirst()
        guard body.first == " " || body.first == "\t" else { return nil }
        number = value
        text = body.trimmingSpaces
    }
}

extension Substring {
    /// The number of leading spaces (a tab counts as four).
    var leadingSpaces: Int {
        var count = 0
        for character in self {
            if character == " " { count += 1 } else if character == "\t" { count += 4 } else { break }
        }
        return count
    }

    var trimmingLeadingSpaces: Substring { drop { $0 == " " || $0 == "\t" } }

    var trimmingSpaces: Substring {
        var text = trimmingLeadingSpaces
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return text
    }

    /// Removes up to `count` leading spaces (a code block's indentation under its fence).
    func droppingSpaces(upTo count: Int) -> Substring {
        var text = self
        var removed = 0
        while removed < count, text.first == " " {
            text = text.dropFirst()
            removed += 1
        }
        return text.last == "\r" ? text.dropLast() : text
    }
}
