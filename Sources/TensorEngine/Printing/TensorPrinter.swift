/// A tensor as the printer sees it, independent of the `Tensor` class: a shape, a
/// dtype, an accessor for elements in row-major order, and what the suffixes need.
public struct PrintableTensor {
    public var shape: [Int]
    public var dtype: DType
    /// Flat row-major index (`0 ..< numel`) to value.
    public var element: (Int) -> PrintableElement
    /// The autograd node's class name (`MulBackward0`); shown as `grad_fn=<...>`.
    public var gradFnName: String?
    /// Shown as `requires_grad=True` when there is no `gradFnName`.
    public var requiresGrad: Bool
    /// `nn.Parameter`: the repr starts with `Parameter containing:\n`.
    public var isParameter: Bool

    public init(shape: [Int], dtype: DType, gradFnName: String? = nil, requiresGrad: Bool = false,
                isParameter: Bool = false, element: @escaping (Int) -> PrintableElement) {
        self.shape = shape
        self.dtype = dtype
        self.element = element
        self.gradFnName = gradFnName
        self.requiresGrad = requiresGrad
        self.isParameter = isParameter
    }

    /// Convenience: floating values (float32 values already widened to `Double`).
    public init(shape: [Int], dtype: DType = .float32, doubles: [Double], gradFnName: String? = nil,
                requiresGrad: Bool = false, isParameter: Bool = false) {
        self.init(shape: shape, dtype: dtype, gradFnName: gradFnName, requiresGrad: requiresGrad,
                  isParameter: isParameter) { .float(doubles[$0]) }
    }

    /// Convenience: integer values (uint8, int32, int64).
    public init(shape: [Int], dtype: DType = .int64, ints: [Int64], gradFnName: String? = nil,
                requiresGrad: Bool = false, isParameter: Bool = false) {
        self.init(shape: shape, dtype: dtype, gradFnName: gradFnName, requiresGrad: requiresGrad,
                  isParameter: isParameter) { .int(ints[$0]) }
    }

    /// Convenience: bool values.
    public init(shape: [Int], bools: [Bool]) {
        self.init(shape: shape, dtype: .bool) { .bool(bools[$0]) }
    }

    public var numel: Int { shape.reduce(1, *) }
}

/// `repr(tensor)` (also `str(tensor)`, which is the same in PyTorch), e.g.
/// `tensor([1.0000, 2.5000], dtype=torch.float64, requires_grad=True)`, with the
/// `Parameter containing:\n` header for parameters.
public func formatTensor(_ t: PrintableTensor, options: PrintOptions = .current) -> String {
    TensorPrinter(options: options).repr(t)
}

/// `str(tensor)`; identical to `repr` in PyTorch.
public func tensorString(_ t: PrintableTensor, options: PrintOptions = .current) -> String {
    formatTensor(t, options: options)
}

/// `repr(torch.Size(shape))`: `torch.Size([2, 3])`, `torch.Size([])`.
public func formatSize(_ shape: [Int]) -> String {
    "torch.Size([" + shape.map { String($0) }.joined(separator: ", ") + "])"
}

/// Python's `str(tuple(shape))`: `(0, 3)`, `(5,)`, `()`.
public func formatShapeTuple(_ shape: [Int]) -> String {
    if shape.count == 1 { return "(\(shape[0]),)" }
    return "(" + shape.map { String($0) }.joined(separator: ", ") + ")"
}

/// The printing algorithm of `torch/_tensor_str.py` for one set of options.
public struct TensorPrinter {
    public var options: PrintOptions

    public init(options: PrintOptions = .current) { self.options = options }

    /// A strided window onto the flat row-major elements (what `self[i]` yields in Python).
    struct View {
        var offset: Int
        var shape: [Int]
        var strides: [Int]

        var dim: Int { shape.count }
        var numel: Int { shape.reduce(1, *) }

        init(shape: [Int]) {
            offset = 0
            self.shape = shape
            var s = Array(repeating: 1, count: shape.count)
            var acc = 1
            for d in stride(from: shape.count - 1, through: 0, by: -1) {
                s[d] = acc
                acc *= shape[d]
            }
            strides = s
        }

        init(offset: Int, shape: [Int], strides: [Int]) {
            self.offset = offset
            self.shape = shape
            self.strides = strides
        }

        /// `self[i]` along the first dimension.
        func select(_ i: Int) -> View {
            View(offset: offset + i * strides[0], shape: Array(shape.dropFirst()), strides: Array(strides.dropFirst()))
        }
    }

    /// `_str_intern`: the full repr with prefix and suffixes.
    public func repr(_ t: PrintableTensor) -> String {
        let prefix = "tensor("
        let indent = prefix.utf8.count
        var suffixes: [String] = []
        let tensorStr: String
        // `has_default_dtype`: float32 (the default), int64 and bool print no dtype.
        let hasDefaultDType = t.dtype == .float32 || t.dtype == .int64 || t.dtype == .bool

        if t.numel == 0 {
            // Explicitly print the shape unless it is (0,); the dtype always unless float32.
            if t.shape.count != 1 { suffixes.append("size=" + formatShapeTuple(t.shape)) }
            if t.dtype != .float32 { suffixes.append("dtype=" + t.dtype.name) }
            tensorStr = "[]"
        } else {
            if options.edgeitems == 0 { suffixes.append("size=" + formatShapeTuple(t.shape)) }
            if !hasDefaultDType { suffixes.append("dtype=" + t.dtype.name) }
            tensorStr = self.tensorStr(t, indent: indent)
        }

        if let name = t.gradFnName {
            suffixes.append("grad_fn=<\(name)>")
        } else if t.requiresGrad {
            suffixes.append("requires_grad=True")
        }

        let repr = addSuffixes(prefix + tensorStr, suffixes: suffixes, indent: indent, forceNewline: false)
        return t.isParameter ? "Parameter containing:\n" + repr : repr
    }

    /// `_tensor_str`: the bracketed contents, without prefix or suffixes.
    public func tensorStr(_ t: PrintableTensor, indent: Int) -> String {
        if t.numel == 0 { return "[]" }
        let summarize = Double(t.numel) > options.threshold
        let view = View(shape: t.shape)
        let seen = summarize ? summarizedIndices(view) : Array(0..<t.numel)
        let formatter = TensorFormatter(values: seen.lazy.map { t.element($0) },
                                        floatingDType: t.dtype.isFloatingPoint, options: options)
        return tensorStrWithFormatter(t, view, indent: indent, summarize: summarize, formatter: formatter)
    }

    /// `get_summarized_data`, as the flat indices of the elements it keeps.
    func summarizedIndices(_ v: View) -> [Int] {
        let edge = options.edgeitems
        if v.dim == 0 { return [v.offset] }
        if v.dim == 1 {
            let n = v.shape[0]
            if n > 2 * edge {
                // `self[:edge]` + `self[-edge:]`; note `self[-0:]` is the whole tensor.
                let tail = edge == 0 ? Array(0..<n) : Array((n - edge)..<n)
                return (Array(0..<edge) + tail).map { v.offset + $0 * v.strides[0] }
            }
            return (0..<n).map { v.offset + $0 * v.strides[0] }
        }
        if edge == 0 { return [] }
        let n = v.shape[0]
        let rows = n > 2 * edge ? Array(0..<edge) + Array((n - edge)..<n) : Array(0..<n)
        return rows.flatMap { summarizedIndices(v.select($0)) }
    }

    /// `_tensor_str_with_formatter`.
    func tensorStrWithFormatter(_ t: PrintableTensor, _ v: View, indent: Int, summarize: Bool,
                                formatter: TensorFormatter) -> String {
        let dim = v.dim
        if dim == 0 { return formatter.format(t.element(v.offset)) }
        if dim == 1 { return vectorStr(t, v, indent: indent, summarize: summarize, formatter: formatter) }

        let edge = options.edgeitems
        let n = v.shape[0]
        let sub = { (i: Int) in
            self.tensorStrWithFormatter(t, v.select(i), indent: indent + 1, summarize: summarize, formatter: formatter)
        }
        var slices: [String]
        if summarize && n > 2 * edge {
            slices = (0..<edge).map(sub)
            slices.append("...")
            slices += ((n - edge)..<n).map(sub)
        } else {
            slices = (0..<n).map(sub)
        }
        let separator = "," + String(repeating: "\n", count: dim - 1) + String(repeating: " ", count: indent + 1)
        return "[" + slices.joined(separator: separator) + "]"
    }

    /// `_vector_str`: one row, wrapped to the line width.
    func vectorStr(_ t: PrintableTensor, _ v: View, indent: Int, summarize: Bool, formatter: TensorFormatter) -> String {
        let elementLength = formatter.width() + 2
        let perLine = max(1, floorDiv(options.linewidth - indent, elementLength))
        let edge = options.edgeitems
        let n = v.shape[0]
        let value = { (i: Int) in formatter.format(t.element(v.offset + i * v.strides[0])) }

        var data: [String]
        if summarize && edge == 0 {
            data = ["..."]
        } else if summarize && n > 2 * edge {
            data = (0..<edge).map(value)
            data.append(" ...")
            data += ((n - edge)..<n).map(value)
        } else {
            data = (0..<n).map(value)
        }

        var lines: [String] = []
        var i = 0
        while i < data.count {
            lines.append(data[i..<min(i + perLine, data.count)].joined(separator: ", "))
            i += perLine
        }
        return "[" + lines.joined(separator: ",\n" + String(repeating: " ", count: indent + 1)) + "]"
    }

    /// `_add_suffixes`. The last-line length is computed exactly as PyTorch does
    /// (`len(s) - s.rfind("\n") + 1`, two more than the true length).
    func addSuffixes(_ tensorStr: String, suffixes: [String], indent: Int, forceNewline: Bool) -> String {
        var out = tensorStr
        let bytes = Array(tensorStr.utf8)
        let lastNewline = bytes.lastIndex(of: UInt8(ascii: "\n")) ?? -1
        var lastLineLen = bytes.count - lastNewline + 1
        var force = forceNewline
        for suffix in suffixes {
            let len = suffix.utf8.count
            if force || lastLineLen + len + 2 > options.linewidth {
                out += ",\n" + String(repeating: " ", count: indent) + suffix
                lastLineLen = indent + len
                force = false
            } else {
                out += ", " + suffix
                lastLineLen += len + 2
            }
        }
        return out + ")"
    }

    /// Python's `math.floor(a / b)` for `b > 0`.
    func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
