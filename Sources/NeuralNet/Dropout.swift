import TensorEngine

extension NeuralNet {
    /// Channel-wise dropout (`F.dropout1d/2d/3d` after their shape handling, PyTorch's
    /// `feature_dropout`): one Bernoulli(1 - p) draw per `(sample, channel)`, scaled by
    /// 1/(1 - p) and broadcast over the remaining dims, so whole feature maps are zeroed.
    /// The mask is drawn exactly as PyTorch draws it (one `bernoulli_` over an
    /// `(N, C, 1, ...)` tensor), so a seeded generator gives the same channels.
    public static func featureDropout(_ input: Tensor, p: Double, training: Bool,
                                      generator: Generator = .default) throws(TensorError) -> Tensor {
        try checkProbability(p)
        if p == 0 || !training || input.numel == 0 { return input }
        if p == 1 { return try input.mul(Tensor.zeros([], dtype: input.dtype)) }
        let noise = try featureNoise(input).bernoulli_(1 - p, generator: generator)
        return try input.mul(noise.div_(.double(1 - p)))
    }

    /// `F.alpha_dropout` (and, with `feature`, `F.feature_alpha_dropout`): dropped values
    /// become SELU's negative saturation, then an affine map restores zero mean and unit
    /// variance: `x·a·m + a·α'·(p - 1 + m)` with `α' = 1.7580993408473766` and
    /// `a = 1/√((α'²·p + 1)(1 - p))`.
    public static func alphaDropout(_ input: Tensor, p: Double, training: Bool, feature: Bool = false,
                                    generator: Generator = .default) throws(TensorError) -> Tensor {
        try checkProbability(p)
        if p == 0 || !training || input.numel == 0 { return input }
        if p == 1 { return try input.mul(Tensor.zeros([], dtype: input.dtype)) }
        let noise = try (feature ? featureNoise(input) : Tensor.empty(input.shape, dtype: input.dtype))
            .bernoulli_(1 - p, generator: generator)
        let alpha = 1.7580993408473766
        let a = 1 / ((alpha * alpha * p + 1) * (1 - p)).squareRoot()
        let shift = try GradMode.with(false) { () throws(TensorError) in
            try noise.add(.int(-1)).mul_(.double(alpha * a)).add_(.double(alpha * a * p))
        }
        try GradMode.with(false) { () throws(TensorError) in _ = try noise.mul_(.double(a)) }
        return try input.mul(noise).add(shift)
    }

    static func checkProbability(_ p: Double) throws(TensorError) {
        guard p >= 0 && p <= 1 else {
            throw .value("dropout probability has to be between 0 and 1, but got \(p)")
        }
    }

    /// An uninitialised `(N, C, 1, ...)` tensor: one noise value per channel.
    static func featureNoise(_ input: Tensor) throws(TensorError) -> Tensor {
        guard input.dim >= 2 else { throw .runtime("Feature dropout requires at least 2 dimensions in the input") }
        return try Tensor.empty([input.shape[0], input.shape[1]] + [Int](repeating: 1, count: input.dim - 2), dtype: input.dtype)
    }
}
