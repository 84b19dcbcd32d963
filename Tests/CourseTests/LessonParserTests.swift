import Testing
@testable import Course

@Suite struct LessonParserTests {
    @Test func frontMatterAndSteps() throws {
        let lesson = try #require(parse(lessonText("""

            # Demo

            Intro.

            ## First

            Some *prose*.

            ```python
            x = 1
            ```

            ```python norun
            x.cuda()
            ```

            ## Second

            ```text
            not code
            ```
            """)))
        #expect(lesson.id == "demo" && lesson.title == "Demo" && lesson.module == 1 && lesson.order == 1)
        #expect(lesson.steps.map(\.title) == ["Introduction", "First", "Second"])
        #expect(lesson.steps[0].content == [.paragraph("Intro.", line: 10)])
        #expect(lesson.steps[1].line == 12)
        #expect(lesson.steps[1].code.map(\.code) == ["x = 1"])
        #expect(lesson.steps[1].code[0].firstLine == 17)
        #expect(!lesson.steps[2].isRunnable)
    }

    @Test func exerciseParts() throws {
        let lesson = try #require(parse(lessonText("""
            ## Exercise: Ones

            Make `ones`.

            ```python
            ones = ...
            ```

            ### Check

            ```python
            expect_shape("ones", (2,))
            ```

            ### Hints

            1. First hint,
               continued.
            2. Second hint.

            ### Solution

            ```python
            ones = torch.ones(2)
            ```

            ### Why it works

            Because.
            """)))
        let step = lesson.steps[0]
        let exercise = try #require(step.exercise)
        #expect(step.content.count == 2)
        #expect(step.code.isEmpty && step.isRunnable)
        #expect(exercise.starter.code == "ones = ...")
        #expect(exercise.check.code == "expect_shape(\"ones\", (2,))")
        #expect(exercise.hints == ["First hint, continued.", "Second hint."])
        #expect(exercise.solution.code == "ones = torch.ones(2)")
        #expect(exercise.explanation == [.paragraph("Because.", line: 35)])
    }

    @Test func errorsNameFileAndLine() {
        #expect(parseError("# no front matter\n") == "lesson.md:1: a lesson starts with a front-matter block: '---', then id, title, module and order, then '---'")
        #expect(parseError("---\nid: a\ntitle: T\nmodule: 1\norder: 1\ntilte: x\n---\n## S\n")
                == "lesson.md:6: unknown front-matter key 'tilte' (expected id, title, module, order)")
        #expect(parseError("---\nid: a\ntitle: T\norder: 1\n---\n## S\n") == "lesson.md:1: front matter has no 'module'")
        #expect(parseError("---\nid: A_b\ntitle: T\nmodule: 1\norder: 1\n---\n## S\n")
                == "lesson.md:2: lesson id 'A_b' should be kebab-case: lowercase letters, digits and '-'")
        #expect(parseError("---\nid: a\ntitle: T\nmodule: one\norder: 1\n---\n## S\n")
                == "lesson.md:4: 'module' should be a whole number from 1 to 99, not 'one'")
        #expect(parseError(lessonText("## S\n\n```python\nx = 1\n")) == "lesson.md:9: code block is never closed (missing ```)")
        #expect(parseError(lessonText("# A\n\n## S\n\n# B\n")) == "lesson.md:11: only the lesson's title is a '#' heading; steps start with '##'")
        #expect(parseError(lessonText("")) == "lesson.md:6: lesson has no content after its front matter")
    }

    @Test func exerciseErrors() {
        let parts = [
            "task": "## Exercise: E\n\n```python\nx = ...\n```\n",
            "check": "### Check\n\n```python\nassert x\n```\n",
            "hints": "### Hints\n\n1. a\n2. b\n",
            "solution": "### Solution\n\n```python\nx = 1\n```\n",
            "why": "### Why it works\n\nIt does.\n",
        ]
        func without(_ key: String, replacing: String = "") -> String {
            lessonText(["task", "check", "hints", "solution", "why"].map { $0 == key ? replacing : parts[$0]! }.joined(separator: "\n"))
        }
        #expect(parseError(without("check")) == "lesson.md:7: exercise 'Exercise: E' has no '### Check' section")
        #expect(parseError(without("why")) == "lesson.md:7: exercise 'Exercise: E' has no '### Why it works' section")
        #expect(parseError(without("hints", replacing: "### Hints\n\n1. only one\n"))
                == "lesson.md:19: exercise 'Exercise: E' needs a ladder of at least two hints, found 1")
        #expect(parseError(without("task", replacing: "## Exercise: E\n\nNo code.\n"))
                == "lesson.md:7: exercise 'Exercise: E' needs exactly one ```python block in its task (the starter code), found none")
        #expect(parseError(without("why", replacing: "### Notes\n\nx\n"))
                == "lesson.md:30: unknown exercise section '### Notes' (expected ### Check, ### Hints, ### Solution, ### Why it works)")
    }

    @Test func markdownBlocks() throws {
        var parser = MarkdownParser(lines: """
            Para one
            continues.

            - item
              more
              - nested
            1. first
            > quoted
            > text
            | a | b |
            |---|---|
            <!-- a note
            for writers -->
            ---
            ### Heading ###
            """.split(separator: "\n", omittingEmptySubsequences: false), firstLine: 1, file: "x.md")
        let blocks = try parser.parse()
        #expect(blocks == [
            .paragraph("Para one continues.", line: 1),
            .list([ListItem(text: "item more", depth: 0, number: nil), ListItem(text: "nested", depth: 1, number: nil),
                   ListItem(text: "first", depth: 0, number: 1)], line: 4),
            .quote("quoted text", line: 8),
            .verbatim(["| a | b |", "|---|---|"], line: 10),
            .rule(line: 14),
            .heading(level: 3, text: "Heading", line: 15),
        ])
    }

    @Test func inlineSpans() {
        #expect(MarkdownInline.spans("a **b** *c* `d*e` [f](http://x) g_h_i \\*j") == [
            InlineSpan("a "), InlineSpan("b", .strong), InlineSpan(" "), InlineSpan("c", .emphasis), InlineSpan(" "),
            InlineSpan("d*e", .code), InlineSpan(" "), InlineSpan("f", .link), InlineSpan(" g_h_i *j"),
        ])
        #expect(MarkdownInline.spans("**bold `code`**") == [InlineSpan("bold ", .strong), InlineSpan("code", [.strong, .code])])
        #expect(MarkdownInline.plainText("2 * 3 * 4 and _x_") == "2 * 3 * 4 and x")
    }
}
