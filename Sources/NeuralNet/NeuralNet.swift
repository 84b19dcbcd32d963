/// Neural-network numerics on top of TensorEngine: functional layers and losses with their
/// autograd, optimizer update rules, data readers and PyTorch's `.pt` file format.
///
/// NeuralNet knows nothing of Python. TorchBridge exposes it as `torch.nn.functional`,
/// `torch.optim`, `torch.utils.data`, `torchvision` and `torch.save`/`torch.load`; the
/// Python-facing classes (`nn.Module` and its layers) are Python source in TorchBridge, like
/// PyTorch's own, so user subclasses behave exactly as they do there.
public enum NeuralNet {}

extension NeuralNet {
    /// A double as PyTorch's C++ messages print it: `2` for 2.0, `1.5` for 1.5.
    static func cppNumber(_ d: Double) -> String {
        if d == d.rounded(), Swift.abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }
}
