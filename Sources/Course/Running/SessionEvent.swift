import Charts

/// What a running lesson session reports, in order, while its code runs.
///
/// The tutor forwards these to its output pane and the headless commands to the terminal.
/// Rich output (a chart point logged with `SummaryWriter.add_scalar`, a finished figure, an
/// image) arrives as ``display(_:)`` when the session was made with `showsPlots`, so every
/// consumer handles it in the same place as text.
public enum SessionEvent: Equatable, Sendable {
    /// Text written to `sys.stdout` (`print`).
    case stdout(String)
    /// Text written to `sys.stderr` (warnings; tracebacks come back in the result instead).
    case stderr(String)
    /// A figure or a logged scalar (sessions made with `showsPlots` only).
    case display(DisplayEvent)
}

/// How running a piece of code ended.
public enum RunResult: Equatable, Sendable {
    /// It ran to the end.
    case completed
    /// It raised: the traceback, as CPython prints it (ends with a newline).
    case raised(traceback: String)
    /// Ctrl-C or Esc stopped it: the `KeyboardInterrupt` traceback.
    case interrupted(traceback: String)

    public var isCompleted: Bool { self == .completed }
}

/// How checking an exercise attempt ended.
public enum CheckResult: Equatable, Sendable {
    /// The check raised nothing.
    case passed
    /// The check raised: what differed (an `AssertionError`'s message or `Type: message`).
    case failed(String)
    /// The learner's code itself raised, before the check ran: its traceback.
    case codeRaised(traceback: String)
    /// Ctrl-C or Esc stopped it.
    case interrupted(traceback: String)

    public var isPassed: Bool { self == .passed }
}
