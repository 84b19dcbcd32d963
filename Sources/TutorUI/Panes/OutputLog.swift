import Charts

/// What the output pane shows, as a list of entries: lines of text, and charts and images
/// (``Visual``s) that render themselves to rows at the pane's width; a live chart is updated
/// in place while a training loop logs to it.
struct OutputLog {
    /// One logical line of output and how it is shown; a visual's line stands for all its rows.
    struct Line: Equatable {
        var text: String
        var role: Role
        /// The ``Visual`` this line shows, if it is one.
        var visual: Int? = nil
    }

    /// A figure, or the live chart of one `SummaryWriter`.
    struct Visual {
        enum Content {
            case figure(Figure)
            case board(ScalarBoard)
        }
        var content: Content
        /// Bumped at every change, so wrapped copies know to redraw it.
        var version = 0
        /// The absolute number of its line (counting dropped lines).
        let line: Int

        /// Its rows at `width` columns, at most `height` rows per chart (so a chart fits the pane).
        func rows(width: Int, height: Int, tier: ColorTier) -> [StyledLine] {
            let block: ChartBlock
            let rows = max(4, height)
            switch content {
            case .figure(let figure): block = FigureRenderer.render(figure, columns: min(width, 120), maxRows: min(30, rows), tier: tier)
            case .board(let board): block = board.render(columns: min(width, 120), rowsPerChart: min(14, rows), tier: tier)
            }
            return block.rows.map { row in
                var line = StyledLine()
                for cell in row { line.append(String(cell.character), .normal, foreground: cell.foreground, background: cell.background) }
                return line
            }
        }
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
    /// The charts and images of ``lines``, by id.
    private(set) var visuals: [Int: Visual] = [:]
    private var nextVisual = 0
    /// Where a terminal escape sequence split across writes stands (see ``write(_:role:)``).
    private var escape = EscapeState.none

    private enum EscapeState { case none, started, controlSequence }
    /// The visual of each `SummaryWriter` (by the bridge's writer id).
    private var boards: [Int: Int] = [:]

    init(capacity: Int = 10_000) { self.capacity = capacity }

    /// Appends streamed text (it may end mid-line).
    mutating func write(_ text: String, role: Role) {
        var pending = partial.flatMap { $0.role == role ? $0.text : nil } ?? ""
        if let open = partial, open.role != role { append(open) }
        partial = nil
        for character in text {
            // Programs may print terminal escapes (FrozenLake's ANSI render colours the agent's
            // cell): they are dropped, never drawn as raw bytes; so are other control characters.
            switch escape {
            case .started:
                escape = character == "[" ? .controlSequence : .none
                continue
            case .controlSequence:
                if let byte = character.asciiValue, (0x40...0x7E).contains(byte) { escape = .none }
                continue
            case .none:
                break
            }
            if character == "\n" || character == "\r\n" {
                append(Line(text: pending, role: role))
                pending = ""
            } else if character == "\u{1B}" {
                escape = .started
            } else if character == "\t" || !(character.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) {
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

    /// Appends a figure as an entry of its own.
    mutating func add(_ figure: Figure) {
        addVisual(.figure(figure))
    }

    /// Adds a logged point to its writer's live chart, which is created where the first point arrives.
    mutating func log(writer: Int, tag: String, step: Double, value: Double) {
        if let id = boards[writer], var visual = visuals.removeValue(forKey: id), case .board(var board) = visual.content {
            // Take the board out of the log first, so adding a point does not copy its arrays.
            visual.content = .figure(Figure())
            board.add(tag: tag, step: step, value: value)
            visual.content = .board(board)
            visual.version += 1
            visuals[id] = visual
            return
        }
        var board = ScalarBoard()
        board.add(tag: tag, step: step, value: value)
        boards[writer] = addVisual(.board(board))
    }

    @discardableResult
    private mutating func addVisual(_ content: Visual.Content) -> Int {
        if let open = partial {
            append(open)
            partial = nil
        }
        let id = nextVisual
        nextVisual += 1
        visuals[id] = Visual(content: content, line: appended)
        append(Line(text: "", role: .normal, visual: id))
        return id
    }

    mutating func clear() {
        lines = []
        appended = 0
        partial = nil
        visuals = [:]
        boards = [:]
        generation += 1
    }

    /// The unfinished last line, if any.
    var unfinished: Line? { partial }

    private mutating func append(_ line: Line) {
        lines.append(line)
        appended += 1
        if lines.count > capacity {
            for dropped in lines.prefix(lines.count - capacity) {
                if let id = dropped.visual { visuals[id] = nil }
            }
            lines.removeFirst(lines.count - capacity)
        }
    }
}

/// The log's rows at one width (long lines wrap at spaces), updated incrementally: only lines appended since the last
/// update are wrapped, so a long training log costs the same per frame as a short one.
struct WrappedLog {
    private(set) var width = 0
    /// The pane's height, which bounds a chart's.
    private(set) var height = 0
    /// How charts and images are drawn.
    private(set) var tier = ColorTier.ansi256
    /// The version of each visual as drawn in ``rows``.
    private var drawnVersions: [Int: Int] = [:]
    private var generation = 0
    private var appended = 0
    /// Rows of the complete lines, and how many rows each line took.
    private var rows: [StyledLine] = []
    private var rowCounts: [Int] = []
    /// Rows of the unfinished last line.
    private var tail: [StyledLine] = []

    var count: Int { rows.count + tail.count }

    subscript(index: Int) -> StyledLine { index < rows.count ? rows[index] : tail[index - rows.count] }

    mutating func update(_ log: OutputLog, width: Int, height: Int = 24, tier: ColorTier = .ansi256) {
        if width != self.width || height != self.height || log.generation != generation || tier != self.tier {
            self = WrappedLog()
            self.width = width
            self.height = height
            self.tier = tier
            generation = log.generation
        }
        let fresh = min(log.appended - appended, log.lines.count)
        for line in log.lines.suffix(fresh) {
            let wrapped: [StyledLine]
            if let id = line.visual, let visual = log.visuals[id] {
                wrapped = visual.rows(width: width, height: height, tier: tier)
                drawnVersions[id] = visual.version
            } else {
                wrapped = StyledLine(line.text, line.role).wrapped(width: width)
            }
            rows += wrapped
            rowCounts.append(wrapped.count)
        }
        appended = log.appended
        let dropped = rowCounts.count - log.lines.count
        if dropped > 0 {
            rows.removeFirst(rowCounts.prefix(dropped).reduce(0, +))
            rowCounts.removeFirst(dropped)
        }
        redrawChangedVisuals(log)
        tail = log.unfinished.map { StyledLine($0.text, $0.role).wrapped(width: width) } ?? []
    }

    /// Re-renders the visuals that changed since they were drawn (a live chart), in place.
    private mutating func redrawChangedVisuals(_ log: OutputLog) {
        let firstLine = log.appended - log.lines.count
        for (id, visual) in log.visuals where drawnVersions[id] != visual.version {
            drawnVersions[id] = visual.version
            let index = visual.line - firstLine
            guard index >= 0, index < rowCounts.count else { continue }
            let start = rowCounts.prefix(index).reduce(0, +)
            let fresh = visual.rows(width: width, height: height, tier: tier)
            rows.replaceSubrange(start..<(start + rowCounts[index]), with: fresh)
            rowCounts[index] = fresh.count
        }
        drawnVersions = drawnVersions.filter { log.visuals[$0.key] != nil }
    }
}
