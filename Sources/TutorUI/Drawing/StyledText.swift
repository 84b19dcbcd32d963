import Charts

/// A piece of text drawn with one role (and, in charts, exact colours).
public struct StyledRun: Equatable, Sendable {
    public var text: String
    public var role: Role
    public var foreground: RGB?
    public var background: RGB?

    public init(_ text: String, _ role: Role = .normal, foreground: RGB? = nil, background: RGB? = nil) {
        self.text = text
        self.role = role
        self.foreground = foreground
        self.background = background
    }
}

/// One screen row's worth of styled text (before clipping).
public struct StyledLine: Equatable, Sendable {
    public var runs: [StyledRun]

    public init(_ runs: [StyledRun] = []) { self.runs = runs }
    public init(_ text: String, _ role: Role = .normal) { self.runs = text.isEmpty ? [] : [StyledRun(text, role)] }

    /// The text without styles.
    public var text: String { runs.map(\.text).joined() }

    mutating func append(_ text: String, _ role: Role, foreground: RGB? = nil, background: RGB? = nil) {
        guard !text.isEmpty else { return }
        if let last = runs.last, last.role == role, last.foreground == foreground, last.background == background {
            runs[runs.count - 1].text += text
        } else {
            runs.append(StyledRun(text, role, foreground: foreground, background: background))
        }
    }

    static let empty = StyledLine()
}

// MARK: - Wrapping

extension StyledLine {
    /// Breaks the line into rows at most `width` columns wide, at spaces where possible;
    /// continuation rows start with `indent` spaces (a list item's hanging indent).
    func wrapped(width: Int, indent: Int = 0) -> [StyledLine] {
        guard width > 0 else { return [] }
        let cells = runs.flatMap { run in run.text.map { (character: $0, role: run.role) } }
        var rows: [StyledLine] = []
        var start = 0
        var first = true
        while start < cells.count {
            let lead = first ? 0 : min(indent, width - 1)
            let room = width - lead
            var end = start
            var used = 0
            var lastSpace: Int?
            while end < cells.count {
                let w = TextWidth.of(String(cells[end].character))
                if used + w > room { break }
                if cells[end].character == " " { lastSpace = end }
                used += w
                end += 1
            }
            if end == start { end = start + 1 }  // a character wider than the row
            var breakAt = end
            if end < cells.count, cells[end].character != " ", let space = lastSpace, space > start {
                breakAt = space
            }
            var row = StyledLine()
            if lead > 0 { row.append(String(repeating: " ", count: lead), .normal) }
            for cell in cells[start..<breakAt] { row.append(String(cell.character), cell.role) }
            rows.append(row)
            start = breakAt
            // The spaces a line breaks at are not carried to the next row.
            while start < cells.count, cells[start].character == " " { start += 1 }
            first = false
        }
        return rows.isEmpty ? [StyledLine()] : rows
    }

    /// Rows of at most `width` columns cut without looking for spaces (code, tracebacks).
    func hardWrapped(width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        var rows: [StyledLine] = [StyledLine()]
        var used = 0
        for run in runs {
            for character in run.text {
                let w = TextWidth.of(String(character))
                if used + w > width && used > 0 {
                    rows.append(StyledLine())
                    used = 0
                }
                rows[rows.count - 1].append(String(character), run.role)
                used += w
            }
        }
        return rows
    }
}
