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
        /// Tab in the REPL: completes the name at the end of the text.
        case complete(String)
        /// `name?` in the REPL.
        case help(String)
        /// An earlier step run again so that the names it defines exist: its code, or for an
        /// exercise `code` (the learner's passing code or the reference solution).
        case catchUp(Step, code: CodeBlock?)
    }

    /// Increases with every job, so events can be matched to the job that caused them.
    var id: Int
    var lesson: Lesson
    var stepIndex: Int
    var kind: Kind

    /// Whether the job serves the REPL (its output goes to the REPL's transcript).
    var isRepl: Bool {
        switch kind {
        case .repl, .complete, .help: return true
        case .step, .exercise, .catchUp: return false
        }
    }

    var isCatchUp: Bool {
        if case .catchUp = kind { return true }
        return false
    }
}

/// How a job ended.
enum JobOutcome: Equatable, Sendable {
    case ran(RunResult)
    case checked(CheckResult)
    case completed(Completion?)
    case helped(String)
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
