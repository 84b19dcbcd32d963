import Charts
import Testing
@testable import TutorUI

/// Figures and live charts as entries of the output log: drawn at the pane's width, redrawn
/// in place when a chart gains points, dropped with their line.
@Suite struct OutputVisualTests {
    func figure() -> Figure {
        var figure = Figure()
        figure.axes[0].series = [Series(kind: .line, xs: [0, 1, 2], ys: [1, 3, 2], color: RGB.cycled(0))]
        return figure
    }

    @Test func liveChartRedrawsInPlaceWithTextAroundIt() {
        var log = OutputLog()
        var wrapped = WrappedLog()
        log.add("before", role: .stdout)
        log.log(writer: 1, tag: "loss", step: 0, value: 1)
        log.add("after", role: .stdout)
        wrapped.update(log, width: 40, height: 10)
        let rows = wrapped.count
        #expect(wrapped[0].text == "before")
        #expect(wrapped[rows - 1].text == "after")
        for step in 1..<50 { log.log(writer: 1, tag: "loss", step: Double(step), value: 1 / Double(step)) }
        log.log(writer: 2, tag: "acc", step: 0, value: 0.5)
        wrapped.update(log, width: 40, height: 10)
        #expect(log.visuals.count == 2)
        #expect(wrapped[0].text == "before")
        #expect((0..<wrapped.count).contains { wrapped[$0].text == "after" })
        #expect((0..<wrapped.count).contains { wrapped[$0].text.contains("loss 0.02041") })
    }

    @Test func visualsLeaveWithTheirLines() {
        var log = OutputLog(capacity: 2)
        log.add(figure())
        log.add("one", role: .stdout)
        #expect(log.visuals.count == 1)
        log.add("two", role: .stdout)
        #expect(log.visuals.isEmpty)
        log.add(figure())
        log.clear()
        #expect(log.visuals.isEmpty)
        var wrapped = WrappedLog()
        wrapped.update(log, width: 0, height: 0)
        #expect(wrapped.count == 0)
    }

    @Test func tinyPanesNeverTrap() {
        var log = OutputLog()
        log.add(figure())
        log.log(writer: 1, tag: "a/b", step: .nan, value: .infinity)
        for (width, height) in [(0, 0), (1, 1), (3, 2), (12, 3)] {
            var wrapped = WrappedLog()
            wrapped.update(log, width: width, height: height, tier: .plain)
            wrapped.update(log, width: width, height: height, tier: .truecolor)
        }
    }
}
