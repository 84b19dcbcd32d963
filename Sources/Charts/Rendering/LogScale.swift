#if canImport(Glibc)
import Glibc
#endif

/// Log axes (`set_xscale('log')`): the renderer draws linear axes, so a log axis is drawn as
/// the linear axis of log10 of the data. Values that are not positive are left out, as
/// matplotlib masks them; ticks fall on the powers of ten (labelled 10², or 1e2 in ASCII)
/// unless the axes set their own, which keep their labels.
enum LogScale {
    /// `axes` in log space on its log axes; unchanged when it has none.
    static func linearized(_ axes: Axes, unicode: Bool) -> Axes {
        guard axes.xIsLog || axes.yIsLog else { return axes }
        var out = axes
        out.series = axes.series.map { series in
            var s = series
            let keep = series.xs.indices.filter { i in
                (!axes.xIsLog || series.xs[i] > 0) && (!axes.yIsLog || (i < series.ys.count && series.ys[i] > 0))
            }
            if axes.xIsLog { s.xs = keep.map { log10(series.xs[$0]) } } else { s.xs = keep.map { series.xs[$0] } }
            if axes.yIsLog { s.ys = keep.map { log10(series.ys[$0]) } } else { s.ys = keep.map { series.ys[$0] } }
            return s
        }
        if axes.xIsLog {
            out.xLimits = logLimits(axes.xLimits)
            out.xTicks = logTicks(axes.xTicks, values: out.series.flatMap(\.xs), limits: out.xLimits, unicode: unicode)
        }
        if axes.yIsLog {
            out.yLimits = logLimits(axes.yLimits)
            out.yTicks = logTicks(axes.yTicks, values: out.series.flatMap(\.ys), limits: out.yLimits, unicode: unicode)
        }
        return out
    }

    private static func logLimits(_ limits: AxisLimits) -> AxisLimits {
        AxisLimits(low: limits.low.flatMap { $0 > 0 ? log10($0) : nil },
                   high: limits.high.flatMap { $0 > 0 ? log10($0) : nil })
    }

    /// The axes' own ticks moved to log space, or one tick per power of ten in view.
    private static func logTicks(_ ticks: AxisTicks?, values: [Double], limits: AxisLimits, unicode: Bool) -> AxisTicks? {
        if let ticks {
            let kept = ticks.positions.indices.filter { ticks.positions[$0] > 0 }
            let labels = kept.map { i in ticks.label(i, span: ticks.positions[i]) }
            return AxisTicks(positions: kept.map { log10(ticks.positions[$0]) }, labels: labels)
        }
        let finite = values.filter(\.isFinite)
        guard let low = limits.low ?? finite.min(), let high = limits.high ?? finite.max() else { return nil }
        let first = Int(low.rounded(.up)), last = Int(high.rounded(.down))
        guard first <= last, last - first <= 40 else { return nil }
        let step = max(1, (last - first + 3) / 4)
        let exponents = Array(stride(from: first, through: last, by: step))
        return AxisTicks(positions: exponents.map(Double.init), labels: exponents.map { power(of: $0, unicode: unicode) })
    }

    /// `10²`, `10⁻³` (`1e2`, `1e-3` without Unicode).
    static func power(of exponent: Int, unicode: Bool) -> String {
        guard unicode else { return "1e\(exponent)" }
        let superscripts: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵",
                                                    "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
        return "10" + String(String(exponent).map { superscripts[$0] ?? $0 })
    }
}
