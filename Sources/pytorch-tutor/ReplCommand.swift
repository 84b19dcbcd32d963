#if canImport(Glibc)
import Glibc
#endif
import Charts
import MiniPython
import TorchBridge

/// `pytorch-tutor repl`: CPython's interactive prompt. `>>> ` and `... ` go to stdout on a
/// terminal and to stderr when stdin is piped (as `python3 -i < file` does); the repr of
/// each expression statement is echoed; a block ends with an empty line; errors print a
/// traceback and the session goes on; Ctrl-C cancels the line or interrupts running code;
/// Ctrl-D (end of input) exits with status 0. Figures print as `run` prints them, in the
/// colours `--color` (or the environment) allows.
enum ReplCommand {
    static func run(color: ColorTier.Choice = .auto) -> Int32 {
        var status: Int32 = 0
        Signals.blockOnThisThread()
        Interpreter.runOnLargeStack {
            status = loop(color: color)
        }
        return status
    }

    private static func loop(color: ColorTier.Choice) -> Int32 {
        let interactive = isatty(0) != 0
        StandardStreams.isInteractive = true
        let promptFD: Int32 = interactive ? 1 : 2
        let interp = Interpreter(interrupt: Signals.interrupt)
        TorchBridge.install(into: interp)
        let tier = ColorTier.detect(choice: color, isTerminal: isatty(1) != 0) { getenv($0).flatMap { String(validatingCString: $0) } }
        TorchBridge.setDisplay(interp, tier: tier, columns: ColorOption.terminalColumns())
        interp.argv = [""]
        Signals.installInterruptHandler()
        let reader = LineReader()
        interp.readLine = { reader.readLine(onInterrupt: { false }) }
        write("MiniPython 3.11 subset (pytorch-tutor)\nType Ctrl-D to exit.\n", to: 2)
        var lines: [String] = []
        while true {
            StandardStreams.flush()
            write(lines.isEmpty ? ">>> " : "... ", to: promptFD)
            var interrupted = false
            guard let line = reader.readLine(onInterrupt: { interrupted = true; return true }) else {
                write("\n", to: promptFD)
                return 0
            }
            if interrupted {
                Signals.interrupt.clear()
                write("\nKeyboardInterrupt\n", to: 2)
                lines = []
                continue
            }
            if lines.isEmpty && line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            lines.append(line)
            let source = lines.joined(separator: "\n")
            if isIncomplete(source) { continue }
            lines = []
            Signals.interrupt.clear()
            do throws(PyError) {
                try interp.executeInteractive(source + "\n")
            } catch {
                StandardStreams.flush()
                if error.matches(.systemExit) { return RunCommand.report(error, interp) }
                interp.writeStderr(interp.formatTraceback(error))
            }
        }
    }

    private static func write(_ text: String, to fd: Int32) {
        StandardStreams.flush()
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }
}

/// Reads lines from fd 0 with `read(2)`, so that SIGINT (installed without SA_RESTART)
/// interrupts a blocked read.
final class LineReader {
    private var buffer: [UInt8] = []
    private var atEOF = false

    /// The next line without its newline; nil at end of input. When a signal interrupts the
    /// read and `onInterrupt` returns true, the partial line is dropped and "" returned.
    func readLine(onInterrupt: () -> Bool) -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                return String(decoding: line, as: UTF8.self)
            }
            if atEOF {
                guard !buffer.isEmpty else { return nil }
                let line = buffer
                buffer = []
                return String(decoding: line, as: UTF8.self)
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR, Signals.interrupt.isSet, onInterrupt() {
                    buffer = []
                    return ""
                }
                if errno == EINTR { continue }
                atEOF = true
            } else if n == 0 {
                atEOF = true
            } else {
                buffer += chunk[0..<n]
            }
        }
    }
}
