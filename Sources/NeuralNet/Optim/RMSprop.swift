import TensorEngine

extension NeuralNet {
    /// RMSprop (Hinton, Lecture 6.5 of "Neural Networks for Machine Learning"; centered form
    /// from Graves, "Generating Sequences With Recurrent Neural Networks", 2013):
    /// `torch.optim.RMSprop`, single-tensor implementation.
    ///
    /// Per step: `s = α·s + (1-α)·g²`; centered: `ḡ = lerp(ḡ, g, 1-α)` and `s̃ = s - ḡ²`;
    /// `d = √s̃ + ε`; with momentum μ: `b = μb + g/d`, `θ -= lr·b`, else `θ -= lr·g/d`.
    public struct RMSprop: Sendable {
        public var lr: Double
        public var alpha: Double
        public var eps: Double
        public var weightDecay: Double
        public var momentum: Double
        public var centered: Bool
        public var maximize: Bool

        public init(lr: Double, alpha: Double = 0.99, eps: Double = 1e-8, weightDecay: Double = 0, momentum: Double = 0,
                    centered: Bool = false, maximize: Bool = false) {
            self.lr = lr
            self.alpha = alpha
            self.eps = eps
            self.weightDecay = weightDecay
            self.momentum = momentum
            self.centered = centered
            self.maximize = maximize
        }

        /// Updates `param` and its state in place; `gradAvg` is needed when centered,
        /// `momentumBuffer` when momentum > 0.
        public func update(_ param: Tensor, grad: Tensor, step: Tensor, squareAvg: Tensor, gradAvg: Tensor?,
                           momentumBuffer: Tensor?) throws(TensorError) {
            _ = try NeuralNet.advance(step)
            try param.rmspropUpdate_(grad: grad, squareAvg: squareAvg, gradAvg: gradAvg, momentumBuffer: momentumBuffer,
                                     RMSpropCoefficients(lr: lr, alpha: alpha, eps: eps, weightDecay: weightDecay,
                                                         momentum: momentum, centered: centered, maximize: maximize))
        }
    }
}
