/// A dot canvas over terminal cells: each cell holds 2x4 dots drawn as one braille character
/// (U+2800 + dot bits), or, in ASCII, the marker of the last series that drew in it.
///
/// Dot coordinates start at the bottom left, so plotting needs no flipping; dots outside the
/// canvas are ignored.
struct BrailleCanvas {
    let columns: Int
    let rows: Int
    private var bits: [UInt8]
    private var owners: [Int]

    init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        bits = Array(repeating: 0, count: self.columns * self.rows)
        owners = Array(repeating: -1, count: self.columns * self.rows)
    }

    var dotWidth: Int { columns * 2 }
    var dotHeight: Int { rows * 4 }

    // Bit of dot (x, y) inside a cell, y counted from the cell's top.
    private static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// Sets dot (`x`, `y`) for series `owner`.
    mutating func set(_ x: Int, _ y: Int, owner: Int) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let top = dotHeight - 1 - y
        let index = (top / 4) * columns + x / 2
        bits[index] |= BrailleCanvas.dotBits[x % 2][top % 4]
        owners[index] = owner
    }

    /// A straight line between two dots (Bresenham), clipped to a generous box around the canvas.
    mutating func line(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, owner: Int) {
        let limit = 4 * max(dotWidth, dotHeight) + 8
        guard abs(x0) < limit, abs(x1) < limit, abs(y0) < limit, abs(y1) < limit else {
            set(x0, y0, owner: owner)
            set(x1, y1, owner: owner)
            return
        }
        var x = x0, y = y0
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var error = dx + dy
        while true {
            set(x, y, owner: owner)
            if x == x1 && y == y1 { return }
            let twice = 2 * error
            if twice >= dy { error += dy; x += sx }
            if twice <= dx { error += dx; y += sy }
        }
    }

    /// Fills the dots from `x0` to `x1` and `y0` to `y1` (inclusive, any order).
    mutating func fill(x0: Int, x1: Int, y0: Int, y1: Int, owner: Int) {
        // Clip first: a bar outside the view (set_xlim) has no dots to set.
        let xLow = max(0, min(x0, x1)), xHigh = min(dotWidth - 1, max(x0, x1))
        let yLow = max(0, min(y0, y1)), yHigh = min(dotHeight - 1, max(y0, y1))
        guard xLow <= xHigh, yLow <= yHigh else { return }
        for x in xLow...xHigh { for y in yLow...yHigh { set(x, y, owner: owner) } }
    }

    /// Draws the canvas into `block` at (`x`, `y`); `colors[owner]` colours a cell, `markers`
    /// are the ASCII stand-ins.
    func draw(into block: inout ChartBlock, x: Int, y: Int, colors: [RGB], markers: [Character], unicode: Bool) {
        for row in 0..<rows {
            for column in 0..<columns {
                let index = row * columns + column
                guard bits[index] != 0 else { continue }
                let owner = owners[index]
                let color = owner >= 0 && owner < colors.count ? colors[owner] : nil
                let character: Character
                if unicode {
                    character = Unicode.Scalar(0x2800 + UInt32(bits[index])).map(Character.init) ?? "*"
                } else {
                    character = owner >= 0 && !markers.isEmpty ? markers[owner % markers.count] : "*"
                }
                block[x + column, y + row] = ChartCell(character, foreground: unicode ? color : nil)
            }
        }
    }
}
