#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TensorEngine

extension NeuralNet {
    /// Adam (Kingma & Ba, "Adam: A Method for Stochastic Optimization", 2014) and, with
    /// `decoupledWeightDecay`, AdamW (Loshchilov & Hutter, "Decoupled Weight Decay
    /// Regularization", 2017): `torch.optim.Adam`/`AdamW`, single-tensor implementation.
    ///
    /// Per step t: `m = lerp(m, g, 1-β1)`, `v = β2·v + (1-β2)·g²` (with amsgrad `v̂ = max(v̂, v)`),
    /// `θ -= lr/(1-β1^t) · m / (√v / √(1-β2^t) + ε)`. Adam adds `λθ` to g; AdamW scales θ by
    /// `1 - lr·λ` first.
    public struct Adam: Sendable {
        public var lr: Double
        public var beta1: Double
        public var beta2: Double
        public var eps: Double
        public var weightDecay: Double
        public var amsgrad: Bool
        public var maximize: Bool
        public var decoupledWeightDecay: Bool

        public init(lr: Double, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8, weightDecay: Double = 0,
                    amsgrad: Bool = false, maximize: Bool = false, decoupledWeightDecay: Bool = false) {
            self.lr = lr
            self.beta1 = beta1
            self.beta2 = beta2
            self.eps = eps
            self.weightDecay = weightDecay
            self.amsgrad = amsgrad
            self.maximize = maximize
            self.decoupledWeightDecay = decoupledWeightDecay
        }

        /// Updates `param` and its state in place; `step` is its step counter.
        public func update(_ param: Tensor, grad: Tensor, step: Tensor, expAvg: Tensor, expAvgSq: Tensor,
                           maxExpAvgSq: Tensor?) throws(TensorError) {
            let t = try NeuralNet.advance(step)
            // The same Python-float expressions as PyTorch, in the same order.
            let biasCorrection1 = 1 - pow(beta1, t)
            let biasCorrection2 = 1 - pow(beta2, t)
            let decoupled = decoupledWeightDecay && weightDecay != 0
            try param.adamUpdate_(grad: grad, expAvg: expAvg, expAvgSq: expAvgSq, maxExpAvgSq: maxExpAvgSq,
                                  AdamCoefficients(beta1: beta1, beta2: beta2, eps: eps,
                                                   weightDecay: decoupledWeightDecay ? 0 : weightDecay,
                                                   decayFactor: decoupled ? 1 - lr * weightDecay : nil,
                                                   stepSize: lr / biasCorrection1,
                                                   biasCorrection2Sqrt: pow(biasCorrection2, 0.5),
                                                   amsgrad: amsgrad, maximize: maximize))
        }
    }
}
