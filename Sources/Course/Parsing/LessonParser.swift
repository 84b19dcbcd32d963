/// Reads a lesson file into a ``Lesson``: front matter, then Markdown split into steps at
/// `##` headings; an `## Exercise:` step is split into its task and its `###` sections.
///
/// The format is documented for writers in `Lessons/FORMAT.md`. Parsing stops at the first
/// problem with a ``LessonError`` that names the file and line.
public enum LessonParser {
    /// Parses the text of a lesson file.
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the file name errors and tracebacks show.
    /// - Throws: ``LessonError`` at the first problem.
    public static func parse(_ text: String, file: String) throws(LessonError) -> Lesson {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        let front = try FrontMatter(lines: lines, file: file)
        var markdown = MarkdownParser(lines: Array(lines[front.bodyStart...]), firstLine: front.bodyStart + 1, file: file)
        let blocks = try markdown.parse()
        var builder = StepBuilder(file: file, introLine: front.bodyStart)
        for block in blocks { try builder.add(block) }
        let steps = try builder.finish()
        guard !steps.isEmpty else {
            throw LessonError(file: file, line: front.bodyStart, message: "lesson has no content after its front matter")
        }
        return Lesson(id: front.id, title: front.title, module: front.module, order: front.order,
                      file: file, steps: steps)
    }
}

/// Groups blocks into steps as they arrive.
private struct StepBuilder {
    let file: String
    var steps: [Step] = []
    var seenTitle = false
    /// The step being collected: its heading ("Introduction" before the first `##`) and blocks.
    var title: String
    var line: Int
    var isIntroduction = true
    var blocks: [MarkdownBlock] = []

    init(file: String, introLine: Int) {
        self.file = file
        self.title = "Introduction"
        self.line = introLine
    }

    mutating func add(_ block: MarkdownBlock) throws(LessonError) {
        guard case .heading(let level, let text, let line) = block, level <= 2 else {
            blocks.append(block)
            return
        }
        if level == 1 {
            guard !seenTitle, steps.isEmpty, isIntroduction, blocks.isEmpty else {
                throw LessonError(file: file, line: line,
                                  message: "only the lesson's title is a '#' heading; steps start with '##'")
            }
            seenTitle = true
            self.line = line
            return
        }
        try closeStep()
        title = text
        self.line = line
        isIntroduction = false
    }

    mutating func finish() throws(LessonError) -> [Step] {
        try closeStep()
        return steps
    }

    private mutating func closeStep() throws(LessonError) {
        defer { blocks = [] }
        if isIntroduction && blocks.isEmpty { return }
        guard !title.allSatisfy({ $0 == " " }) else {
            throw LessonError(file: file, line: line, message: "step heading is empty")
        }
        if ExerciseParser.isExercise(title: title) && !isIntroduction {
            var parser = ExerciseParser(file: file, title: title, line: line)
            let (task, exercise) = try parser.parse(blocks)
            steps.append(Step(title: title, line: line, content: task, exercise: exercise))
        } else {
            steps.append(Step(title: title, line: line, content: blocks))
        }
    }
}
