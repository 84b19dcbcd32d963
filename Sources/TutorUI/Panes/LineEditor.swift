/// One line of editable text with a cursor: the REPL's input and the search prompt.
///
/// Keys as in readline's defaults: arrows, Home/End and Ctrl-A/Ctrl-E move; Backspace and Del
/// delete; Ctrl-K, Ctrl-U and Ctrl-W cut to the end, to the start, and the previous word.
struct LineEditor: Equatable {
    private(set) var characters: [Character] = []
    private(set) var cursor = 0

    init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    var text: String { String(characters) }

    /// Applies an editing key; returns false for keys that are not editing.
    mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c): insert(String(c))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .backspace, .ctrl("h"):
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .ctrl("k"): characters.removeSubrange(cursor...)
        case .ctrl("u"):
            characters.removeSubrange(..<cursor)
            cursor = 0
        case .ctrl("w"):
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default: return false
        }
        return true
    }

    mutating func insert(_ text: String) {
        characters.insert(contentsOf: text, at: cursor)
        cursor += text.count
    }

    /// Replaces the text, cursor at the end.
    mutating func set(_ text: String) { self = LineEditor(text) }

    /// The columns to show in a field `width` wide so that the cursor stays visible: the
    /// visible text and the cursor's column in it.
    func visible(width: Int) -> (text: String, cursor: Int) {
        guard width > 1 else { return ("", 0) }
        let start = max(0, cursor - (width - 1))
        let end = min(characters.count, start + width)
        return (String(characters[start..<end]), cursor - start)
    }
}
