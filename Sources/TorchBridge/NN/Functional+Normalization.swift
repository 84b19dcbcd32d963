import MiniPython
import NeuralNet
import TensorEngine

extension FunctionalModule {
    /// Normalisation layers and distances
    /// (https://pytorch.org/docs/stable/nn.functional.html#normalization-functions).
    static func addNormalization(to module: PyModule) {
        /// batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-05)
        module.addFunction("batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-05)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            let mean = try args.optionalTensor("running_mean"), variance = try args.optionalTensor("running_var")
            let w = try args.optionalTensor("weight"), b = try args.optionalTensor("bias")
            let training = try args.bool("training")
            let momentum = try args.double("momentum", interp), eps = try args.double("eps", interp)
            return .tensor(try engine {
                try NeuralNet.batchNorm(x, runningMean: mean, runningVar: variance, weight: w, bias: b, training: training,
                                        momentum: momentum, eps: eps)
            })
        }
        /// instance_norm(input, running_mean=None, running_var=None, weight=None, bias=None, use_input_stats=True, momentum=0.1, eps=1e-05)
        module.addFunction("instance_norm(input, running_mean=None, running_var=None, weight=None, bias=None, use_input_stats=True, momentum=0.1, eps=1e-05)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            let mean = try args.optionalTensor("running_mean"), variance = try args.optionalTensor("running_var")
            let w = try args.optionalTensor("weight"), b = try args.optionalTensor("bias")
            let useInputStats = try args.bool("use_input_stats")
            let momentum = try args.double("momentum", interp), eps = try args.double("eps", interp)
            return .tensor(try engine {
                try NeuralNet.instanceNorm(x, runningMean: mean, runningVar: variance, weight: w, bias: b,
                                           useInputStats: useInputStats, momentum: momentum, eps: eps)
            })
        }
        /// layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05)
        module.addFunction("layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            guard IntArgs.isSequence(args["normalized_shape"]) else {
                throw PyError.typeError("layer_norm(): argument 'normalized_shape' (position 2) must be tuple of ints, not \(Scalars.typeName(args["normalized_shape"]))")
            }
            let shape = try IntArgs.list(args["normalized_shape"], interp, "layer_norm", "normalized_shape")
            let w = try args.optionalTensor("weight"), b = try args.optionalTensor("bias"), eps = try args.double("eps", interp)
            return .tensor(try engine { try NeuralNet.layerNorm(x, normalizedShape: shape, weight: w, bias: b, eps: eps) })
        }
        /// group_norm(input, num_groups, weight=None, bias=None, eps=1e-05)
        module.addFunction("group_norm(input, num_groups, weight=None, bias=None, eps=1e-05)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), groups = try args.int("num_groups", interp)
            // PyTorch's Python wrapper divides by num_groups first.
            if groups == 0 { throw PyError(type: .zeroDivisionError, message: "integer division or modulo by zero") }
            let w = try args.optionalTensor("weight"), b = try args.optionalTensor("bias"), eps = try args.double("eps", interp)
            return .tensor(try engine { try NeuralNet.groupNorm(x, numGroups: groups, weight: w, bias: b, eps: eps) })
        }
        /// normalize(input, p=2.0, dim=1, eps=1e-12, out=None)
        module.addFunction("normalize(input, p=2.0, dim=1, eps=1e-12, out=None)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), p = try args.double("p", interp)
            let dim = try args.int("dim", interp), eps = try args.double("eps", interp)
            if !args["out"].isNone { throw TorchErrors.notInTutor("normalize(out=...)") }
            return .tensor(try engine { try NeuralNet.normalize(x, p: p, dim: dim, eps: eps) })
        }
        /// cosine_similarity(x1, x2, dim=1, eps=1e-8)
        module.addFunction("cosine_similarity(x1, x2, dim=1, eps=1e-8)") { (interp, args) throws(PyError) in
            let a = try args.tensor(0), b = try args.tensor(1)
            let dim = try args.int("dim", interp), eps = try args.double("eps", interp)
            return .tensor(try engine { try NeuralNet.cosineSimilarity(a, b, dim: dim, eps: eps) })
        }
        /// pairwise_distance(x1, x2, p=2.0, eps=1e-6, keepdim=False)
        module.addFunction("pairwise_distance(x1, x2, p=2.0, eps=1e-6, keepdim=False)") { (interp, args) throws(PyError) in
            let a = try args.tensor(0), b = try args.tensor(1)
            let p = try args.double("p", interp), eps = try args.double("eps", interp), keepdim = try args.bool("keepdim")
            return .tensor(try engine { try NeuralNet.pairwiseDistance(a, b, p: p, eps: eps, keepdim: keepdim) })
        }
    }
}
