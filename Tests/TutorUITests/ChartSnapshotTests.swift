import Testing
@testable import TutorUI

/// The output pane with a live training chart and with feature maps, at 80x24 and 160x50,
/// produced through the real path: REPL code on the lesson's session, display events through
/// the worker's queue.
@Suite(.serialized) struct ChartSnapshotTests {
    /// Enters REPL lines one by one (a blank line ends a block).
    func enter(_ app: TutorApp, _ lines: [String]) {
        for line in lines {
            app.type(line)
            app.press(.enter)
        }
    }

    @Test(arguments: screenSizes) func liveChart(size: Size) {
        let (app, _) = makeTutor(size: size)
        app.press(.tab, .tab)
        enter(app, [
            "from torch.utils.tensorboard import SummaryWriter",
            "w = SummaryWriter()",
            "for i in range(60): w.add_scalar('Loss/train', 2 / (i + 1), i); w.add_scalar('Loss/val', 2.5 / (i + 1) + 0.1, i)",
            "",
        ])
        expectSnapshot(app.screenText(size), named: "output-live-chart", size: size)
        // More points redraw the same chart in place rather than adding another.
        enter(app, ["for i in range(60, 90): w.add_scalar('Loss/train', 0.01, i)", ""])
        #expect(app.output.log.visuals.count == 1)
        #expect(app.screenText(size).contains("train 0.01"))
    }

    /// `z` gives the focused pane the whole screen, where the chart is redrawn larger; `z` again
    /// brings the other panes back.
    @Test func zoomedChart() {
        let size = Size(width: 80, height: 24)
        let (app, _) = makeTutor(size: size)
        app.press(.tab, .tab)
        enter(app, ["from torch.utils.tensorboard import SummaryWriter", "w = SummaryWriter()",
                    "for i in range(60): w.add_scalar('Loss/train', 2 / (i + 1), i)", ""])
        app.press(.ctrl("d"), .tab, .char("z"))
        expectSnapshot(app.screenText(size), named: "output-zoomed", size: size)
        app.press(.char("z"))
        #expect(app.screenText(size).contains("REPL"))
    }

    @Test(arguments: screenSizes) func featureMaps(size: Size) {
        let (app, _) = makeTutor(size: size)
        app.press(.tab, .tab)
        enter(app, [
            "import torch, matplotlib.pyplot as plt",
            "fig, axes = plt.subplots(1, 4)",
            "for i, ax in enumerate(axes): ax.imshow((torch.arange(36.).reshape(6, 6) * (i + 1)) % 7); ax.set_title(f'map {i}'); ax.axis('off')",
            "",
            "plt.show()",
        ])
        expectSnapshot(app.screenText(size), named: "output-feature-maps", size: size)
        // The half blocks carry the pixels as colours: upper pixel in front, lower behind.
        let cells = app.draw(size: size).cells.filter { $0.character == "▀" }
        #expect(!cells.isEmpty)
        #expect(cells.allSatisfy { $0.foreground != nil && $0.background != nil })
        #expect(Set(cells.compactMap(\.background)).count > 3)
    }
}
