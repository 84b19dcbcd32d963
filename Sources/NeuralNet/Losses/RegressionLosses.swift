import TensorEngine

extension NeuralNet {
    /// `F.mse_loss(input, target, reduction='mean', weight=None)`: `(input - target)²`,
    /// broadcast together, recorded as one `MseLossBackward0` node (with `weight`, the
    /// weighted sum divided by the sum of the weights, from plain tensor ops).
    public static func mseLoss(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean,
                               weight: Tensor? = nil) throws(TensorError) -> Tensor {
        let (x, y) = try Losses.broadcast(input, target)
        if let weight {
            return try Losses.weighted(x.sub(y).pow(.int(2)), weight, like: input, reduction, meanBySumOfWeights: true)
        }
        let dtype = try Losses.floatingType(x, y, kernel: "mse_cpu")
        let diff = try GradMode.with(false) { () throws(TensorError) in try x.sub(y).to(dtype) }
        let out = try GradMode.with(false) { () throws(TensorError) in try reduction.apply(diff.mul(diff)) }
        let scale = reduction == .mean ? 2 / Double(x.numel) : 2
        return Losses.record("MseLossBackward0", x, y, out) { (g: Tensor, wrtInput: Bool) throws(TensorError) in
            // norm · (a - b) · g, with (a, b) = (input, target) or (target, input).
            let d = wrtInput ? try x.sub(y) : try y.sub(x)
            return try d.mul(g.mul(.double(scale)))
        }
    }

    /// `F.l1_loss(input, target, reduction='mean', weight=None)`: `|input - target|`, from
    /// plain tensor ops as in PyTorch (so `grad_fn` is the reduction's, e.g. `MeanBackward0`).
    public static func l1Loss(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean,
                              weight: Tensor? = nil) throws(TensorError) -> Tensor {
        let (x, y) = try Losses.broadcast(input, target)
        let absolute = try x.sub(y).abs()
        if let weight { return try Losses.weighted(absolute, weight, like: input, reduction, meanBySumOfWeights: true) }
        return try reduction.apply(absolute)
    }

    /// `F.smooth_l1_loss(input, target, reduction='mean', beta=1.0)`: `0.5·z²/β` for
    /// `z = |input - target| < β`, `z - 0.5·β` beyond; plain L1 when β is 0.
    public static func smoothL1Loss(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean,
                                    beta: Double = 1) throws(TensorError) -> Tensor {
        guard beta >= 0 else { throw .runtime("smooth_l1_loss does not support negative values for beta.") }
        if beta == 0 { return try l1Loss(input, target, reduction: reduction) }
        return try Losses.piecewise("SmoothL1LossBackward0", input, target, reduction, kernel: "smooth_l1_cpu", bound: beta,
            inside: { z throws(TensorError) in try z.mul(.double(0.5)).mul(z).div(.double(beta)) },
            outside: { z throws(TensorError) in try z.sub(.double(0.5 * beta)) },
            slope: { d, norm, g throws(TensorError) in try d.mul(.double(norm)).mul(g).div(.double(beta)) },
            edge: { norm, g throws(TensorError) in try g.mul(.double(norm)) })
    }

    /// `F.huber_loss(input, target, reduction='mean', delta=1.0, weight=None)`: `0.5·z²`
    /// for `z = |input - target| < δ`, `δ·(z - 0.5·δ)` beyond.
    public static func huberLoss(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean, delta: Double = 1,
                                 weight: Tensor? = nil) throws(TensorError) -> Tensor {
        guard delta > 0 else { throw .runtime("huber_loss does not support non-positive values for delta.") }
        if let weight {
            let unweighted = try huberLoss(input, target, reduction: .none, delta: delta)
            return try Losses.weighted(unweighted, weight, like: input, reduction, meanBySumOfWeights: false)
        }
        return try Losses.piecewise("HuberLossBackward0", input, target, reduction, kernel: "huber_cpu", bound: delta,
            inside: { z throws(TensorError) in try z.mul(.double(0.5)).mul(z) },
            outside: { z throws(TensorError) in try z.sub(.double(0.5 * delta)).mul(.double(delta)) },
            slope: { d, norm, g throws(TensorError) in try d.mul(.double(norm)).mul(g) },
            edge: { norm, g throws(TensorError) in try g.mul(.double(norm * delta)) })
    }
}

/// Shared steps of the elementwise losses.
enum Losses {
    /// `torch.broadcast_tensors(input, target)`: expanded views (recorded) where shapes differ.
    static func broadcast(_ a: Tensor, _ b: Tensor) throws(TensorError) -> (Tensor, Tensor) {
        let shape = try Shape.broadcast(a.shape, b.shape)
        return (a.shape == shape ? a : try a.expand(shape), b.shape == shape ? b : try b.expand(shape))
    }

    /// The dtype an elementwise loss kernel runs in, or PyTorch's error for integer operands.
    static func floatingType(_ a: Tensor, _ b: Tensor, kernel: String) throws(TensorError) -> DType {
        let dtype = DType.promote(a.dtype, b.dtype)
        guard dtype.isFloatingPoint else {
            throw TensorError(.notImplemented, "\"\(kernel)\" not implemented for '\(dtype.scalarTypeName)'")
        }
        return dtype
    }

    /// `loss * weight` reduced as PyTorch's Python code does for the `weight=` losses:
    /// the mean is the weighted sum over the sum of the weights, or the plain mean.
    static func weighted(_ loss: Tensor, _ weight: Tensor, like input: Tensor, _ reduction: Reduction,
                         meanBySumOfWeights: Bool) throws(TensorError) -> Tensor {
        guard weight.shape == input.shape else { throw .value("Weights and input must have the same size.") }
        let product = try loss.mul(weight)
        switch reduction {
        case .none: return product
        case .sum: return try product.sum()
        case .mean: return meanBySumOfWeights ? try product.sum().div(weight.sum()) : try product.mean()
        }
    }

    /// Records a two-input loss node whose gradient for each input comes from `derivative(g, wrtInput)`,
    /// with `g` broadcast back to the input shape for the reductions.
    static func record(_ name: String, _ x: Tensor, _ y: Tensor, _ out: Tensor,
                       _ derivative: @escaping (Tensor, Bool) throws(TensorError) -> Tensor) -> Tensor {
        let shape = x.shape
        return Tensor.record(name, inputs: [x, y], output: out, saved: [x, y]) { (g: Tensor) throws(TensorError) in
            let full = g.shape == shape ? g : try g.expand(shape)
            return [x.requiresGrad ? try derivative(full, true) : nil,
                    y.requiresGrad ? try derivative(full, false) : nil]
        }
    }

    /// Smooth L1 and Huber: a quadratic piece for `|d| < bound` and a linear one beyond,
    /// one recorded node including the reduction. `slope(d, norm, g)` is the gradient inside,
    /// `edge(norm, g)` its magnitude outside (signed by d).
    static func piecewise(_ name: String, _ input: Tensor, _ target: Tensor, _ reduction: Reduction, kernel: String,
                          bound: Double,
                          inside: @escaping (Tensor) throws(TensorError) -> Tensor,
                          outside: @escaping (Tensor) throws(TensorError) -> Tensor,
                          slope: @escaping (Tensor, Double, Tensor) throws(TensorError) -> Tensor,
                          edge: @escaping (Double, Tensor) throws(TensorError) -> Tensor) throws(TensorError) -> Tensor {
        let (x, y) = try broadcast(input, target)
        let dtype = try floatingType(x, y, kernel: kernel)
        let out = try GradMode.with(false) { () throws(TensorError) in
            let z = try x.sub(y).to(dtype).abs()
            return try reduction.apply(Tensor.whereSelect(z.lt(.double(bound)), inside(z), outside(z)))
        }
        let norm = reduction == .mean ? 1 / Double(x.numel) : 1
        return record(name, x, y, out) { (g: Tensor, wrtInput: Bool) throws(TensorError) in
            let d = wrtInput ? try x.sub(y) : try y.sub(x)
            let linear = try edge(norm, g)
            let signed = try Tensor.whereSelect(d.le(.double(-bound)), linear.neg(), linear)
            return try Tensor.whereSelect(d.abs().lt(.double(bound)), slope(d, norm, g), signed)
        }
    }
}
