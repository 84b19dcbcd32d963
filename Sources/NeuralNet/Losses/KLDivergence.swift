import TensorEngine

extension NeuralNet {
    /// How `kl_div` reduces: PyTorch's three reductions plus `'batchmean'` (the sum divided by
    /// the batch size, the mathematically correct KL divergence per sample).
    public enum KLReduction: Sendable, Equatable {
        case plain(Reduction)
        case batchMean
    }

    /// `F.kl_div(input, target, reduction='mean', log_target=False)`: the pointwise KL
    /// divergence `y·(log y - x)` for log-probabilities `x` (with `log_target`, `target` holds
    /// log-probabilities too: `e^y·(y - x)`), from plain tensor ops as in PyTorch.
    public static func klDiv(_ input: Tensor, _ target: Tensor, reduction: KLReduction = .plain(.mean),
                             logTarget: Bool = false) throws(TensorError) -> Tensor {
        guard !input.dtype.isIntegral && input.dtype != .bool && !target.dtype.isIntegral && target.dtype != .bool else {
            throw .runtime("kl_div: Integral inputs not supported.")
        }
        let pointwise: Tensor
        if logTarget {
            pointwise = try target.exp().mul(target.sub(input))
        } else {
            // xlogy(y, y): 0 where y is 0.
            let yLogY = try target.mul(target.log()).maskedFill(target.eq(.int(0)), .int(0))
            pointwise = try yLogY.sub(target.mul(input))
        }
        switch reduction {
        case .plain(let r):
            return try r.apply(pointwise)
        case .batchMean:
            let total = try pointwise.sum()
            return input.dim == 0 ? total : try total.div(.int(Int64(input.shape[0])))
        }
    }
}
