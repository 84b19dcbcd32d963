/// Copies and conversions: `to`, `clone`, `contiguous`, `item`, `tolist`.
extension Tensor {
    /// `tensor.to(dtype)`: returns `self` when nothing changes, as PyTorch does.
    public func to(_ dtype: DType) throws(TensorError) -> Tensor {
        if dtype == self.dtype { return self }
        let out = try Tensor(uninitializedShape: shape, dtype: dtype, zeroed: false)
        copyConverting(from: self, to: out)
        if !dtype.isFloatingPoint { return out }
        let source = self.dtype
        return Tensor.record("ToCopyBackward0", inputs: [self], output: out) { (g: Tensor) throws(TensorError) in
            [try g.to(source)]
        }
    }

    /// `tensor.clone()`: a contiguous copy that stays in the graph.
    public func clone() throws(TensorError) -> Tensor { try clone(recording: true) }

    func clone(recording: Bool) throws(TensorError) -> Tensor {
        let out = try Tensor(uninitializedShape: shape, dtype: dtype, zeroed: false)
        copyConverting(from: self, to: out)
        if !recording { return out }
        return Tensor.record("CloneBackward0", inputs: [self], output: out) { g in [g] }
    }

    /// `tensor.contiguous()`: `self` if already contiguous, else a recorded copy.
    public func contiguous() throws(TensorError) -> Tensor {
        isContiguous ? self : try clone()
    }

    /// `tensor.item()`: the one element as a Python number.
    public func item() throws(TensorError) -> Scalar {
        guard numel == 1 else {
            throw .runtime("a Tensor with \(numel) elements cannot be converted to Scalar")
        }
        return scalar(atStorageOffset: offset)
    }

    /// `tensor.tolist()`: nested lists of Python numbers (a bare number for 0-dim tensors).
    public func tolist() -> NestedValue {
        let flat = (0..<numel).map { scalar(atFlatIndex: $0) }
        if dim == 0 { return .scalar(flat.first ?? .int(0)) }
        var index = 0
        func build(_ d: Int) -> NestedValue {
            if d == dim {
                defer { index += 1 }
                return .scalar(flat[index])
            }
            return .list((0..<shape[d]).map { _ in build(d + 1) })
        }
        return build(0)
    }
}
