import Course

/// The current step: its prose and code, and for an exercise the learner's code, the hints
/// they asked for, the check's verdict, "why it works" once passed, and the solution diff.
final class LessonPane: Pane {
    private let model: TutorModel
    private var scroller = Scroller()
    private var cache: (key: [Int], rows: [StyledLine], statusRow: Int)?
    /// The step's status at the last draw: when a run changes it, the verdict scrolls into view.
    private var shownStatus = StepStatus.notRun
    private var height = 1
    /// The step the scroll position belongs to.
    private var shownStep: [Int] = []

    let context = KeyContext.lesson

    init(model: TutorModel) { self.model = model }

    func draw(into canvas: inout Canvas, frame: Rect, focused: Bool) {
        guard let lesson = model.lesson, let step = model.step else {
            TitleBar.draw("Lesson", into: &canvas, frame: frame, focused: focused)
            let body = frame.droppingTop(1).inset(horizontally: 1)
            canvas.put("No lessons found in \(model.course.root).", x: body.x, y: body.y, role: .failure, clip: body)
            return
        }
        TitleBar.draw(MarkdownInline.plainText(lesson.title), right: "step \(model.stepIndex + 1)/\(lesson.steps.count)",
                      into: &canvas, frame: frame, focused: focused)
        let body = frame.droppingTop(1).inset(horizontally: 1)
        height = max(1, body.height)
        let place = [model.lessonIndex, model.stepIndex]
        let status = model.state(lesson: lesson.id, step: model.stepIndex).status
        if place != shownStep {
            scroller = Scroller()
            shownStep = place
            shownStatus = status
        }
        let rows = self.rows(step: step, lesson: lesson, width: body.width)
        if status != shownStatus, let statusRow = cache?.statusRow,
           statusRow < scroller.top || statusRow >= scroller.top + body.height {
            scroller.top = max(0, statusRow - 1)
        }
        shownStatus = status
        let top = scroller.clamp(rows: rows.count, height: body.height)
        for (offset, row) in rows[top..<min(rows.count, top + body.height)].enumerated() {
            canvas.put(row, x: body.x, y: body.y + offset, clip: body)
        }
    }

    func perform(_ action: Action) -> PaneResult {
        scroller.perform(action, rows: cache?.rows.count ?? 0, height: height)
    }

    private func rows(step: Step, lesson: Lesson, width: Int) -> [StyledLine] {
        let key = [model.version, width, model.lessonIndex, model.stepIndex]
        if let cache, cache.key == key { return cache.rows }
        let state = model.state(lesson: lesson.id, step: model.stepIndex)
        var rows = MarkdownRenderer.inline(step.title, base: .heading).wrapped(width: width) + [.empty]
        let statusRow: Int
        if let exercise = step.exercise {
            let (exerciseRows, verdict) = self.exerciseRows(step, exercise, state, width: width)
            statusRow = rows.count + verdict
            rows += exerciseRows
        } else {
            rows += MarkdownRenderer.render(step.content, width: width) + [.empty]
            statusRow = rows.count
            rows += statusRows(step, state, width: width)
        }
        cache = (key, rows, statusRow)
        return rows
    }

    // MARK: - Exercises

    /// The exercise's rows, and the index of the verdict among them.
    private func exerciseRows(_ step: Step, _ exercise: Exercise, _ state: StepState, width: Int) -> ([StyledLine], Int) {
        var rows: [StyledLine] = []
        for block in step.content {
            if !rows.isEmpty { rows.append(.empty) }
            if case .code(let code) = block, code == exercise.starter {
                let edited = state.code != nil
                rows.append(StyledLine(edited ? "Your code (e edits it):" : "Starter code (e edits it):", .dim))
                rows += MarkdownRenderer.render(code, width: width, lines: state.code,
                                                firstLine: edited && state.codeFile != nil ? 1 : nil)
            } else {
                rows += MarkdownRenderer.render(block, width: width)
            }
        }
        for (index, hint) in exercise.hints.prefix(state.hintsShown).enumerated() {
            rows.append(.empty)
            var line = StyledLine("Hint \(index + 1)/\(exercise.hints.count): ", .hint)
            line.runs += MarkdownRenderer.inline(hint, base: .hint).runs
            rows += line.wrapped(width: width, indent: 2)
        }
        rows.append(.empty)
        let verdict = rows.count
        switch state.status {
        case .passed:
            rows.append(StyledLine("✓ Passed!", .success))
            rows.append(.empty)
            rows.append(StyledLine("Why it works", .heading))
            rows += MarkdownRenderer.render(exercise.explanation, width: width)
        case .failed:
            rows += StyledLine("✗ Not yet: " + (state.checkMessage ?? "your code raised an exception (see Output)"), .failure)
                .wrapped(width: width, indent: 2)
        case .running:
            rows.append(StyledLine("▶ Checking… (Ctrl-C stops it)", .running))
        case .interrupted:
            rows.append(StyledLine("Stopped.", .failure))
        case .notRun, .ran:
            let hints = exercise.hints.count - state.hintsShown
            rows += StyledLine("Enter checks your code · e edits it · h shows a hint (\(hints) left)", .dim).wrapped(width: width)
        }
        if state.showsSolution {
            rows.append(.empty)
            rows.append(StyledLine("Solution (compared with your code):", .heading))
            let mine = (state.code ?? exercise.starter.code).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let theirs = exercise.solution.code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for change in LineDiff.diff(mine, theirs) {
                switch change {
                case .same(let text): rows += StyledLine("  " + text, .code).hardWrapped(width: width)
                case .removed(let text): rows += StyledLine("- " + text, .diffRemoved).hardWrapped(width: width)
                case .added(let text): rows += StyledLine("+ " + text, .diffAdded).hardWrapped(width: width)
                }
            }
        }
        return (rows, verdict)
    }

    // MARK: - Status

    private func statusRows(_ step: Step, _ state: StepState, width: Int) -> [StyledLine] {
        guard step.isRunnable else { return [StyledLine("Press n for the next step.", .dim)] }
        switch state.status {
        case .notRun: return [StyledLine("Press Enter to run this step.", .dim)]
        case .running: return [StyledLine("▶ Running… (Ctrl-C stops it)", .running)]
        case .ran, .passed: return [StyledLine("✓ Ran. Press n for the next step.", .success)]
        case .failed: return StyledLine("✗ The code raised an exception: see Output.", .failure).wrapped(width: width)
        case .interrupted: return [StyledLine("Stopped by Ctrl-C.", .failure)]
        }
    }
}
