import Course

/// The course as a tree: modules, their lessons, and the current lesson's steps with marks
/// (✓ done, ✗ failed, ▶ running, · not run), plus the lesson files that failed to load.
final class CourseTreePane: Pane {
    /// One row of the tree and the step opening it goes to.
    struct Row {
        var text: String
        var role: Role
        var target: Target?
        var depth: Int

        init(text: String, role: Role, target: Target? = nil, depth: Int) {
            self.text = text
            self.role = role
            self.target = target
            self.depth = depth
        }
    }

    struct Target: Equatable {
        var lesson: Int
        var step: Int
    }

    private let model: TutorModel
    private var scroller = Scroller()
    /// The selected row; follows the current step until the learner moves it.
    private var selection: Int?
    private var height = 1

    let context = KeyContext.tree

    init(model: TutorModel) { self.model = model }

    /// The rows for the current state.
    func rows() -> [Row] {
        var rows: [Row] = []
        var lessonIndex = 0
        for module in model.course.modules {
            rows.append(Row(text: "\(module.number) \(module.title)", role: .strong, depth: 0))
            for lesson in module.lessons {
                let isCurrent = lessonIndex == model.lessonIndex
                rows.append(Row(text: "\(mark(lesson)) \(MarkdownInline.plainText(lesson.title))",
                                role: isCurrent ? .heading : .normal, target: Target(lesson: lessonIndex, step: 0), depth: 1))
                if isCurrent {
                    for (index, step) in lesson.steps.enumerated() {
                        let state = model.state(lesson: lesson.id, step: index)
                        rows.append(Row(text: "\(mark(state.status, runnable: step.isRunnable)) \(MarkdownInline.plainText(step.title))",
                                        role: role(state.status), target: Target(lesson: lessonIndex, step: index), depth: 2))
                    }
                }
                lessonIndex += 1
            }
        }
        if !model.course.errors.isEmpty {
            rows.append(Row(text: "", role: .normal, depth: 0))
            rows.append(Row(text: "Lessons that failed to load:", role: .failure, depth: 0))
            for error in model.course.errors {
                rows.append(Row(text: "✗ " + error.description, role: .failure, depth: 1))
            }
        }
        return rows
    }

    private var currentRow: Int? {
        let current = Target(lesson: model.lessonIndex, step: model.stepIndex)
        return rows().firstIndex { $0.target == current && $0.depth == 2 }
    }

    func draw(into canvas: inout Canvas, frame: Rect, focused: Bool) {
        TitleBar.draw("Course", into: &canvas, frame: frame, focused: focused)
        let body = frame.droppingTop(1)
        height = max(1, body.height)
        let rows = self.rows()
        let selected = selection ?? currentRow
        if let selected, !focused || selection == nil {
            // Keep the current step in view.
            if selected < scroller.top { scroller.top = selected }
            if selected >= scroller.top + body.height { scroller.top = selected - body.height + 1 }
        }
        let top = scroller.clamp(rows: rows.count, height: body.height)
        for index in top..<min(rows.count, top + body.height) {
            let row = rows[index]
            let y = body.y + index - top
            let isSelected = index == selected
            let role: Role = isSelected ? (focused ? .selection : .selectionUnfocused) : row.role
            if isSelected { canvas.fill(Rect(x: body.x, y: y, width: body.width, height: 1), " ", role) }
            let text = String(repeating: " ", count: 1 + row.depth) + row.text
            canvas.put(CourseTreePane.truncated(text, width: body.width), x: body.x, y: y, role: role, clip: body)
        }
    }

    func perform(_ action: Action) -> PaneResult {
        let rows = self.rows()
        guard !rows.isEmpty else { return [] }
        var selected = selection ?? currentRow ?? 0
        switch action {
        case .lineUp: selected -= 1
        case .lineDown: selected += 1
        case .pageUp: selected -= height - 1
        case .pageDown: selected += height - 1
        case .top: selected = 0
        case .bottom: selected = rows.count - 1
        case .open:
            guard let target = rows[min(selected, rows.count - 1)].target else { return .handled }
            model.go(lesson: target.lesson, step: target.step)
            selection = nil
            return [.handled, .redraw]
        default: return []
        }
        selected = min(max(0, selected), rows.count - 1)
        if selected < scroller.top { scroller.top = selected }
        if selected >= scroller.top + height { scroller.top = selected - height + 1 }
        selection = selected
        return [.handled, .redraw]
    }

    /// `text`, ending in "…" if it is wider than `width`.
    static func truncated(_ text: String, width: Int) -> String {
        guard TextWidth.of(text) > width, width > 1 else { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = TextWidth.of(String(character))
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// Forgets the learner's selection, so the tree follows the current step again.
    func followCurrentStep() { selection = nil }

    // MARK: - Marks

    private func mark(_ lesson: Lesson) -> Character {
        let states = lesson.steps.indices.map { model.state(lesson: lesson.id, step: $0).status }
        let runnable = lesson.steps.indices.filter { lesson.steps[$0].isRunnable }
        if states.contains(.running) { return "▶" }
        if !runnable.isEmpty && runnable.allSatisfy({ states[$0] == .ran || states[$0] == .passed }) { return "✓" }
        return " "
    }

    private func mark(_ status: StepStatus, runnable: Bool) -> Character {
        switch status {
        case .notRun: return runnable ? "·" : " "
        case .running: return "▶"
        case .ran, .passed: return "✓"
        case .failed, .interrupted: return "✗"
        }
    }

    private func role(_ status: StepStatus) -> Role {
        switch status {
        case .ran, .passed: return .success
        case .failed, .interrupted: return .failure
        case .running: return .running
        case .notRun: return .normal
        }
    }
}
