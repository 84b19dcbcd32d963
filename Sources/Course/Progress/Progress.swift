/// What the learner has done in the course, as saved between runs: where they are, and for
/// every step they touched its status, their attempts and hints, and their exercise code.
public struct Progress: Equatable, Sendable {
    /// The current lesson's id and step index, nil before the first save.
    public var current: StepPlace?
    /// The steps the learner touched.
    public var steps: [StepPlace: StepProgress]

    public init(current: StepPlace? = nil, steps: [StepPlace: StepProgress] = [:]) {
        self.current = current
        self.steps = steps
    }

    /// How many steps of `lesson` are done: code that ran, exercises passed.
    public func doneCount(in lesson: Lesson) -> Int {
        lesson.steps.indices.filter { steps[StepPlace(lesson: lesson.id, step: $0)]?.status.isDone ?? false }.count
    }
}

/// A step of the course: its lesson's id and its index in the lesson.
public struct StepPlace: Hashable, Sendable {
    public var lesson: String
    public var step: Int

    public init(lesson: String, step: Int) {
        self.lesson = lesson
        self.step = step
    }
}

/// The saved state of one step.
public struct StepProgress: Equatable, Sendable {
    public enum Status: String, Sendable, CaseIterable {
        case notRun = "not-run", ran, passed, failed, interrupted

        /// Code that ran to the end, or an exercise that passed.
        public var isDone: Bool { self == .ran || self == .passed }
    }

    public var status: Status
    /// Exercise checks run so far.
    public var attempts: Int
    /// Hints the learner opened.
    public var hintsUsed: Int
    /// The learner's exercise code (nil: still the starter code).
    public var code: String?
    /// The file the learner edited their code in (tracebacks name it).
    public var codeFile: String?

    public init(status: Status = .notRun, attempts: Int = 0, hintsUsed: Int = 0, code: String? = nil, codeFile: String? = nil) {
        self.status = status
        self.attempts = attempts
        self.hintsUsed = hintsUsed
        self.code = code
        self.codeFile = codeFile
    }
}
