import TensorEngine

extension NeuralNet {
    /// `F.batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False,
    /// momentum=0.1, eps=1e-05)` over dim 1 of an `(N, C, ...)` input.
    ///
    /// Training normalises with the batch statistics (biased variance) and, when running
    /// statistics are given, updates them in place with `momentum` (the running variance
    /// with the unbiased estimate); evaluation normalises with the running statistics.
    /// Recorded as one `NativeBatchNormBackward0` node with gradients for input, weight and bias.
    public static func batchNorm(_ input: Tensor, runningMean: Tensor?, runningVar: Tensor?, weight: Tensor? = nil,
                                 bias: Tensor? = nil, training: Bool = false, momentum: Double = 0.1,
                                 eps: Double = 1e-5) throws(TensorError) -> Tensor {
        // PyTorch counts the features of a 1-d input as 0, so its size checks fail first.
        let channels = input.dim >= 2 ? input.shape[1] : 0
        for (name, t) in [("weight", weight), ("bias", bias), ("running_mean", runningMean), ("running_var", runningVar)] {
            if let t, t.numel != channels {
                throw .runtime("\(name) should contain \(channels) elements not \(t.numel)")
            }
        }
        if !training {
            if runningMean == nil { throw .runtime("running_mean must be defined in evaluation mode") }
            if runningVar == nil { throw .runtime("running_var must be defined in evaluation mode") }
        }
        guard input.dim >= 2 else {
            throw .runtime("batch_norm(): expected input to have at least 2 dimensions, but got \(input.dim)")
        }
        guard input.isFloatingPoint else {
            throw TensorError(.notImplemented, "\"batch_norm\" not implemented for '\(input.dtype.scalarTypeName)'")
        }
        if training {
            let perChannel = input.numel / Swift.max(channels, 1)
            guard perChannel > 1 else {
                throw .value("Expected more than 1 value per channel when training, got input size \(Shape.sizeRepr(input.shape))")
            }
        }
        let useBatchStats = training
        let layout = BatchNorm.Layout(input)
        let stats: BatchNorm.Statistics
        if useBatchStats {
            stats = try BatchNorm.batchStatistics(input, layout, eps: eps)
            if training { try BatchNorm.updateRunning(runningMean, runningVar, stats, momentum: momentum, count: layout.reduced) }
        } else {
            stats = try BatchNorm.runningStatistics(runningMean!, runningVar!, eps: eps, dtype: input.dtype)
        }
        let out = try BatchNorm.normalize(input, layout, stats, weight: weight, bias: bias)
        let inputs = [input] + [weight, bias].compactMap { $0 }
        return Tensor.record("NativeBatchNormBackward0", inputs: inputs, output: out, saved: inputs) {
            (g: Tensor) throws(TensorError) in
            try BatchNorm.backward(g, input, layout, stats, weight: weight, bias: bias, batchStats: useBatchStats)
        }
    }
}

/// The numerics of batch normalisation in PyTorch's order (see `batchStatistics`).
enum BatchNorm {
    /// `[N, C, S]` with S the product of the spatial dims.
    struct Layout {
        let batch: Int, channels: Int, spatial: Int
        /// Elements per channel.
        var reduced: Int { batch * spatial }
        /// The shape `[1, C, 1, ...]` that broadcasts a per-channel tensor against the input.
        let channelShape: [Int]
        /// The dims reduced over: all but 1.
        let reducedDims: [Int]

        init(_ input: Tensor) {
            batch = input.shape[0]
            channels = input.shape[1]
            spatial = input.shape.dropFirst(2).reduce(1, *)
            channelShape = [1, input.shape[1]] + [Int](repeating: 1, count: input.dim - 2)
            reducedDims = [0] + Array(2..<input.dim)
        }
    }

    /// Per-channel mean and 1/√(var + eps), in the input's dtype, plus the raw sums of
    /// squared deviations for the running-variance update.
    struct Statistics {
        let mean: [Double]
        let invStd: [Double]
        let varianceSum: [Double]
        let dtype: DType
        let eps: Double
    }

    /// PyTorch's CPU kernel: the mean is a sequential sum in double, rounded to the input's
    /// dtype, and the variance sum adds the squared deviations (computed in the input's
    /// dtype) in double, rounded too; 1/√(varsum/n + eps) is taken in double. Inputs
    /// without spatial dims take PyTorch's channels-last kernel, which sums in the input's
    /// dtype instead, the squares with fused multiply-adds (as it does with one thread).
    static func batchStatistics(_ input: Tensor, _ layout: Layout, eps: Double) throws(TensorError) -> Statistics {
        func compute<T: BinaryFloatingPoint & TensorElement>(_: T.Type) throws(TensorError) -> Statistics {
            let x = try input.contiguous().toArray(T.self)
            var mean = [Double](), invStd = [Double](), varianceSum = [Double]()
            let n = layout.reduced
            for c in 0..<layout.channels {
                let m: T, rounded: T
                if layout.spatial == 1 {
                    var sum: T = 0, squares: T = 0
                    for b in 0..<layout.batch { sum += x[b * layout.channels + c] }
                    m = sum / T(n)
                    for b in 0..<layout.batch {
                        let d = x[b * layout.channels + c] - m
                        squares = squares.addingProduct(d, d)
                    }
                    rounded = squares
                } else {
                    var sum = 0.0
                    for b in 0..<layout.batch {
                        let base = (b * layout.channels + c) * layout.spatial
                        for i in 0..<layout.spatial { sum += Double(x[base + i]) }
                    }
                    m = T(sum / Double(n))
                    var squares = 0.0
                    for b in 0..<layout.batch {
                        let base = (b * layout.channels + c) * layout.spatial
                        for i in 0..<layout.spatial {
                            let d = x[base + i] - m
                            squares += Double(d * d)
                        }
                    }
                    rounded = T(squares)
                }
                mean.append(Double(m))
                varianceSum.append(Double(rounded))
                invStd.append(Double(T(1 / (Double(rounded / T(n)) + eps).squareRoot())))
            }
            return Statistics(mean: mean, invStd: invStd, varianceSum: varianceSum, dtype: input.dtype, eps: eps)
        }
        return input.dtype == .float64 ? try compute(Double.self) : try compute(Float.self)
    }

    /// Evaluation: the running mean and 1/√(running_var + eps), in the input's dtype.
    static func runningStatistics(_ runningMean: Tensor, _ runningVar: Tensor, eps: Double,
                                  dtype: DType) throws(TensorError) -> Statistics {
        let mean = runningMean.toArray(Double.self), variance = runningVar.toArray(Double.self)
        let invStd: [Double] = dtype == .float64
            ? variance.map { 1 / ($0 + eps).squareRoot() }
            : variance.map { Double(1 / (Float($0) + Float(eps)).squareRoot()) }
        return Statistics(mean: mean, invStd: invStd, varianceSum: [], dtype: dtype, eps: eps)
    }

    /// running = momentum·batch + (1 - momentum)·running in the statistics' dtype, written in place.
    static func updateRunning(_ runningMean: Tensor?, _ runningVar: Tensor?, _ stats: Statistics, momentum: Double,
                              count: Int) throws(TensorError) {
        try GradMode.with(false) { () throws(TensorError) in
            func blend(_ batch: [Double], _ running: Tensor) throws(TensorError) {
                let old = running.toArray(Double.self)
                let new: [Double] = stats.dtype == .float64
                    ? zip(batch, old).map { momentum * $0 + (1 - momentum) * $1 }
                    : zip(batch, old).map { Double(Float(momentum) * Float($0) + Float(1 - momentum) * Float($1)) }
                try running.copy_(Tensor.from(new, shape: running.shape))
            }
            if let runningMean { try blend(stats.mean, runningMean) }
            if let runningVar {
                // The unbiased variance divides the rounded sum in the stats' dtype.
                let unbiased: [Double] = stats.dtype == .float64
                    ? stats.varianceSum.map { $0 / Double(count - 1) }
                    : stats.varianceSum.map { Double(Float($0) / Float(count - 1)) }
                try blend(unbiased, runningVar)
            }
        }
    }

    /// y = x·α + β per channel with α = invstd·w and β = b - mean·α, both steps fused
    /// multiply-adds as in PyTorch's vectorised kernel.
    static func normalize(_ input: Tensor, _ layout: Layout, _ stats: Statistics, weight: Tensor?,
                          bias: Tensor?) throws(TensorError) -> Tensor {
        func compute<T: BinaryFloatingPoint & TensorElement>(_: T.Type) throws(TensorError) -> Tensor {
            let x = try input.contiguous().toArray(T.self)
            let w = weight?.toArray(T.self), b = bias?.toArray(T.self)
            var y = [T](repeating: 0, count: x.count)
            for c in 0..<layout.channels {
                let alpha = T(stats.invStd[c]) * (w?[c] ?? 1)
                let beta = (b?[c] ?? 0).addingProduct(-T(stats.mean[c]), alpha)
                for n in 0..<layout.batch {
                    let base = (n * layout.channels + c) * layout.spatial
                    for i in 0..<layout.spatial { y[base + i] = beta.addingProduct(x[base + i], alpha) }
                }
            }
            return try Tensor.from(y, shape: input.shape)
        }
        return input.dtype == .float64 ? try compute(Double.self) : try compute(Float.self)
    }

    /// Gradients for input, weight and bias (those present), from tensor ops so they are
    /// differentiable again.
    static func backward(_ g: Tensor, _ input: Tensor, _ layout: Layout, _ stats: Statistics, weight: Tensor?,
                         bias: Tensor?, batchStats: Bool) throws(TensorError) -> [Tensor?] {
        let dtype = input.dtype
        var mean = try Tensor.from(stats.mean, shape: layout.channelShape, dtype: dtype)
        var invStd = try Tensor.from(stats.invStd, shape: layout.channelShape, dtype: dtype)
        if batchStats && GradMode.isEnabled {
            // Double backward (create_graph): the statistics must depend on the input.
            mean = try input.mean(dims: layout.reducedDims, keepdim: true)
            invStd = try input.variance(dims: layout.reducedDims, correction: 0, keepdim: true).add(.double(stats.eps)).rsqrt()
        }
        let centered = try input.sub(mean)
        let sumG = try g.sum(dims: layout.reducedDims, keepdim: true)
        let dot = try g.mul(centered).sum(dims: layout.reducedDims, keepdim: true)
        let scale = try weight.map { w throws(TensorError) in try invStd.mul(w.view(layout.channelShape)) } ?? invStd
        var gradInput: Tensor
        if batchStats {
            let n = Double(layout.reduced)
            let k = try dot.mul(invStd).mul(invStd).div(.double(n))
            gradInput = try g.sub(sumG.div(.double(n))).sub(centered.mul(k)).mul(scale)
        } else {
            gradInput = try g.mul(scale)
        }
        var grads: [Tensor?] = [input.requiresGrad ? gradInput : nil]
        if let weight {
            grads.append(weight.requiresGrad ? try dot.mul(invStd).reshape(weight.shape) : nil)
        }
        if let bias {
            grads.append(bias.requiresGrad ? try sumG.reshape(bias.shape) : nil)
        }
        return grads
    }
}
