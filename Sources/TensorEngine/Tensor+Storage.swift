/// Tensors over a given storage, as file formats rebuild them.
extension Tensor {
    /// A tensor viewing `storage` with an explicit layout, as PyTorch's
    /// `torch.empty(0).set_(storage, offset, size, stride)` makes one (how `torch.load`
    /// rebuilds tensors, views and tensors sharing a storage).
    ///
    /// - Throws: PyTorch's errors for negative sizes, strides or offsets, for a layout
    ///   that overflows, and for one that reaches past the end of the storage.
    /// - Complexity: O(rank).
    public static func viewing(_ storage: Storage, offset: Int, shape: [Int], strides: [Int]) throws(TensorError) -> Tensor {
        guard shape.count == strides.count else {
            throw .runtime("mismatch in length of strides and shape")
        }
        for s in shape where s < 0 {
            throw .runtime("Trying to create tensor with negative dimension \(s): \(Shape.format(shape))")
        }
        if strides.contains(where: { $0 < 0 }) {
            throw .runtime("as_strided: Negative strides are not supported at the moment, got strides: \(Shape.format(strides))")
        }
        guard offset >= 0 else { throw .runtime("Tensor: invalid storage offset \(offset)") }
        // Every size, zeros counted as ones, must multiply without overflow: element counts
        // and contiguous strides are computed that way later.
        _ = try Shape.checkedCount(shape.map { Swift.max($0, 1) })
        if !shape.contains(0) {
            var last = offset
            for (size, stride) in zip(shape, strides) {
                let (step, o1) = (size - 1).multipliedReportingOverflow(by: stride)
                let (sum, o2) = last.addingReportingOverflow(step)
                if o1 || o2 {
                    throw .runtime("Storage size calculation overflowed with sizes=\(Shape.format(shape)) and strides=\(Shape.format(strides))")
                }
                last = sum
            }
            guard last < storage.count else { throw .runtime("Trying to resize storage that is not resizable") }
        }
        return Tensor(storage: storage, shape: shape, strides: strides, offset: offset)
    }
}
