/// Finite differences: `diff`.
extension Tensor {
    /// `torch.diff(input, n=1, dim=-1, prepend=None, append=None)`: the `n`-th forward
    /// difference along `dim` (`out[i] = x[i+1] - x[i]`, or `!=` for bools), after
    /// joining `prepend` and `append` to the input.
    public func diff(n: Int = 1, dim d: Int = -1, prepend: Tensor? = nil, append: Tensor? = nil) throws(TensorError) -> Tensor {
        guard dim >= 1 else { throw .runtime("diff expects input to be at least one-dimensional") }
        guard n >= 0 else { throw .runtime("order must be non-negative but got \(n)") }
        let axis = try normalizeDim(d)
        var parts: [Tensor] = []
        for (extra, isPrepend) in [(prepend, true), (append, false)] {
            guard let extra else { continue }
            guard extra.dim == dim else { throw .runtime("diff expects prepend or append to be the same dimension as input") }
            for k in 0..<dim where k != axis && extra.shape[k] != shape[k] {
                throw .runtime("diff expects the shape of tensor to prepend or append to match that of input except along the differencing dimension; input.size(\(k)) = \(shape[k]), but got tensor.size(\(k)) = \(extra.shape[k])")
            }
            parts.append(extra)
            if isPrepend { parts.append(self) }
        }
        if prepend == nil { parts.insert(self, at: 0) }
        if n == 0 {
            // PyTorch copies the input (through `copy_`, hence the node's name), ignoring prepend and append.
            let out = try clone(recording: false)
            return Tensor.record("CopyBackwards", inputs: [self], output: out) { g in [g] }
        }
        var x = parts.count == 1 ? self : try Tensor.cat(parts, dim: axis)
        for _ in 0..<n {
            let length = x.shape[axis]
            if length == 0 { break }
            let later = try x.narrow(axis, start: 1, length: length - 1)
            let earlier = try x.narrow(axis, start: 0, length: length - 1)
            x = x.dtype == .bool ? try later.logicalXor(earlier) : try later.sub(earlier)
        }
        return x
    }
}
