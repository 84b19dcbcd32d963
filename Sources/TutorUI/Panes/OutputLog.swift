/// What the output pane shows, as a list of entries (text for now; a chart or an image is
/// meant to be one more kind of entry that renders itself to rows, updated in place while a
/// training loop logs to it).
struct OutputLog {
    /// One logical line of output and how it is shown.
    struct Line: Equatable {
        var text: String
        var role: Role
    }

    /// Complete lines, oldest first.
    private(set) var lines: [Line] = []
    /// How many complete lines were ever appended (dropped ones included).
    private(set) var appended = 0
    /// Text after the last newline of a stream, not yet a complete line.
    private var partial: Line?
    /// The most lines kept; older ones are dropped.
    let capacity: Int
    /// Bumped by ``clear()``, so wrapped copies know to start over.
    private(set) var generation = 0

    init(capacity: Int = 10_000) { self.capacity = capacity }

    /// Appends streamed text (it may end mid-line).
    mutating func write(_ text: String, role: Role) {
        var pending = partial.flatMap { $0.role == role ? $0.text : nil } ?? ""
        if let open = partial, open.role != role { append(open) }
        partial = nil
        for character in text {
            if character == "\n" {
                append(Line(text: pending, role: role))
                pending = ""
            } else if character != "\r" {
                pending.append(character)
            }
        }
        if !pending.isEmpty { partial = Line(text: pending, role: role) }
    }

    /// Appends whole lines (a header, a result, a traceback).
    mutating func add(_ text: String, role: Role) {
        if let open = partial {
            append(open)
            partial = nil
        }
        var body = Substring(text)
        while body.hasSuffix("\n") { body = body.dropLast() }
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            append(Line(text: String(line), role: role))
        }
    }

    mutating func clear() {
        lines = []
        appended = 0
        partial = nil
        generation += 1
    }

    /// The unfinished last line, if any.
    var unfinished: Line? { partial }

    private mutating func append(_ line: Line) {
        lines.append(line)
        appended += 1
        if lines.count > capacity { lines.removeFirst(lines.count - capacity) }
    }
}

/// The log's rows at one width (long lines wrap at spaces), updated incrementally: only lines appended since the last
/// update are wrapped, so a long training log costs the same per frame as a short one.
struct WrappedLog {
    private(set) var width = 0
    private var generation = 0
    private var appended = 0
    /// Rows of the complete lines, and how many rows each line took.
    private var rows: [StyledLine] = []
    private var rowCounts: [Int] = []
    /// Rows of the unfinished last line.
    private var tail: [StyledLine] = []

    var count: Int { rows.count + tail.count }

    subscript(index: Int) -> StyledLine { index < rows.count ? rows[index] : tail[index - rows.count] }

    mutating func update(_ log: OutputLog, width: Int) {
        if width != self.width || log.generation != generation {
            self = WrappedLog()
            self.width = width
            generation = log.generation
        }
        let fresh = min(log.appended - appended, log.lines.count)
        for line in log.lines.suffix(fresh) {
            let wrapped = StyledLine(line.text, line.role).wrapped(width: width)
            rows += wrapped
            rowCounts.append(wrapped.count)
        }
        appended = log.appended
        let dropped = rowCounts.count - log.lines.count
        if dropped > 0 {
            rows.removeFirst(rowCounts.prefix(dropped).reduce(0, +))
            rowCounts.removeFirst(dropped)
        }
        tail = log.unfinished.map { StyledLine($0.text, $0.role).wrapped(width: width) } ?? []
    }
}
