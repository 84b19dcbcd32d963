import Course

/// A piece of code for the worker to run in a lesson's session.
struct Job: Sendable {
    enum Kind: Sendable {
        /// A step's code blocks.
        case step(Step)
        /// An exercise attempt, then its check.
        case exercise(Exercise, code: String, filename: String, firstLine: Int)
        /// A REPL entry.
        case repl(String)
        /// An earlier step the learner skipped, run so that the names it defines exist: its
        /// code, or an exercise's reference solution.
        case catchUp(Step)
    }

    /// Increases with every job, so events can be matched to the job that caused them.
    var id: Int
    var lesson: Lesson
    var stepIndex: Int
    var kind: Kind

    var isRepl: Bool {
        if case .repl = kind { return true }
        return false
    }
}

/// How a job ended.
enum JobOutcome: Equatable, Sendable {
    case ran(RunResult)
    case checked(CheckResult)
}

/// What the worker tells the UI thread, in order.
///
/// Rich output joins through ``SessionEvent``: when the bridge reports a chart point or a
/// figure, `output` carries it to the output pane like text.
enum WorkerEvent: Sendable {
    case started(Int)
    case output(SessionEvent)
    case finished(Int, JobOutcome)
}
