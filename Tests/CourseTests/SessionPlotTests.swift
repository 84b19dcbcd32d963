import Testing
import MiniPython
@testable import Course

/// A session made with `showsPlots` hands figures to its host, and shows a step's open
/// figures when the step ends, as a notebook does.
@Suite(.serialized) struct SessionPlotTests {
    private let lesson = parse(lessonText("""
        ## Plot without show

        ```python
        import matplotlib.pyplot as plt
        plt.plot([1, 2, 3])
        plt.title('open')
        ```

        ## Log

        ```python
        from torch.utils.tensorboard import SummaryWriter
        w = SummaryWriter()
        w.add_scalar('loss', 1.5, 0)
        ```
        """))

    @Test func openFiguresShowAtTheEndOfAStep() throws {
        let lesson = try #require(lesson)
        var events: [SessionEvent] = []
        onInterpreterThread {
            let session = LessonSession(lesson: lesson, showsPlots: true) { events.append($0) }
            for step in lesson.steps { _ = session.run(step: step) }
        }
        #expect(events.count == 2)
        if case .display(.figure(let figure))? = events.first {
            #expect(figure.axes[0].title == "open")
        } else {
            Issue.record("no figure: \(events)")
        }
        if case .display(.scalar(_, let tag, _, let value))? = events.last {
            #expect(tag == "loss" && value == 1.5)
        } else {
            Issue.record("no scalar: \(events)")
        }
    }

    @Test func withoutShowsPlotsNothingIsDisplayed() throws {
        let lesson = try #require(lesson)
        var events: [SessionEvent] = []
        onInterpreterThread {
            let session = LessonSession(lesson: lesson) { events.append($0) }
            for step in lesson.steps { _ = session.run(step: step) }
        }
        #expect(events.isEmpty)
    }
}
