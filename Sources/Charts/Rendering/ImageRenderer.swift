/// Draws images in half-block cells: each cell shows two pixels, the upper one as the
/// foreground of "▀" and the lower one as its background. In ASCII, one character of a
/// brightness ramp per cell.
enum ImageRenderer {
    private static let ramp: [Character] = Array(" .:-=+*#%@")

    /// The image scaled to fit `columns` x `rows` cells (whole-number enlargement for small
    /// images, nearest-pixel reduction for large ones), keeping its aspect ratio.
    static func render(_ image: Image, columns: Int, rows: Int, tier: ColorTier) -> ChartBlock {
        guard image.width > 0, image.height > 0, columns > 0, rows > 0 else { return ChartBlock(width: 0, height: 0) }
        let pixelRows = tier.isUnicode ? 2 * rows : rows
        // In ASCII one cell is one pixel, and cells are about twice as tall as wide.
        let aspect = tier.isUnicode ? 1.0 : 0.5
        let fit = min(Double(columns) / Double(image.width), Double(pixelRows) / (Double(image.height) * aspect))
        let scale = fit >= 1 ? min(8, fit.rounded(.down)) : fit
        let width = max(1, min(columns, Int((Double(image.width) * scale).rounded(.down))))
        let height = max(1, min(pixelRows, Int((Double(image.height) * scale * aspect).rounded(.down))))
        let range = image.valueRange
        func pixel(_ x: Int, _ y: Int) -> RGB {
            let sx = min(image.width - 1, x * image.width / width)
            let sy = min(image.height - 1, y * image.height / height)
            return image.color(x: sx, y: sy, range: range)
        }
        let cellRows = tier.isUnicode ? (height + 1) / 2 : height
        var block = ChartBlock(width: width, height: cellRows)
        for row in 0..<cellRows {
            for x in 0..<width {
                if tier.isUnicode {
                    let top = pixel(x, 2 * row)
                    let bottom = 2 * row + 1 < height ? pixel(x, 2 * row + 1) : nil
                    block[x, row] = ChartCell("▀", foreground: top, background: bottom)
                } else {
                    let level = pixel(x, row).luminance
                    let index = min(ramp.count - 1, max(0, Int(level * Double(ramp.count))))
                    block[x, row] = ChartCell(ramp[index])
                }
            }
        }
        return block
    }
}
