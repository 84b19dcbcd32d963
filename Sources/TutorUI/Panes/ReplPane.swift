import Course
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
    /// Earlier lines, for Up and Down (the app points it at the history file).
    var history = ReplHistory(file: nil)
    private var historyIndex: Int?
    /// Set once saving the history failed, so the learner hears about it once.
    private var historySaveFailed = false
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
            let entries = history.entries
            guard !entries.isEmpty else { return .handled }
            var index = historyIndex ?? entries.count
            index += action == .historyPrevious ? -1 : 1
            if index >= entries.count {
                historyIndex = nil
                editor.set("")
            } else {
                historyIndex = max(0, index)
                editor.set(entries[max(0, index)])
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
        if let error = history.add(line), !historySaveFailed {
            historySaveFailed = true
            transcript.add("(the history could not be saved: \(error))", role: .stderr)
        }
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

    /// The text before the cursor when it ends in a name Tab can complete, else nil.
    var completableText: String? {
        let text = String(editor.characters.prefix(editor.cursor))
        return Completion.dottedName(atEndOf: text) == nil ? nil : text
    }

    /// The most candidates a Tab lists.
    static let listedCandidates = 60

    /// Applies the session's completions of `text`, if the line has not changed since: the
    /// common part is inserted; when that adds nothing, the candidates are listed.
    func apply(_ completion: Completion?, to text: String) {
        guard let completion, completableText == text, !completion.candidates.isEmpty else { return }
        let common = completion.commonPrefix
        if common.count > completion.word.count {
            editor.insert(String(common.dropFirst(completion.word.count)))
        } else if completion.candidates.count > 1 {
            var listed = completion.candidates.prefix(ReplPane.listedCandidates).joined(separator: "  ")
            let more = completion.candidates.count - ReplPane.listedCandidates
            if more > 0 { listed += "  … \(more) more" }
            transcript.add(prompt + editor.text, role: .code)
            transcript.add(listed, role: .info)
            scroller.follows = true
        }
    }

    /// The name of a `name?` help request (`torch.zeros?`), or nil for other entries.
    static func helpRequest(_ source: String) -> String? {
        var entry = Substring(source)
        while entry.first == " " { entry.removeFirst() }
        while entry.last == " " { entry.removeLast() }
        guard entry.hasSuffix("?"), !entry.contains("\n") else { return nil }
        let name = String(entry.dropLast())
        guard let parts = Completion.dottedName(atEndOf: name), parts.joined(separator: ".") == name,
              !parts.contains(where: \.isEmpty) else { return nil }
        return name
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
