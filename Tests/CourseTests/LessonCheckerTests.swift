import Testing
@testable import Course

@Suite(.serialized) struct LessonCheckerTests {
    private func report(_ name: String) throws -> LessonReport {
        let lesson = try CourseLoader.loadLesson(fixtures + "/outcomes/\(name).md").get()
        var report: LessonReport?
        onInterpreterThread { report = LessonChecker.check(lesson) }
        return try #require(report)
    }

    @Test func starterThatPassesIsReported() throws {
        let report = try report("starter-passes")
        #expect(report.problems.map(\.description) == ["line 10, step 'Exercise: Too easy': the starter code already passes the check"])
    }

    @Test func solutionThatFailsIsReported() throws {
        let report = try report("solution-fails")
        #expect(report.problems.map(\.description)
                == ["line 28, step 'Exercise: Wrong solution': the solution fails the check: `t` should have shape (2, 3), but it has shape (3, 2)"])
    }

    @Test func failingStepStopsTheLesson() throws {
        var printed = ""
        let lesson = try CourseLoader.loadLesson(fixtures + "/outcomes/step-raises.md").get()
        var result: LessonReport?
        onInterpreterThread {
            result = LessonChecker.check(lesson) { event in
                if case .stdout(let text) = event { printed += text }
            }
        }
        let report = try #require(result)
        #expect(printed == "before\n")
        #expect(report.stepsRun == 2)
        #expect(report.problems.count == 1)
        #expect(report.problems.first?.message.hasSuffix("ZeroDivisionError: division by zero\n") == true)
        #expect(report.problems.first?.message.contains("File \"\(lesson.file)\", line 19, in <module>") == true)
    }

    /// The course's own lessons load without errors. Running them is `make check-lessons`
    /// (part of `make test`), on the release binary: training lessons take seconds there and
    /// minutes in a debug build.
    @Test func courseLessonsLoad() throws {
        let course = CourseLoader.load(root: courseRoot)
        #expect(course.errors.isEmpty, "\(course.errors)")
        #expect(course.lessons.count >= 2)
    }
}
