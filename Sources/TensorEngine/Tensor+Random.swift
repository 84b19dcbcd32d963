/// Random tensors and in-place sampling, drawing from a `Generator` exactly as
/// PyTorch's CPU generator does (see Random/ and Note [Normal sampling paths]).
extension Tensor {
    /// `torch.rand(*size, generator=None, dtype=None)`.
    public static func rand(_ shape: [Int], dtype: DType = .float32, generator: Generator = .default) throws(TensorError) -> Tensor {
        try empty(shape, dtype: try floatDType(dtype, "check_uniform_bounds")).uniform_(generator: generator)
    }

    /// `torch.randn(*size, generator=None, dtype=None)`.
    public static func randn(_ shape: [Int], dtype: DType = .float32, generator: Generator = .default) throws(TensorError) -> Tensor {
        try empty(shape, dtype: try floatDType(dtype, "normal_kernel_cpu")).normal_(generator: generator)
    }

    /// `torch.randint(low, high, size, dtype=int64)`.
    public static func randint(low: Int64 = 0, high: Int64, _ shape: [Int], dtype: DType = .int64,
                               generator: Generator = .default) throws(TensorError) -> Tensor {
        guard low < high else {
            throw .runtime("random_ expects 'from' to be less than 'to', but got from=\(low) >= to=\(high)")
        }
        let t = try empty(shape, dtype: dtype)
        let values = try generator.randint(count: t.numel, low: low, high: high)
        return try Tensor.from(values, shape: shape, dtype: dtype)
    }

    /// `torch.randperm(n)`.
    public static func randperm(_ n: Int, dtype: DType = .int64, generator: Generator = .default) throws(TensorError) -> Tensor {
        try Tensor.from(try generator.randperm(n), shape: [Swift.max(n, 0)], dtype: dtype)
    }

    /// `torch.rand_like` / `torch.randn_like`.
    public static func randLike(_ t: Tensor, generator: Generator = .default) throws(TensorError) -> Tensor {
        try rand(t.shape, dtype: t.dtype, generator: generator)
    }

    public static func randnLike(_ t: Tensor, generator: Generator = .default) throws(TensorError) -> Tensor {
        try randn(t.shape, dtype: t.dtype, generator: generator)
    }

    private static func floatDType(_ dtype: DType, _ kernel: String) throws(TensorError) -> DType {
        guard dtype.isFloatingPoint else {
            throw .runtime("\"\(kernel)\" not implemented for '\(dtype.scalarTypeName)'")
        }
        return dtype
    }

    // MARK: - In-place sampling

    /// `tensor.uniform_(from=0, to=1)`.
    @discardableResult
    public func uniform_(_ low: Double = 0, _ high: Double = 1, generator: Generator = .default) throws(TensorError) -> Tensor {
        guard low <= high else {
            throw .runtime("uniform_ expects to return a [from, to) range, but found from=\(low) > to=\(high)")
        }
        switch dtype {
        case .float16: try overwrite(with: try generator.uniformFloat16(count: numel, low: low, high: high))
        case .float32: try overwrite(with: try generator.uniformFloat32(count: numel, low: low, high: high))
        case .float64: try overwrite(with: try generator.uniformFloat64(count: numel, low: low, high: high))
        default: throw .runtime("\"check_uniform_bounds\" not implemented for '\(dtype.scalarTypeName)'")
        }
        return self
    }

    /// `tensor.normal_(mean=0, std=1)`. Non-contiguous tensors take PyTorch's scalar path.
    @discardableResult
    public func normal_(_ mean: Double = 0, _ std: Double = 1, generator: Generator = .default) throws(TensorError) -> Tensor {
        guard std >= 0 else { throw .runtime("normal expects std >= 0.0, but found std \(std)") }
        switch dtype {
        case .float16:
            try overwrite(with: try generator.normalFloat16(count: numel, mean: mean, std: std, contiguous: isContiguous))
        case .float32:
            try overwrite(with: try generator.normalFloat32(count: numel, mean: mean, std: std, contiguous: isContiguous))
        case .float64:
            try overwrite(with: try generator.normalFloat64(count: numel, mean: mean, std: std, contiguous: isContiguous))
        default: throw .runtime("\"normal_kernel_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        return self
    }

    /// `tensor.random_(from, to)`; `random_()` on int64 draws from [0, 2^63).
    @discardableResult
    public func random_(_ low: Int64? = nil, _ high: Int64? = nil, generator: Generator = .default) throws(TensorError) -> Tensor {
        if let high {
            let values = try generator.randint(count: numel, low: low ?? 0, high: high)
            try overwrite(with: values)
        } else {
            try overwrite(with: (0..<numel).map { _ in generator.randomInt64() })
        }
        return self
    }

    /// `tensor.exponential_(lambd=1)`.
    @discardableResult
    public func exponential_(_ lambda: Double = 1, generator: Generator = .default) throws(TensorError) -> Tensor {
        guard lambda > 0 else { throw .runtime("exponential_ expects lambda > 0.0, but found lambda=\(lambda)") }
        try overwrite(with: try generator.exponential(count: numel, lambda: lambda))
        return self
    }

    /// `tensor.bernoulli_(p)` with a number probability.
    @discardableResult
    public func bernoulli_(_ p: Double, generator: Generator = .default) throws(TensorError) -> Tensor {
        guard p >= 0 && p <= 1 else { throw .runtime("bernoulli_ expects p to be in [0, 1], but got p=\(p)") }
        try overwrite(with: try generator.bernoulliScalar(count: numel, p: p))
        return self
    }

    /// `torch.bernoulli(probs)`: one draw per element of a probability tensor.
    public func bernoulli(generator: Generator = .default) throws(TensorError) -> Tensor {
        let draws: [Bool]
        switch dtype {
        case .float16, .float32: draws = try generator.bernoulliFloat32Probs(toArray(Float.self))
        case .float64: draws = try generator.bernoulliFloat64Probs(toArray(Double.self))
        default: throw .runtime("\"bernoulli_tensor_cpu_p_\" not implemented for '\(dtype.scalarTypeName)'")
        }
        return try Tensor.from(draws, shape: shape, dtype: dtype)
    }

    /// `torch.multinomial(input, num_samples, replacement=False)` over the last dim.
    public func multinomial(_ numSamples: Int, replacement: Bool = false, generator: Generator = .default) throws(TensorError) -> Tensor {
        guard dim == 1 || dim == 2 else { throw .runtime("prob_dist must be 1 or 2 dim") }
        let rowLength = shape[dim - 1]
        let samples: [Int64]
        switch dtype {
        case .float16, .float32:
            samples = try generator.multinomial(probs: toArray(Float.self), rowLength: rowLength, numSamples: numSamples, replacement: replacement)
        case .float64: samples = try generator.multinomial(probs: toArray(Double.self), rowLength: rowLength, numSamples: numSamples, replacement: replacement)
        default: throw .runtime("multinomial only supports floating-point dtypes for input, got: \(dtype.scalarTypeName)")
        }
        return try Tensor.from(samples, shape: dim == 1 ? [numSamples] : [shape[0], numSamples])
    }

    /// `F.dropout(input, p, training)`: zeroes elements with probability `p` and
    /// scales the rest by `1/(1-p)`, recorded as `MulBackward0` like PyTorch.
    public func dropout(p: Double, training: Bool = true, generator: Generator = .default) throws(TensorError) -> Tensor {
        guard p >= 0 && p <= 1 else {
            throw .value("dropout probability has to be between 0 and 1, but got \(p)")
        }
        if !training || p == 0 { return self }
        if p == 1 { return try mul(.int(0)) }
        let mask = try Tensor.empty(shape, dtype: dtype).bernoulli_(1 - p, generator: generator)
        // The mask is scaled in the tensor's dtype: mask / (1 - p).
        let scaled = try mask.div(.double(1 - p))
        return try mul(scaled)
    }

    /// Writes sampled values in row-major order (respecting this tensor's strides), bumping the version.
    private func overwrite<T: TensorElement>(with values: [T]) throws(TensorError) {
        let source = try Tensor.from(values, shape: shape)
        copyConverting(from: source, to: self)
        storage.version += 1
    }
}
