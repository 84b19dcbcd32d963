import Charts
import MiniPython
import TensorEngine

/// The drawing functions that exist both as `plt.NAME(...)` (on the current axes) and as
/// `ax.NAME(...)` or `ax.set_NAME(...)`, written once with matplotlib's signatures.
struct AxesFunction: @unchecked Sendable {
    /// The `pyplot` name (`title`).
    let name: String
    /// The `Axes` method name (`set_title`).
    let methodName: String
    /// The parameters after `self`.
    let parameters: String
    let body: (Interpreter, PyAxes, BoundArguments) throws(PyError) -> PyValue

    init(_ name: String, method: String? = nil, _ parameters: String,
         _ body: @escaping (Interpreter, PyAxes, BoundArguments) throws(PyError) -> PyValue) {
        self.name = name
        methodName = method ?? name
        self.parameters = parameters
        self.body = body
    }

    var functionSignature: String { "\(name)(\(parameters))" }
    var methodSignature: String { "\(methodName)(self\(parameters.isEmpty ? "" : ", " + parameters))" }
}

enum AxesFunctions {
    static let all: [AxesFunction] = [
        /// plot(*args, scalex=True, scaley=True, data=None, **kwargs)
        /// (https://matplotlib.org/stable/api/_as_gen/matplotlib.pyplot.plot.html)
        AxesFunction("plot", "*args, scalex=True, scaley=True, data=None, **kwargs") { (interp, axes, args) throws(PyError) in
            let lines = try plot(args.varArgs, args.varKeywords, into: axes, interp)
            return .list(Array(repeating: .none, count: lines))
        },
        /// scatter(x, y, s=None, c=None, marker=None, cmap=None, ...)
        AxesFunction("scatter", "x, y, s=None, c=None, marker=None, cmap=None, norm=None, vmin=None, vmax=None, "
                     + "alpha=None, linewidths=None, *, edgecolors=None, colorizer=None, plotnonfinite=False, data=None, **kwargs") {
            (interp, axes, args) throws(PyError) in
            let x = try PlotArray.from(args["x"], interp), y = try PlotArray.from(args["y"], interp)
            guard x.count == y.count else { throw PyError.valueError("x and y must be the same size") }
            var keywords = args.varKeywords
            if case .str = args["c"] { keywords.append(("c", args["c"])) }
            try add(.scatter, xs: x.values, ys: y.values, keywords, to: axes, interp)
            return .none
        },
        /// bar(x, height, width=0.8, bottom=None, *, align='center', data=None, **kwargs)
        AxesFunction("bar", "x, height, width=0.8, bottom=None, *, align='center', data=None, **kwargs") { (interp, axes, args) throws(PyError) in
            let heights = try PlotArray.from(args["height"], interp).values
            let xs: [Double]
            if let labels = try? interp.toArray(args["x"]), labels.contains(where: { if case .str = $0 { true } else { false } }) {
                xs = labels.indices.map(Double.init)
            } else {
                xs = try PlotArray.from(args["x"], interp).values
            }
            let count = max(xs.count, heights.count)
            guard xs.count == heights.count || xs.count == 1 || heights.count == 1 else {
                throw PyError.valueError("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (\(xs.count),) and arg 1 with shape (\(heights.count),).")
            }
            let width = try interp.expectFloat(args["width"], "width")
            try add(.bars(width: width), xs: (0..<count).map { xs.count == 1 ? xs[0] : xs[$0] },
                    ys: (0..<count).map { heights.count == 1 ? heights[0] : heights[$0] }, args.varKeywords, to: axes, interp)
            return .none
        },
        /// hist(x, bins=None, range=None, density=False, ...) -> (n, bins, patches)
        AxesFunction("hist", "x, bins=None, range=None, density=False, weights=None, cumulative=False, bottom=None, "
                     + "histtype='bar', align='mid', orientation='vertical', rwidth=None, log=False, color=None, "
                     + "label=None, stacked=False, *, data=None, **kwargs") { (interp, axes, args) throws(PyError) in
            let values = try PlotArray.from(args["x"], interp).values
            let bins = try Histogram.bins(args["bins"], args["range"], values: values, interp)
            var counts = Histogram.counts(values, edges: bins)
            if try interp.isTrue(args["density"]) { counts = Histogram.density(counts, edges: bins) }
            var keywords = args.varKeywords
            for name in ["color", "label"] where !args[name].isNone { keywords.append((name, args[name])) }
            let centres = (0..<counts.count).map { (bins[$0] + bins[$0 + 1]) / 2 }
            let width = (0..<counts.count).map { bins[$0 + 1] - bins[$0] }.min() ?? 1
            try add(.bars(width: width), xs: centres, ys: counts, keywords, to: axes, interp)
            return .tuple([.list(counts.map { .float($0) }), .list(bins.map { .float($0) }), .list([])])
        },
        /// imshow(X, cmap=None, norm=None, *, aspect=None, interpolation=None, alpha=None, vmin=None, vmax=None, ...)
        AxesFunction("imshow", "X, cmap=None, norm=None, *, aspect=None, interpolation=None, alpha=None, vmin=None, "
                     + "vmax=None, colorizer=None, origin=None, extent=None, interpolation_stage=None, filternorm=True, "
                     + "filterrad=4.0, resample=None, url=None, data=None, **kwargs") { (interp, axes, args) throws(PyError) in
            axes.model.image = try image(args, interp)
            return .none
        },
        AxesFunction("title", method: "set_title", "label, fontdict=None, loc=None, pad=None, *, y=None, **kwargs") {
            (interp, axes, args) throws(PyError) in
            axes.model.title = try interp.str(args["label"])
            return .none
        },
        AxesFunction("xlabel", method: "set_xlabel", "xlabel, fontdict=None, labelpad=None, *, loc=None, **kwargs") {
            (interp, axes, args) throws(PyError) in
            axes.model.xlabel = try interp.str(args["xlabel"])
            return .none
        },
        AxesFunction("ylabel", method: "set_ylabel", "ylabel, fontdict=None, labelpad=None, *, loc=None, **kwargs") {
            (interp, axes, args) throws(PyError) in
            axes.model.ylabel = try interp.str(args["ylabel"])
            return .none
        },
        /// legend(), legend(labels), legend(handles, labels); `loc` and styling are accepted.
        AxesFunction("legend", "*args, **kwargs") { (interp, axes, args) throws(PyError) in
            if let labels = args.varArgs.last, args.varArgs.count <= 2 {
                for (index, label) in try interp.toArray(labels).enumerated() where index < axes.model.series.count {
                    axes.model.series[index].label = try interp.str(label)
                }
            }
            axes.model.showsLegend = true
            return .none
        },
        /// axis('off') hides the frame and labels; axis('on') shows them; other arguments are accepted.
        AxesFunction("axis", "arg=None, /, *, emit=True, **kwargs") { (interp, axes, args) throws(PyError) in
            if case .str(let option) = args["arg"] {
                switch option {
                case "off": axes.model.showsAxis = false
                case "on": axes.model.showsAxis = true
                case "equal", "scaled", "tight", "auto", "image", "square": break
                default:
                    throw PyError.valueError("Unrecognized string '\(option)' to axis; try 'on' or 'off'")
                }
            } else if case .bool(let on) = args["arg"] {
                axes.model.showsAxis = on
            }
            return .none
        },
        /// grid(visible=None, which='major', axis='both', **kwargs): no arguments toggle the grid.
        AxesFunction("grid", "visible=None, which='major', axis='both', **kwargs") { (interp, axes, args) throws(PyError) in
            if args["visible"].isNone {
                axes.model.showsGrid = args.varKeywords.isEmpty ? !axes.model.showsGrid : true
            } else {
                axes.model.showsGrid = try interp.isTrue(args["visible"])
            }
            return .none
        },
        /// xlim(left=None, right=None) / set_xlim: sets either end (or both, as one pair) and
        /// returns the shown range.
        AxesFunction("xlim", method: "set_xlim", "left=None, right=None, *, emit=True, auto=False, xmin=None, xmax=None") {
            (interp, axes, args) throws(PyError) in
            try limits(&axes.model.xLimits, args["left"], args["right"], args["xmin"], args["xmax"], interp)
            let range = axes.model.viewRanges.x
            return .tuple([PyValue(range.lowerBound), PyValue(range.upperBound)])
        },
        /// ylim(bottom=None, top=None) / set_ylim.
        AxesFunction("ylim", method: "set_ylim", "bottom=None, top=None, *, emit=True, auto=False, ymin=None, ymax=None") {
            (interp, axes, args) throws(PyError) in
            try limits(&axes.model.yLimits, args["bottom"], args["top"], args["ymin"], args["ymax"], interp)
            let range = axes.model.viewRanges.y
            return .tuple([PyValue(range.lowerBound), PyValue(range.upperBound)])
        },
        /// xticks(ticks=None, labels=None, **kwargs) / set_xticks: where the x ticks go.
        AxesFunction("xticks", method: "set_xticks", "ticks=None, labels=None, *, minor=False, **kwargs") {
            (interp, axes, args) throws(PyError) in
            try ticks(&axes.model.xTicks, args["ticks"], args["labels"], interp)
        },
        /// yticks(ticks=None, labels=None, **kwargs) / set_yticks.
        AxesFunction("yticks", method: "set_yticks", "ticks=None, labels=None, *, minor=False, **kwargs") {
            (interp, axes, args) throws(PyError) in
            try ticks(&axes.model.yTicks, args["ticks"], args["labels"], interp)
        },
        /// xscale(value, **kwargs) / set_xscale: 'log' draws log10 of the data; the other
        /// scales matplotlib knows are drawn linear.
        AxesFunction("xscale", method: "set_xscale", "value, **kwargs") { (interp, axes, args) throws(PyError) in
            axes.model.xIsLog = try isLogScale(args["value"], interp)
            return .none
        },
        /// yscale(value, **kwargs) / set_yscale.
        AxesFunction("yscale", method: "set_yscale", "value, **kwargs") { (interp, axes, args) throws(PyError) in
            axes.model.yIsLog = try isLogScale(args["value"], interp)
            return .none
        },
    ]

    /// Whether a scale name is 'log' (matplotlib's other scales are accepted and drawn linear).
    private static func isLogScale(_ value: PyValue, _ interp: Interpreter) throws(PyError) -> Bool {
        let name = try interp.str(value)
        let known = ["asinh", "function", "functionlog", "linear", "log", "logit", "mercator", "symlog"]
        guard known.contains(name) else { throw PyError.valueError("'\(name)' is not a valid value for scale.") }
        return name == "log"
    }

    // MARK: - Helpers

    /// Sets the ends given as `low, high`, as one `(low, high)` pair, or by keyword.
    private static func limits(_ limits: inout AxisLimits, _ low: PyValue, _ high: PyValue, _ lowKeyword: PyValue,
                               _ highKeyword: PyValue, _ interp: Interpreter) throws(PyError) {
        var low = low.isNone ? lowKeyword : low, high = high.isNone ? highKeyword : high
        if high.isNone, !low.isNone, try Scalars.from(low) == nil {
            let pair = try interp.toArray(low)
            guard pair.count == 2 else {
                throw PyError.valueError("not enough values to unpack (expected 2, got \(pair.count))")
            }
            (low, high) = (pair[0], pair[1])
        }
        if !low.isNone { limits.low = try interp.expectFloat(low) }
        if !high.isNone { limits.high = try interp.expectFloat(high) }
    }

    /// Sets ticks (and labels) when given; returns the ticks and labels as `xticks()` does.
    private static func ticks(_ ticks: inout AxisTicks?, _ positions: PyValue, _ labels: PyValue,
                              _ interp: Interpreter) throws(PyError) -> PyValue {
        if !positions.isNone {
            let values = try PlotArray.from(positions, interp).values
            var names: [String]?
            if !labels.isNone {
                names = try interp.toArray(labels).map { (label) throws(PyError) in try interp.str(label) }
                if names?.count != values.count {
                    throw PyError.valueError("The number of FixedLocator locations (\(values.count)), usually from a call "
                        + "to set_ticks, does not match the number of labels (\(names?.count ?? 0)).")
                }
            }
            ticks = AxisTicks(positions: values, labels: names)
        }
        let current = ticks ?? AxisTicks(positions: [])
        let names = current.positions.indices.map { current.labels?[$0] ?? PythonFloatFormat.repr(current.positions[$0]) }
        return .tuple([.list(current.positions.map { PyValue($0) }), .list(names.map { PyValue($0) })])
    }

    /// `plot`'s argument groups: `y`, `x, y`, each optionally followed by a format string.
    private static func plot(_ positional: [PyValue], _ keywords: [(name: String, value: PyValue)], into axes: PyAxes,
                             _ interp: Interpreter) throws(PyError) -> Int {
        var i = 0
        var lines = 0
        while i < positional.count {
            let first = try PlotArray.from(positional[i], interp)
            i += 1
            var x: PlotArray?, y = first
            if i < positional.count, !isString(positional[i]) {
                x = first
                y = try PlotArray.from(positional[i], interp)
                i += 1
            }
            var format = FormatString()
            if i < positional.count, case .str(let text) = positional[i] {
                format = try FormatString.parse(text)
                i += 1
            }
            let rows = y.shape.first ?? 1
            if let x, (x.shape.first ?? 1) != rows {
                throw PyError.valueError("x and y must have same first dimension, but have shapes \(x.shapeText) and \(y.shapeText)")
            }
            // A 2-d y draws one line per column, as in matplotlib.
            let columns = y.shape.count == 2 ? y.shape[1] : 1
            let xs = x.map { $0.shape.count == 2 ? Array($0.values.prefix(rows)) : $0.values } ?? (0..<rows).map(Double.init)
            for column in 0..<columns {
                let ys = columns == 1 ? y.values : stride(from: column, to: y.values.count, by: columns).map { y.values[$0] }
                var more = keywords
                if let color = format.color, !keywords.contains(where: { $0.name == "color" || $0.name == "c" }) {
                    more.append(("color", .str("#" + hex(color))))
                }
                try add(format.isScatter ? .scatter : .line, xs: xs, ys: ys, more, to: axes, interp)
                lines += 1
            }
        }
        return lines
    }

    private static func isString(_ value: PyValue) -> Bool {
        if case .str = value { return true }
        return false
    }

    private static func hex(_ color: RGB) -> String {
        [color.red, color.green, color.blue].map { byte in
            let text = String(byte, radix: 16)
            return text.count == 1 ? "0" + text : text
        }.joined()
    }

    private static func add(_ kind: Series.Kind, xs: [Double], ys: [Double], _ keywords: [(name: String, value: PyValue)],
                            to axes: PyAxes, _ interp: Interpreter) throws(PyError) {
        let explicit = try PlotKeywords.color(keywords, interp)
        let series = Series(kind: kind, xs: xs, ys: ys, label: try PlotKeywords.label(keywords, interp),
                            color: explicit ?? axes.model.nextColor, usesCycle: explicit == nil)
        axes.model.series.append(series)
    }

    /// `imshow`'s data as an image: (M, N) through the colormap, (M, N, 3) RGB, (M, N, 4) RGBA.
    private static func image(_ args: BoundArguments, _ interp: Interpreter) throws(PyError) -> Image {
        var data = try PlotArray.from(args["X"], interp)
        if data.shape.count == 3 && data.shape[2] == 1 { data.shape.removeLast() }
        let shape = data.shape
        guard shape.count == 2 || (shape.count == 3 && (shape[2] == 3 || shape[2] == 4)) else {
            throw PyError.typeError("Invalid shape \(data.shapeText) for image data")
        }
        let map = try PlotKeywords.colormap(args["cmap"], interp) ?? .viridis
        let low = args["vmin"].isNone ? nil : try interp.expectFloat(args["vmin"], "vmin")
        let high = args["vmax"].isNone ? nil : try interp.expectFloat(args["vmax"], "vmax")
        return Image(width: shape[1], height: shape[0], channels: shape.count == 3 ? shape[2] : 1, pixels: data.values,
                     colormap: map, low: low, high: high, rgbScale: data.isIntegral ? 255 : 1)
    }
}
