import Course

/// Turns a lesson's Markdown blocks into styled rows of a given width: wrapped prose with
/// inline styles, bulleted and numbered lists with hanging indents, quotes, rules, and code
/// blocks with the lesson's line numbers and Python highlighting.
enum MarkdownRenderer {
    static func render(_ blocks: [MarkdownBlock], width: Int) -> [StyledLine] {
        var rows: [StyledLine] = []
        for block in blocks {
            if !rows.isEmpty { rows.append(.empty) }
            rows += render(block, width: width)
        }
        return rows
    }

    static func render(_ block: MarkdownBlock, width: Int) -> [StyledLine] {
        switch block {
        case .heading(_, let text, _):
            return inline(text, base: .heading).wrapped(width: width)
        case .paragraph(let text, _):
            return inline(text).wrapped(width: width)
        case .list(let items, _):
            return items.flatMap { item -> [StyledLine] in
                let marker = item.number.map { "\($0). " } ?? "• "
                let indent = 2 * item.depth
                var line = StyledLine(String(repeating: " ", count: indent))
                line.append(marker, item.number == nil ? .dim : .normal)
                line.runs += inline(item.text).runs
                return line.wrapped(width: width, indent: indent + TextWidth.of(marker))
            }
        case .quote(let text, _):
            return inline(text, base: .quote).wrapped(width: max(1, width - 2)).map { row in
                StyledLine([StyledRun("▌ ", .dim)] + row.runs)
            }
        case .code(let code):
            return render(code, width: width)
        case .rule:
            return [StyledLine(String(repeating: "─", count: max(0, width)), .dim)]
        case .verbatim(let lines, _):
            return lines.flatMap { StyledLine($0).hardWrapped(width: width) }
        }
    }

    /// A code block with the lesson's line numbers (so they match tracebacks).
    static func render(_ code: CodeBlock, width: Int, lines override: String? = nil, firstLine: Int? = nil) -> [StyledLine] {
        let source = override ?? code.code
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let first = firstLine ?? code.firstLine
        let styled = code.isPython ? PythonHighlighter.highlight(lines) : lines.map { StyledLine(String($0), .code) }
        let digits = max(2, String(first + lines.count - 1).count)
        let gutter = digits + 3
        var rows: [StyledLine] = []
        for (offset, line) in styled.enumerated() {
            let number = String(first + offset)
            let pieces = line.hardWrapped(width: max(1, width - gutter))
            for (piece, row) in pieces.enumerated() {
                let label = piece == 0 ? String(repeating: " ", count: digits - number.count) + number : String(repeating: " ", count: digits)
                rows.append(StyledLine([StyledRun(label, .lineNumber), StyledRun(" │ ", .border)] + row.runs))
            }
        }
        return rows
    }

    /// Inline Markdown as a styled line; `base` is the role of unstyled text.
    static func inline(_ text: String, base: Role = .normal) -> StyledLine {
        var line = StyledLine()
        for span in MarkdownInline.spans(text) {
            let role: Role
            if span.style.contains(.code) {
                role = .inlineCode
            } else if base == .heading {
                role = .heading
            } else if span.style.contains(.strong) {
                role = .strong
            } else if span.style.contains(.emphasis) {
                role = .emphasis
            } else if span.style.contains(.link) {
                role = .link
            } else {
                role = base
            }
            line.append(span.text, role)
        }
        return line
    }
}
