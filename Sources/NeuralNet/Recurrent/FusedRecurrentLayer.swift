import TensorEngine

/// One direction of one LSTM or GRU layer as one autograd node over the fused kernels
/// (`FusedLSTMLayer`, `FusedGRULayer`).
///
/// The node is named as `grad_fn` prints in PyTorch for the same layer on CPU: an LSTM
/// layer runs oneDNN's fused kernel there (`MkldnnRnnLayerBackward0`); a GRU layer stacks
/// its per-step states (`StackBackward0`), which this node computes in one piece.
enum FusedRecurrentLayer {
    /// Whether the fused kernels run this layer: an LSTM or GRU in float32, without projection.
    static func supports(_ mode: RecurrentMode, input: Tensor, weights: RecurrentWeights) -> Bool {
        (mode == .lstm || mode == .gru) && input.dtype == .float32 && weights.projection == nil
    }

    /// Runs the layer on `sequence`: padded `(T, B, F)` or packed `(rows, F)`. The output
    /// has the same form. When a padded sequence is the transposed view of a contiguous
    /// `(B, T, F)` tensor (a `batch_first` input, or a previous layer's output made so), the
    /// output is laid out the same way, so transposing it back, and its gradient, copies nothing.
    static func run(_ mode: RecurrentMode, sequence: Tensor, layout: SequenceLayout, packed: Bool, h0: Tensor,
                    c0: Tensor?, weights w: RecurrentWeights, reverse: Bool)
        throws(TensorError) -> (output: Tensor, h: Tensor, c: Tensor?)
    {
        let features = sequence.shape[sequence.dim - 1], hidden = h0.shape[1]
        let (steps, batch) = (layout.steps, layout.batch)
        let swapped = packed ? nil : try sequence.transpose(0, 1)
        let batchMajor = !sequence.isContiguous && swapped?.isContiguous == true
        // The sequence as kernel rows, and back: (T, B, X) <-> rows × X, step-major or batch-major.
        func rows(_ t: Tensor, _ width: Int, batchMajor: Bool) throws(TensorError) -> Tensor {
            if packed { return t }
            if batchMajor { return try t.transpose(0, 1).contiguous().reshape([batch * steps, width]) }
            return try t.reshape([steps * batch, width])
        }
        func sequenceShaped(_ t: Tensor, _ width: Int, batchMajor: Bool) throws(TensorError) -> Tensor {
            if packed { return t }
            if batchMajor { return try t.view([batch, steps, width]).transpose(0, 1) }
            return try t.view([steps, batch, width])
        }
        let inputs = [sequence, h0] + (c0.map { [$0] } ?? []) + w.parameters
        let weightsNeedGrad = w.parameters.contains { $0.requiresGrad }
        let hasBias = w.inputBias != nil

        if let c0 {
            let (outputRows, hn, cn) = try FusedLSTMLayer.outputTensors(rows: layout.rows, batch: batch, hidden: hidden)
            let (run, output) = try GradMode.with(false) { () throws(TensorError) in
                let run = try FusedLSTMLayer(
                    input: try rows(sequence, features, batchMajor: false), batchSizes: layout.batchSizes,
                    batchMajorOutput: batchMajor, h0: h0, c0: c0, weightIH: w.inputHidden, weightHH: w.hiddenHidden,
                    biasIH: w.inputBias, biasHH: w.hiddenBias, reverse: reverse, output: outputRows, hidden: hn, cell: cn)
                return (run, try sequenceShaped(outputRows, hidden, batchMajor: batchMajor))
            }
            let outputs = Tensor.record("MkldnnRnnLayerBackward0", inputs: inputs, outputs: [output, hn, cn],
                                        saved: inputs) { (grads: [Tensor]) throws(TensorError) in
                try GradMode.with(false) { () throws(TensorError) in
                    let g = try run.backward(gradOutput: try rows(grads[0], hidden, batchMajor: batchMajor),
                                             gradHidden: grads[1], gradCell: grads[2],
                                             inputGradient: sequence.requiresGrad, weightGradients: weightsNeedGrad)
                    let dx = try g.input.map { (dx: Tensor) throws(TensorError) in try sequenceShaped(dx, features, batchMajor: false) }
                    return [dx, g.h0, g.c0, g.weightIH, g.weightHH] + (hasBias ? [g.bias, g.bias] : [])
                }
            }
            return (outputs[0], outputs[1], outputs[2])
        }

        let (outputRows, hn) = try FusedGRULayer.outputTensors(rows: layout.rows, batch: batch, hidden: hidden)
        let (run, output) = try GradMode.with(false) { () throws(TensorError) in
            let run = try FusedGRULayer(
                input: try rows(sequence, features, batchMajor: false), batchSizes: layout.batchSizes,
                batchMajorOutput: batchMajor, h0: h0, weightIH: w.inputHidden, weightHH: w.hiddenHidden,
                biasIH: w.inputBias, biasHH: w.hiddenBias, reverse: reverse, output: outputRows, hidden: hn)
            return (run, try sequenceShaped(outputRows, hidden, batchMajor: batchMajor))
        }
        let outputs = Tensor.record("StackBackward0", inputs: inputs, outputs: [output, hn],
                                    saved: inputs) { (grads: [Tensor]) throws(TensorError) in
            try GradMode.with(false) { () throws(TensorError) in
                let g = try run.backward(gradOutput: try rows(grads[0], hidden, batchMajor: batchMajor),
                                         gradHidden: grads[1],
                                         inputGradient: sequence.requiresGrad, weightGradients: weightsNeedGrad)
                let dx = try g.input.map { (dx: Tensor) throws(TensorError) in try sequenceShaped(dx, features, batchMajor: false) }
                return [dx, g.h0, g.weightIH, g.weightHH] + (hasBias ? [g.biasIH, g.biasHH] : [])
            }
        }
        return (outputs[0], outputs[1], nil)
    }
}
