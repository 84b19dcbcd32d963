import TensorEngine

/// One direction of one LSTM layer as one autograd node over the fused kernels
/// (`FusedLSTMLayer`), named `MkldnnRnnLayerBackward0` like PyTorch's fused CPU layer.
enum LSTMLayer {
    /// Whether the fused kernels run this layer: float32 without projection.
    static func supports(input: Tensor, weights: RecurrentWeights) -> Bool {
        input.dtype == .float32 && weights.projection == nil
    }

    /// Runs the layer; `output` has `outputShape` (`(T, B, H)` padded, `(rows, H)` packed).
    static func run(input: Tensor, layout: SequenceLayout, outputShape: [Int], h0: Tensor, c0: Tensor,
                    weights w: RecurrentWeights, reverse: Bool) throws(TensorError) -> (output: Tensor, h: Tensor, c: Tensor?)
    {
        let run = try FusedLSTMLayer(input: input, batchSizes: layout.batchSizes, h0: h0, c0: c0,
                                     weightIH: w.inputHidden, weightHH: w.hiddenHidden,
                                     biasIH: w.inputBias, biasHH: w.hiddenBias, reverse: reverse)
        let output = try GradMode.with(false) { () throws(TensorError) in try run.output.view(outputShape) }
        let inputs = [input, h0, c0] + w.parameters
        let hasBias = w.inputBias != nil
        let outputs = Tensor.record("MkldnnRnnLayerBackward0", inputs: inputs, outputs: [output, run.hidden, run.cell],
                                    saved: inputs) { (grads: [Tensor]) throws(TensorError) in
            let dy = try GradMode.with(false) { () throws(TensorError) in try grads[0].reshape(run.output.shape) }
            let weightsNeedGrad = w.parameters.contains { $0.requiresGrad }
            let g = try run.backward(gradOutput: dy, gradHidden: grads[1], gradCell: grads[2],
                                     inputGradient: input.requiresGrad, weightGradients: weightsNeedGrad)
            var result: [Tensor?] = [g.input, g.h0, g.c0, g.weightIH, g.weightHH]
            if hasBias { result += [g.bias, g.bias] }
            return result
        }
        return (outputs[0], outputs[1], outputs[2])
    }
}
