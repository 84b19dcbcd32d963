import TensorEngine

extension NeuralNet {
    /// `y = x Wᵀ + b`. A 2-d input goes through `addmm` (`AddmmBackward0`), as in PyTorch;
    /// other ranks use `matmul` and a broadcast add.
    public static func linear(_ x: Tensor, weight: Tensor, bias: Tensor?) throws(TensorError) -> Tensor {
        let wt = try weight.t()
        if x.dim == 2, let bias { return try Tensor.addmm(bias, x, wt) }
        let y = try x.matmul(wt)
        guard let bias else { return y }
        return try y.add(bias)
    }
}
