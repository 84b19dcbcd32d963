#if canImport(Glibc)
import Glibc
#endif
import CNcursesShim
import Synchronization

// Note [Restoring the terminal]
// Curses leaves the terminal in raw mode, without echo, with the cursor hidden and on the
// alternate screen. Every way out must undo that:
// - `q`: the main loop ends and calls `CursesScreen.stop()`.
// - SIGINT, SIGTERM, SIGHUP: the handler only records the signal (async-signal-safe); the
//   main loop, whose `poll` the signal interrupts, stops curses and exits with 128+signal.
// - `exit()` from anywhere: an `atexit` hook calls `endwin`.
// - Crashes (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP; Swift traps raise SIGILL or
//   SIGTRAP): the handler calls `endwin` and reinstates the previous handler (Swift's
//   backtracer, if it installed one). For a fault it then returns, so the faulting
//   instruction runs again under that handler with its real context; a signal sent with
//   kill or raise (`si_code <= 0`, abort() included) is raised again instead, and if that
//   handler returns, raised once more with the default action. `endwin` is
//   not async-signal-safe, but the process is going down anyway; htop's CRT.c does the same.
// The worker thread blocks the terminal signals, so that they always interrupt the main
// thread's `poll`.

/// Installs the handlers that restore the terminal on every way out (see Note [Restoring the terminal]).
public enum TerminalGuard {
    /// The signal that asked the tutor to quit (0: none).
    private static let requested = Atomic<Int32>(0)
    /// Whether curses owns the terminal right now.
    private static let active = Atomic<Bool>(false)
    /// The signals that end the tutor cleanly.
    static let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    private static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]
    /// The handlers that were there before, by signal number (written once, before curses starts).
    nonisolated(unsafe) private static var previous: [sigaction] = Array(repeating: sigaction(), count: 65)

    /// Installs the handlers; call once, before starting curses.
    public static func install() {
        atexit { TerminalGuard.restore() }
        for signal in quitSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { TerminalGuard.requested.store($0, ordering: .relaxed) }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
        for signal in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { signal, info, _ in
                TerminalGuard.restore()
                _ = withUnsafePointer(to: &TerminalGuard.previous[Int(signal)]) { sigaction(signal, $0, nil) }
                if let info, info.pointee.si_code <= 0 {
                    raise(signal)
                    // The previous handler returned: die of the signal as if none were installed.
                    Glibc.signal(signal, SIG_DFL)
                    raise(signal)
                }
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(SA_SIGINFO | SA_NODEFER)
            sigaction(signal, &action, &previous[Int(signal)])
        }
    }

    /// The quit signal received since the last call, if any.
    public static func takeRequestedSignal() -> Int32? {
        let signal = requested.exchange(0, ordering: .relaxed)
        return signal == 0 ? nil : signal
    }

    /// Blocks the terminal's signals on the calling thread (the code worker).
    static func blockOnThisThread() {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in quitSignals + [SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&set, signal) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    static func cursesStarted() { active.store(true, ordering: .relaxed) }
    static func cursesStopped() { active.store(false, ordering: .relaxed) }

    /// Ends curses if it owns the terminal.
    private static func restore() {
        if active.exchange(false, ordering: .relaxed) { endwin() }
    }
}
