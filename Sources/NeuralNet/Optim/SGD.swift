import TensorEngine

extension NeuralNet {
    /// Stochastic gradient descent with optional momentum, Nesterov momentum and weight decay
    /// (`torch.optim.SGD`, single-tensor implementation).
    ///
    /// With momentum μ, dampening τ and weight decay λ, one step of a parameter θ with gradient g:
    /// `g += λθ`; `b = g` on the first step, else `b = μb + (1-τ)g`; `g = g + μb` (Nesterov) or
    /// `g = b`; `θ -= lr·g`. Sutskever et al. scale the buffer update by lr instead; PyTorch
    /// (and this) scales the step.
    public struct SGD: Sendable {
        public var lr: Double
        public var momentum: Double
        public var dampening: Double
        public var weightDecay: Double
        public var nesterov: Bool
        public var maximize: Bool

        public init(lr: Double, momentum: Double = 0, dampening: Double = 0, weightDecay: Double = 0,
                    nesterov: Bool = false, maximize: Bool = false) {
            self.lr = lr
            self.momentum = momentum
            self.dampening = dampening
            self.weightDecay = weightDecay
            self.nesterov = nesterov
            self.maximize = maximize
        }

        /// Updates `param` in place from its gradient.
        ///
        /// - Returns: the momentum buffer to keep for the next step (nil without momentum).
        public func update(_ param: Tensor, grad: Tensor, momentumBuffer: Tensor?) throws(TensorError) -> Tensor? {
            try param.sgdUpdate_(grad: grad, momentumBuffer: momentumBuffer,
                                 SGDCoefficients(lr: lr, momentum: momentum, dampening: dampening,
                                                 weightDecay: weightDecay, nesterov: nesterov, maximize: maximize))
        }
    }
}
