import MiniPython

/// Runs a lesson headless, the way `pytorch-tutor check` does: every step's code in one
/// session, in order; for every exercise, the starter code must fail its check and the
/// solution must pass it (the session then goes on with the solution's names, like a learner
/// who solved it).
///
/// Call it on a thread with a large stack (`Interpreter.runOnLargeStack`).
public enum LessonChecker {
    /// Checks one lesson.
    ///
    /// - Parameters:
    ///   - interrupt: stops the running code when set (Ctrl-C).
    ///   - output: receives everything the lesson's code prints.
    /// - Returns: the problems found; the lesson stops at the first step whose code fails,
    ///   since later steps depend on it.
    public static func check(_ lesson: Lesson, interrupt: InterruptFlag = InterruptFlag(),
                             output: @escaping (SessionEvent) -> Void = { _ in }) -> LessonReport {
        let session = LessonSession(lesson: lesson, interrupt: interrupt, output: output)
        var report = LessonReport(lesson: lesson)
        for step in lesson.steps {
            if let exercise = step.exercise {
                report.exercisesChecked += 1
                let starter = session.check(exercise, code: exercise.starter.code, filename: lesson.file,
                                            firstLine: exercise.starter.firstLine)
                if starter.isPassed {
                    report.problems.append(CheckProblem(step: step, line: exercise.starter.fenceLine,
                                                        message: "the starter code already passes the check"))
                }
                let solution = session.check(exercise, code: exercise.solution.code, filename: lesson.file,
                                             firstLine: exercise.solution.firstLine)
                switch solution {
                case .passed: continue
                case .failed(let message):
                    report.problems.append(CheckProblem(step: step, line: exercise.solution.fenceLine,
                                                        message: "the solution fails the check: \(message)"))
                case .codeRaised(let traceback), .interrupted(let traceback):
                    report.problems.append(CheckProblem(step: step, line: exercise.solution.fenceLine,
                                                        message: "the solution raised:\n\(traceback)"))
                }
                return report
            } else if !step.code.isEmpty {
                report.stepsRun += 1
                switch session.run(step: step) {
                case .completed: continue
                case .raised(let traceback), .interrupted(let traceback):
                    report.problems.append(CheckProblem(step: step, line: step.line, message: "the code raised:\n\(traceback)"))
                    return report
                }
            }
        }
        return report
    }
}

/// The outcome of checking one lesson.
public struct LessonReport: Sendable {
    public var lesson: Lesson
    /// Empty when the lesson is fine.
    public var problems: [CheckProblem] = []
    /// Steps whose code ran (exercises not included).
    public var stepsRun = 0
    /// Exercises whose starter and solution were checked.
    public var exercisesChecked = 0

    public init(lesson: Lesson) { self.lesson = lesson }

    public var passed: Bool { problems.isEmpty }
}

/// Something wrong with a lesson found by running it.
public struct CheckProblem: Sendable, CustomStringConvertible {
    /// The step's title.
    public var step: String
    /// The line of the lesson file it concerns.
    public var line: Int
    /// What went wrong (may span lines, e.g. a traceback).
    public var message: String

    init(step: Step, line: Int, message: String) {
        self.step = step.title
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line), step '\(step)': \(message)" }
}
