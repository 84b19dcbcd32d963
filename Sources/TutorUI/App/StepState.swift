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
    /// The last check's verdict: what differed, or nil.
    public var checkMessage: String?
    /// Whether the solution diff is showing.
    public var showsSolution = false

    public init() {}
}

/// Identifies a step across the course.
struct StepKey: Hashable {
    var lesson: String
    var step: Int
}
