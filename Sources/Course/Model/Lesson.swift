/// One lesson: a Markdown file with front matter, split into steps.
///
/// Read it from a file with ``LessonParser``; the format is described in `Lessons/FORMAT.md`.
public struct Lesson: Equatable, Sendable {
    /// A short, unique, kebab-case name (`tensor-basics`): what `check` and `export` take.
    public var id: String
    /// The title shown in the course tree and the lesson pane.
    public var title: String
    /// The number of the module the lesson belongs to (1 for "Introduction to PyTorch").
    public var module: Int
    /// The lesson's place in its module; lessons are sorted by it.
    public var order: Int
    /// The file the lesson was read from, as given to the parser (tracebacks show it).
    public var file: String
    /// The steps, in order; the prose before the first `##` heading is the first step,
    /// "Introduction".
    public var steps: [Step]

    public init(id: String, title: String, module: Int, order: Int, file: String, steps: [Step]) {
        self.id = id
        self.title = title
        self.module = module
        self.order = order
        self.file = file
        self.steps = steps
    }

    /// The exercises of the lesson, with the index of their step.
    public var exercises: [(step: Int, exercise: Exercise)] {
        steps.indices.compactMap { i in steps[i].exercise.map { (i, $0) } }
    }
}

/// A section of a lesson the learner reads, runs and moves past with `n`/`p`: everything
/// from one `##` heading to the next.
public struct Step: Equatable, Sendable {
    /// The heading's text (`Creating tensors`, `Exercise: A tensor of ones`).
    public var title: String
    /// The line of the heading (of the front matter's end for the introduction).
    public var line: Int
    /// What the lesson pane shows: prose and code, for an exercise only its task (the
    /// starter code included); the hidden parts are in ``exercise``.
    public var content: [MarkdownBlock]
    /// The exercise of an `## Exercise:` step.
    public var exercise: Exercise?

    public init(title: String, line: Int, content: [MarkdownBlock], exercise: Exercise? = nil) {
        self.title = title
        self.line = line
        self.content = content
        self.exercise = exercise
    }

    /// The code that running the step executes, in order (not the starter code of an exercise).
    public var code: [CodeBlock] {
        guard exercise == nil else { return [] }
        return content.compactMap { block in
            if case .code(let code) = block, code.isRunnable { return code }
            return nil
        }
    }

    /// Whether running the step does anything.
    public var isRunnable: Bool { exercise != nil || !code.isEmpty }
}

/// A task for the learner: starter code to complete, a check, hints, a solution, and a short
/// explanation shown after passing.
public struct Exercise: Equatable, Sendable {
    /// The code the learner starts from (the task's only `python` block).
    public var starter: CodeBlock
    /// Python run after the learner's code: it passes when it raises nothing. A failed
    /// `assert` or `expect_*` helper says what differed (see `Lessons/FORMAT.md`).
    public var check: CodeBlock
    /// The hint ladder, gentlest first (at least two), each with inline markup.
    public var hints: [String]
    /// The reference solution: it passes the check.
    public var solution: CodeBlock
    /// "Why it works": shown once the check passes.
    public var explanation: [MarkdownBlock]

    public init(starter: CodeBlock, check: CodeBlock, hints: [String], solution: CodeBlock,
                explanation: [MarkdownBlock]) {
        self.starter = starter
        self.check = check
        self.hints = hints
        self.solution = solution
        self.explanation = explanation
    }
}
