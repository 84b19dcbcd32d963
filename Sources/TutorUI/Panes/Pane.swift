/// What handling a key did, for the main loop (htop's `HandlerResult`).
public struct PaneResult: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The key was used.
    public static let handled = PaneResult(rawValue: 1)
    /// The screen must be redrawn.
    public static let redraw = PaneResult(rawValue: 2)
}

/// A region of the screen with its own state (scroll position, selection) and keys.
///
/// Every pane has the same verbs (like tig's `view_ops`): it draws itself into a rectangle,
/// performs the actions its key context maps to, and names its title.
protocol Pane: AnyObject {
    /// The keys that apply while the pane has focus.
    var context: KeyContext { get }
    /// Draws the pane, title bar included, into `frame`.
    func draw(into canvas: inout Canvas, frame: Rect, focused: Bool)
    /// Performs a pane-level action (scrolling, selecting); returns `[]` if it does not apply.
    func perform(_ action: Action) -> PaneResult
}

/// The title bar every pane draws on its first row.
enum TitleBar {
    static func draw(_ title: String, right: String = "", into canvas: inout Canvas, frame: Rect, focused: Bool) {
        guard frame.height > 0 else { return }
        let role: Role = focused ? .paneTitleFocused : .paneTitle
        let bar = Rect(x: frame.x, y: frame.y, width: frame.width, height: 1)
        canvas.fill(bar, " ", role)
        let rightWidth = TextWidth.of(right)
        let end = canvas.put(" " + title, x: frame.x, y: frame.y, role: role,
                             clip: Rect(x: frame.x, y: frame.y, width: frame.width - rightWidth - 1, height: 1))
        if !right.isEmpty && end + rightWidth + 1 < frame.maxX {
            canvas.put(right, x: frame.maxX - rightWidth - 1, y: frame.y, role: role, clip: bar)
        }
    }
}

/// A scroll position over rows of text: the first row shown, and whether the view follows
/// new rows at the bottom (the output pane and the REPL, like `tail -f`).
struct Scroller {
    var top = 0
    var follows: Bool
    /// Whether reaching the bottom turns following back on.
    private let canFollow: Bool

    init(follows: Bool = false) {
        self.follows = follows
        canFollow = follows
    }

    /// Applies a scrolling action for `rows` rows of text in a view `height` rows high.
    mutating func perform(_ action: Action, rows: Int, height: Int) -> PaneResult {
        let last = max(0, rows - height)
        if follows { top = last }
        let old = top
        switch action {
        case .lineUp: top -= 1
        case .lineDown: top += 1
        case .pageUp: top -= max(1, height - 1)
        case .pageDown: top += max(1, height - 1)
        case .top: top = 0
        case .bottom: top = last
        default: return []
        }
        top = min(max(0, top), last)
        if canFollow { follows = top == last }
        return top == old ? .handled : [.handled, .redraw]
    }

    /// The first row to show for `rows` rows in a view `height` high.
    mutating func clamp(rows: Int, height: Int) -> Int {
        let last = max(0, rows - height)
        top = follows ? last : min(top, last)
        return top
    }
}
