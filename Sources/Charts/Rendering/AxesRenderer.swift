/// Lays out and draws one ``Axes`` in a box of cells:
///
/// ```
/// ylabel        title
///   1.5 ┤⠀⠀⡠⠊⠉⠢⡀
///       │⠀⡔⠁⠀⠀⠀⠈⢢
///  -0.5 ┤⠊⠀⠀⠀⠀⠀⠀⠀⠑
///       └──────────
///       0        10
///           xlabel
///       ━ train ━ val
/// ```
///
/// Rows that do not fit are dropped (legend, then labels, then ticks); the data area keeps at
/// least one row while the box has one.
enum AxesRenderer {
    static func render(_ axes: Axes, columns: Int, rows: Int, tier: ColorTier) -> ChartBlock {
        let axes = LogScale.linearized(axes, unicode: tier.isUnicode)
        var block = ChartBlock(width: columns, height: rows)
        guard columns > 0, rows > 0 else { return block }
        let glyphs = Glyphs.forTier(tier)
        let legend = axes.showsLegend ? legendEntries(axes) : []
        var top = 0
        if !axes.title.isEmpty || (!axes.ylabel.isEmpty && axes.showsAxis && axes.image == nil) {
            if axes.showsAxis && axes.image == nil { block.put(axes.ylabel, x: 0, y: 0) }
            put(centred: axes.title, in: &block, y: 0, from: 0, to: columns)
            top = 1
        }
        var bottom = rows
        if !legend.isEmpty && bottom - top >= 4 {
            bottom -= 1
            drawLegend(legend, into: &block, y: bottom, x: 0, glyphs: glyphs)
        }
        if !axes.xlabel.isEmpty && axes.showsAxis && bottom - top >= 3 {
            bottom -= 1
            put(centred: axes.xlabel, in: &block, y: bottom, from: 0, to: columns)
        }
        if let image = axes.image {
            let picture = ImageRenderer.render(image, columns: columns, rows: max(0, bottom - top), tier: tier)
            block.paste(picture, x: (columns - picture.width) / 2, y: top)
            return block
        }
        let frame = axes.showsAxis && bottom - top >= 3 && columns >= 12
        let ranges = viewRanges(axes)
        var left = 0
        var plotBottom = bottom
        var gridRows: [Int] = [], gridColumns: [Int] = []
        if frame {
            let span = ranges.y.upperBound - ranges.y.lowerBound
            let custom = axes.yTicks.map { ticks in
                ticks.positions.indices.filter { ranges.y.contains(ticks.positions[$0]) }
                    .map { (value: ticks.positions[$0], label: ticks.label($0, span: span)) }
            }
            let labels = custom?.map(\.label) ?? [ranges.y.upperBound, (ranges.y.lowerBound + ranges.y.upperBound) / 2, ranges.y.lowerBound]
                .map { NumberFormat.tick($0, span: span) }
            let margin = min(columns / 3, labels.map(\.count).max() ?? 0)
            left = margin + 1
            plotBottom = bottom - 2
            let height = plotBottom - top
            for row in top..<plotBottom { block[margin, row] = ChartCell(glyphs.vertical) }
            for (i, label) in labels.enumerated() {
                let row: Int
                if let custom {
                    row = plotBottom - 1 - Int(((custom[i].value - ranges.y.lowerBound) / span * Double(height - 1)).rounded())
                } else {
                    row = i == 0 ? top : i == 1 ? top + (height - 1) / 2 : plotBottom - 1
                }
                block.put(String(label.suffix(margin)).leftPadded(to: margin), x: 0, y: row)
                block[margin, row] = ChartCell(glyphs.tick)
                gridRows.append(row)
            }
            block[margin, plotBottom] = ChartCell(glyphs.corner)
            for x in left..<columns { block[x, plotBottom] = ChartCell(glyphs.horizontal) }
            gridColumns = drawXTicks(axes.xTicks, range: ranges.x, into: &block, left: left, y: plotBottom, glyphs: glyphs)
        }
        var canvas = BrailleCanvas(columns: columns - left, rows: max(0, plotBottom - top))
        plot(axes.series, on: &canvas, ranges: ranges, unicode: tier.isUnicode)
        canvas.draw(into: &block, x: left, y: top, colors: axes.series.map(\.color),
                    markers: axes.series.indices.map { series(axes.series[$0], marker: glyphs.marker($0)) },
                    unicode: tier.isUnicode)
        if frame && axes.showsGrid {
            drawGrid(rows: gridRows, columns: gridColumns, into: &block, area: (left, top, columns, plotBottom), glyphs: glyphs)
        }
        return block
    }

    /// The x tick labels under the axis line: the ends of the range, or the ticks set with
    /// `set_xticks` (marked on the line; a label that would overlap its left neighbour is
    /// skipped). Returns the columns of the ticks, for the grid.
    private static func drawXTicks(_ ticks: AxisTicks?, range: ClosedRange<Double>, into block: inout ChartBlock,
                                   left: Int, y: Int, glyphs: Glyphs) -> [Int] {
        let columns = block.width, span = range.upperBound - range.lowerBound
        guard let ticks else {
            let low = NumberFormat.tick(range.lowerBound, span: span), high = NumberFormat.tick(range.upperBound, span: span)
            block.put(low, x: left, y: y + 1)
            if columns - high.count > left + low.count { block.put(high, x: columns - high.count, y: y + 1) }
            let width = columns - left
            return width >= 8 ? [1, 2, 3].map { left + (width - 1) * $0 / 4 } : []
        }
        var used = [Int]()
        var end = -1
        for (i, value) in ticks.positions.enumerated() where range.contains(value) {
            let column = left + Int(((value - range.lowerBound) / span * Double(columns - left - 1)).rounded())
            block[column, y] = ChartCell(glyphs.xTick)
            used.append(column)
            let label = ticks.label(i, span: span)
            let start = min(max(left, column - label.count / 2), columns - label.count)
            if start > end {
                block.put(label, x: max(0, start), y: y + 1)
                end = start + label.count
            }
        }
        return used
    }

    /// Dotted lines at the tick rows and columns, in cells the data left empty.
    private static func drawGrid(rows: [Int], columns: [Int], into block: inout ChartBlock,
                                 area: (left: Int, top: Int, right: Int, bottom: Int), glyphs: Glyphs) {
        let color: RGB? = glyphs.unicode ? RGB(88, 88, 88) : nil
        for row in rows where row >= area.top && row < area.bottom {
            for x in area.left..<area.right where block[x, row] == .blank {
                block[x, row] = ChartCell(glyphs.gridHorizontal, foreground: color)
            }
        }
        for column in columns where column >= area.left && column < area.right {
            for row in area.top..<area.bottom where block[column, row] == .blank {
                block[column, row] = ChartCell(glyphs.gridVertical, foreground: color)
            }
        }
    }

    private static func series(_ series: Series, marker: Character) -> Character {
        if case .bars = series.kind { return "#" }
        return marker
    }

    // MARK: - Data

    /// The data ranges with the axes' limits (`set_xlim`, `set_ylim`) put in.
    static func viewRanges(_ axes: Axes) -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        let data = dataRanges(axes)
        return (axes.xLimits.applied(to: data.x), axes.yLimits.applied(to: data.y))
    }

    /// The finite data ranges, widened so that bars start at zero and a constant series
    /// gets some room.
    static func dataRanges(_ axes: Axes) -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        var xLow = Double.infinity, xHigh = -Double.infinity, yLow = Double.infinity, yHigh = -Double.infinity
        for series in axes.series {
            var half = 0.0
            if case .bars(let width) = series.kind, width.isFinite {
                half = abs(width) / 2
                yLow = min(yLow, 0)
                yHigh = max(yHigh, 0)
            }
            for x in series.xs where x.isFinite {
                xLow = min(xLow, x - half)
                xHigh = max(xHigh, x + half)
            }
            for y in series.ys where y.isFinite {
                yLow = min(yLow, y)
                yHigh = max(yHigh, y)
            }
        }
        return (widened(xLow, xHigh), widened(yLow, yHigh))
    }

    private static func widened(_ low: Double, _ high: Double) -> ClosedRange<Double> {
        guard low <= high else { return 0...1 }
        guard high - low > 0, (high - low).isFinite else {
            let pad = low == 0 || !low.isFinite ? 1 : abs(low) * 0.1
            let centre = low.isFinite ? low : 0
            return (centre - pad)...(centre + pad)
        }
        return low...high
    }

    private static func plot(_ series: [Series], on canvas: inout BrailleCanvas, ranges: (x: ClosedRange<Double>, y: ClosedRange<Double>), unicode: Bool) {
        guard canvas.dotWidth > 0, canvas.dotHeight > 0 else { return }
        let xSpan = ranges.x.upperBound - ranges.x.lowerBound, ySpan = ranges.y.upperBound - ranges.y.lowerBound
        func dot(_ value: Double, _ low: Double, _ span: Double, _ size: Int) -> Int? {
            guard value.isFinite else { return nil }
            let scaled = (value - low) / span * Double(size - 1)
            guard scaled.isFinite else { return nil }
            return Int(min(1e7, max(-1e7, scaled)).rounded())
        }
        let (width, height) = unicode ? (canvas.dotWidth, canvas.dotHeight) : (canvas.columns, canvas.rows)
        // In ASCII one dot per cell: plot on the coarse grid, then place each point in its cell.
        func set(_ x: Int, _ y: Int, _ owner: Int) {
            unicode ? canvas.set(x, y, owner: owner) : canvas.set(2 * x, 4 * y, owner: owner)
        }
        for (owner, s) in series.enumerated() {
            let count = min(s.xs.count, s.ys.count)
            switch s.kind {
            case .line:
                var previous: (Int, Int)?
                for i in 0..<count {
                    guard let x = dot(s.xs[i], ranges.x.lowerBound, xSpan, width),
                          let y = dot(s.ys[i], ranges.y.lowerBound, ySpan, height) else {
                        previous = nil
                        continue
                    }
                    if let (px, py) = previous {
                        if unicode {
                            canvas.line(px, py, x, y, owner: owner)
                        } else {
                            lineCells(px, py, x, y) { set($0, $1, owner) }
                        }
                    } else {
                        set(x, y, owner)
                    }
                    previous = (x, y)
                }
            case .scatter:
                for i in 0..<count {
                    if let x = dot(s.xs[i], ranges.x.lowerBound, xSpan, width),
                       let y = dot(s.ys[i], ranges.y.lowerBound, ySpan, height) { set(x, y, owner) }
                }
            case .bars(let barWidth):
                let half = barWidth.isFinite ? abs(barWidth) / 2 : 0
                guard let zero = dot(0, ranges.y.lowerBound, ySpan, height) else { continue }
                for i in 0..<count where s.ys[i] != 0 {
                    guard let x0 = dot(s.xs[i] - half, ranges.x.lowerBound, xSpan, width),
                          let x1 = dot(s.xs[i] + half, ranges.x.lowerBound, xSpan, width),
                          let y = dot(s.ys[i], ranges.y.lowerBound, ySpan, height) else { continue }
                    // Leave a one-dot gap between neighbouring bars.
                    let right = x1 > x0 + 1 ? x1 - 1 : x1
                    if unicode {
                        canvas.fill(x0: x0, x1: right, y0: zero, y1: y, owner: owner)
                    } else {
                        let xLow = max(0, min(x0, right)), xHigh = min(width - 1, max(x0, right))
                        let yLow = max(0, min(zero, y)), yHigh = min(height - 1, max(zero, y))
                        guard xLow <= xHigh, yLow <= yHigh else { continue }
                        for cx in xLow...xHigh { for cy in yLow...yHigh { set(cx, cy, owner) } }
                    }
                }
            }
        }
    }

    /// The cells of a line on a coarse grid (Bresenham).
    private static func lineCells(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, _ visit: (Int, Int) -> Void) {
        var x = x0, y = y0
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var error = dx + dy
        var steps = 0
        while steps < 100_000 {
            visit(x, y)
            if x == x1 && y == y1 { return }
            let twice = 2 * error
            if twice >= dy { error += dy; x += sx }
            if twice <= dx { error += dx; y += sy }
            steps += 1
        }
    }

    // MARK: - Labels

    private static func legendEntries(_ axes: Axes) -> [(String, RGB, Int)] {
        axes.series.enumerated().compactMap { index, series in
            guard let label = series.label, !label.isEmpty, !label.hasPrefix("_") else { return nil }
            return (label, series.color, index)
        }
    }

    static func drawLegend(_ entries: [(String, RGB, Int)], into block: inout ChartBlock, y: Int, x: Int, glyphs: Glyphs) {
        var column = x
        for (label, color, index) in entries {
            guard column < block.width else { return }
            let mark = glyphs.unicode ? glyphs.legendLine : glyphs.marker(index)
            block[column, y] = ChartCell(mark, foreground: glyphs.unicode ? color : nil)
            block.put(label, x: column + 2, y: y)
            column += label.count + 4
        }
    }

    static func put(centred text: String, in block: inout ChartBlock, y: Int, from: Int, to: Int) {
        guard !text.isEmpty else { return }
        let room = to - from
        let shown = String(text.prefix(max(0, room)))
        let start = from + max(0, (room - shown.count) / 2)
        // Keep what is already on the row (the y label) visible when the title would cover it.
        var free = true
        for column in start..<(start + shown.count) where block[column, y] != .blank { free = false }
        block.put(shown, x: free ? start : max(start, to - shown.count), y: y)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
