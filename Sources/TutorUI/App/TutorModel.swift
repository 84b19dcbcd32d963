import Course

/// The course and where the learner is in it: the current lesson and step, and the state of
/// every step they touched. Panes read it; the app changes it.
final class TutorModel {
    let course: Course
    /// Every lesson in course order.
    let lessons: [Lesson]
    private(set) var lessonIndex = 0
    private(set) var stepIndex = 0
    private var states: [StepPlace: StepState] = [:]
    /// Bumped on every change, so panes can cache what they render.
    private(set) var version = 0

    /// - Parameter progress: what the learner did in earlier runs: the tutor opens at their
    ///   step, with their marks, hints and code.
    init(course: Course, progress: Progress = Progress()) {
        self.course = course
        lessons = course.lessons
        for (place, saved) in progress.steps { states[place] = StepState(saved) }
        if let current = progress.current, let index = lessons.firstIndex(where: { $0.id == current.lesson }),
           lessons[index].steps.indices.contains(current.step) {
            lessonIndex = index
            stepIndex = current.step
        }
    }

    /// The state to save: the position, and every step that differs from untouched.
    var progress: Progress {
        var progress = Progress(current: lesson.map { StepPlace(lesson: $0.id, step: stepIndex) })
        for (place, state) in states {
            let saved = state.saved
            if saved != StepProgress() { progress.steps[place] = saved }
        }
        return progress
    }

    var lesson: Lesson? { lessons.isEmpty ? nil : lessons[lessonIndex] }
    var step: Step? { lesson.map { $0.steps[stepIndex] } }

    /// The state of a step (`notRun` until touched).
    func state(lesson: String, step: Int) -> StepState { states[StepPlace(lesson: lesson, step: step)] ?? StepState() }

    /// The current step's state.
    var current: StepState {
        guard let lesson else { return StepState() }
        return state(lesson: lesson.id, step: stepIndex)
    }

    func update(lesson: String, step: Int, _ change: (inout StepState) -> Void) {
        let key = StepPlace(lesson: lesson, step: step)
        var state = states[key] ?? StepState()
        change(&state)
        states[key] = state
        version += 1
    }

    func updateCurrent(_ change: (inout StepState) -> Void) {
        guard let lesson else { return }
        update(lesson: lesson.id, step: stepIndex, change)
    }

    // MARK: - Moving

    /// Goes to a step; returns false if it is already there or does not exist.
    @discardableResult
    func go(lesson: Int, step: Int) -> Bool {
        guard lessons.indices.contains(lesson), lessons[lesson].steps.indices.contains(step),
              (lesson, step) != (lessonIndex, stepIndex) else { return false }
        lessonIndex = lesson
        stepIndex = step
        version += 1
        return true
    }

    /// The next step, continuing into the next lesson.
    func next() -> Bool {
        guard let lesson else { return false }
        if stepIndex + 1 < lesson.steps.count { return go(lesson: lessonIndex, step: stepIndex + 1) }
        return go(lesson: lessonIndex + 1, step: 0)
    }

    /// The previous step, continuing into the end of the previous lesson.
    func previous() -> Bool {
        if stepIndex > 0 { return go(lesson: lessonIndex, step: stepIndex - 1) }
        guard lessonIndex > 0 else { return false }
        return go(lesson: lessonIndex - 1, step: lessons[lessonIndex - 1].steps.count - 1)
    }

    /// The first step after the current one (wrapping around) whose lesson title, step title
    /// or text contains `query`, ignoring case.
    func search(_ query: String) -> (lesson: Int, step: Int)? {
        let needle = query.lowercased()
        guard !needle.isEmpty, !lessons.isEmpty else { return nil }
        var places: [(Int, Int)] = []
        for (l, lesson) in lessons.enumerated() {
            for s in lesson.steps.indices { places.append((l, s)) }
        }
        guard let here = places.firstIndex(where: { $0 == (lessonIndex, stepIndex) }) else { return nil }
        for offset in 1...places.count {
            let (l, s) = places[(here + offset) % places.count]
            let step = lessons[l].steps[s]
            let text = ([lessons[l].title, step.title] + step.content.map(TutorModel.text)).joined(separator: "\n")
            if text.lowercased().contains(needle) { return (l, s) }
        }
        return nil
    }

    private static func text(of block: MarkdownBlock) -> String {
        switch block {
        case .heading(_, let text, _), .paragraph(let text, _), .quote(let text, _): return MarkdownInline.plainText(text)
        case .list(let items, _): return items.map { MarkdownInline.plainText($0.text) }.joined(separator: "\n")
        case .code(let code): return code.code
        case .verbatim(let lines, _): return lines.joined(separator: "\n")
        case .rule: return ""
        }
    }
}
