/// How much a terminal can show of a chart: plain ASCII, or Unicode (braille dots, half
/// blocks) with 256 or 24-bit colours.
///
/// Without colour, or without a UTF-8 locale, charts fall back to plain ASCII: braille and
/// half blocks without colour carry too little to be worth the risk of a font without them.
public enum ColorTier: String, Equatable, Sendable {
    case plain
    case ansi256 = "256"
    case truecolor

    /// Whether charts use braille dots and half blocks.
    public var isUnicode: Bool { self != .plain }

    /// The `--color` option: `auto` (follow the environment), or a forced tier.
    public enum Choice: String, Equatable, Sendable {
        case auto, never, ansi256 = "256", truecolor
    }

    /// The tier for a terminal.
    ///
    /// - Parameters:
    ///   - choice: the `--color` option; `never`, `256` and `truecolor` win over everything
    ///     (a forced colour tier still needs a UTF-8 locale for its glyphs, unless forced).
    ///   - isTerminal: whether the output is a terminal; `auto` gives `plain` otherwise.
    ///   - environment: reads a variable (`NO_COLOR`, `TERM`, `COLORTERM`, `LC_ALL`,
    ///     `LC_CTYPE`, `LANG`).
    public static func detect(choice: Choice = .auto, isTerminal: Bool,
                              environment: (String) -> String?) -> ColorTier {
        switch choice {
        case .never: return .plain
        case .ansi256: return .ansi256
        case .truecolor: return .truecolor
        case .auto: break
        }
        guard isTerminal, isUTF8Locale(environment) else { return .plain }
        if let noColor = environment("NO_COLOR"), !noColor.isEmpty { return .plain }
        let term = environment("TERM") ?? ""
        if term.isEmpty || term == "dumb" { return .plain }
        let colorterm = (environment("COLORTERM") ?? "").lowercased()
        if colorterm == "truecolor" || colorterm == "24bit" || term.hasSuffix("-direct") { return .truecolor }
        return .ansi256
    }

    /// Whether the locale's character type is UTF-8: the first of `LC_ALL`, `LC_CTYPE`,
    /// `LANG` that is set decides, as in POSIX.
    public static func isUTF8Locale(_ environment: (String) -> String?) -> Bool {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = environment(name), !value.isEmpty {
                let lower = value.lowercased()
                return lower.contains("utf-8") || lower.contains("utf8")
            }
        }
        return false
    }
}
