import Charts
import MiniPython
import TensorEngine

/// Plot data as matplotlib receives it after `np.asarray`: numbers, (nested) lists and
/// tuples, tensors, anything iterable. Values become Doubles (bools 0/1) with their shape.
struct PlotArray {
    var values: [Double]
    var shape: [Int]
    /// Whether every value is an integer type (RGB images then run 0...255).
    var isIntegral = false

    var count: Int { values.count }

    /// The numpy-style shape text, `(3,)` or `(2, 4)`.
    var shapeText: String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// The most values one plot call takes: a terminal shows far fewer, and converting more
    /// would cost seconds and gigabytes.
    static let limit = 4 << 20

    /// Converts `value`; a tensor that requires grad raises as `np.asarray` does on one,
    /// unless `detaching` (TensorBoard detaches what it logs).
    static func from(_ value: PyValue, _ interp: Interpreter, detaching: Bool = false) throws(PyError) -> PlotArray {
        if let tensor = value.tensorValue ?? NumPyModule.tensor(value) {
            if tensor.requiresGrad && !detaching {
                throw PyError.runtimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
            }
            guard tensor.numel <= limit else {
                throw PyError.valueError("too many values to draw in the terminal (\(tensor.numel) > \(limit)); "
                    + "slice or downsample the tensor first")
            }
            var array = try flatten(tensor.tolist())
            array.shape = tensor.shape
            array.isIntegral = !tensor.dtype.isFloatingPoint
            return array
        }
        if let number = try Scalars.from(value) {
            return PlotArray(values: [number.doubleValue], shape: [], isIntegral: !number.isFloatingPoint)
        }
        if case .str = value { throw PyError.valueError("could not convert string to float: \(try interp.repr(value))") }
        return try flatten(NestedData.from(value, interp))
    }

    private static func flatten(_ nested: NestedValue) throws(PyError) -> PlotArray {
        var values: [Double] = []
        var shape: [Int]?
        var integral = true
        func walk(_ node: NestedValue, _ path: [Int]) throws(PyError) {
            switch node {
            case .scalar(let s):
                try record(path)
                values.append(s.doubleValue)
                if s.isFloatingPoint { integral = false }
            case .list(let items):
                if items.isEmpty { try record(path + [0]); return }
                for item in items { try walk(item, path + [items.count]) }
            }
        }
        func record(_ path: [Int]) throws(PyError) {
            if let known = shape, known != path {
                throw PyError.valueError("setting an array element with a sequence. The requested array has an inhomogeneous shape")
            }
            shape = path
        }
        try walk(nested, [])
        return PlotArray(values: values, shape: shape ?? [0], isIntegral: integral)
    }
}

/// matplotlib's format strings (`"r--"`, `"o"`, `"g^-"`): a colour letter, a marker and a
/// line style, any order.
struct FormatString {
    var color: RGB?
    var hasMarker = false
    var hasLine = false

    static func parse(_ text: String) throws(PyError) -> FormatString {
        var format = FormatString()
        var rest = text
        for style in ["--", "-.", "-", ":"] {
            let parts = rest.split(separator: Substring(style), maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2 {
                format.hasLine = true
                rest = parts.joined()
                break
            }
        }
        for character in rest {
            if "bgrcmykw".contains(character) {
                format.color = RGB(matplotlib: String(character))
            } else if ".,ov^<>12348spP*hH+xXDd|_".contains(character) {
                format.hasMarker = true
            } else {
                throw PyError.valueError("'\(text)' is not a valid format string (unrecognized character '\(character)')")
            }
        }
        return format
    }

    /// Markers without a line style draw points only, as in matplotlib.
    var isScatter: Bool { hasMarker && !hasLine }
}

/// Keyword helpers shared by the pyplot functions and `Axes` methods.
enum PlotKeywords {
    /// `color=` or `c=` as a colour, if given.
    static func color(_ kwargs: [(name: String, value: PyValue)], _ interp: Interpreter) throws(PyError) -> RGB? {
        guard let value = kwargs.last(where: { $0.name == "color" || $0.name == "c" })?.value, !value.isNone else { return nil }
        if case .str(let spec) = value {
            guard let rgb = RGB(matplotlib: spec) else {
                throw PyError.valueError("\(try interp.repr(value)) is not a valid color value.")
            }
            return rgb
        }
        let parts = try PlotArray.from(value, interp).values
        guard parts.count == 3 || parts.count == 4 else {
            throw PyError.valueError("\(try interp.repr(value)) is not a valid color value.")
        }
        func channel(_ v: Double) -> UInt8 { UInt8((min(1, max(0, v.isNaN ? 0 : v)) * 255).rounded()) }
        return RGB(channel(parts[0]), channel(parts[1]), channel(parts[2]))
    }

    /// `label=` as a string (matplotlib calls `str` on it).
    static func label(_ kwargs: [(name: String, value: PyValue)], _ interp: Interpreter) throws(PyError) -> String? {
        guard let value = kwargs.last(where: { $0.name == "label" })?.value, !value.isNone else { return nil }
        return try interp.str(value)
    }

    /// A `cmap=` name (or None for the default).
    static func colormap(_ value: PyValue, _ interp: Interpreter) throws(PyError) -> Colormap? {
        if value.isNone { return nil }
        let name = try interp.str(value)
        guard let map = Colormap(matplotlib: name) else {
            throw PyError.valueError("'\(name)' is not a valid value for cmap; supported values are "
                + "'Greys', 'binary', 'gray', 'grey', 'hot', 'plasma', 'viridis'")
        }
        return map
    }
}
