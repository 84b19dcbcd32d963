import MiniPython
import NeuralNet
import TensorEngine

/// `torch._VF` as torch.nn sees it: the native kernels behind `nn.RNN`/`LSTM`/`GRU` and
/// `nn.utils.rnn.pack_padded_sequence`. The Python classes check their arguments first and
/// raise PyTorch's messages; these functions check again so that no call reaches a kernel
/// with inconsistent shapes.
enum RecurrentFunctions {
    static func make() -> PyModule {
        let module = PyModule(name: "torch._VF")
        /// rnn(mode, input, batch_sizes, hx, cx, params, has_biases, num_layers, dropout, train, bidirectional, batch_first)
        /// -> (output, h_n, c_n or None)
        module.addFunction("rnn(mode, input, batch_sizes, hx, cx, params, has_biases, num_layers, dropout, train, bidirectional, batch_first)") { (interp, args) throws(PyError) in
            let modeName = try interp.expectStr(args["mode"], "mode")
            guard let mode = RecurrentMode(rawValue: modeName) else {
                throw PyError.valueError("Unrecognized RNN mode: \(modeName)")
            }
            let options = NeuralNet.RecurrentOptions(
                mode: mode, numLayers: try args.int("num_layers", interp), dropout: try args.double("dropout", interp),
                train: try args.bool("train"), bidirectional: try args.bool("bidirectional"),
                batchFirst: try args.bool("batch_first"))
            let batchSizes = try args.optionalTensor("batch_sizes").map { $0.toArray(Int64.self).map { Int($0) } }
            let weights = try groupWeights(try interp.toArray(args["params"]), options: options,
                                           hasBiases: try args.bool("has_biases"))
            let result = try engine {
                try NeuralNet.recurrent(options, input: try args.tensor("input"), batchSizes: batchSizes,
                                        hx: try args.tensor("hx"), cx: try args.optionalTensor("cx"), weights: weights)
            }
            return .tuple([.tensor(result.output), .tensor(result.hidden), result.cell.map { .tensor($0) } ?? .none])
        }
        /// pack_padded_sequence(input, lengths, batch_first) -> (data, batch_sizes)
        module.addFunction("pack_padded_sequence(input, lengths, batch_first)") { (_, args) throws(PyError) in
            let input = try args.tensor("input"), lengths = try args.tensor("lengths")
            guard lengths.dim == 1, lengths.dtype == .int64 else {
                throw PyError.runtimeError("'lengths' argument should be a 1D CPU int64 tensor, but got \(lengths.dim)D cpu \(lengths.dtype.scalarTypeName) tensor")
            }
            let packed = try engine {
                try NeuralNet.packPaddedSequence(input, lengths: lengths.toArray(Int64.self).map { Int($0) },
                                                 batchFirst: try args.bool("batch_first"))
            }
            let batchSizes = try engine { try Tensor.from(packed.batchSizes.map { Int64($0) }) }
            return .tuple([.tensor(packed.data), .tensor(batchSizes)])
        }
        return module
    }

    /// The flat parameter list (`weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, ...`) cut
    /// into one `RecurrentWeights` per layer and direction.
    private static func groupWeights(_ params: [PyValue], options: NeuralNet.RecurrentOptions, hasBiases: Bool)
        throws(PyError) -> [RecurrentWeights]
    {
        var tensors: [Tensor] = []
        for (i, value) in params.enumerated() {
            guard let t = value.tensorValue else {
                throw PyError.typeError("expected Tensor as element \(i) in argument 5, but got \(value.type.name)")
            }
            tensors.append(t)
        }
        let groups = options.numLayers * (options.bidirectional ? 2 : 1)
        let plain = hasBiases ? 4 : 2
        guard groups > 0, tensors.count == groups * plain || tensors.count == groups * (plain + 1) else {
            throw PyError.runtimeError("expected \(groups * plain) recurrent parameters, got \(tensors.count)")
        }
        let per = tensors.count / groups
        return (0..<groups).map { g in
            let w = Array(tensors[(g * per)..<((g + 1) * per)])
            return RecurrentWeights(inputHidden: w[0], hiddenHidden: w[1], inputBias: hasBiases ? w[2] : nil,
                                    hiddenBias: hasBiases ? w[3] : nil, projection: per > plain ? w[per - 1] : nil)
        }
    }
}
