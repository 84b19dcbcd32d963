import Testing
@testable import TutorUI

/// Behaviour of the tutor as a whole, driven by keys on the in-memory screen.
@Suite(.serialized) struct TutorAppTests {
    private let size = Size(width: 100, height: 30)

    @Test func ctrlCInterruptsRunningCodeNotTheTutor() {
        let (app, _) = makeTutor(size: size)
        app.press(.tab, .tab)
        app.type("while True: pass")
        app.handle(.enter)
        app.handle(.enter)
        #expect(app.running != nil)
        app.handle(.ctrl("c"))
        app.waitForJobs()
        #expect(app.repl.transcript.lines.last?.text == "KeyboardInterrupt")
        #expect(!app.quitRequested)
        app.type("1 + 1")
        app.press(.enter)
        #expect(app.repl.transcript.lines.last?.text == "2")
    }

    @Test func searchJumpsToTheStepThatMentionsIt() {
        let (app, _) = makeTutor(size: size)
        app.press(.char("/"))
        app.type("twice")
        app.press(.enter)
        #expect(app.model.stepIndex == 2)
        app.press(.char("/"))
        app.type("no such words")
        app.press(.enter)
        #expect(app.message?.text == "No step mentions 'no such words'.")
        #expect(app.model.stepIndex == 2)
    }

    @Test func solutionOpensAfterEveryHintAndResetAsksFirst() {
        let (app, _) = makeTutor(size: size)
        app.press(.char("n"), .char("n"), .char("s"))
        #expect(app.message?.text == "The solution opens once you pass or use every hint (2 left: h).")
        app.press(.char("h"), .char("h"), .char("h"), .char("s"))
        #expect(app.model.current.showsSolution && app.model.current.hintsShown == 2)
        app.press(.char("R"), .char("n"))
        #expect(app.model.current.hintsShown == 2)
        app.press(.char("R"), .char("y"))
        #expect(app.model.current == StepState())
    }

    @Test func movingThroughTheCourse() {
        let (app, _) = makeTutor(size: size)
        app.press(.char("p"))
        #expect(app.message?.text == "This is the first step.")
        app.press(.char("n"), .char("n"), .char("n"))
        #expect(app.model.lesson?.id == "second-lesson" && app.model.stepIndex == 0)
        app.press(.char("n"))
        #expect(app.message?.text == "This is the last step of the course.")
        app.press(.char("p"))
        #expect(app.model.lesson?.id == "first-steps" && app.model.stepIndex == 2)
        app.press(.backTab, .home, .down, .enter)
        #expect(app.focus == .tree && app.model.stepIndex == 0)
        app.press(.wheelDown(x: 50, y: 20), .click(x: 50, y: 27))
        #expect(app.focus == .repl)
        app.press(.ctrl("d"), .char("q"))
        #expect(app.focus == .lesson && app.quitRequested)
    }

    @Test func aFailingEarlierStepStopsTheStepAskedFor() {
        let (app, _) = makeTutor(size: size)
        app.press(.tab, .tab)
        app.type("import torch")
        app.press(.enter)
        // Running the exercise first runs step 2; break it by shadowing torch's arange.
        app.type("torch.arange = None")
        app.press(.enter, .ctrl("d"), .char("n"), .char("n"), .enter)
        #expect(app.model.state(lesson: "first-steps", step: 1).status == .failed)
        #expect(app.model.current.status == .notRun)
    }
}
