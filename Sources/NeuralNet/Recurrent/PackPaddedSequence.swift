import TensorEngine

extension NeuralNet {
    /// Packs a padded batch of sequences: the rows of step 0 of every sequence, then step 1 of
    /// those at least 2 long, and so on (PyTorch's `_pack_padded_sequence`).
    ///
    /// - Parameters:
    ///   - input: `(T, B, *)`, or `(B, T, *)` with `batchFirst`.
    ///   - lengths: one length per sequence, sorted in decreasing order, each in `1...T`.
    /// - Returns: `data` `(Σ lengths, *)` (`grad_fn` `PackPaddedSequenceBackward0`) and the
    ///   number of sequences running at each step.
    public static func packPaddedSequence(_ input: Tensor, lengths: [Int], batchFirst: Bool)
        throws(TensorError) -> (data: Tensor, batchSizes: [Int])
    {
        let steps = batchFirst ? try input.transpose(0, 1) : input
        guard steps.dim >= 2 else {
            throw .index("Dimension out of range (expected to be in range of [-1, 0], but got 1)")
        }
        guard steps.numel > 0 else { throw .runtime("Cannot pack empty tensors.") }
        let batch = steps.shape[1]
        guard lengths.count == batch else {
            throw .runtime("Expected `len(lengths)` to be equal to batch_size, but got \(lengths.count) (batch_size=\(batch))")
        }
        guard let shortest = lengths.last, shortest > 0 else {
            throw .runtime("Length of all samples has to be greater than 0, but found an element in 'lengths' that is <= 0")
        }
        for (longer, shorter) in zip(lengths, lengths.dropFirst()) where shorter > longer {
            throw .runtime("`lengths` array must be sorted in decreasing order when `enforce_sorted` is True. You can pass `enforce_sorted=False` to pack_padded_sequence and/or pack_sequence to sidestep this requirement if you do not need ONNX exportability.")
        }
        let longest = lengths[0]
        guard longest <= steps.shape[0] else {
            throw .runtime("the longest sequence has length \(longest) but the padded input holds only \(steps.shape[0]) steps")
        }
        let batchSizes = (0..<longest).map { t in lengths.count { $0 > t } }
        let layout = SequenceLayout(batchSizes: batchSizes)
        let pieces = try GradMode.with(false) { () throws(TensorError) in
            try batchSizes.enumerated().map { (t, rows) throws(TensorError) in
                try steps.select(0, t).narrow(0, start: 0, length: rows)
            }
        }
        let data = try GradMode.with(false) { () throws(TensorError) in try Tensor.cat(pieces, dim: 0) }
        let paddedShape = steps.shape
        let packed = Tensor.record("PackPaddedSequenceBackward0", inputs: [input], output: data) { (g: Tensor) throws(TensorError) in
            let grad = try Tensor.zeros(paddedShape, dtype: g.dtype)
            try GradMode.with(false) { () throws(TensorError) in
                for t in 0..<layout.steps {
                    let rows = layout.batchSizes[t]
                    try grad.select(0, t).narrow(0, start: 0, length: rows)
                        .copy_(g.narrow(0, start: layout.offsets[t], length: rows))
                }
            }
            return [batchFirst ? try grad.transpose(0, 1) : grad]
        }
        return (packed, batchSizes)
    }
}
