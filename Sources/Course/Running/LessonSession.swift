import MiniPython
import TorchBridge

/// One lesson's interpreter session, like a notebook kernel: every step and REPL entry runs
/// in the same `__main__`, so names defined by one step exist in the next.
///
/// Not thread-safe: create and use a session on one thread with a large stack (see
/// `Interpreter.runOnLargeStack`); only its ``interrupt`` flag may be set from another thread.
/// Runs do not clear the flag: a request made just before a run starts must stop it, so the
/// host clears the flag when it hands over new work.
public final class LessonSession {
    /// The lesson the session runs.
    public let lesson: Lesson
    /// Set from any thread to stop the running code with `KeyboardInterrupt`.
    public let interrupt: InterruptFlag
    /// The interpreter (for hosts that need more than running code, such as completion).
    public let interpreter: Interpreter
    private var checkHelpers: PyModule?
    /// Every code block of the lesson at its line, for tracebacks into earlier steps.
    private let lessonCode: String
    /// Whether figures go to the host; then a step's open figures show when it ends, as
    /// in a notebook.
    private let showsPlots: Bool

    /// - Parameters:
    ///   - lesson: the lesson whose code the session runs.
    ///   - interrupt: the flag that stops running code.
    ///   - showsPlots: whether figures and logged scalars come to `output` as `.display`
    ///     events (the tutor draws them); otherwise they are printed as plain text.
    ///   - output: receives what the code prints, on the session's thread.
    public init(lesson: Lesson, interrupt: InterruptFlag = InterruptFlag(), showsPlots: Bool = false,
                output: @escaping (SessionEvent) -> Void) {
        self.lesson = lesson
        self.interrupt = interrupt
        self.showsPlots = showsPlots
        interpreter = Interpreter(interrupt: interrupt)
        TorchBridge.install(into: interpreter)
        interpreter.argv = [lesson.file]
        interpreter.writeStdout = { output(.stdout($0)) }
        interpreter.writeStderr = { output(.stderr($0)) }
        if showsPlots { TorchBridge.setDisplay(interpreter, tier: .plain) { output(.display($0)) } }
        lessonCode = LessonSession.codeAtLines(lesson)
    }

    // MARK: - Running code

    /// Runs a step's code blocks in order, stopping at the first that does not complete.
    public func run(step: Step) -> RunResult {
        for block in step.code {
            let result = run(block)
            if !result.isCompleted { return result }
        }
        return .completed
    }

    /// Runs one code block of the lesson; its tracebacks name the lesson file and lines.
    public func run(_ block: CodeBlock) -> RunResult {
        run(sourceAtLines(block.code, firstLine: block.firstLine), filename: lesson.file)
    }

    /// Runs one REPL entry: expression values are echoed, like Python's prompt.
    public func runInteractive(_ source: String) -> RunResult {
        do throws(PyError) {
            try interpreter.executeInteractive(source + "\n", filename: "<stdin>")
            return .completed
        } catch {
            return result(of: error)
        }
    }

    /// Runs an attempt at an exercise, then its check.
    ///
    /// - Parameters:
    ///   - code: the learner's code (the starter, their edit, or the solution).
    ///   - filename: the name tracebacks give the code.
    ///   - firstLine: the line number of the code's first line in that file.
    public func check(_ exercise: Exercise, code: String, filename: String, firstLine: Int = 1) -> CheckResult {
        switch run(sourceAtLines(code, firstLine: firstLine), filename: filename) {
        case .completed: break
        case .raised(let traceback): return .codeRaised(traceback: traceback)
        case .interrupted(let traceback): return .interrupted(traceback: traceback)
        }
        defer { interpreter.showSource(lessonCode, forFile: lesson.file) }
        do throws(PyError) {
            let namespace = try checkNamespace()
            try interpreter.execute(exercise.check.sourceAtLessonLines, filename: lesson.file, in: namespace)
            return .passed
        } catch {
            if error.matches(.keyboardInterrupt) { return .interrupted(traceback: interpreter.formatTraceback(error)) }
            let message = error.exception.message
            if error.matches(.assertionError) {
                return .failed(message.isEmpty ? "the check failed at line \(lineOfFailure(error))" : message)
            }
            return .failed(error.description)
        }
    }

    // MARK: - Introspection

    /// Tab: the completions of the dotted name at the end of `text`, found without running
    /// the learner's code; nil when the text does not end in a name.
    public func complete(_ text: String) -> Completion? {
        Completion.complete(text, in: interpreter)
    }

    /// `name?`: the signature and first doc line of a function or class, or the type and
    /// repr of an object.
    public func help(for name: String) -> String {
        HelpText.help(for: name, in: interpreter)
    }

    // MARK: - Helpers

    private func run(_ source: String, filename: String) -> RunResult {
        do throws(PyError) {
            try interpreter.execute(source, filename: filename)
            interpreter.showSource(lessonCode, forFile: lesson.file)
            if showsPlots { TorchBridge.showOpenFigures(interpreter) }
            return .completed
        } catch {
            interpreter.showSource(lessonCode, forFile: lesson.file)
            return result(of: error)
        }
    }

    /// The lesson's code blocks at their own lines, blank lines elsewhere.
    private static func codeAtLines(_ lesson: Lesson) -> String {
        var blocks: [CodeBlock] = []
        for step in lesson.steps {
            for block in step.content { if case .code(let code) = block { blocks.append(code) } }
            if let exercise = step.exercise { blocks += [exercise.check, exercise.solution] }
        }
        var lines: [Substring] = []
        for block in blocks.sorted(by: { $0.firstLine < $1.firstLine }) {
            while lines.count < block.firstLine - 1 { lines.append("") }
            lines += block.lines
        }
        return lines.joined(separator: "\n")
    }

    private func result(of error: PyError) -> RunResult {
        let traceback = interpreter.formatTraceback(error)
        return error.matches(.keyboardInterrupt) ? .interrupted(traceback: traceback) : .raised(traceback: traceback)
    }

    /// A module whose globals are a copy of the learner's, plus the `expect_*` helpers: the
    /// check sees every name the learner defined, and defines none in their namespace.
    private func checkNamespace() throws(PyError) -> PyModule {
        let helpers: PyModule
        if let made = checkHelpers {
            helpers = made
        } else {
            helpers = try CheckHelpers.makeModule(interpreter)
            checkHelpers = helpers
        }
        let module = PyModule(name: "__main__")
        module.dict = interpreter.mainModule.namespace.copy()
        for name in CheckHelpers.names {
            if let helper = helpers[name] { module[name] = helper }
        }
        return module
    }

    private func lineOfFailure(_ error: PyError) -> Int {
        error.exception.traceback.last { $0.filename == lesson.file }?.line ?? 0
    }
}
