#if canImport(Glibc)
import Glibc
#endif
import Course

/// The tutor: the model, the panes, the overlays and the code worker, driven by keys from a
/// ``Screen`` and by the worker's events.
///
/// Everything here runs on the UI thread; only the worker's ``EventQueue`` crosses threads.
final class TutorApp {
    enum Overlay {
        case help(HelpOverlay)
        case search(LineEditor)
        case confirmReset
    }

    let model: TutorModel
    let screen: Screen
    let tree: CourseTreePane
    let lesson: LessonPane
    let output = OutputPane()
    let repl = ReplPane()
    var focus = KeyContext.lesson
    /// Whether the focused pane fills the screen (`z`).
    var zoomed = false
    var overlay: Overlay?
    /// A one-off message for the footer, cleared by the next key.
    var message: (text: String, role: Role)?
    let events: EventQueue
    let worker: SessionWorker
    /// The job running now, and the ones waiting for it (earlier steps run before a step).
    var running: Job?
    var queued: [Job] = []
    /// The steps of each lesson that ran to completion in its session (by lesson id).
    var ranInSession: [String: Set<Int>] = [:]
    var nextJobID = 1
    var quitRequested = false
    /// Opens a file in the learner's editor and waits for it; false if the editor failed.
    let editFile: (String) -> Bool
    /// Where exercise files for the editor go.
    let workspace: String
    /// Saves the learner's progress after every change.
    let progressSaver: ProgressSaver
    /// Set once saving failed, so the learner hears about it once.
    private var progressSaveFailed = false

    /// - Parameter stateDirectory: the folder for progress, REPL history and exercise files
    ///   (``StateDirectory``).
    init(course: Course, screen: Screen, stateDirectory: String, editFile: @escaping (String) -> Bool) {
        let store = ProgressStore(directory: stateDirectory)
        let (progress, problem) = store.load()
        progressSaver = ProgressSaver(store: store)
        model = TutorModel(course: course, progress: progress)
        self.screen = screen
        workspace = FileSystem.join(stateDirectory, "exercises")
        self.editFile = editFile
        repl.history = ReplHistory(file: FileSystem.join(stateDirectory, "repl_history"))
        if let problem {
            message = (problem, .failure)
            output.log.add(problem, role: .failure)
        } else if progress.current != nil {
            message = ("Welcome back: you are where you left off. Earlier steps re-run when needed.", .dim)
        }
        tree = CourseTreePane(model: model)
        lesson = LessonPane(model: model)
        events = EventQueue(waker: screen.waker)
        worker = SessionWorker(events: events)
        repl.sessionName = model.lesson?.id ?? ""
    }

    // MARK: - Main loop

    /// Runs until `q` or a quit signal, with the progress on disk; returns the exit status.
    func run() -> Int32 {
        defer { progressSaver.flush() }
        var dirty = true
        var lastFrame = 0
        while !quitRequested {
            if let signal = TerminalGuard.takeRequestedSignal() { return 128 + signal }
            if drainEvents() { dirty = true }
            let now = TutorApp.milliseconds()
            // At most one frame per 16 ms, however fast the output arrives.
            if dirty && now - lastFrame >= 16 {
                screen.present(draw(size: screen.size))
                dirty = false
                lastFrame = now
            }
            let timeout = dirty ? max(1, 16 - (now - lastFrame)) : 1000
            if let key = screen.nextKey(timeout: timeout) {
                handle(key)
                dirty = true
            }
        }
        return 0
    }

    /// Saves the progress if it changed; a failure is reported once.
    func saveProgress() {
        progressSaver.save(model.progress)
        guard let error = progressSaver.takeFailure() else { return }
        if !progressSaveFailed { message = ("Cannot save progress to \(progressSaver.file): \(error)", .failure) }
        progressSaveFailed = true
    }

    deinit { progressSaver.flush() }

    private static func milliseconds() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return time.tv_sec * 1000 + time.tv_nsec / 1_000_000
    }

    // MARK: - Drawing

    /// The whole frame for a terminal of `size`.
    func draw(size: Size) -> Canvas {
        var canvas = Canvas(size: size)
        guard let layout = currentLayout(size) else {
            TooSmallScreen.draw(into: &canvas)
            return canvas
        }
        output.status = runningStatus ?? (layout.isCompact && !zoomed ? "z zoom" : "")
        for (context, frame) in [(KeyContext.tree, layout.tree), (.lesson, layout.lesson), (.output, layout.output),
                                 (.repl, layout.repl)] where frame.width > 0 && frame.height > 0 {
            pane(context)?.draw(into: &canvas, frame: frame, focused: focus == context)
        }
        for line in layout.separators { canvas.fill(line, "│", .border) }
        let content: Footer.Content
        switch overlay {
        case .help(var help):
            help.draw(into: &canvas, frame: Rect(x: 0, y: 0, width: size.width, height: size.height - 1))
            overlay = .help(help)
            content = .message("↑↓ PgUp PgDn scroll · ? or Esc closes", .dim)
        case .search(let editor):
            content = .prompt("Search: ", editor)
        case .confirmReset:
            content = .message("Reset this step (your code, hints and result)? y/n", .running)
        case nil:
            content = message.map { .message($0.text, $0.role) } ?? .keys(focus)
        }
        Footer.draw(content, status: running.map { _ in ("▶ running · Ctrl-C stops", .running) }, into: &canvas, frame: layout.footer)
        return canvas
    }

    /// Where the panes go at `size`, with the focused pane alone when zoomed.
    func currentLayout(_ size: Size) -> Layout? {
        Layout(size, zoomed: zoomed ? focus : nil)
    }

    /// "step 3 running" for the output pane's title bar.
    private var runningStatus: String? {
        guard let job = running, !job.isRepl else { return nil }
        return "▶ \(job.lesson.id) step \(job.stepIndex + 1)"
    }

    /// The pane object for a context.
    func pane(_ context: KeyContext) -> Pane? {
        switch context {
        case .tree: return tree
        case .lesson: return lesson
        case .output: return output
        case .repl: return repl
        case .global: return nil
        }
    }
}
