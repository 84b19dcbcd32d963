import MiniPython

/// numpy's `histogram` as `plt.hist` and `SummaryWriter.add_histogram` use it: equal-width
/// bins over the data's finite range (or `range=`), the last bin closed on the right.
enum Histogram {
    /// The bin edges for `bins=` (a count, default 10, or the edges themselves) and `range=`.
    static func bins(_ bins: PyValue, _ range: PyValue, values: [Double], _ interp: Interpreter) throws(PyError) -> [Double] {
        if !bins.isNone, bins.tensorValue != nil || interp.isIterable(bins), !isString(bins) {
            let edges = try PlotArray.from(bins, interp).values
            guard edges.count >= 2, zip(edges, edges.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw PyError.valueError("`bins` must increase monotonically, when an array")
            }
            return edges
        }
        if isString(bins) { return try self.bins(.none, range, values: values, interp) }
        let count = bins.isNone ? 10 : try interp.expectInt(bins, "bins")
        guard count >= 1 else { throw PyError.valueError("`bins` must be positive, when an integer") }
        guard count <= 100_000 else { throw PyError.valueError("Too many bins for data range. Cannot create \(count) finite-sized bins.") }
        var low: Double, high: Double
        if range.isNone {
            let finite = values.filter(\.isFinite)
            low = finite.min() ?? 0
            high = finite.max() ?? 1
        } else {
            let pair = try interp.toArray(range)
            guard pair.count == 2 else { throw PyError.valueError("too many values to unpack (expected 2)") }
            low = try interp.expectFloat(pair[0])
            high = try interp.expectFloat(pair[1])
            guard low <= high else { throw PyError.valueError("max must be larger than min in range parameter.") }
            guard low.isFinite, high.isFinite else {
                throw PyError.valueError("supplied range of [\(low), \(high)] is not finite")
            }
        }
        if low == high {
            low -= 0.5
            high += 0.5
        }
        return (0...count).map { low + (high - low) * Double($0) / Double(count) }
    }

    /// How many values fall in each bin; values outside the edges (and NaN) are not counted.
    static func counts(_ values: [Double], edges: [Double]) -> [Double] {
        let bins = max(0, edges.count - 1)
        var counts = Array(repeating: 0.0, count: bins)
        guard bins > 0, let first = edges.first, let last = edges.last else { return counts }
        for v in values where v >= first && v <= last {
            var lo = 0, hi = bins
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                if v >= edges[mid] { lo = mid } else { hi = mid }
            }
            counts[lo] += 1
        }
        return counts
    }

    /// Counts scaled so that the bars' area is one (`density=True`).
    static func density(_ counts: [Double], edges: [Double]) -> [Double] {
        let total = counts.reduce(0, +)
        guard total > 0 else { return counts }
        return counts.indices.map { i in
            let width = edges[i + 1] - edges[i]
            return width > 0 ? counts[i] / total / width : 0
        }
    }

    private static func isString(_ value: PyValue) -> Bool {
        if case .str = value { return true }
        return false
    }
}
