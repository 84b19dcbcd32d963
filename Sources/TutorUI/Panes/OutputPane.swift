import Charts

/// The output of the steps the learner runs: what the code prints, figures, live training
/// charts, tracebacks, and each run's header and result. Follows new output unless the
/// learner scrolled up.
final class OutputPane: Pane {
    var log = OutputLog()
    /// How charts and images are drawn (braille and half blocks, or ASCII).
    var chartTier = ColorTier.ansi256
    private var scroller = Scroller(follows: true)
    /// The log wrapped to the pane's width.
    private var wrapped = WrappedLog()
    /// The height last drawn, for paging.
    private var height = 1
    /// What the title bar shows on its right (the running step).
    var status = ""

    let context = KeyContext.output

    func draw(into canvas: inout Canvas, frame: Rect, focused: Bool) {
        TitleBar.draw("Output", right: status, into: &canvas, frame: frame, focused: focused)
        let body = frame.droppingTop(1).inset(horizontally: 1)
        height = max(1, body.height)
        wrapped.update(log, width: body.width, height: body.height, tier: chartTier)
        if wrapped.count == 0 {
            canvas.put("Run a step (Enter) to see its output here.", x: body.x, y: body.y, role: .dim, clip: body)
            return
        }
        let top = scroller.clamp(rows: wrapped.count, height: body.height)
        for row in top..<min(wrapped.count, top + body.height) {
            canvas.put(wrapped[row], x: body.x, y: body.y + row - top, clip: body)
        }
    }

    func perform(_ action: Action) -> PaneResult {
        scroller.perform(action, rows: wrapped.count, height: height)
    }

    /// Shows a figure, or adds a point to a live chart.
    func show(_ event: DisplayEvent) {
        switch event {
        case .figure(let figure): log.add(figure)
        case .scalar(let writer, let tag, let step, let value): log.log(writer: writer, tag: tag, step: step, value: value)
        }
    }
}
