/// What one `SummaryWriter` logged with `add_scalar`: points per tag, drawn as one chart per
/// tag group (`Loss/train` and `Loss/val` share the chart "Loss"), like TensorBoard's
/// scalars dashboard.
public struct ScalarBoard: Equatable, Sendable {
    public struct Point: Equatable, Sendable {
        public var step: Double
        public var value: Double
    }

    /// Tags in the order they were first logged, with their points.
    public private(set) var tags: [(name: String, points: [Point])] = []
    /// TensorBoard's smoothing weight (0: raw values; its default is 0.6).
    public var smoothing: Double

    public init(smoothing: Double = 0.6) { self.smoothing = smoothing }

    public static func == (a: ScalarBoard, b: ScalarBoard) -> Bool {
        a.smoothing == b.smoothing && a.tags.count == b.tags.count
            && zip(a.tags, b.tags).allSatisfy { $0.name == $1.name && $0.points == $1.points }
    }

    /// How many points were logged in all.
    public var count: Int { tags.reduce(0) { $0 + $1.points.count } }

    public mutating func add(tag: String, step: Double, value: Double) {
        if let index = tags.firstIndex(where: { $0.name == tag }) {
            tags[index].points.append(Point(step: step, value: value))
        } else {
            tags.append((tag, [Point(step: step, value: value)]))
        }
    }

    /// The group of a tag: the part before its first "/" (the whole tag when it has none).
    static func group(of tag: String) -> String {
        tag.firstIndex(of: "/").map { String(tag[..<$0]) } ?? tag
    }

    /// TensorBoard's smoothing: an exponential moving average, debiased so the first points
    /// are not pulled towards zero. Non-finite values pass through unsmoothed.
    static func smoothed(_ values: [Double], weight: Double) -> [Double] {
        guard weight > 0, weight < 1 else { return values }
        var last = 0.0, steps = 0.0
        var debias = 1.0
        return values.map { value in
            guard value.isFinite else { return value }
            last = last * weight + (1 - weight) * value
            steps += 1
            debias *= weight
            return debias < 1 ? last / (1 - debias) : value
        }
    }

    /// One figure per tag group, each tag a smoothed line labelled with its last raw value
    /// (the x axis is the step, which needs no label).
    public var figures: [Figure] {
        var groups: [(name: String, axes: Axes)] = []
        for (name, points) in tags {
            let group = ScalarBoard.group(of: name)
            var index = groups.firstIndex { $0.name == group } ?? -1
            if index < 0 {
                var axes = Axes()
                axes.title = group
                axes.showsLegend = true
                groups.append((group, axes))
                index = groups.count - 1
            }
            let label = (name == group ? name : String(name.dropFirst(group.count + 1)))
                + (points.last.map { " " + NumberFormat.short($0.value, digits: 4) } ?? "")
            let color = groups[index].axes.nextColor
            groups[index].axes.series.append(Series(kind: .line, xs: points.map(\.step),
                                                    ys: ScalarBoard.smoothed(points.map(\.value), weight: smoothing),
                                                    label: label, color: color))
        }
        return groups.map { group in
            var figure = Figure(width: 8, height: 3)
            figure.axes = [group.axes]
            return figure
        }
    }

    /// The board drawn `columns` wide, its groups one below the other, `rowsPerChart` rows each.
    public func render(columns: Int, rowsPerChart: Int = 12, tier: ColorTier) -> ChartBlock {
        var block = ChartBlock(width: max(0, columns), height: 0)
        for figure in figures {
            block.append(AxesRenderer.render(figure.axes[0], columns: max(0, columns), rows: max(0, rowsPerChart), tier: tier))
        }
        return block
    }

    /// One line per tag: a sparkline of its values and its statistics (what `run` prints when
    /// the writer closes).
    public func summary(tier: ColorTier, sparkWidth: Int = 24) -> String {
        let nameWidth = tags.map(\.name.count).max() ?? 0
        return tags.map { name, points in
            let values = points.map(\.value)
            var line = name.padding(to: nameWidth) + "  " + Sparkline.render(values, width: sparkWidth, unicode: tier.isUnicode)
            line += "  \(points.count) point\(points.count == 1 ? "" : "s")"
            if let first = points.first, let last = points.last {
                line += ", steps \(NumberFormat.short(first.step, digits: 6))-\(NumberFormat.short(last.step, digits: 6))"
                line += ", first \(NumberFormat.short(first.value, digits: 4)), last \(NumberFormat.short(last.value, digits: 4))"
                let finite = points.filter { $0.value.isFinite }
                if let low = finite.min(by: { $0.value < $1.value }) {
                    line += ", min \(NumberFormat.short(low.value, digits: 4)) at step \(NumberFormat.short(low.step, digits: 6))"
                }
            }
            return line + "\n"
        }.joined()
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
