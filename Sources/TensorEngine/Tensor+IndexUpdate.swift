/// Writing slices chosen by an index vector: `index_add(_)` and `index_copy(_)`.
extension Tensor {
    /// `tensor.index_add(dim, index, source, alpha=1)`: adds `alpha * source[k]` into the
    /// slice `index[k]` along `dim`; repeated indices accumulate.
    public func indexAdd(_ d: Int, _ index: Tensor, _ source: Tensor, alpha: Scalar = .int(1)) throws(TensorError) -> Tensor {
        let axis = try checkIndexAdd(d, index, source)
        let out = try clone(recording: false)
        try out.addSlices(axis, index, source, alpha: alpha)
        return Tensor.record("IndexAddBackward0", inputs: [self, source], output: out, saved: [index]) { (g: Tensor) throws(TensorError) in
            [g, source.requiresGrad ? try Tensor.sliceGradient(g, axis, index, like: source).mul(alpha) : nil]
        }
    }

    /// `tensor.index_add_(dim, index, source, alpha=1)`.
    @discardableResult
    public func indexAdd_(_ d: Int, _ index: Tensor, _ source: Tensor, alpha: Scalar = .int(1)) throws(TensorError) -> Tensor {
        let axis = try checkIndexAdd(d, index, source)
        if tracksWrites(with: source) { return try applyInPlace(others: [source]) { (x) throws(TensorError) in try x.indexAdd(d, index, source, alpha: alpha) } }
        try checkInPlace()
        try addSlices(axis, index, source, alpha: alpha)
        storage.version += 1
        return self
    }

    /// `tensor.index_copy(dim, index, source)`: writes `source[k]` into the slice `index[k]`.
    public func indexCopy(_ d: Int, _ index: Tensor, _ source: Tensor) throws(TensorError) -> Tensor {
        let axis = try checkIndexCopy(d, index, source)
        let out = try clone(recording: false)
        try out.copySlices(axis, index, source)
        return Tensor.record("IndexCopyBackward0", inputs: [self, source], output: out, saved: [index]) { (g: Tensor) throws(TensorError) in
            let kept = try GradMode.with(false) { () throws(TensorError) in
                try Tensor.onesLike(g).indexCopy(axis, index, Tensor.zeros(source.shape, dtype: g.dtype))
            }
            return [try g.mul(kept), source.requiresGrad ? try Tensor.sliceGradient(g, axis, index, like: source) : nil]
        }
    }

    /// `tensor.index_copy_(dim, index, source)`.
    @discardableResult
    public func indexCopy_(_ d: Int, _ index: Tensor, _ source: Tensor) throws(TensorError) -> Tensor {
        let axis = try checkIndexCopy(d, index, source)
        if tracksWrites(with: source) { return try applyInPlace(others: [source]) { (x) throws(TensorError) in try x.indexCopy(d, index, source) } }
        try checkInPlace()
        try copySlices(axis, index, source)
        storage.version += 1
        return self
    }

    // MARK: - Checks and kernels

    /// Whether an in-place write must go through autograd (Note [In-place autograd]).
    private func tracksWrites(with source: Tensor) -> Bool {
        Tensor.needsGrad([self, source]) || (GradMode.isEnabled && (base?.requiresGrad ?? false))
    }

    private func checkIndexAdd(_ d: Int, _ index: Tensor, _ source: Tensor) throws(TensorError) -> Int {
        let axis = try normalizeDim(d)
        guard index.dim <= 1 else {
            throw .index("index_add_(): Index is supposed to be a vector, but got dim: \(index.dim) with type: \(index.dtype.scalarTypeName) and size: \(Shape.format(index.shape))")
        }
        guard index.dtype == .int64 || index.dtype == .int32 else {
            throw .runtime("index_add_(): Expected dtype int32/int64 for index but got: \(index.dtype.scalarTypeName)")
        }
        guard dtype == source.dtype else {
            throw .runtime("index_add_(): self (\(dtype.scalarTypeName)) and source (\(source.dtype.scalarTypeName)) must have the same scalar type")
        }
        let sourceCount = source.dim == 0 ? 1 : (axis < source.dim ? source.shape[axis] : 0)
        guard index.numel == sourceCount else {
            throw .runtime("index_add_(): Number of indices (\(index.numel)) should be equal to source.size(dim): (\(sourceCount)), for dim: \(axis)")
        }
        var expected = shape
        if dim > 0 { expected[axis] = index.numel }
        guard source.shape == expected else {
            throw .runtime("source tensor shape must match self tensor shape, excluding the specified dimension. Got self.shape = \(Shape.format(shape)) source.shape = \(Shape.format(source.shape))")
        }
        try checkSliceIndices(index, axis, prefix: "")
        return axis
    }

    private func checkIndexCopy(_ d: Int, _ index: Tensor, _ source: Tensor) throws(TensorError) -> Int {
        let axis = try normalizeDim(d)
        guard index.dim <= 1 else { throw .index("index_copy_(): Index should have dimension 1 or 0 (got \(index.dim))") }
        guard index.dtype == .int64 else {
            throw .runtime("index_copy_(): Expected a long tensor for index, but got \(index.dtype.scalarTypeName)")
        }
        guard dtype == source.dtype else {
            throw .runtime("index_copy_(): self and source expected to have the same dtype, but got (self) \(dtype.scalarTypeName) and (source) \(source.dtype.scalarTypeName)")
        }
        if dim > 0 && source.dim > 0 {
            guard source.dim == dim else {
                throw .index("index_copy_(): When source and destination are not scalars, their dimensionality must match. Source dimensionality (\(source.dim)), destination dimensionality (\(dim))")
            }
            for k in 0..<dim where k != axis && shape[k] != source.shape[k] {
                throw .runtime("index_copy_(): Source/destination tensor must have same slice shapes. Destination slice shape: \(shape[k]) at dimension \(k) and source slice shape: \(source.shape[k]) at dimension \(k).")
            }
        }
        let sourceCount = source.dim == 0 ? 1 : source.shape[axis]
        guard index.numel == sourceCount else {
            throw .index("index_copy_(): Number of indices (\(index.numel)) should be equal to source.size(dim) (\(sourceCount))")
        }
        try checkSliceIndices(index, axis, prefix: "index_copy_(): ")
        return axis
    }

    private func checkSliceIndices(_ index: Tensor, _ axis: Int, prefix: String) throws(TensorError) {
        let size = dim == 0 ? 1 : shape[axis]
        for i in index.toArray(Int64.self) where i < 0 || i >= size {
            let message = "\(prefix)index \(i) is out of bounds for dimension \(axis) with size \(size)"
            throw prefix.isEmpty ? .runtime(message) : .index(message)
        }
    }

    /// `self[..., index[k], ...] += alpha * source[..., k, ...]` in place, no autograd.
    private func addSlices(_ axis: Int, _ index: Tensor, _ source: Tensor, alpha: Scalar) throws(TensorError) {
        let scaled = alpha == .int(1) ? source : try GradMode.with(false) { () throws(TensorError) in try source.mul(alpha) }
        try writeSlices(axis, index, scaled, accumulate: true)
    }

    private func copySlices(_ axis: Int, _ index: Tensor, _ source: Tensor) throws(TensorError) {
        try writeSlices(axis, index, source, accumulate: false)
    }

    private func writeSlices(_ axis: Int, _ index: Tensor, _ source: Tensor, accumulate: Bool) throws(TensorError) {
        if index.numel == 0 { return }
        let target = dim == 0 ? try reshape([1]) : self
        var value = try source.reshape(source.dim == 0 ? [1] : source.shape)
        if dim > 0 && source.dim == 0 { value = try value.reshape([Int](repeating: 1, count: dim)) }
        try target.putAdvanced([(axis, try index.reshape([-1]).to(.int64))], value, accumulate: accumulate)
    }

    /// The gradient of the source of `index_add`/`index_copy`: `g` gathered at `index`,
    /// shaped like `source`.
    private static func sliceGradient(_ g: Tensor, _ axis: Int, _ index: Tensor, like source: Tensor) throws(TensorError) -> Tensor {
        let picked = g.dim == 0 ? g : try g.indexSelect(axis, index.reshape([-1]))
        return try picked.reshape(source.shape)
    }
}
