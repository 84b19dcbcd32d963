/// Placing values among boundaries: `searchsorted`, `bucketize`, `histc`.
extension Tensor {
    // MARK: - Sorted search

    /// `torch.searchsorted(sorted_sequence, values, right=False)`: for each value, the
    /// index where it would be inserted to keep the (last dim of the) sequence sorted:
    /// after equal elements with `right`, before them otherwise.
    ///
    /// The sequence is 1-d, or has the leading dims of `values`. A NaN value sorts last.
    public static func searchsorted(_ sorted: Tensor, _ values: Tensor, right: Bool = false,
                                    outInt32: Bool = false) throws(TensorError) -> Tensor {
        guard sorted.dim > 0 else {
            throw .runtime("torch.searchsorted(): boundaries tensor should have positive dimension, but got 0 dimension")
        }
        if values.dim == 0 && sorted.dim != 1 {
            throw .runtime("torch.searchsorted(): input value can be a scalar only when boundaries tensor dimension is 1, but we got boundaries tensor dim(\(sorted.dim)) and input value's dim(0) numel(1)")
        }
        if sorted.dim != 1 && (sorted.dim != values.dim || sorted.shape.dropLast() != values.shape.dropLast()) {
            throw .runtime("torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 dimensions of boundaries tensor and input value tensor must match, but we got boundaries tensor \(Shape.format(sorted.shape)) and input value tensor \(Shape.format(values.shape))")
        }
        let common = resultType(sorted, values)
        let bounds = try sorted.materialized(common).toArray(Double.self)
        let xs = try values.materialized(common).toArray(Double.self)
        let m = sorted.shape.last ?? 0
        let perRow = sorted.dim == 1 ? Swift.max(xs.count, 1) : (values.shape.last ?? 1)
        var result = [Int64](repeating: 0, count: xs.count)
        for (i, x) in xs.enumerated() {
            let row = sorted.dim == 1 ? 0 : i / Swift.max(perRow, 1)
            var lo = row * m, hi = lo + m
            let start = lo
            while lo < hi {
                let mid = lo + (hi - lo) / 2
                // PyTorch's negated comparisons, so that NaN values go to the end.
                if right ? !(bounds[mid] > x) : !(bounds[mid] >= x) { lo = mid + 1 } else { hi = mid }
            }
            result[i] = Int64(lo - start)
        }
        return try Tensor.from(result, shape: values.shape, dtype: outInt32 ? .int32 : .int64)
    }

    /// `torch.bucketize(input, boundaries, right=False)`: the bucket of each value among
    /// 1-d `boundaries` (`boundaries[i-1] < x <= boundaries[i]`, or `<=`/`<` with `right`).
    public func bucketize(_ boundaries: Tensor, right: Bool = false, outInt32: Bool = false) throws(TensorError) -> Tensor {
        guard boundaries.dim == 1 else { throw .runtime("boundaries tensor must be 1 dimension, but got dim(\(boundaries.dim))") }
        return try Tensor.searchsorted(boundaries, self, right: right, outInt32: outInt32)
    }

    // MARK: - Histogram

    /// `torch.histc(input, bins=100, min=0, max=0)`: counts in `bins` equal-width bins over
    /// [min, max] (the data's range when both are equal); values outside are ignored and
    /// `max` itself falls in the last bin. Counts have the input's dtype.
    public func histc(bins: Int = 100, min lo: Double = 0, max hi: Double = 0) throws(TensorError) -> Tensor {
        guard isFloatingPoint else { throw TensorError(.notImplemented, "\"histogram_cpu\" not implemented for '\(dtype.scalarTypeName)'") }
        guard bins > 0 else { throw .runtime("torch.histogram(): bins must be > 0, but got \(bins) for dimension 0") }
        try checkCount(bins, itemSize: dtype.itemSize)
        guard lo <= hi else { throw .runtime("torch.histc: max must be larger than min") }
        var (left, rightEdge) = (lo, hi)
        if left == rightEdge && numel > 0 {
            // The data's range; a NaN makes it NaN (and so an error below), as in PyTorch.
            let values = toArray(Double.self)
            let hasNaN = values.contains { $0.isNaN }
            left = hasNaN ? .nan : values.min() ?? 0
            rightEdge = hasNaN ? .nan : values.max() ?? 0
        }
        if left == rightEdge {
            left -= 1
            rightEdge += 1
        }
        guard left.isFinite && rightEdge.isFinite else {
            throw .runtime("torch.histc: range of [\(cppDescription(left)), \(cppDescription(rightEdge))] is not finite")
        }
        struct Run: DTypeVisitor {
            let x: Tensor, bins: Int, left: Double, right: Double
            func visit<T: ArithmeticElement>(_: T.Type) throws(TensorError) -> Tensor {
                switch T.self {
                case is Float16.Type: try count(Float16.self)
                case is Float.Type: try count(Float.self)
                default: try count(Double.self)
                }
            }

            /// Bins computed in the input's precision, as PyTorch's linear-interpolation path does.
            func count<F: FloatElement>(_: F.Type) throws(TensorError) -> Tensor {
                let lo = F.from(double: left), hi = F.from(double: right)
                var hist = [F](repeating: 0, count: bins)
                for v in x.toArray(F.self) where v >= lo && v <= hi {
                    // An overflowing quotient (possible in float16) lands in the last bin.
                    let q = (v - lo) * F(bins) / (hi - lo)
                    var pos = q.isFinite && q < F(bins) ? Int(q.rounded(.towardZero)) : bins
                    if pos == bins { pos -= 1 }
                    hist[pos] += 1
                }
                return try Tensor.from(hist, shape: [bins])
            }
        }
        return try dtype.visit(Run(x: self, bins: bins, left: left, right: rightEdge))
    }
}
