import Course

/// Where a step stands for the learner.
public enum StepStatus: Equatable, Sendable {
    case notRun
    case running
    /// The code ran to the end.
    case ran
    /// The code raised, or the exercise's check failed.
    case failed
    /// The exercise's check passed.
    case passed
    /// Ctrl-C stopped it.
    case interrupted
}

/// What the learner did with one step.
public struct StepState: Equatable, Sendable {
    public var status: StepStatus = .notRun
    /// The learner's code for an exercise (nil: the starter code).
    public var code: String?
    /// The file the learner's code was edited in (tracebacks name it).
    public var codeFile: String?
    /// How many hints are showing.
    public var hintsShown = 0
    /// How many times the learner's code was checked.
    public var attempts = 0
    /// The last check's verdict: what differed, or nil.
    public var checkMessage: String?
    /// Whether the solution diff is showing.
    public var showsSolution = false

    public init() {}
}

extension StepState {
    /// The state saved in the progress file restored: a running step did not finish.
    init(_ saved: StepProgress) {
        switch saved.status {
        case .notRun: status = .notRun
        case .ran: status = .ran
        case .passed: status = .passed
        case .failed: status = .failed
        case .interrupted: status = .interrupted
        }
        code = saved.code
        codeFile = saved.codeFile
        hintsShown = saved.hintsUsed
        attempts = saved.attempts
    }

    /// What the progress file keeps.
    var saved: StepProgress {
        let kept: StepProgress.Status
        switch status {
        case .notRun, .running: kept = .notRun
        case .ran: kept = .ran
        case .passed: kept = .passed
        case .failed: kept = .failed
        case .interrupted: kept = .interrupted
        }
        return StepProgress(status: kept, attempts: attempts, hintsUsed: hintsShown, code: code, codeFile: codeFile)
    }
}
