/// `range(start, stop, step)` with machine-int bounds.
public final class PyRange: PyObject, @unchecked Sendable {
    public let start: Int
    public let stop: Int
    public let step: Int

    public init(start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
        super.init(type: .range)
    }

    /// `len(range)`; nil when it does not fit in an Int.
    public var count: Int? {
        if step > 0 {
            guard start < stop else { return 0 }
            let (span, o) = stop.subtractingReportingOverflow(start)
            if o { return nil }
            return (span - 1) / step + 1
        } else {
            guard start > stop else { return 0 }
            let (span, o) = start.subtractingReportingOverflow(stop)
            if o { return nil }
            return (span - 1) / (-step) + 1
        }
    }

    /// The i-th element (0 <= i < count).
    public func element(_ i: Int) -> Int { start &+ i &* step }
}
