/// One terminal cell of a rendered chart: a character with optional colours (nil: the
/// terminal's default). Labels and frames have no colour; dots and pixels do.
public struct ChartCell: Equatable, Sendable {
    public var character: Character
    public var foreground: RGB?
    public var background: RGB?

    public init(_ character: Character, foreground: RGB? = nil, background: RGB? = nil) {
        self.character = character
        self.foreground = foreground
        self.background = background
    }

    public static let blank = ChartCell(" ")
}

/// A rendered chart: rows of cells, each row `width` cells long.
public struct ChartBlock: Equatable, Sendable {
    public private(set) var rows: [[ChartCell]]
    public let width: Int

    /// A blank block (sizes below zero count as zero).
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        rows = Array(repeating: Array(repeating: .blank, count: self.width), count: max(0, height))
    }

    public var height: Int { rows.count }

    public subscript(x: Int, y: Int) -> ChartCell {
        get { x >= 0 && y >= 0 && x < width && y < height ? rows[y][x] : .blank }
        set { if x >= 0 && y >= 0 && x < width && y < height { rows[y][x] = newValue } }
    }

    /// Writes `text` from (`x`, `y`), cut at the block's right edge (one cell per character).
    public mutating func put(_ text: String, x: Int, y: Int, color: RGB? = nil) {
        var column = x
        for character in text {
            guard column < width else { return }
            self[column, y] = ChartCell(character, foreground: color)
            column += 1
        }
    }

    /// Copies `block` with its top left corner at (`x`, `y`), clipped.
    public mutating func paste(_ block: ChartBlock, x: Int, y: Int) {
        for row in 0..<block.height {
            for column in 0..<block.width { self[x + column, y + row] = block[column, row] }
        }
    }

    /// Appends `block`'s rows below (cut or padded to this block's width).
    public mutating func append(_ block: ChartBlock) {
        for row in block.rows {
            var line = Array(row.prefix(width))
            if line.count < width { line += Array(repeating: .blank, count: width - line.count) }
            rows.append(line)
        }
    }

    /// The characters only, rows joined by newlines, trailing spaces removed (tests, plain output).
    public var text: String {
        rows.map { row in
            var line = String(row.map(\.character))
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
