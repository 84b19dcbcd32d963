#if canImport(Glibc)
import Glibc
#endif
import Charts

/// The `--color=auto|never|256|truecolor` option, accepted before the command or right after
/// `run` (before the script, whose own arguments are left alone).
enum ColorOption {
    /// Removes the option from `args` and returns its choice (`auto` when absent).
    static func extract(_ args: inout [String]) throws(UsageError) -> ColorTier.Choice {
        var choice = ColorTier.Choice.auto
        var i = 0
        while i < args.count {
            let arg = args[i]
            if arg == "run" && i == 0 {
                i += 1
                continue
            }
            guard arg.hasPrefix("-") else { break }
            var value: String?
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
            guard let value, let parsed = ColorTier.Choice(rawValue: value) else {
                throw UsageError(message: "--color must be auto, never, 256 or truecolor, not '\(value ?? "")'")
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
