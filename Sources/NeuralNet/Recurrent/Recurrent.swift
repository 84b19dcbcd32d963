import TensorEngine

extension NeuralNet {
    /// The options of a multi-layer recurrent network (`nn.RNN`, `nn.LSTM`, `nn.GRU`).
    public struct RecurrentOptions: Sendable {
        public var mode: RecurrentMode
        public var numLayers: Int
        /// Dropout probability on the outputs of every layer but the last, in training only.
        public var dropout: Double
        public var train: Bool
        public var bidirectional: Bool
        /// Padded input and output are `(batch, seq, feature)` instead of `(seq, batch, feature)`.
        public var batchFirst: Bool

        public init(mode: RecurrentMode, numLayers: Int = 1, dropout: Double = 0, train: Bool = true,
                    bidirectional: Bool = false, batchFirst: Bool = false) {
            self.mode = mode
            self.numLayers = numLayers
            self.dropout = dropout
            self.train = train
            self.bidirectional = bidirectional
            self.batchFirst = batchFirst
        }

        var directions: Int { bidirectional ? 2 : 1 }
    }

    /// Runs a stack of recurrent layers over a sequence (PyTorch's `_VF.rnn_tanh`, `lstm`, `gru`).
    ///
    /// Layer `l` reads the previous layer's output (both directions concatenated); state
    /// `l·D + d` of `hx`/`cx` starts direction `d` of layer `l`. A float32 LSTM without
    /// projection, or a float32 GRU, runs the fused kernels (`FusedRecurrentLayer`);
    /// everything else runs step by step.
    ///
    /// - Parameters:
    ///   - input: padded `(T, B, I)` (`(B, T, I)` with `batchFirst`), or the `(rows, I)` data
    ///     of a packed sequence when `batchSizes` is given.
    ///   - hx: `(L·D, B, H_out)`; `cx`: `(L·D, B, H)` for an LSTM, else nil.
    ///   - weights: one entry per layer and direction, in that order.
    /// - Returns: the last layer's output (`(T, B, D·H_out)`, or packed `(rows, D·H_out)`) and
    ///   the final states stacked like `hx` and `cx`. Their `grad_fn` names are PyTorch's.
    public static func recurrent(_ options: RecurrentOptions, input: Tensor, batchSizes: [Int]? = nil, hx: Tensor,
                                 cx: Tensor?, weights: [RecurrentWeights])
        throws(TensorError) -> (output: Tensor, hidden: Tensor, cell: Tensor?)
    {
        let packed = batchSizes != nil
        let sequence = packed || !options.batchFirst ? input : try input.transpose(0, 1)
        let layout = try recurrentLayout(sequence, batchSizes: batchSizes)
        try checkRecurrentArguments(options, input: sequence, layout: layout, hx: hx, cx: cx, weights: weights)

        var layerInput = sequence
        var hs: [Tensor] = [], cs: [Tensor] = []
        for layer in 0..<options.numLayers {
            var outputs: [Tensor] = []
            for direction in 0..<options.directions {
                let index = layer * options.directions + direction
                let h0 = try hx.select(0, index)
                let c0 = try cx?.select(0, index)
                let result = try recurrentLayer(options.mode, sequence: layerInput, layout: layout, packed: packed, h0: h0, c0: c0,
                                                weights: weights[index], reverse: direction == 1)
                outputs.append(result.output)
                hs.append(result.h)
                if let c = result.c { cs.append(c) }
            }
            var output = outputs.count == 1 ? outputs[0] : try Tensor.cat(outputs, dim: -1)
            if options.dropout > 0, options.train, layer < options.numLayers - 1 {
                output = try output.dropout(p: options.dropout, training: true)
            }
            layerInput = output
        }
        var output = layerInput
        if options.batchFirst && !packed {
            output = try transposedOutput(output, lstm: options.mode == .lstm)
        }
        return (output, try Tensor.stack(hs, dim: 0), cs.isEmpty ? nil : try Tensor.stack(cs, dim: 0))
    }

    /// One layer in one direction on `sequence` (`(T, B, F)` padded, `(rows, F)` packed); the
    /// output has the same form with `H_out` features.
    static func recurrentLayer(_ mode: RecurrentMode, sequence: Tensor, layout: SequenceLayout, packed: Bool,
                               h0: Tensor, c0: Tensor?, weights: RecurrentWeights, reverse: Bool)
        throws(TensorError) -> (output: Tensor, h: Tensor, c: Tensor?)
    {
        if FusedRecurrentLayer.supports(mode, input: sequence, weights: weights) {
            return try FusedRecurrentLayer.run(mode, sequence: sequence, layout: layout, packed: packed, h0: h0, c0: c0,
                                               weights: weights, reverse: reverse)
        }
        let rows = try sequence.reshape([layout.rows, sequence.shape[sequence.dim - 1]])
        let run = try recurrentSteps(mode, input: rows, layout: layout, h0: h0, c0: c0, weights: weights, reverse: reverse)
        let output = packed ? try Tensor.cat(run.steps, dim: 0) : try Tensor.stack(run.steps, dim: 0)
        return (output, run.h, run.c)
    }

    /// `(T, B, F)` output as `(B, T, F)`. PyTorch transposes the stacked output in place for
    /// RNN and GRU (`TransposeBackward1`) and out of place after its fused LSTM (`TransposeBackward0`).
    private static func transposedOutput(_ output: Tensor, lstm: Bool) throws(TensorError) -> Tensor {
        if lstm { return try output.transpose(0, 1) }
        let view = try GradMode.with(false) { () throws(TensorError) in try output.transpose(0, 1) }
        return Tensor.record("TransposeBackward1", inputs: [output], output: view) { (g: Tensor) throws(TensorError) in
            [try g.transpose(0, 1)]
        }
    }
}
