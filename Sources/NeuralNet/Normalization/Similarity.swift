import TensorEngine

extension NeuralNet {
    /// `F.normalize(input, p=2.0, dim=1, eps=1e-12)`: `input / max(‖input‖_p, eps)` along `dim`.
    public static func normalize(_ input: Tensor, p: Double = 2, dim: Int = 1, eps: Double = 1e-12) throws(TensorError) -> Tensor {
        let norm = try input.norm(p: p, dims: [dim], keepdim: true).clamp(min: .double(eps))
        return try input.div(norm.expandAs(input))
    }

    /// `F.cosine_similarity(x1, x2, dim=1, eps=1e-8)`: `Σ (x1/‖x1‖)·(x2/‖x2‖)` along `dim`, each
    /// norm clamped below at `eps` (the clamp does not change the gradient, as in PyTorch).
    public static func cosineSimilarity(_ x1: Tensor, _ x2: Tensor, dim: Int = 1, eps: Double = 1e-8) throws(TensorError) -> Tensor {
        let (a, b) = try Losses.broadcast(x1.isFloatingPoint ? x1 : x1.to(.defaultFloat),
                                          x2.isFloatingPoint ? x2 : x2.to(.defaultFloat))
        func clampedNorm(_ t: Tensor) throws(TensorError) -> Tensor {
            let norm = try t.norm(p: 2, dims: [dim], keepdim: true)
            let lift = try GradMode.with(false) { () throws(TensorError) in try norm.clamp(min: .double(eps)).sub(norm) }
            return try norm.add(lift)
        }
        return try a.div(clampedNorm(a)).mul(b.div(clampedNorm(b))).sum(dims: [dim])
    }

    /// `F.pairwise_distance(x1, x2, p=2.0, eps=1e-6, keepdim=False)`: `‖x1 - x2 + eps‖_p`
    /// over the last dim (`NormBackward1`, as PyTorch's `at::norm`).
    public static func pairwiseDistance(_ x1: Tensor, _ x2: Tensor, p: Double = 2, eps: Double = 1e-6,
                                        keepdim: Bool = false) throws(TensorError) -> Tensor {
        let last = Swift.max(x1.dim, x2.dim) - 1
        let norm = try x1.sub(x2).add(.double(eps)).norm(p: p, dims: [Swift.max(last, 0)], keepdim: keepdim)
        return Tensor.record("NormBackward1", inputs: [norm], output: norm.detach()) { g in [g] }
    }
}
