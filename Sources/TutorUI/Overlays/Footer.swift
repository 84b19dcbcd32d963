/// The bottom row: the keys of the focused pane (from ``KeyMap``), or a prompt, or a
/// message; on the right, what is running.
enum Footer {
    enum Content {
        case keys(KeyContext)
        case message(String, Role)
        case prompt(String, LineEditor)
    }

    static func draw(_ content: Content, status: (String, Role)?, into canvas: inout Canvas, frame: Rect) {
        canvas.fill(frame, " ", .footer)
        var statusWidth = 0
        if let (text, role) = status {
            statusWidth = TextWidth.of(text) + 1
            canvas.put(text, x: frame.maxX - statusWidth, y: frame.y, role: role, clip: frame)
        }
        let room = Rect(x: frame.x, y: frame.y, width: frame.width - statusWidth - 1, height: 1)
        switch content {
        case .keys(let context):
            var x = frame.x
            for (keys, label) in KeyMap.footer(for: context) {
                let width = TextWidth.of(keys) + TextWidth.of(label) + 2
                guard x + width <= room.maxX else { break }
                x = canvas.put(keys, x: x, y: frame.y, role: .footerKey, clip: room)
                x = canvas.put(" " + label + " ", x: x, y: frame.y, role: .footer, clip: room)
            }
        case .message(let text, let role):
            canvas.put(text, x: frame.x, y: frame.y, role: role, clip: room)
        case .prompt(let label, let editor):
            let x = canvas.put(label, x: frame.x, y: frame.y, role: .prompt, clip: room)
            let (text, cursor) = editor.visible(width: room.maxX - x)
            canvas.put(text, x: x, y: frame.y, role: .footer, clip: room)
            let chars = Array(text)
            let under = chars.indices.contains(cursor) ? String(chars[cursor]) : " "
            canvas.put(under, x: x + TextWidth.of(String(chars.prefix(cursor))), y: frame.y, role: .selection, clip: room)
        }
    }
}
