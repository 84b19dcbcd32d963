/// Counting values: `bincount` and `mode`.
extension Tensor {
    /// `torch.bincount(input, weights=None, minlength=0)`: how often each non-negative integer
    /// occurs (or the sum of its weights). Float weights keep float32; others give float64.
    public func bincount(weights: Tensor? = nil, minlength: Int = 0) throws(TensorError) -> Tensor {
        if isFloatingPoint {
            throw TensorError(.notImplemented, "\"bincount_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        guard minlength >= 0 else { throw .runtime("minlength should be >= 0") }
        let values = toArray(Int64.self)
        guard dim == 1, dtype != .bool, values.allSatisfy({ $0 >= 0 }) else {
            throw .runtime("bincount only supports 1-d non-negative integral inputs.")
        }
        let size = Swift.max(Int(values.max() ?? -1) + 1, minlength)
        guard let weights else {
            var counts = [Int64](repeating: 0, count: size)
            for v in values { counts[Int(v)] += 1 }
            return try Tensor.from(counts, shape: [size])
        }
        guard weights.dim == 1, weights.numel == numel else {
            throw .runtime("weights should be 1-d and have the same length as input")
        }
        var sums = [Double](repeating: 0, count: size)
        for (v, w) in zip(values, weights.toArray(Double.self)) { sums[Int(v)] += w }
        return try Tensor.from(sums, shape: [size]).to(weights.dtype == .float32 ? .float32 : .float64)
    }

    /// `torch.mode(input, dim=-1, keepdim=False)`: the most frequent value of each slice (the
    /// smallest one on a tie) and the index of its last occurrence, as PyTorch returns them.
    public func mode(dim d: Int = -1, keepdim: Bool = false) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        if dim == 0 {
            return (try clone(), try Tensor.scalar(.int(0), dtype: .int64))
        }
        let axis = try normalizeDim(d)
        guard shape[axis] > 0 else { throw .index("mode(): Expected reduction dim \(axis) to have non-zero size.") }
        let moved = try GradMode.with(false) { () throws(TensorError) in try transpose(axis, -1).contiguous() }
        let n = shape[axis]
        let flat = moved.toArray(Double.self)
        var picks: [Int64] = []
        picks.reserveCapacity(flat.count / n)
        for start in stride(from: 0, to: flat.count, by: n) {
            var counts: [Double: (count: Int, last: Int)] = [:]
            for i in 0..<n {
                let v = flat[start + i]
                counts[v, default: (0, i)] = ((counts[v]?.count ?? 0) + 1, i)
            }
            var best: (value: Double, count: Int, last: Int)?
            for (v, c) in counts {
                if let b = best, c.count < b.count || (c.count == b.count && !(v < b.value)) { continue }
                best = (v, c.count, c.last)
            }
            picks.append(Int64(best?.last ?? 0))
        }
        var outShape = moved.shape
        outShape[outShape.count - 1] = 1
        let movedIndices = try Tensor.from(picks, shape: outShape)
        let values = try moved.gather(-1, movedIndices)
        var indices = try movedIndices.transpose(axis, -1).contiguous()
        var picked = try values.transpose(axis, -1)
        if !keepdim {
            indices = try indices.squeeze(axis)
            picked = try picked.squeeze(axis)
        }
        return (picked, indices)
    }
}
