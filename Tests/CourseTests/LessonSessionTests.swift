import Foundation
import Testing
import MiniPython
@testable import Course

@Suite(.serialized) struct LessonSessionTests {
    private let lesson = parse(lessonText("""
        ## Define

        ```python
        import torch
        def halve(t):
            return t / 0 if t is None else t / 2
        a = torch.ones(2)
        ```

        ## Use

        ```python
        print(halve(a))
        halve(None)
        ```
        """))

    @Test func stepsShareOneSessionAndTracebacksPointAtLessonLines() throws {
        let lesson = try #require(lesson)
        var printed = ""
        var results: [RunResult] = []
        onInterpreterThread {
            let session = LessonSession(lesson: lesson) { event in
                if case .stdout(let text) = event { printed += text }
            }
            results = lesson.steps.map { session.run(step: $0) }
        }
        #expect(printed == "tensor([0.5000, 0.5000])\n")
        #expect(results.first == .completed)
        #expect(results.last == .raised(traceback: """
            Traceback (most recent call last):
              File "lesson.md", line 20, in <module>
                halve(None)
              File "lesson.md", line 12, in halve
                return t / 0 if t is None else t / 2
            TypeError: unsupported operand type(s) for /: 'NoneType' and 'int'

            """))
    }

    @Test func checksReportWhatDiffered() throws {
        let lesson = try #require(parse(lessonText("""
            ## Exercise: E

            ```python
            x = ...
            ```

            ### Check

            ```python
            expect_shape("x", (2, 3))
            expect_close("x", torch.zeros(2, 3))
            ```

            ### Hints

            1. a
            2. b

            ### Solution

            ```python
            x = torch.zeros(2, 3)
            ```

            ### Why it works

            Yes.
            """)))
        let exercise = try #require(lesson.steps[0].exercise)
        var results: [CheckResult] = []
        var leaked = false
        onInterpreterThread {
            let session = LessonSession(lesson: lesson) { _ in }
            _ = session.runInteractive("import torch")
            for code in ["y = 1", "x = 5", "x = torch.ones(3, 2)", "x = torch.zeros(2, 3)\nx[1, 2] = 0.5", "x = 1 / 0",
                         exercise.solution.code] {
                results.append(session.check(exercise, code: code, filename: "attempt.py"))
            }
            if case .completed = session.runInteractive("expect_shape") { leaked = true }
        }
        #expect(results.count == 6)
        guard results.count == 6 else { return }
        #expect(results[0] == .failed("`x` is not defined yet (name 'x' is not defined)"))
        #expect(results[1] == .failed("`x` should be a tensor, but its type is int"))
        #expect(results[2] == .failed("`x` should have shape (2, 3), but it has shape (3, 2)"))
        #expect(results[3] == .failed("`x` differs at index (1, 2): 0.5 where 0 was expected"))
        if case .codeRaised(let traceback) = results[4] {
            #expect(traceback.hasSuffix("ZeroDivisionError: division by zero\n"))
        } else {
            Issue.record("expected the attempt to raise, got \(results[4])")
        }
        #expect(results[5] == .passed)
        #expect(!leaked, "the helpers must not be defined in the learner's namespace")
    }

    @Test func interruptStopsRunningCode() throws {
        let lesson = try #require(parse(lessonText("## Loop\n\n```python\nwhile True:\n    pass\n```\n")))
        var result: RunResult?
        onInterpreterThread {
            let flag = InterruptFlag()
            let session = LessonSession(lesson: lesson, interrupt: flag) { _ in }
            Thread.detachNewThread {
                usleep(50_000)
                flag.set()
            }
            result = session.run(step: lesson.steps[0])
        }
        guard case .interrupted(let traceback) = result else {
            Issue.record("expected an interrupted run, got \(String(describing: result))")
            return
        }
        #expect(traceback.hasSuffix("KeyboardInterrupt\n"))
    }
}
