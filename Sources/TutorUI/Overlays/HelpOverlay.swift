/// The full key map, built from ``KeyMap`` (so it can never disagree with the keys), drawn
/// over the panes; it scrolls when the terminal is short.
struct HelpOverlay {
    private var scroller = Scroller()
    private var height = 1
    private var width = 80

    /// The width of the keys column.
    private static let keyColumn = 16

    /// The help text as rows `width` wide: one section per key context.
    static func rows(width: Int) -> [StyledLine] {
        var rows: [StyledLine] = []
        for context in KeyContext.allCases {
            if !rows.isEmpty { rows.append(.empty) }
            rows.append(StyledLine(context.title, .heading))
            for binding in KeyMap.bindings(context) {
                let keys = binding.keyLabel
                let pad = String(repeating: " ", count: max(1, keyColumn - TextWidth.of(keys)))
                let line = StyledLine([StyledRun("  "), StyledRun(keys, .footerKey), StyledRun(pad + binding.action.help)])
                rows += line.wrapped(width: width, indent: keyColumn + 2)
            }
        }
        rows.append(.empty)
        rows += StyledLine("The mouse wheel scrolls the pane under the pointer; a click focuses it.", .dim).wrapped(width: width)
        return rows
    }

    mutating func draw(into canvas: inout Canvas, frame: Rect) {
        canvas.fill(frame, " ", .normal)
        TitleBar.draw("Keys", right: "? or Esc closes", into: &canvas, frame: frame, focused: true)
        let body = frame.droppingTop(1).inset(horizontally: 2)
        height = max(1, body.height)
        width = body.width
        let rows = HelpOverlay.rows(width: body.width)
        let top = scroller.clamp(rows: rows.count, height: body.height)
        for (offset, row) in rows[top..<min(rows.count, top + body.height)].enumerated() {
            canvas.put(row, x: body.x, y: body.y + offset, clip: body)
        }
    }

    mutating func perform(_ action: Action) -> PaneResult {
        scroller.perform(action, rows: HelpOverlay.rows(width: width).count, height: height)
    }
}
