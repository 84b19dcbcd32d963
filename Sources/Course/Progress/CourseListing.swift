/// What `pytorch-tutor list` prints: modules, their lessons, and the learner's progress in
/// each (steps done out of the steps that run, `>` at the current lesson).
///
/// ```text
/// Module 1: Introduction to PyTorch
///     what-is-pytorch  What is PyTorch             4/4 done  (7 steps, 1 exercise)
///   > tensor-basics    Basic tensor operations     2/8 done  (9 steps, 2 exercises)  current: step 4
/// ```
public enum CourseListing {
    public static func text(_ course: Course, progress: Progress) -> String {
        var out = ""
        for module in course.modules {
            out += "Module \(module.number): \(module.title)\n"
            let idWidth = module.lessons.map(\.id.count).max() ?? 0
            let titleWidth = module.lessons.map { MarkdownInline.plainText($0.title).count }.max() ?? 0
            for lesson in module.lessons {
                let runnable = lesson.steps.filter(\.isRunnable).count
                let done = "\(progress.doneCount(in: lesson))/\(runnable) done"
                let isCurrent = progress.current?.lesson == lesson.id
                let exercises = lesson.exercises.count
                var line = "  \(isCurrent ? ">" : " ") " + padded(lesson.id, idWidth) + "  "
                    + padded(MarkdownInline.plainText(lesson.title), titleWidth) + "  " + padded(done, 10)
                    + "  (\(counted(lesson.steps.count, "step")), \(counted(exercises, "exercise")))"
                if isCurrent, let step = progress.current?.step { line += "  current: step \(step + 1)" }
                out += line + "\n"
            }
        }
        if course.modules.isEmpty { out += "No lessons found in \(course.root).\n" }
        return out
    }

    private static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private static func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
