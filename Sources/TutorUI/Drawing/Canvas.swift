import Charts

/// One cell of the screen: a character and its role, and for charts and images the exact
/// colours, which win over the role's.
///
/// A wide character (two columns) fills its first cell; the second holds
/// ``Cell/continuation``, which backends skip.
public struct Cell: Equatable, Sendable {
    public var character: Character
    public var role: Role
    public var foreground: RGB?
    public var background: RGB?

    public init(_ character: Character, _ role: Role = .normal, foreground: RGB? = nil, background: RGB? = nil) {
        self.character = character
        self.role = role
        self.foreground = foreground
        self.background = background
    }

    /// Whether two cells can be drawn in one run (same role and colours).
    func drawsLike(_ other: Cell) -> Bool {
        role == other.role && foreground == other.foreground && background == other.background
    }

    public static let blank = Cell(" ")
    /// The right half of a wide character.
    public static let continuation = Cell("\u{0}")
}

/// The frame being drawn: a grid of cells that panes draw into and a ``Screen`` presents.
///
/// Drawing is clipped to the canvas and, where given, to a rectangle, so a pane can never
/// draw outside its area however long its text is.
public struct Canvas: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.width * size.height))
    }

    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
        return cells[y * size.width + x]
    }

    /// The whole canvas as text, rows joined by newlines, trailing spaces kept (snapshots).
    public var text: String {
        (0..<size.height).map { row(at: $0) }.joined(separator: "\n")
    }

    /// One row as text.
    public func row(at y: Int) -> String {
        var line = ""
        for x in 0..<size.width where self[x, y] != .continuation {
            line.append(self[x, y].character)
        }
        return line
    }

    // MARK: - Drawing

    /// Fills a rectangle with one character.
    public mutating func fill(_ rect: Rect, _ character: Character = " ", _ role: Role = .normal) {
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            for x in max(0, rect.x)..<min(size.width, rect.maxX) {
                cells[y * size.width + x] = Cell(character, role)
            }
        }
    }

    /// Draws text from (`x`, `y`), clipped to `clip` (default: the canvas).
    ///
    /// - Returns: the column after the last character drawn.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role = .normal, clip: Rect? = nil,
                             foreground: RGB? = nil, background: RGB? = nil) -> Int {
        let bounds = clip ?? Rect(x: 0, y: 0, width: size.width, height: size.height)
        guard y >= bounds.y, y < bounds.maxY, y >= 0, y < size.height else { return x }
        var column = x
        for character in text {
            let width = TextWidth.of(String(character))
            if width == 0 { continue }
            if column + width > bounds.maxX || column + width > size.width { break }
            if column >= bounds.x && column >= 0 {
                cells[y * size.width + column] = Cell(character == "\t" ? " " : character, role,
                                                      foreground: foreground, background: background)
                if width == 2 { cells[y * size.width + column + 1] = .continuation }
            }
            column += width
        }
        return column
    }

    /// Draws a styled line from (`x`, `y`), clipped to `clip`.
    @discardableResult
    public mutating func put(_ line: StyledLine, x: Int, y: Int, clip: Rect? = nil) -> Int {
        var column = x
        for run in line.runs {
            column = put(run.text, x: column, y: y, role: run.role, clip: clip, foreground: run.foreground, background: run.background)
        }
        return column
    }
}
