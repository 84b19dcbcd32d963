/// Fixed ends of one axis (`set_xlim(left, right)`); an end left nil follows the data.
public struct AxisLimits: Equatable, Sendable {
    public var low: Double?
    public var high: Double?

    public init(low: Double? = nil, high: Double? = nil) {
        self.low = low
        self.high = high
    }

    /// `range` with the fixed ends put in (ordered low to high: a reversed axis is not drawn).
    func applied(to range: ClosedRange<Double>) -> ClosedRange<Double> {
        let a = low.flatMap { $0.isFinite ? $0 : nil } ?? range.lowerBound
        let b = high.flatMap { $0.isFinite ? $0 : nil } ?? range.upperBound
        if a == b { return range }
        return min(a, b)...max(a, b)
    }
}

/// Where one axis has its ticks (`set_xticks(ticks, labels)`), and their labels if given.
public struct AxisTicks: Equatable, Sendable {
    public var positions: [Double]
    public var labels: [String]?

    public init(positions: [Double], labels: [String]? = nil) {
        self.positions = positions
        self.labels = labels
    }

    /// The label of tick `index` (its value, short, when no labels were given).
    func label(_ index: Int, span: Double) -> String {
        if let labels, index < labels.count { return labels[index] }
        return NumberFormat.tick(positions[index], span: span)
    }
}

extension Axes {
    /// The x and y ranges the chart shows: the data's, with the limits put in (`get_xlim`).
    public var viewRanges: (x: ClosedRange<Double>, y: ClosedRange<Double>) { AxesRenderer.viewRanges(self) }
}
