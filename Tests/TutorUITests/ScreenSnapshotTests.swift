import Testing
@testable import TutorUI

/// Every screen of the tutor at 80x24 and 160x50, compared with the committed snapshots in
/// `Snapshots/` (trailing spaces trimmed). Run with `UPDATE_SNAPSHOTS=1` to re-record them.
@Suite(.serialized) struct ScreenSnapshotTests {
    @Test(arguments: screenSizes) func courseTree(size: Size) {
        let (app, _) = makeTutor(size: size)
        app.press(.char("n"), .tab, .tab, .tab, .down)
        expectSnapshot(app.screenText(size), named: "course-tree", size: size)
    }

    @Test(arguments: screenSizes) func lessonIntroduction(size: Size) {
        let (app, _) = makeTutor(size: size)
        expectSnapshot(app.screenText(size), named: "lesson-introduction", size: size)
    }

    @Test(arguments: screenSizes) func stepWithOutput(size: Size) {
        let (app, _) = makeTutor(size: size)
        app.press(.char("n"), .enter)
        expectSnapshot(app.screenText(size), named: "step-output", size: size)
    }

    @Test(arguments: screenSizes) func exerciseWithHintsAndFailedCheck(size: Size) {
        let (app, _) = makeTutor(size: size)
        app.press(.char("n"), .char("n"), .enter, .char("h"), .char("h"))
        expectSnapshot(app.screenText(size), named: "exercise-failed", size: size)
    }

    @Test(arguments: screenSizes) func exercisePassedWithSolution(size: Size) {
        let (app, screen) = makeTutor(size: size)
        app.press(.char("n"), .char("n"), .char("e"), .enter, .char("s"))
        #expect(screen.suspensions == 1)
        expectSnapshot(app.screenText(size), named: "exercise-passed", size: size)
    }

    @Test(arguments: screenSizes) func repl(size: Size) {
        let (app, _) = makeTutor(size: size)
        app.press(.char("n"), .enter, .tab, .tab)
        app.type("for row in x:")
        app.press(.enter)
        app.type("print(row.sum())")
        app.press(.enter, .enter)
        app.type("x.shape")
        app.press(.enter)
        app.type("x[5]")
        app.press(.enter)
        app.type("z = x.")
        expectSnapshot(app.screenText(size), named: "repl", size: size)
    }

    @Test(arguments: screenSizes) func help(size: Size) {
        let (app, _) = makeTutor(size: size)
        app.press(.char("?"))
        expectSnapshot(app.screenText(size), named: "help", size: size)
    }

    @Test func tooSmall() {
        let size = Size(width: 50, height: 12)
        let (app, _) = makeTutor(size: size)
        expectSnapshot(app.screenText(size), named: "too-small", size: size)
    }
}
