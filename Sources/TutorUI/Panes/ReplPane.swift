import MiniPython

/// A Python prompt on the current lesson's session: what the learner types runs next to the
/// lesson's own names. Multi-line blocks continue with `... ` and auto-indent until an empty
/// line; Up and Down recall earlier lines.
final class ReplPane: Pane {
    /// The entries and their output.
    var transcript = OutputLog(capacity: 2_000)
    private var wrapped = WrappedLog()
    private(set) var editor = LineEditor()
    /// The lines of a block still being typed.
    private var block: [String] = []
    private var history: [String] = []
    private var historyIndex: Int?
    private var scroller = Scroller(follows: true)
    private var height = 1
    /// Set while an entry runs: typing waits.
    var isRunning = false
    /// The lesson the prompt runs in, for the title bar.
    var sessionName = ""

    let context = KeyContext.repl

    private var prompt: String { block.isEmpty ? ">>> " : "... " }

    func draw(into canvas: inout Canvas, frame: Rect, focused: Bool) {
        TitleBar.draw("REPL", right: sessionName, into: &canvas, frame: frame, focused: focused)
        let body = frame.droppingTop(1).inset(horizontally: 1)
        guard body.height > 0 else { return }
        height = max(1, body.height - 1)
        wrapped.update(transcript, width: body.width)
        let visible = body.height - 1
        let top = scroller.clamp(rows: wrapped.count, height: visible)
        for row in top..<min(wrapped.count, top + visible) {
            canvas.put(wrapped[row], x: body.x, y: body.y + row - top, clip: body)
        }
        let inputY = body.y + min(visible, wrapped.count - top)
        if isRunning {
            canvas.put("running… (Ctrl-C stops it)", x: body.x, y: inputY, role: .running, clip: body)
            return
        }
        let x = canvas.put(prompt, x: body.x, y: inputY, role: .prompt, clip: body)
        let (text, cursor) = editor.visible(width: body.maxX - x)
        canvas.put(PythonHighlighter.highlight([Substring(text)])[0], x: x, y: inputY, clip: body)
        if focused {
            let under = Array(text).indices.contains(cursor) ? String(Array(text)[cursor]) : " "
            canvas.put(under, x: x + TextWidth.of(String(Array(text).prefix(cursor))), y: inputY, role: .selection, clip: body)
        }
    }

    func perform(_ action: Action) -> PaneResult {
        switch action {
        case .historyPrevious, .historyNext:
            guard !history.isEmpty else { return .handled }
            var index = historyIndex ?? history.count
            index += action == .historyPrevious ? -1 : 1
            if index >= history.count {
                historyIndex = nil
                editor.set("")
            } else {
                historyIndex = max(0, index)
                editor.set(history[max(0, index)])
            }
            return [.handled, .redraw]
        default:
            return scroller.perform(action, rows: wrapped.count, height: height)
        }
    }

    /// Applies an editing key (text, cursor movement, deletion).
    func edit(_ key: Key) -> PaneResult {
        guard !isRunning, editor.handle(key) else { return [] }
        return [.handled, .redraw]
    }

    /// Enter: the entry to run once the block is complete, or nil while it continues.
    func submit() -> String? {
        var line = editor.text
        if !block.isEmpty && line.allSatisfy({ $0 == " " }) { line = "" }
        if block.isEmpty && line.allSatisfy({ $0 == " " }) {
            transcript.add(prompt, role: .prompt)
            editor.set("")
            return nil
        }
        transcript.add(prompt + line, role: .code)
        if !line.isEmpty && history.last != line { history.append(line) }
        historyIndex = nil
        block.append(line)
        let source = block.joined(separator: "\n")
        if isIncomplete(source) {
            editor.set(ReplPane.indentation(after: line))
            scroller.follows = true
            return nil
        }
        block = []
        editor.set("")
        scroller.follows = true
        return source
    }

    /// Ctrl-C while nothing runs: drops the line and the block being typed.
    func cancelInput() {
        transcript.add(prompt + editor.text, role: .code)
        transcript.add("KeyboardInterrupt", role: .traceback)
        block = []
        editor.set("")
        historyIndex = nil
    }

    /// The indentation for the line after `line`: one level more after a colon.
    static func indentation(after line: String) -> String {
        let indent = line.prefix { $0 == " " }
        var code = Substring(line)
        if let hash = code.firstIndex(of: "#") { code = code[..<hash] }
        while code.last == " " { code = code.dropLast() }
        return String(indent) + (code.hasSuffix(":") ? "    " : "")
    }
}
