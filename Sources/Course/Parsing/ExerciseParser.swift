/// Splits the blocks of an `## Exercise:` step into its task and its `###` sections:
/// `Check`, `Hints`, `Solution` and `Why it works`, each required exactly once.
struct ExerciseParser {
    let file: String
    let title: String
    let line: Int

    /// The section headings, lowercased.
    enum Section: String, CaseIterable {
        case check = "check"
        case hints = "hints"
        case solution = "solution"
        case explanation = "why it works"
    }

    static func isExercise(title: String) -> Bool {
        title.lowercased().hasPrefix("exercise:")
    }

    init(file: String, title: String, line: Int) {
        self.file = file
        self.title = title
        self.line = line
    }

    /// The task blocks (shown) and the exercise (its hidden parts).
    mutating func parse(_ blocks: [MarkdownBlock]) throws(LessonError) -> ([MarkdownBlock], Exercise) {
        var task: [MarkdownBlock] = []
        var sections: [Section: (blocks: [MarkdownBlock], line: Int)] = [:]
        var current: Section?
        for block in blocks {
            if case .heading(3, let text, let headingLine) = block {
                var name = Substring(text.lowercased()).trimmingSpaces
                if name.hasSuffix(":") { name = name.dropLast() }
                guard let section = Section(rawValue: String(name)) else {
                    throw error(headingLine, "unknown exercise section '### \(text)' (expected ### Check, ### Hints, ### Solution, ### Why it works)")
                }
                guard sections[section] == nil else { throw error(headingLine, "exercise section '### \(text)' appears twice") }
                sections[section] = ([], headingLine)
                current = section
            } else if let section = current {
                sections[section]?.blocks.append(block)
            } else {
                task.append(block)
            }
        }
        for section in Section.allCases where sections[section] == nil {
            throw error(line, "exercise '\(title)' has no '### \(section.heading)' section")
        }
        let starter = try onlyCode(in: task, line: line, what: "its task (the starter code)")
        let check = try onlyCode(in: sections[.check]!.blocks, line: sections[.check]!.line, what: "its ### Check section")
        let solution = try onlyCode(in: sections[.solution]!.blocks, line: sections[.solution]!.line,
                                    what: "its ### Solution section")
        let hints = try hintLadder(sections[.hints]!)
        let explanation = sections[.explanation]!
        guard !explanation.blocks.isEmpty else {
            throw error(explanation.line, "exercise '\(title)' has an empty '### Why it works' section")
        }
        return (task, Exercise(starter: starter, check: check, hints: hints, solution: solution,
                               explanation: explanation.blocks))
    }

    private func onlyCode(in blocks: [MarkdownBlock], line: Int, what: String) throws(LessonError) -> CodeBlock {
        let code = blocks.compactMap { block -> CodeBlock? in
            if case .code(let code) = block, code.isRunnable { return code }
            return nil
        }
        guard code.count == 1 else {
            let found = code.isEmpty ? "none" : "\(code.count)"
            throw error(code.count > 1 ? code[1].fenceLine : line,
                        "exercise '\(title)' needs exactly one ```python block in \(what), found \(found)")
        }
        return code[0]
    }

    private func hintLadder(_ section: (blocks: [MarkdownBlock], line: Int)) throws(LessonError) -> [String] {
        var hints: [String] = []
        for block in section.blocks {
            guard case .list(let items, let listLine) = block else {
                throw error(block.line, "the ### Hints section is one list, one hint per item")
            }
            guard hints.isEmpty else { throw error(listLine, "the ### Hints section is one list, one hint per item") }
            for item in items {
                if item.depth > 0, !hints.isEmpty {
                    hints[hints.count - 1] += " " + item.text
                } else {
                    hints.append(item.text)
                }
            }
        }
        guard hints.count >= 2 else {
            throw error(section.line, "exercise '\(title)' needs a ladder of at least two hints, found \(hints.count)")
        }
        if let empty = hints.firstIndex(where: { $0.allSatisfy { $0 == " " } }) {
            throw error(section.line, "hint \(empty + 1) of exercise '\(title)' is empty")
        }
        return hints
    }

    private func error(_ line: Int, _ message: String) -> LessonError {
        LessonError(file: file, line: line, message: message)
    }
}

extension ExerciseParser.Section {
    /// The heading as writers type it.
    var heading: String {
        switch self {
        case .check: return "Check"
        case .hints: return "Hints"
        case .solution: return "Solution"
        case .explanation: return "Why it works"
        }
    }
}
