import MiniPython
import NeuralNet
import TensorEngine

extension FunctionalModule {
    /// `embedding` and the channel-wise and alpha dropouts
    /// (https://pytorch.org/docs/stable/nn.functional.html#sparse-functions,
    /// https://pytorch.org/docs/stable/nn.functional.html#dropout-functions).
    static func addEmbedding(to module: PyModule) {
        /// embedding(input, weight, padding_idx=None, max_norm=None, norm_type=2.0, scale_grad_by_freq=False, sparse=False)
        module.addFunction("embedding(input, weight, padding_idx=None, max_norm=None, norm_type=2.0, scale_grad_by_freq=False, sparse=False)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), w = try args.tensor(1)
            var padding = try args.optionalInt("padding_idx", interp)
            if let p = padding {
                // PyTorch asserts these in Python, so they are AssertionErrors.
                guard p < w.shape.first ?? 0 || p < 0, p >= -(w.shape.first ?? 0) else {
                    throw PyError(type: .assertionError, message: "Padding_idx must be within num_embeddings")
                }
                if p < 0 { padding = p + w.shape[0] }
            }
            let maxNorm = args["max_norm"].isNone ? nil : try args.double("max_norm", interp)
            let normType = try args.double("norm_type", interp), byFrequency = try args.bool("scale_grad_by_freq")
            if try args.bool("sparse") { throw TorchErrors.notInTutor("embedding(sparse=True)") }
            return .tensor(try engine {
                try NeuralNet.embedding(x, weight: w, paddingIndex: padding, maxNorm: maxNorm, normType: normType,
                                        scaleGradByFreq: byFrequency)
            })
        }
        /// dropout1d(input, p=0.5, training=True, inplace=False): (N, C, L) or (C, L).
        featureDropout(module, "dropout1d", ranks: [2, 3], unbatchedRank: 2)
        /// dropout2d(input, p=0.5, training=True, inplace=False): (N, C, H, W); other ranks keep
        /// PyTorch's deprecated behaviour (channel dim 1).
        featureDropout(module, "dropout2d", ranks: nil, unbatchedRank: nil)
        /// dropout3d(input, p=0.5, training=True, inplace=False): (N, C, D, H, W) or (C, D, H, W).
        featureDropout(module, "dropout3d", ranks: nil, unbatchedRank: 4)
        for (name, feature) in [("alpha_dropout", false), ("feature_alpha_dropout", true)] {
            module.addFunction("\(name)(input, p=0.5, training=False, inplace=False)") { (interp, args) throws(PyError) in
                let x = try args.tensor(0), p = try dropoutProbability(args, interp), training = try args.bool("training")
                let y = try engine { try NeuralNet.alphaDropout(x, p: p, training: training, feature: feature) }
                if try args.bool("inplace") { try engine { _ = try x.copy_(y) }; return args[0] }
                return .tensor(y)
            }
        }
    }

    /// Registers one of the channel-wise dropouts. `ranks` limits the accepted input ranks
    /// (PyTorch's RuntimeError otherwise); an input of `unbatchedRank` gets a batch dim for the draw.
    private static func featureDropout(_ module: PyModule, _ name: String, ranks: [Int]?, unbatchedRank: Int?) {
        module.addFunction("\(name)(input, p=0.5, training=True, inplace=False)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), p = try dropoutProbability(args, interp), training = try args.bool("training")
            if let ranks, !ranks.contains(x.dim) {
                throw PyError.runtimeError("\(name): Expected 2D or 3D input, but received a \(x.dim)D input. Note that dropout1d exists to provide channel-wise dropout on inputs with 1 spatial dimension, a channel dimension, and an optional batch dimension (i.e. 2D or 3D inputs).")
            }
            let y = try engine {
                let unbatched = x.dim == unbatchedRank
                let batched = unbatched ? try x.unsqueeze(0) : x
                let out = try NeuralNet.featureDropout(batched, p: p, training: training)
                return unbatched ? try out.squeeze(0) : out
            }
            if try args.bool("inplace") { try engine { _ = try x.copy_(y) }; return args[0] }
            return .tensor(y)
        }
    }

    /// `p`, with the ValueError PyTorch's Python code raises outside [0, 1].
    private static func dropoutProbability(_ args: BoundArguments, _ interp: Interpreter) throws(PyError) -> Double {
        let p = try args.double("p", interp)
        guard p >= 0 && p <= 1 else {
            throw PyError.valueError("dropout probability has to be between 0 and 1, but got \(PyNumberFormat.repr(p))")
        }
        return p
    }
}
