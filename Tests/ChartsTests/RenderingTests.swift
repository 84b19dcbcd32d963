import Testing
@testable import Charts

@Suite struct RenderingTests {
    func lineFigure(_ ys: [Double], title: String = "loss") -> Figure {
        var figure = Figure()
        figure.axes[0].title = title
        figure.axes[0].series = [Series(kind: .line, xs: ys.indices.map(Double.init), ys: ys, label: "train", color: RGB.cycled(0))]
        figure.axes[0].showsLegend = true
        return figure
    }

    @Test func lineChartUsesBrailleAndFrame() {
        let block = FigureRenderer.render(lineFigure([3, 1, 2, 0.5]), columns: 40, tier: .truecolor)
        #expect(block.width == 40)
        #expect(block.height == 10)
        let text = block.text
        #expect(text.contains("loss"))
        #expect(text.contains("└"))
        #expect(text.contains("━ train"))
        #expect(text.unicodeScalars.contains { $0.value > 0x2800 && $0.value <= 0x28FF })
        #expect(block.rows.joined().contains { $0.foreground == RGB.cycled(0) })
    }

    @Test func plainTierIsASCII() {
        let block = FigureRenderer.render(lineFigure([3, 1, 2, 0.5]), columns: 40, tier: .plain)
        #expect(block.text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(block.text.contains("*"))
        #expect(ANSIWriter.render(block, tier: .plain).contains("\u{1B}") == false)
    }

    @Test func badDataNeverTraps() {
        let cases: [[Double]] = [[], [.nan], [.infinity, -.infinity], [1e308, -1e308], [5, 5, 5]]
        for ys in cases {
            for columns in [0, 1, 3, 12, 80] {
                for tier in [ColorTier.plain, .truecolor] {
                    _ = FigureRenderer.render(lineFigure(ys), columns: columns, maxRows: 0, tier: tier)
                    _ = AxesRenderer.render(lineFigure(ys).axes[0], columns: columns, rows: 2, tier: tier)
                }
            }
        }
        var figure = Figure(width: .nan, height: -1, rows: 0, columns: -3)
        figure.axes[0].image = Image(width: 3, height: 2, channels: 1, pixels: [Double.nan, 1, Double.infinity])
        _ = FigureRenderer.render(figure, columns: 80, tier: .ansi256)
    }

    @Test func imageUsesHalfBlocksWithBothColours() {
        var axes = Axes()
        axes.image = Image(width: 2, height: 2, channels: 1, pixels: [0, 1, 1, 0], colormap: .gray)
        let block = AxesRenderer.render(axes, columns: 10, rows: 1, tier: .truecolor)
        #expect(AxesRenderer.render(axes, columns: 10, rows: 4, tier: .truecolor).width == 10)
        let cells = block.rows.joined().filter { $0.character == "▀" }
        #expect(!cells.isEmpty)
        #expect(cells.contains { $0.foreground == RGB(0, 0, 0) && $0.background == RGB(255, 255, 255) })
        let ascii = AxesRenderer.render(axes, columns: 10, rows: 4, tier: .plain)
        #expect(ascii.text.contains("@"))
    }

    @Test func ansiCodesFollowTheTier() {
        var block = ChartBlock(width: 1, height: 1)
        block[0, 0] = ChartCell("▀", foreground: RGB(255, 0, 0), background: RGB(0, 0, 255))
        #expect(ANSIWriter.render(block, tier: .truecolor) == "\u{1B}[0;38;2;255;0;0;48;2;0;0;255m▀\u{1B}[0m\n")
        #expect(ANSIWriter.render(block, tier: .ansi256) == "\u{1B}[0;38;5;196;48;5;21m▀\u{1B}[0m\n")
    }

    @Test func tierDetection() {
        func env(_ values: [String: String]) -> (String) -> String? { { values[$0] } }
        let utf8 = ["LANG": "en_US.UTF-8", "TERM": "xterm-256color"]
        #expect(ColorTier.detect(isTerminal: true, environment: env(utf8)) == .ansi256)
        #expect(ColorTier.detect(isTerminal: false, environment: env(utf8)) == .plain)
        let truecolor = utf8.merging(["COLORTERM": "truecolor"]) { $1 }
        let noColor = utf8.merging(["NO_COLOR": "1"]) { $1 }
        let cLocale = utf8.merging(["LC_ALL": "C"]) { $1 }
        #expect(ColorTier.detect(isTerminal: true, environment: env(truecolor)) == .truecolor)
        #expect(ColorTier.detect(isTerminal: true, environment: env(noColor)) == .plain)
        #expect(ColorTier.detect(isTerminal: true, environment: env(cLocale)) == .plain)
        #expect(ColorTier.detect(isTerminal: true, environment: env(["LANG": "C.UTF-8", "TERM": "dumb"])) == .plain)
        #expect(ColorTier.detect(choice: .truecolor, isTerminal: false, environment: env([:])) == .truecolor)
        #expect(ColorTier.detect(choice: .never, isTerminal: true, environment: env(utf8)) == .plain)
    }

    @Test func numberLabels() {
        #expect(NumberFormat.short(1.5) == "1.5")
        #expect(NumberFormat.short(0.012345) == "0.0123")
        #expect(NumberFormat.short(2_500_000) == "2.5e+06")
        #expect(NumberFormat.short(-3) == "-3")
        #expect(NumberFormat.short(100) == "100")
    }
}
