#if canImport(Glibc)
import Glibc
#endif
import Charts
import MiniPython
import TorchBridge

/// `pytorch-tutor run FILE.py [ARGS...]`: like `python FILE.py`: the program's output on
/// stdout, an uncaught exception's traceback on stderr and exit status 1, status 2 when the
/// file cannot be read.
enum RunCommand {
    /// `color` is the `--color` option: figures go to stdout in colour only on a terminal
    /// (or when forced), so piped output stays plain text.
    static func run(file: String, arguments: [String], color: ColorTier.Choice = .auto) -> Int32 {
        guard let source = readFile(file) else {
            Stderr.write("pytorch-tutor: can't open file '\(file)': [Errno 2] No such file or directory\n")
            return 2
        }
        var status: Int32 = 0
        Signals.blockOnThisThread()
        Interpreter.runOnLargeStack {
            let interp = Interpreter(interrupt: Signals.interrupt)
            TorchBridge.install(into: interp)
            let tier = ColorTier.detect(choice: color, isTerminal: isatty(1) != 0) { getenv($0).flatMap { String(validatingCString: $0) } }
            TorchBridge.setDisplay(interp, tier: tier, columns: ColorOption.terminalColumns())
            interp.argv = [file] + arguments
            Signals.installInterruptHandler()
            do throws(PyError) {
                try interp.execute(source, filename: file)
            } catch {
                status = report(error, interp)
            }
            StandardStreams.flush()
        }
        return status
    }

    /// Prints an uncaught exception like CPython and returns the exit status
    /// (`SystemExit` gives its code).
    static func report(_ error: PyError, _ interp: Interpreter) -> Int32 {
        if error.matches(.systemExit) {
            let args = error.exception.args
            guard let code = args.first, args.count == 1 else { return args.isEmpty ? 0 : 1 }
            switch code {
            case .none: return 0
            case .int(let i): return Int32(truncatingIfNeeded: i.asInt ?? 1)
            case .bool(let b): return b ? 1 : 0
            default:
                interp.writeStderr(((try? interp.str(code)) ?? "") + "\n")
                return 1
            }
        }
        interp.writeStderr(interp.formatTraceback(error))
        return error.matches(.keyboardInterrupt) ? 130 : 1
    }

    /// The whole file as UTF-8 text, or nil if it cannot be read.
    static func readFile(_ path: String) -> String? {
        guard let handle = fopen(path, "rb") else { return nil }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&chunk, 1, chunk.count, handle)
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        if ferror(handle) != 0 { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// SIGINT turns into the interpreter's interrupt flag (KeyboardInterrupt in Python code).
enum Signals {
    static let interrupt = InterruptFlag()

    /// Keeps SIGINT away from the calling thread (call it on the main thread before starting
    /// the interpreter thread, which inherits the mask and then unblocks it for itself).
    static func blockOnThisThread() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// Installs the handler and lets this thread (the interpreter's) receive SIGINT, so a
    /// blocked `read` of the REPL returns EINTR.
    static func installInterruptHandler() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in Signals.interrupt.set() }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: a blocked read returns EINTR
        sigaction(SIGINT, &action, nil)
    }
}
