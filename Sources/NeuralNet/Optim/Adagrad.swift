import TensorEngine

extension NeuralNet {
    /// Adagrad (Duchi, Hazan & Singer, "Adaptive Subgradient Methods for Online Learning and
    /// Stochastic Optimization", JMLR 2011): `torch.optim.Adagrad`, dense single-tensor
    /// implementation.
    ///
    /// Per step t: `lr_t = lr / (1 + (t-1)·lr_decay)`, `Σ += g²`, `θ -= lr_t · g / (√Σ + ε)`.
    public struct Adagrad: Sendable {
        public var lr: Double
        public var lrDecay: Double
        public var weightDecay: Double
        public var eps: Double
        public var maximize: Bool

        public init(lr: Double, lrDecay: Double = 0, weightDecay: Double = 0, eps: Double = 1e-10, maximize: Bool = false) {
            self.lr = lr
            self.lrDecay = lrDecay
            self.weightDecay = weightDecay
            self.eps = eps
            self.maximize = maximize
        }

        /// Updates `param` and its accumulator `sum` in place; `step` is its step counter.
        public func update(_ param: Tensor, grad: Tensor, step: Tensor, sum: Tensor) throws(TensorError) {
            let t = try NeuralNet.advance(step)
            try param.adagradUpdate_(grad: grad, sum: sum,
                                     AdagradCoefficients(clr: lr / (1 + (t - 1) * lrDecay), eps: eps,
                                                         weightDecay: weightDecay, maximize: maximize))
        }
    }
}
