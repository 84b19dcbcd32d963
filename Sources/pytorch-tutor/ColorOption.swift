#if canImport(Glibc)
import Glibc
#endif
import Charts

/// The `--color=auto|never|256|truecolor` option, accepted anywhere among the tutor's own
/// arguments (for `run`, before the script, whose own arguments are left alone).
enum ColorOption {
    /// Removes the option from `args` and returns its choice (`auto` when absent). After
    /// `run`, only the arguments before the script are looked at (the rest are the script's).
    static func extract(_ args: inout [String]) throws(UsageError) -> ColorTier.Choice {
        var choice = ColorTier.Choice.auto
        let isRun = args.first == "run"
        var i = isRun ? 1 : 0
        while i < args.count {
            let arg = args[i]
            if isRun && !arg.hasPrefix("-") { break }
            let value: String
            if arg.hasPrefix("--color=") {
                value = String(arg.dropFirst("--color=".count))
                args.remove(at: i)
            } else if arg == "--color" {
                guard i + 1 < args.count else { throw UsageError(message: "--color needs a value (auto, never, 256 or truecolor)") }
                value = args[i + 1]
                args.removeSubrange(i...(i + 1))
            } else {
                i += 1
                continue
            }
            guard let parsed = ColorTier.Choice(rawValue: value) else {
                throw UsageError(message: "--color must be auto, never, 256 or truecolor, not '\(value)'")
            }
            choice = parsed
        }
        return choice
    }

    /// The width of standard output when it is a terminal, else 80 (so piped output does not
    /// depend on the window).
    static func terminalColumns() -> Int {
        var size = winsize()
        guard isatty(1) != 0, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
