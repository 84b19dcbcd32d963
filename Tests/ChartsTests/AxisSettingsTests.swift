import Testing
@testable import Charts

/// `set_xlim`/`set_ylim`, `set_xticks`/`set_yticks` and `grid` as the axes renderer draws them.
@Suite struct AxisSettingsTests {
    func lineAxes() -> Axes {
        var axes = Axes()
        axes.series = [Series(kind: .line, xs: [0, 1, 2, 3, 4], ys: [0, 1, 4, 9, 16], color: RGB.cycled(0))]
        return axes
    }

    @Test func limitsReplaceTheDataRange() {
        var axes = lineAxes()
        axes.xLimits = AxisLimits(low: 1, high: 3)
        axes.yLimits = AxisLimits(high: 20)
        #expect(axes.viewRanges.x == 1...3)
        #expect(axes.viewRanges.y == 0...20)
        let text = AxesRenderer.render(axes, columns: 30, rows: 8, tier: .plain).text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("20|") == true)
        #expect(lines.last?.hasPrefix("   1") == true)
        #expect(lines.last?.hasSuffix("3") == true)
    }

    @Test func reversedOrEmptyLimitsStayDrawable() {
        var axes = lineAxes()
        axes.xLimits = AxisLimits(low: 4, high: 0)
        #expect(axes.viewRanges.x == 0...4)
        axes.xLimits = AxisLimits(low: 2, high: 2)
        #expect(axes.viewRanges.x == 0...4)
        axes.xLimits = AxisLimits(low: .nan, high: .infinity)
        #expect(axes.viewRanges.x == 0...4)
    }

    @Test func ticksPutTheirLabelsAtTheirPlaces() {
        var axes = lineAxes()
        axes.xTicks = AxisTicks(positions: [0, 2, 4], labels: ["a", "b", "c"])
        axes.yTicks = AxisTicks(positions: [0, 8, 16, 99])
        let lines = AxesRenderer.render(axes, columns: 23, rows: 11, tier: .plain).text.split(separator: "\n")
        #expect(lines.first?.hasPrefix("16|") == true)
        #expect(lines.contains { $0.hasPrefix(" 8|") })
        #expect(lines.contains { $0.hasPrefix(" 0|") })
        #expect(!lines.contains { $0.hasPrefix("99") })
        #expect(lines.suffix(2).map(String.init) == ["  ++---------+--------+", "   a         b        c"])
    }

    @Test func gridFillsOnlyEmptyCells() {
        var axes = lineAxes()
        axes.showsGrid = true
        let block = AxesRenderer.render(axes, columns: 30, rows: 10, tier: .truecolor)
        let cells = block.rows.joined()
        #expect(cells.contains { $0.character == "┈" })
        #expect(cells.contains { $0.character == "┊" })
        #expect(cells.contains { $0.character.unicodeScalars.first.map { $0.value >= 0x2800 && $0.value <= 0x28FF } == true })
        axes.showsGrid = false
        #expect(!AxesRenderer.render(axes, columns: 30, rows: 10, tier: .truecolor).rows.joined().contains { $0.character == "┈" })
    }

    @Test func barsOutsideTheViewAreClipped() {
        var axes = Axes()
        axes.series = [Series(kind: .bars(width: 0.8), xs: [1, 2, 50], ys: [3, -1, 5], color: RGB.cycled(0))]
        axes.xLimits = AxisLimits(low: 0, high: 3)
        for tier in [ColorTier.plain, .truecolor] {
            let block = AxesRenderer.render(axes, columns: 30, rows: 10, tier: tier)
            #expect(block.width == 30)
        }
    }

    /// A log axis is the linear axis of log10 of the data, ticked at powers of ten; values that
    /// are not positive are left out (matplotlib masks them).
    @Test func logAxesDrawLog10OfTheData() {
        var axes = Axes()
        axes.series = [Series(kind: .line, xs: [0, 1, 10, 100], ys: [5, 1, 0.1, 0.01], color: RGB.cycled(0))]
        axes.xIsLog = true
        axes.yIsLog = true
        let linear = LogScale.linearized(axes, unicode: true)
        #expect(linear.series[0].xs == [0, 1, 2] && linear.series[0].ys == [0, -1, -2])
        #expect(linear.xTicks?.labels == ["10⁰", "10¹", "10²"])
        let text = AxesRenderer.render(axes, columns: 40, rows: 10, tier: .plain).text
        #expect(text.contains("1e-2") && text.contains("1e2"))
        #expect(LogScale.power(of: -3, unicode: true) == "10⁻³")
    }
}
