/// Reductions that skip NaNs: `nansum`, `nanmean`.
extension Tensor {
    /// `torch.nansum(input, dim=None, keepdim=False, dtype=None)`: the sum with NaNs counted
    /// as zero (their gradient is zero too).
    public func nansum(dims: [Int]? = nil, keepdim: Bool = false, dtype: DType? = nil) throws(TensorError) -> Tensor {
        guard isFloatingPoint else { return try sum(dims: dims, keepdim: keepdim, dtype: dtype) }
        let x = self
        let out = try GradMode.with(false) { () throws(TensorError) in
            try Tensor.whereSelect(x.isnan().logicalNot(), x, .int(0)).sum(dims: dims, keepdim: keepdim, dtype: dtype)
        }
        return Tensor.record("NansumBackward0", inputs: [x], output: out, saved: [x]) { (g: Tensor) throws(TensorError) in
            [try Tensor.expandReduced(g, to: x.shape, dims: dims, keepdim: keepdim).mul(x.isnan().logicalNot())]
        }
    }

    /// `torch.nanmean(input, dim=None, keepdim=False, dtype=None)`: the mean of the non-NaN
    /// elements (`nansum / count`), floating dtypes only.
    public func nanmean(dims: [Int]? = nil, keepdim: Bool = false, dtype: DType? = nil) throws(TensorError) -> Tensor {
        guard isFloatingPoint else {
            throw TensorError(.notImplemented, "nanmean(): expected input to have floating point or complex dtype but got \(self.dtype.scalarTypeName)")
        }
        let count = try GradMode.with(false) { () throws(TensorError) in try isnan().logicalNot().sum(dims: dims, keepdim: keepdim) }
        return try nansum(dims: dims, keepdim: keepdim, dtype: dtype).div(count)
    }
}
