import TensorEngine

extension NeuralNet {
    /// `F.cross_entropy(input, target, weight=None, ignore_index=-100, reduction='mean',
    /// label_smoothing=0.0)`: log-softmax over the class dim followed by the negative
    /// log-likelihood, as PyTorch composes it.
    ///
    /// A target with the input's shape holds class probabilities (floating point, no
    /// `ignore_index`); otherwise it holds class indices (see ``nllLoss(_:_:weight:ignoreIndex:reduction:)``
    /// for the shapes). The class dim is 0 for a 1-d input and 1 otherwise. With
    /// `label_smoothing` ε, the loss mixes (1 - ε) of the target with the uniform distribution.
    public static func crossEntropy(_ input: Tensor, _ target: Tensor, weight: Tensor? = nil, ignoreIndex: Int = -100,
                                    reduction: Reduction = .mean, labelSmoothing: Double = 0) throws(TensorError) -> Tensor {
        if input.shape == target.shape {
            guard target.isFloatingPoint else {
                throw .runtime("Expected floating point type for target with class probabilities, got \(target.dtype.scalarTypeName)")
            }
            guard ignoreIndex < 0 else { throw .runtime("ignore_index is not supported for floating point target") }
            return try CrossEntropy.probabilityTarget(input, target, weight, reduction, labelSmoothing)
        }
        if labelSmoothing > 0 {
            try CrossEntropy.checkSmoothing(labelSmoothing)
            return try CrossEntropy.smoothedIndexTarget(input, target, weight, ignoreIndex, reduction, labelSmoothing)
        }
        let logProbabilities = try input.logSoftmax(dim: input.dim == 1 ? 0 : 1)
        return try nllLoss(logProbabilities, target, weight: weight, ignoreIndex: ignoreIndex, reduction: reduction)
    }
}

/// The two composite forms of cross-entropy, written with the same tensor ops as ATen's
/// `cross_entropy_loss_prob_target` and `cross_entropy_loss_label_smoothing`, so values
/// and `grad_fn` names match.
enum CrossEntropy {
    static func checkSmoothing(_ epsilon: Double) throws(TensorError) {
        guard epsilon <= 1 else {
            throw .runtime("label_smoothing must be between 0.0 and 1.0. Got: \(NeuralNet.cppNumber(epsilon))")
        }
    }

    /// `weight` shaped to broadcast along the class dim of a `rank`-d input.
    static func classWeight(_ weight: Tensor, rank: Int, classDim: Int) throws(TensorError) -> Tensor {
        guard rank > 1 else { return weight }
        var shape = [Int](repeating: 1, count: rank)
        shape[classDim] = weight.shape[0]
        return try weight.view(shape)
    }

    static func probabilityTarget(_ input: Tensor, _ target: Tensor, _ weight: Tensor?, _ reduction: Reduction,
                                  _ epsilon: Double) throws(TensorError) -> Tensor {
        let classDim = input.dim == 1 ? 0 : 1
        let classes = input.shape[classDim]
        if let weight, weight.dim != 1 || weight.numel != classes {
            throw .runtime("cross_entropy: weight tensor should be defined either for all \(classes) classes or no classes but got weight tensor of shape: \(Shape.format(weight.shape))")
        }
        let logProbabilities = try input.logSoftmax(dim: classDim)
        var smoothed = target
        if epsilon > 0 {
            try checkSmoothing(epsilon)
            smoothed = try target.mul(.double(1 - epsilon)).add(.double(epsilon / Double(classes)))
        }
        var product = try logProbabilities.mul(smoothed)
        if let weight { product = try product.mul(classWeight(weight, rank: input.dim, classDim: classDim)) }
        switch reduction {
        case .none:
            return try product.sum(dims: [classDim]).neg()
        case .sum:
            return try product.sum().neg()
        case .mean:
            let total = try product.sum().neg()
            if input.numel == 0 { return try GradMode.with(false) { () throws(TensorError) in try total.fill_(.double(.nan)) } }
            return try dividedByCount(total, input.numel / classes)
        }
    }

    static func smoothedIndexTarget(_ input: Tensor, _ target: Tensor, _ weight: Tensor?, _ ignoreIndex: Int,
                                    _ reduction: Reduction, _ epsilon: Double) throws(TensorError) -> Tensor {
        let classDim = input.dim == 1 ? 0 : 1
        let logProbabilities = try input.logSoftmax(dim: classDim)
        let nll = try NeuralNet.nllLoss(logProbabilities, target, weight: weight, ignoreIndex: ignoreIndex, reduction: reduction)
        let classes = logProbabilities.shape[classDim]
        var smooth: Tensor
        if let weight {
            smooth = try logProbabilities.mul(classWeight(weight, rank: input.dim, classDim: classDim)).sum(dims: [classDim]).neg()
        } else {
            smooth = try logProbabilities.sum(dims: [classDim]).neg()
        }
        let ignored = try target.eq(.int(Int64(ignoreIndex)))
        smooth = try smooth.maskedFill(ignored, .double(0))
        let reduced: Tensor
        switch reduction {
        case .none:
            reduced = smooth
        case .sum:
            reduced = try smooth.sum()
        case .mean:
            let kept = try ignored.logicalNot()
            if let weight {
                reduced = try smooth.sum().div(weight.gather(0, target.maskedSelect(kept).flatten()).sum())
            } else {
                reduced = try smooth.sum().div(kept.sum())
            }
        }
        return try nll.mul(.double(1 - epsilon)).add(reduced.mul(.double(epsilon / Double(classes))))
    }

    /// `t / n` for an integer count, recorded as PyTorch's scalar division (`DivBackward1`).
    static func dividedByCount(_ t: Tensor, _ n: Int) throws(TensorError) -> Tensor {
        let out = try GradMode.with(false) { () throws(TensorError) in try t.div(.int(Int64(n))) }
        return Tensor.record("DivBackward1", inputs: [t], output: out) { (g: Tensor) throws(TensorError) in
            [try g.div(.int(Int64(n)))]
        }
    }
}
