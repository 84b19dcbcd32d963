import Testing
@testable import Charts

@Suite struct ScalarBoardTests {
    @Test func tagsGroupByPrefix() {
        var board = ScalarBoard()
        for step in 0..<50 {
            board.add(tag: "Loss/train", step: Double(step), value: 1 / Double(step + 1))
            board.add(tag: "Loss/val", step: Double(step), value: 1.2 / Double(step + 1))
            board.add(tag: "accuracy", step: Double(step), value: Double(step) / 50)
        }
        let figures = board.figures
        #expect(figures.map(\.axes[0].title) == ["Loss", "accuracy"])
        #expect(figures[0].axes[0].series.map(\.label) == ["train 0.02", "val 0.024"])
        #expect(board.render(columns: 60, rowsPerChart: 10, tier: .plain).height == 20)
    }

    @Test func smoothingMatchesTensorBoard() {
        // TensorBoard: last = last * w + (1 - w) * v, divided by 1 - w^n.
        let smoothed = ScalarBoard.smoothed([1, 0, 0], weight: 0.5)
        #expect(smoothed[0] == 1)
        #expect(abs(smoothed[1] - 0.25 / 0.75) < 1e-12)
        #expect(ScalarBoard.smoothed([1, .nan, 3], weight: 0)[1].isNaN)
    }

    @Test func summaryLines() {
        var board = ScalarBoard()
        for step in 0..<10 { board.add(tag: "Loss/train", step: Double(step), value: Double(10 - step)) }
        let summary = board.summary(tier: .plain, sparkWidth: 10)
        #expect(summary == "Loss/train  '''--..___  10 points, steps 0-9, first 10, last 1, min 1 at step 9\n")
    }
}
