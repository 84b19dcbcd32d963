/// The per-step coefficients of the fused optimizer updates (`Tensor+OptimizerUpdates.swift`),
/// as Python doubles, exactly as PyTorch's `_single_tensor_*` functions pass them to the
/// tensor ops. Each is rounded to the parameter's dtype where PyTorch rounds it: at the op
/// that uses it (Note [Optimizer arithmetic]).

/// `torch.optim.SGD` for one step.
public struct SGDCoefficients: Sendable {
    public var lr: Double
    public var momentum: Double
    public var dampening: Double
    public var weightDecay: Double
    public var nesterov: Bool
    public var maximize: Bool

    public init(lr: Double, momentum: Double, dampening: Double, weightDecay: Double, nesterov: Bool, maximize: Bool) {
        self.lr = lr
        self.momentum = momentum
        self.dampening = dampening
        self.weightDecay = weightDecay
        self.nesterov = nesterov
        self.maximize = maximize
    }

    func scalars<T: BinaryFloatingPoint>(_: T.Type) -> SGDScalars<T> {
        SGDScalars(maximize: maximize, weightDecay: weightDecay != 0 ? T(weightDecay) : nil,
                   momentum: momentum != 0 ? T(momentum) : nil, dampeningComplement: T(1 - dampening),
                   nesterov: nesterov, negativeLR: T(-lr))
    }
}

/// `torch.optim.Adam`/`AdamW` for one step of one parameter.
public struct AdamCoefficients: Sendable {
    public var beta1: Double
    public var beta2: Double
    public var eps: Double
    /// The L2 penalty (Adam), or 0.
    public var weightDecay: Double
    /// AdamW's `1 - lr·weight_decay`, or nil for Adam.
    public var decayFactor: Double?
    /// `lr / (1 - beta1^step)`.
    public var stepSize: Double
    /// `(1 - beta2^step) ** 0.5`.
    public var biasCorrection2Sqrt: Double
    public var amsgrad: Bool
    public var maximize: Bool

    public init(beta1: Double, beta2: Double, eps: Double, weightDecay: Double, decayFactor: Double?,
                stepSize: Double, biasCorrection2Sqrt: Double, amsgrad: Bool, maximize: Bool) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.weightDecay = weightDecay
        self.decayFactor = decayFactor
        self.stepSize = stepSize
        self.biasCorrection2Sqrt = biasCorrection2Sqrt
        self.amsgrad = amsgrad
        self.maximize = maximize
    }

    func scalars<T: BinaryFloatingPoint>(_: T.Type) -> AdamScalars<T> {
        AdamScalars(maximize: maximize,
                    weightDecay: decayFactor == nil && weightDecay != 0 ? T(weightDecay) : nil,
                    decayFactor: decayFactor.map { T($0) },
                    beta1Complement: T(1 - beta1), beta2: T(beta2), beta2Complement: T(1 - beta2),
                    biasCorrection2Sqrt: T(biasCorrection2Sqrt), eps: T(eps),
                    negativeStepSize: T(-stepSize))
    }
}

/// `torch.optim.RMSprop` for one step.
public struct RMSpropCoefficients: Sendable {
    public var lr: Double
    public var alpha: Double
    public var eps: Double
    public var weightDecay: Double
    public var momentum: Double
    public var centered: Bool
    public var maximize: Bool

    public init(lr: Double, alpha: Double, eps: Double, weightDecay: Double, momentum: Double, centered: Bool, maximize: Bool) {
        self.lr = lr
        self.alpha = alpha
        self.eps = eps
        self.weightDecay = weightDecay
        self.momentum = momentum
        self.centered = centered
        self.maximize = maximize
    }

    func scalars<T: BinaryFloatingPoint>(_: T.Type) -> RMSpropScalars<T> {
        RMSpropScalars(maximize: maximize, weightDecay: weightDecay != 0 ? T(weightDecay) : nil,
                       alpha: T(alpha), alphaComplement: T(1 - alpha), eps: T(eps),
                       momentum: momentum > 0 ? T(momentum) : nil, negativeLR: T(-lr))
    }
}

/// `torch.optim.Adagrad` for one step of one parameter.
public struct AdagradCoefficients: Sendable {
    /// `lr / (1 + (step - 1)·lr_decay)`.
    public var clr: Double
    public var eps: Double
    public var weightDecay: Double
    public var maximize: Bool

    public init(clr: Double, eps: Double, weightDecay: Double, maximize: Bool) {
        self.clr = clr
        self.eps = eps
        self.weightDecay = weightDecay
        self.maximize = maximize
    }

    func scalars<T: BinaryFloatingPoint>(_: T.Type) -> AdagradScalars<T> {
        AdagradScalars(maximize: maximize, weightDecay: weightDecay != 0 ? T(weightDecay) : nil,
                       eps: T(eps), negativeClr: T(-clr))
    }
}
