/// Draws a whole figure: its `suptitle`, then its grid of axes, each in an equal share of the
/// width. The height follows `figsize`'s aspect ratio, flattened (a cell is about twice as
/// tall as wide, and a terminal is short), within limits that keep a figure on screen.
public enum FigureRenderer {
    /// The figure drawn `columns` wide; `maxRows` caps its height (at least a few rows).
    public static func render(_ figure: Figure, columns: Int, maxRows: Int = 24, tier: ColorTier) -> ChartBlock {
        let width = min(max(0, columns), 400)
        guard width >= 4 else { return ChartBlock(width: 0, height: 0) }
        let aspect = figure.width > 0 && figure.height > 0 && figure.width.isFinite && figure.height.isFinite
            ? min(4, max(0.1, figure.height / figure.width)) : 0.75
        let cap = max(4, min(maxRows, 200))
        let perRow = max(8, Int((Double(width) / Double(figure.columns) * aspect * 0.35).rounded()))
        let height = min(cap, perRow * figure.rows + (figure.title.isEmpty ? 0 : 1))
        var block = ChartBlock(width: width, height: height)
        var top = 0
        if !figure.title.isEmpty {
            AxesRenderer.put(centred: figure.title, in: &block, y: 0, from: 0, to: width)
            top = 1
        }
        let cellHeight = max(1, (height - top) / figure.rows)
        let cellWidth = width / figure.columns
        guard cellWidth > 0 else { return block }
        for (index, axes) in figure.axes.enumerated() where !axes.isEmpty {
            let row = index / figure.columns, column = index % figure.columns
            // One blank column between neighbours.
            let gap = column + 1 < figure.columns ? 1 : 0
            let part = AxesRenderer.render(axes, columns: cellWidth - gap, rows: cellHeight, tier: tier)
            block.paste(part, x: column * cellWidth, y: top + row * cellHeight)
        }
        return block
    }
}
