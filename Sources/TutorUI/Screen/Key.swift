/// One input event from the terminal: a key, a mouse event, or a resize.
public enum Key: Hashable, Sendable {
    /// A printable character.
    case char(Character)
    /// Ctrl plus a letter (`.ctrl("c")`); Ctrl-I, Ctrl-M and Ctrl-[ arrive as tab, enter, escape.
    case ctrl(Character)
    case enter, tab, backTab, escape, backspace, delete
    case up, down, left, right, pageUp, pageDown, home, end
    /// A function key (`F1` is 1).
    case function(Int)
    /// The mouse wheel, at a cell.
    case wheelUp(x: Int, y: Int)
    case wheelDown(x: Int, y: Int)
    /// A left click at a cell.
    case click(x: Int, y: Int)
    /// The terminal changed size.
    case resize

    /// How the key map and the help screen name the key.
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + c.uppercased()
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .function(let n): return "F\(n)"
        case .wheelUp: return "Wheel↑"
        case .wheelDown: return "Wheel↓"
        case .click: return "Click"
        case .resize: return "Resize"
        }
    }
}
