import MiniPython
import NeuralNet
import TensorEngine

extension FunctionalModule {
    /// The loss functions (https://pytorch.org/docs/stable/nn.functional.html#loss-functions).
    /// Each accepts the deprecated `size_average`/`reduce` flags where PyTorch does; when
    /// either is given it decides the reduction instead of `reduction`.
    static func addLosses(to module: PyModule) {
        /// cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean', label_smoothing=0.0)
        module.addFunction("cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean', label_smoothing=0.0)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), t = try args.tensor(1), w = try args.optionalTensor("weight")
            let reduction = try lossReduction(args, interp)
            let ignore = try args.int("ignore_index", interp), smoothing = try args.double("label_smoothing", interp)
            return .tensor(try engine {
                try NeuralNet.crossEntropy(x, t, weight: w, ignoreIndex: ignore, reduction: reduction, labelSmoothing: smoothing)
            })
        }
        /// nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean')
        module.addFunction("nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean')") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), t = try args.tensor(1), w = try args.optionalTensor("weight")
            let reduction = try lossReduction(args, interp), ignore = try args.int("ignore_index", interp)
            return .tensor(try engine { try NeuralNet.nllLoss(x, t, weight: w, ignoreIndex: ignore, reduction: reduction) })
        }
        /// mse_loss(input, target, size_average=None, reduce=None, reduction='mean', weight=None)
        module.addFunction("mse_loss(input, target, size_average=None, reduce=None, reduction='mean', weight=None)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), t = try args.tensor(1), w = try args.optionalTensor("weight")
            let reduction = try lossReduction(args, interp)
            return .tensor(try engine { try NeuralNet.mseLoss(x, t, reduction: reduction, weight: w) })
        }
        /// l1_loss(input, target, size_average=None, reduce=None, reduction='mean', weight=None)
        module.addFunction("l1_loss(input, target, size_average=None, reduce=None, reduction='mean', weight=None)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), t = try args.tensor(1), w = try args.optionalTensor("weight")
            let reduction = try lossReduction(args, interp)
            return .tensor(try engine { try NeuralNet.l1Loss(x, t, reduction: reduction, weight: w) })
        }
        /// smooth_l1_loss(input, target, size_average=None, reduce=None, reduction='mean', beta=1.0)
        module.addFunction("smooth_l1_loss(input, target, size_average=None, reduce=None, reduction='mean', beta=1.0)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), t = try args.tensor(1)
            let reduction = try lossReduction(args, interp), beta = try args.double("beta", interp)
            return .tensor(try engine { try NeuralNet.smoothL1Loss(x, t, reduction: reduction, beta: beta) })
        }
        /// huber_loss(input, target, reduction='mean', delta=1.0, weight=None)
        module.addFunction("huber_loss(input, target, reduction='mean', delta=1.0, weight=None)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), t = try args.tensor(1), w = try args.optionalTensor("weight")
            let reduction = try lossReduction(args, interp), delta = try args.double("delta", interp)
            return .tensor(try engine { try NeuralNet.huberLoss(x, t, reduction: reduction, delta: delta, weight: w) })
        }
        /// binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None, reduction='mean')
        module.addFunction("binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None, reduction='mean')") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), t = try args.tensor(1), w = try args.optionalTensor("weight")
            let reduction = try lossReduction(args, interp)
            return .tensor(try engine { try NeuralNet.binaryCrossEntropy(x, t, weight: w, reduction: reduction) })
        }
        /// binary_cross_entropy_with_logits(input, target, weight=None, size_average=None, reduce=None, reduction='mean', pos_weight=None)
        module.addFunction("binary_cross_entropy_with_logits(input, target, weight=None, size_average=None, reduce=None, reduction='mean', pos_weight=None)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), t = try args.tensor(1)
            let w = try args.optionalTensor("weight"), pw = try args.optionalTensor("pos_weight")
            let reduction = try lossReduction(args, interp)
            return .tensor(try engine {
                try NeuralNet.binaryCrossEntropyWithLogits(x, t, weight: w, reduction: reduction, posWeight: pw)
            })
        }
        /// kl_div(input, target, size_average=None, reduce=None, reduction='mean', log_target=False)
        module.addFunction("kl_div(input, target, size_average=None, reduce=None, reduction='mean', log_target=False)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), t = try args.tensor(1), logTarget = try args.bool("log_target")
            let reduction: NeuralNet.KLReduction
            if case .str("batchmean") = args["reduction"], !usesLegacyReduction(args) {
                reduction = .batchMean
            } else {
                reduction = .plain(try lossReduction(args, interp))
            }
            return .tensor(try engine { try NeuralNet.klDiv(x, t, reduction: reduction, logTarget: logTarget) })
        }
    }

    static func usesLegacyReduction(_ args: BoundArguments) -> Bool {
        !args["size_average"].isNone || !args["reduce"].isNone
    }

    /// The reduction from `reduction=`, or from `size_average`/`reduce` when either is given.
    static func lossReduction(_ args: BoundArguments, _ interp: Interpreter) throws(PyError) -> Reduction {
        if usesLegacyReduction(args) {
            func flag(_ name: String) throws(PyError) -> Bool? { args[name].isNone ? nil : try args.bool(name) }
            return Reduction(sizeAverage: try flag("size_average"), reduce: try flag("reduce"))
        }
        // PyTorch looks the value up as given, so `reduction=None` is a ValueError too.
        let name = args["reduction"].isNone ? "None" : try interp.expectStr(args["reduction"], "reduction")
        return try engine { try Reduction(name) }
    }
}
