#if canImport(Glibc)
import Glibc
#endif
import Charts
import CNcursesShim
import Synchronization

/// The real terminal, through ncursesw.
///
/// Owns curses from ``start(theme:)`` to ``stop()`` (see ``TerminalGuard`` for the paths that
/// restore the terminal when the program does not get to call `stop`). Only the thread that
/// started it may call it; other threads use its ``waker``.
public final class CursesScreen: Screen {
    private let theme: Theme
    /// Whether the terminal takes UTF-8; otherwise non-ASCII characters are transliterated.
    private let isUTF8: Bool
    /// The frame on the terminal, for drawing only what changed (nil: redraw everything).
    private var shown: Canvas?
    private let pipe: WakePipe
    public var waker: Waker { pipe }
    /// Colour pairs made for chart and image cells, by xterm colours (-1: the default).
    private var chartPairs: [ChartPair: Int16] = [:]
    /// The pair numbers charts may use: after the roles' pairs, up to the terminal's limit
    /// (empty without 256 colours, where cells keep their role's colours).
    private let chartPairRange: Range<Int>

    /// Set when the chart pairs started over: the next frame is drawn in full.
    private var pairsReset = false

    private struct ChartPair: Hashable {
        var foreground: Int16
        var background: Int16
    }

    /// Initialises curses: raw keys (Ctrl-C and Ctrl-Z arrive as keys), no echo, keypad and
    /// mouse-wheel decoding, a hidden cursor, and one colour pair per role.
    ///
    /// - Returns: nil when the terminal cannot be used (no terminal, unknown `TERM`).
    public static func start(theme: Theme) -> CursesScreen? {
        // Only the character type: LC_NUMERIC must stay "C" so that Python prints 1.5, never 1,5.
        setlocale(LC_CTYPE, "")
        guard isatty(0) != 0, isatty(1) != 0, CNcurses_newterm() != nil else { return nil }
        TerminalGuard.cursesStarted()
        let window = CNcurses_stdscr()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        nodelay(window, true)
        set_escdelay(25)
        curs_set(0)
        mouseinterval(0)
        mousemask(CNcurses_BUTTON1_PRESSED | CNcurses_BUTTON4_PRESSED | CNcurses_BUTTON5_PRESSED, nil)
        var useTheme = theme
        if has_colors() {
            start_color()
            use_default_colors()
            for role in Role.allCases {
                let style = theme[role]
                init_pair(Int16(role.rawValue) + 1, style.foreground, style.background)
            }
        } else {
            useTheme = .monochrome
        }
        let codeset = String(cString: nl_langinfo(Int32(CODESET)))
        let firstChartPair = Role.allCases.count + 1
        let lastChartPair = min(Int(CNcurses_color_pairs()), Int(Int16.max))
        let pairs = has_colors() && CNcurses_colors() >= 256 && lastChartPair > firstChartPair
            ? firstChartPair..<lastChartPair : 0..<0
        return CursesScreen(theme: useTheme, isUTF8: codeset == "UTF-8", pipe: WakePipe(), chartPairs: pairs)
    }

    private init(theme: Theme, isUTF8: Bool, pipe: WakePipe, chartPairs: Range<Int>) {
        self.theme = theme
        self.isUTF8 = isUTF8
        self.pipe = pipe
        chartPairRange = chartPairs
    }

    /// Ends curses and restores the terminal.
    public func stop() {
        if !isendwin() { endwin() }
        TerminalGuard.cursesStopped()
    }

    public var size: Size {
        let window = CNcurses_stdscr()
        return Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    // MARK: - Output

    public func present(_ canvas: Canvas) {
        if shown?.size != canvas.size {
            shown = nil
            clearok(CNcurses_stdscr(), true)
        }
        for y in 0..<canvas.size.height {
            var x = 0
            while x < canvas.size.width {
                guard shown.map({ $0[x, y] != canvas[x, y] }) ?? true else {
                    x += 1
                    continue
                }
                // A run of changed cells with one role and colour becomes one call.
                let first = canvas[x, y]
                let role = first.role
                let start = x
                var text: [wchar_t] = []
                while x < canvas.size.width, canvas[x, y].drawsLike(first) || canvas[x, y] == .continuation,
                      shown.map({ $0[x, y] != canvas[x, y] }) ?? true {
                    if canvas[x, y] != .continuation { append(canvas[x, y].character, to: &text) }
                    x += 1
                }
                let style = theme[role]
                CNcurses_put(Int32(y), Int32(start), text, Int32(text.count), attributes(style.attributes),
                             chartPair(first) ?? Int16(role.rawValue) + 1)
            }
        }
        shown = pairsReset ? nil : canvas
        pairsReset = false
        wrefresh(CNcurses_stdscr())
    }

    /// The colour pair of a chart cell (made on first use), or nil for role colours.
    ///
    /// When the terminal's pairs run out, the cache starts over and the next frame is drawn in
    /// full, so pairs redefined for new colours never show stale ones for long.
    private func chartPair(_ cell: Cell) -> Int16? {
        guard cell.foreground != nil || cell.background != nil, !chartPairRange.isEmpty else { return nil }
        let key = ChartPair(foreground: cell.foreground.map { Int16($0.xterm256) } ?? -1,
                            background: cell.background.map { Int16($0.xterm256) } ?? -1)
        if let pair = chartPairs[key] { return pair }
        if chartPairs.count >= chartPairRange.count {
            chartPairs = [:]
            pairsReset = true
        }
        let pair = Int16(chartPairRange.lowerBound + chartPairs.count)
        init_pair(pair, key.foreground, key.background)
        chartPairs[key] = pair
        return pair
    }

    private func append(_ character: Character, to text: inout [wchar_t]) {
        for scalar in character.unicodeScalars {
            if isUTF8 || scalar.isASCII {
                text.append(wchar_t(bitPattern: scalar.value))
            } else {
                text.append(wchar_t(CursesScreen.ascii(for: scalar).value))
                return
            }
        }
    }

    /// An ASCII stand-in for the symbols the tutor draws, for terminals without UTF-8.
    private static func ascii(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "│", "┃": return "|"
        case "─", "━", "—", "–": return "-"
        case "↑": return "^"
        case "↓": return "v"
        case "←", "◂": return "<"
        case "→", "▸", "▶": return ">"
        case "✓": return "+"
        case "✗": return "x"
        case "·", "•", "…": return "."
        case "⏎": return "~"
        default: return "?"
        }
    }

    private func attributes(_ attributes: Style.Attributes) -> attr_t {
        var value = CNcurses_A_NORMAL
        if attributes.contains(.bold) { value |= CNcurses_A_BOLD }
        if attributes.contains(.dim) { value |= CNcurses_A_DIM }
        if attributes.contains(.italic) { value |= CNcurses_A_ITALIC }
        if attributes.contains(.underline) { value |= CNcurses_A_UNDERLINE }
        if attributes.contains(.reverse) { value |= CNcurses_A_REVERSE }
        return value
    }

    // MARK: - Input

    public func nextKey(timeout: Int) -> Key? {
        // curses may already hold input it read ahead; only wait when it has none.
        if let key = readKey() { return key }
        var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: pipe.readEnd, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&fds, 2, Int32(timeout))
        if ready > 0 && fds[1].revents != 0 { pipe.drain() }
        // A signal (SIGWINCH) interrupts poll; curses then reports KEY_RESIZE.
        return readKey()
    }

    private func readKey() -> Key? {
        var ch: wint_t = 0
        switch CNcurses_get_wch(&ch) {
        case KEY_CODE_YES: return functionKey(Int32(ch))
        case OK: return character(UInt32(ch))
        default: return nil
        }
    }

    private func character(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(code + 96))))
        default: return Unicode.Scalar(code).map { .char(Character($0)) }
        }
    }

    private func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_RESIZE:
            shown = nil
            return .resize
        case KEY_MOUSE: return mouse()
        case (KEY_F0 + 1)...(KEY_F0 + 12): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    private func mouse() -> Key? {
        var y: Int32 = 0, x: Int32 = 0
        var buttons: mmask_t = 0
        guard CNcurses_getmouse(&y, &x, &buttons) == OK else { return nil }
        if buttons & CNcurses_BUTTON4_PRESSED != 0 { return .wheelUp(x: Int(x), y: Int(y)) }
        if buttons & CNcurses_BUTTON5_PRESSED != 0 { return .wheelDown(x: Int(x), y: Int(y)) }
        if buttons & CNcurses_BUTTON1_PRESSED != 0 { return .click(x: Int(x), y: Int(y)) }
        return nil
    }

    // MARK: - Suspending

    public func suspend() {
        endwin()
        TerminalGuard.cursesStopped()
    }

    public func resume() {
        TerminalGuard.cursesStarted()
        shown = nil
        clearok(CNcurses_stdscr(), true)
        wrefresh(CNcurses_stdscr())
    }
}

/// A self-pipe: writing a byte wakes the screen's `poll`.
private final class WakePipe: Waker {
    let readEnd: Int32
    private let writeEnd: Int32
    private let pending = Atomic<Bool>(false)

    init() {
        var fds: [Int32] = [-1, -1]
        pipe(&fds)
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readEnd = fds[0]
        writeEnd = fds[1]
    }

    func wake() {
        // One byte in flight is enough however many events arrive.
        guard !pending.exchange(true, ordering: .acquiringAndReleasing) else { return }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    func drain() {
        pending.store(false, ordering: .releasing)
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &buffer, buffer.count) > 0 {}
    }
}
