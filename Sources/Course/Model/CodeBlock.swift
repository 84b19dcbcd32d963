/// A fenced code block of a lesson: its language, tags and code, and where it sits in the
/// file so tracebacks point at the lesson's own lines.
///
/// ````markdown
/// ```python norun
/// x = torch.ones(2, device="cuda")
/// ```
/// ````
public struct CodeBlock: Equatable, Sendable {
    /// The first word of the info string (`python`), empty when there is none.
    public var language: String
    /// The other words of the info string (`norun`).
    public var tags: [String]
    /// The code, lines joined by `\n`, without a trailing newline.
    public var code: String
    /// The line of the opening fence (1-based).
    public var fenceLine: Int

    public init(language: String, tags: [String] = [], code: String, fenceLine: Int) {
        self.language = language
        self.tags = tags
        self.code = code
        self.fenceLine = fenceLine
    }

    /// The line of the first line of code.
    public var firstLine: Int { fenceLine + 1 }

    /// The code's lines.
    public var lines: [Substring] { code.split(separator: "\n", omittingEmptySubsequences: false) }

    /// Python the tutor runs: `python` without the `norun` tag.
    public var isRunnable: Bool { isPython && !tags.contains("norun") }

    /// Written in Python (`python`, `py` or `python3`), runnable or not.
    public var isPython: Bool { ["python", "py", "python3"].contains(language) }

    /// The code preceded by blank lines so that its line numbers are the lesson file's: a
    /// traceback then says `File "lesson.md", line 42`.
    public var sourceAtLessonLines: String { sourceAtLines(code, firstLine: firstLine) }
}

/// `code` preceded by `firstLine - 1` blank lines.
func sourceAtLines(_ code: String, firstLine: Int) -> String {
    String(repeating: "\n", count: max(0, firstLine - 1)) + code + "\n"
}
