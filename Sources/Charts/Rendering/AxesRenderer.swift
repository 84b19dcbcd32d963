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
        let ranges = dataRanges(axes)
        var left = 0
        var plotBottom = bottom
        if frame {
            let span = ranges.y.upperBound - ranges.y.lowerBound
            let labels = [ranges.y.upperBound, (ranges.y.lowerBound + ranges.y.upperBound) / 2, ranges.y.lowerBound]
                .map { NumberFormat.tick($0, span: span) }
            let margin = min(columns / 3, labels.map(\.count).max() ?? 0)
            left = margin + 1
            plotBottom = bottom - 2
            let height = plotBottom - top
            for row in top..<plotBottom { block[margin, row] = ChartCell(glyphs.vertical) }
            for (i, label) in labels.enumerated() {
                let row = i == 0 ? top : i == 1 ? top + (height - 1) / 2 : plotBottom - 1
                block.put(String(label.suffix(margin)).leftPadded(to: margin), x: 0, y: row)
                block[margin, row] = ChartCell(glyphs.tick)
            }
            block[margin, plotBottom] = ChartCell(glyphs.corner)
            for x in left..<columns { block[x, plotBottom] = ChartCell(glyphs.horizontal) }
            let xSpan = ranges.x.upperBound - ranges.x.lowerBound
            let low = NumberFormat.tick(ranges.x.lowerBound, span: xSpan), high = NumberFormat.tick(ranges.x.upperBound, span: xSpan)
            block.put(low, x: left, y: plotBottom + 1)
            if columns - high.count > left + low.count { block.put(high, x: columns - high.count, y: plotBottom + 1) }
        }
        var canvas = BrailleCanvas(columns: columns - left, rows: max(0, plotBottom - top))
        plot(axes.series, on: &canvas, ranges: ranges, unicode: tier.isUnicode)
        canvas.draw(into: &block, x: left, y: top, colors: axes.series.map(\.color),
                    markers: axes.series.indices.map { series(axes.series[$0], marker: glyphs.marker($0)) },
                    unicode: tier.isUnicode)
        return block
    }

    private static func series(_ series: Series, marker: Character) -> Character {
        if case .bars = series.kind { return "#" }
        return marker
    }

    // MARK: - Data

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
                        for cx in min(x0, right)...max(x0, right) { for cy in min(zero, y)...max(zero, y) { set(cx, cy, owner) } }
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
