import TensorEngine

extension NeuralNet {
    /// The step layout of a padded `(T, B, F)` sequence, or of packed data with `batchSizes`.
    static func recurrentLayout(_ input: Tensor, batchSizes: [Int]?) throws(TensorError) -> SequenceLayout {
        guard let batchSizes else {
            guard input.dim == 3 else { throw .runtime("input must have 3 dimensions, got \(input.dim)") }
            guard input.shape[0] > 0 else { throw .runtime("Expected sequence length to be larger than 0 in RNN") }
            return SequenceLayout(batchSizes: Array(repeating: input.shape[1], count: input.shape[0]))
        }
        guard input.dim == 2 else { throw .runtime("input must have 2 dimensions, got \(input.dim)") }
        guard let first = batchSizes.first, first > 0 else {
            throw .runtime("Expected sequence length to be larger than 0 in RNN")
        }
        for (a, b) in zip(batchSizes, batchSizes.dropFirst()) where b > a || b <= 0 {
            throw .runtime("batch_sizes must be positive and non-increasing, got \(batchSizes)")
        }
        let layout = SequenceLayout(batchSizes: batchSizes)
        guard layout.rows == input.shape[0] else {
            throw .runtime("packed data has \(input.shape[0]) rows but batch_sizes add up to \(layout.rows)")
        }
        return layout
    }

    /// Checks states and weights against the input, so kernels only ever see consistent shapes.
    static func checkRecurrentArguments(_ options: RecurrentOptions, input: Tensor, layout: SequenceLayout, hx: Tensor,
                                        cx: Tensor?, weights: [RecurrentWeights]) throws(TensorError) {
        guard options.numLayers > 0 else { throw .value("num_layers must be greater than zero") }
        guard options.dropout >= 0 && options.dropout <= 1 else {
            throw .value("dropout should be a number in range [0, 1] representing the probability of an element being zeroed")
        }
        let count = options.numLayers * options.directions
        guard weights.count == count else {
            throw .runtime("expected \(count) sets of recurrent weights (layers × directions), got \(weights.count)")
        }
        guard input.dtype.isFloatingPoint else {
            throw .runtime("\"\(options.mode.rawValue.lowercased())\" not implemented for '\(input.dtype.scalarTypeName)'")
        }
        guard (options.mode == .lstm) == (cx != nil) else {
            throw .runtime(options.mode == .lstm ? "lstm expects two hidden states" : "\(options.mode.rawValue) expects one hidden state")
        }
        let hiddenSize = weights[0].hiddenHidden.shape.count == 2 ? weights[0].hiddenHidden.shape[0] / options.mode.gateCount : 0
        let outputSize = weights[0].projection?.shape.first ?? hiddenSize
        let expectedHx = [count, layout.batch, outputSize]
        guard hx.shape == expectedHx else {
            throw .runtime("Expected hidden size \(tupleText(expectedHx)), got \(Shape.format(hx.shape))")
        }
        if let cx, cx.shape != [count, layout.batch, hiddenSize] {
            throw .runtime("Expected hidden[1] size \(tupleText([count, layout.batch, hiddenSize])), got \(Shape.format(cx.shape))")
        }
        for (index, w) in weights.enumerated() {
            let layerInput = index < options.directions ? input.shape[input.dim - 1] : outputSize * options.directions
            var expected: [(Tensor?, [Int])] = [
                (w.inputHidden, [options.mode.gateCount * hiddenSize, layerInput]),
                (w.hiddenHidden, [options.mode.gateCount * hiddenSize, outputSize]),
                (w.inputBias, [options.mode.gateCount * hiddenSize]),
                (w.hiddenBias, [options.mode.gateCount * hiddenSize]),
            ]
            if w.projection != nil { expected.append((w.projection, [outputSize, hiddenSize])) }
            for (tensor, shape) in expected {
                guard let tensor else { continue }
                guard tensor.shape == shape else {
                    throw .runtime("recurrent weight of layer \(index / options.directions) has shape \(Shape.format(tensor.shape)), expected \(Shape.format(shape))")
                }
                guard tensor.dtype == input.dtype else {
                    throw .runtime("expected scalar type \(input.dtype.scalarTypeName) but found \(tensor.dtype.scalarTypeName)")
                }
            }
            guard (w.inputBias == nil) == (w.hiddenBias == nil) else {
                throw .runtime("recurrent layers take both biases or none")
            }
        }
        for state in [hx, cx].compactMap({ $0 }) where state.dtype != input.dtype {
            throw .runtime("expected scalar type \(input.dtype.scalarTypeName) but found \(state.dtype.scalarTypeName)")
        }
    }

    /// `(1, 3, 20)`: a shape as Python prints a tuple.
    private static func tupleText(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }
}
