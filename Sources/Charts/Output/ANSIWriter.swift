/// Turns a rendered chart into text for a terminal: SGR colour codes for the tier
/// (`38;5;n`/`48;5;n` or `38;2;r;g;b`/`48;2;r;g;b`), none for `plain`.
public enum ANSIWriter {
    /// The block's rows, each ending with a newline; colours reset at each row's end.
    public static func render(_ block: ChartBlock, tier: ColorTier) -> String {
        var out = ""
        for row in block.rows {
            var line = ""
            var current: (RGB?, RGB?) = (nil, nil)
            for cell in row {
                let wanted = tier == .plain ? (nil, nil) : (cell.foreground, cell.background)
                if wanted != current {
                    line += sgr(foreground: wanted.0, background: wanted.1, tier: tier)
                    current = wanted
                }
                line.append(cell.character)
            }
            if current != (nil, nil) { line += "\u{1B}[0m" }
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        return out
    }

    private static func sgr(foreground: RGB?, background: RGB?, tier: ColorTier) -> String {
        var codes = ["0"]
        if let foreground { codes.append(color(foreground, base: 38, tier: tier)) }
        if let background { codes.append(color(background, base: 48, tier: tier)) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    private static func color(_ rgb: RGB, base: Int, tier: ColorTier) -> String {
        tier == .truecolor ? "\(base);2;\(rgb.red);\(rgb.green);\(rgb.blue)" : "\(base);5;\(rgb.xterm256)"
    }
}
