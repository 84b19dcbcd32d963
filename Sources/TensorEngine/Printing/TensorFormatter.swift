/// One element handed to the printer. Float32 values are widened exactly to `Double`.
public enum PrintableElement: Sendable, Equatable {
    case float(Double)
    case int(Int64)
    case bool(Bool)

    /// Python's `str()` of the element as `tolist()` returns it (`True`, `7`, `0.5`);
    /// this is also how `tensor.item()` prints.
    public var pythonString: String {
        switch self {
        case .float(let x): PythonFloatFormat.repr(x)
        case .int(let v): String(v)
        case .bool(let b): b ? "True" : "False"
        }
    }

    var doubleValue: Double {
        switch self {
        case .float(let x): x
        case .int(let v): Double(v)
        case .bool(let b): b ? 1 : 0
        }
    }
}

/// PyTorch's `_Formatter`: decides integer / fixed / scientific mode and the common
/// column width from the (possibly summarised) values of a tensor.
public struct TensorFormatter: Sendable {
    public let floatingDType: Bool
    public private(set) var intMode = true
    public private(set) var sciMode = false
    public private(set) var maxWidth = 1
    public let precision: Int

    /// - Parameters:
    ///   - values: the elements the formatter sees (`get_summarized_data` when summarising).
    ///   - floatingDType: whether the tensor's dtype is floating point.
    public init<S: Sequence>(values: S, floatingDType: Bool, options: PrintOptions) where S.Element == PrintableElement {
        self.floatingDType = floatingDType
        self.precision = options.precision

        if !floatingDType {
            for v in values {
                maxWidth = max(maxWidth, v.pythonString.utf8.count)
            }
            return
        }

        // Only finite non-zero values matter; abs/min/max are taken in double.
        var nonzeroFinite: [Double] = []
        for v in values {
            let x = v.doubleValue
            if x.isFinite && x != 0 { nonzeroFinite.append(x) }
        }
        // No valid number: int mode, width 1 (and sci_mode is *not* read from the options).
        if nonzeroFinite.isEmpty { return }

        var minAbs = Double.infinity
        var maxAbs = 0.0
        for x in nonzeroFinite {
            let a = x.magnitude
            minAbs = min(minAbs, a)
            maxAbs = max(maxAbs, a)
        }
        for x in nonzeroFinite where x != x.rounded(.up) {
            intMode = false
            break
        }
        sciMode = options.sciMode ?? (maxAbs / minAbs > 1000.0 || maxAbs > 1.0e8 || minAbs < 1.0e-4)

        for x in nonzeroFinite {
            let width: Int
            if sciMode {
                width = PythonFloatFormat.scientific(x, precision: precision).utf8.count
            } else if intMode {
                // A trailing "." marks the float dtype.
                width = PythonFloatFormat.fixed(x, precision: 0).utf8.count + 1
            } else {
                width = PythonFloatFormat.fixed(x, precision: precision).utf8.count
            }
            maxWidth = max(maxWidth, width)
        }
    }

    /// The column width (`_Formatter.width()`).
    public func width() -> Int { maxWidth }

    /// One element, right-aligned to `width()` (`_Formatter.format`).
    public func format(_ value: PrintableElement) -> String {
        let text: String
        if floatingDType {
            let x = value.doubleValue
            if sciMode {
                text = PythonFloatFormat.scientific(x, precision: precision)
            } else if intMode {
                let s = PythonFloatFormat.fixed(x, precision: 0)
                text = x.isFinite ? s + "." : s
            } else {
                text = PythonFloatFormat.fixed(x, precision: precision)
            }
        } else {
            text = value.pythonString
        }
        return PythonFloatFormat.padLeft(text, to: maxWidth)
    }
}
