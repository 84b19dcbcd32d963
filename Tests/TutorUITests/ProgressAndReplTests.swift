import Foundation
import Testing
@testable import Course
@testable import TutorUI

/// Progress across runs of the tutor (same state folder, fresh sessions), and the REPL's
/// history, completion and help.
@Suite(.serialized) struct ProgressAndReplTests {
    private let size = Size(width: 100, height: 30)

    /// A lesson whose last step uses the names of a code step and an exercise.
    private static let chain: Course = {
        let root = makeStateDirectory()
        let lesson = """
            ---
            id: chain
            title: Chain
            module: 1
            order: 1
            ---

            ## Start

            ```python
            x = 1
            print("start ran")
            ```

            ## Exercise: Add one

            Make `y`.

            ```python
            y = ...
            ```

            ### Check

            ```python
            assert y == 2
            ```

            ### Hints

            1. Add.
            2. `y = x + 1`

            ### Solution

            ```python
            y = x + 1
            ```

            ### Why it works

            Addition.

            ## Use

            ```python
            print(y * 10)
            ```
            """
        try? lesson.write(toFile: root + "/chain.md", atomically: true, encoding: .utf8)
        return CourseLoader.load(root: root)
    }()

    private func outputText(_ app: TutorApp) -> String { app.output.log.lines.map(\.text).joined(separator: "\n") }
    private func transcript(_ app: TutorApp) -> [String] { app.repl.transcript.lines.map(\.text) }

    @Test func resumesWhereTheLearnerLeftOffWithoutRerunning() throws {
        let state = makeStateDirectory()
        do {
            let (app, _) = makeTutor(size: size, stateDirectory: state)
            app.press(.char("n"), .enter, .char("n"), .char("h"), .char("e"), .enter)
            #expect(app.model.current.status == .passed)
        }
        let progress = try String(contentsOfFile: state + "/progress.txt", encoding: .utf8)
        #expect(progress.contains("current first-steps 2\n"))
        #expect(progress.contains("step first-steps 2 passed 1 1 code=y\\s=\\sx\\s*\\s2 file="))

        let (app, _) = makeTutor(size: size, stateDirectory: state)
        #expect(app.model.stepIndex == 2 && app.model.state(lesson: "first-steps", step: 1).status == .ran)
        #expect(app.model.current.status == .passed && app.model.current.hintsShown == 1 && app.model.current.code == "y = x * 2")
        #expect(app.message?.text.hasPrefix("Welcome back") == true)
        #expect(app.output.log.lines.isEmpty, "nothing ran at start")
        app.press(.enter)
        #expect(outputText(app).contains("── first-steps: running step 2 first, output hidden ──"))
        #expect(!outputText(app).contains("tensor([[0, 1, 2]"))
        #expect(app.model.current.status == .passed && app.model.current.attempts == 2)
    }

    @Test func catchUpRunsTheSolutionOfAnUnpassedExerciseVisibly() {
        let (app, _) = makeTutor(size: size, course: ProgressAndReplTests.chain)
        app.press(.char("n"), .char("n"), .enter)
        let text = outputText(app)
        #expect(text.contains("── chain: running steps 1, 2 first, output hidden ──"))
        #expect(text.contains("step 2 is an exercise you have not passed: its reference solution runs in its place"))
        #expect(!text.contains("start ran") && text.contains("20"))
        #expect(app.model.state(lesson: "chain", step: 1).status == .notRun, "the solution does not pass it for the learner")
    }

    @Test func catchUpRunsTheLearnersPassingCodeAndTheReplGetsItsNamesBack() {
        let state = makeStateDirectory()
        do {
            let (app, _) = makeTutor(size: size, editedCode: "y = 2\nmine = 'mine'", stateDirectory: state, course: ProgressAndReplTests.chain)
            app.press(.char("n"), .char("e"), .enter)
            #expect(app.model.current.status == .passed)
        }
        do {
            let (app, _) = makeTutor(size: size, stateDirectory: state, course: ProgressAndReplTests.chain)
            app.press(.tab, .tab)
            app.type("print(mine, y)")
            app.press(.enter)
            #expect(transcript(app).suffix(2) == ["── chain: running steps 1, 2 first, output hidden ──", "mine 2"])
        }
        do {
            let (app, _) = makeTutor(size: size, stateDirectory: state, course: ProgressAndReplTests.chain)
            app.press(.tab, .tab)
            app.type("mi")
            app.press(.tab, .tab)
            #expect(app.repl.editor.text == "min")
            #expect(transcript(app).suffix(3) == ["── chain: running steps 1, 2 first, output hidden ──", ">>> min", "min  mine"])
        }
        let (app, _) = makeTutor(size: size, stateDirectory: state, course: ProgressAndReplTests.chain)
        app.press(.char("n"), .enter)
        #expect(outputText(app).contains("── chain: running steps 1, 2 first, output hidden ──"))
        #expect(!outputText(app).contains("reference solution") && outputText(app).contains("20"))
    }

    @Test func aCorruptProgressFileIsReportedAndKeptAside() throws {
        let state = makeStateDirectory()
        try "pytorch-tutor progress 1\nstep first-steps one ran\n".write(toFile: state + "/progress.txt", atomically: true, encoding: .utf8)
        let (app, _) = makeTutor(size: size, stateDirectory: state)
        let message = try #require(app.message)
        #expect(message.role == .failure && message.text.hasPrefix("Progress not loaded (\(state)/progress.txt:2: bad step record)"))
        #expect(app.output.log.lines.first?.text.hasPrefix("Progress not loaded") == true)
        let files = try FileManager.default.contentsOfDirectory(atPath: state)
        #expect(files.contains { $0.hasPrefix("progress.txt.corrupt-") })
    }

    @Test func historyIsKeptAcrossRuns() throws {
        let state = makeStateDirectory()
        do {
            let (app, _) = makeTutor(size: size, stateDirectory: state)
            app.press(.tab, .tab)
            for line in ["a = 1", "a + 1"] {
                app.type(line)
                app.press(.enter)
            }
        }
        let (app, _) = makeTutor(size: size, stateDirectory: state)
        app.press(.tab, .tab, .up)
        #expect(app.repl.editor.text == "a + 1")
        app.press(.up, .up, .down)
        #expect(app.repl.editor.text == "a + 1")
        #expect(try String(contentsOfFile: state + "/repl_history", encoding: .utf8) == "a = 1\na + 1\n")
    }

    @Test func historyKeepsTheNewestLines() {
        let file = makeStateDirectory() + "/history"
        var history = ReplHistory(file: file)
        for i in 0..<(ReplHistory.limit + 5) { _ = history.add("x\(i)") }
        _ = history.add("x\(ReplHistory.limit + 4)")
        let reloaded = ReplHistory(file: file)
        #expect(reloaded.entries.count == ReplHistory.limit)
        #expect(reloaded.entries.first == "x5" && reloaded.entries.last == "x\(ReplHistory.limit + 4)")
    }

    @Test func tabCompletesListsCandidatesAndMovesOnFromAnEmptyLine() {
        let (app, _) = makeTutor(size: size)
        app.press(.tab, .tab)
        app.type("import torch")
        app.press(.enter)
        app.type("t = torch.ze")
        app.press(.tab)
        #expect(app.repl.editor.text == "t = torch.zeros")
        app.press(.tab)
        #expect(transcript(app).suffix(2) == [">>> t = torch.zeros", "zeros  zeros_like"])
        app.type("_l")
        app.press(.tab)
        #expect(app.repl.editor.text == "t = torch.zeros_like")
        app.press(.ctrl("u"), .tab)
        #expect(app.focus == .tree)
    }

    @Test func questionMarkShowsHelp() {
        let (app, _) = makeTutor(size: size)
        app.press(.tab, .tab)
        app.type("import torch")
        app.press(.enter)
        app.type("torch.ones?")
        app.press(.enter)
        #expect(transcript(app).last?.hasPrefix("torch.ones(") == true || transcript(app).suffix(2).first?.hasPrefix("torch.ones(") == true)
        app.type("n = 3")
        app.press(.enter)
        app.type("n?")
        app.press(.enter)
        #expect(transcript(app).suffix(2) == ["n: int", "3"])
        app.press(.up)
        #expect(app.repl.editor.text == "n?")
    }
}
