/// Neural-network numerics on top of TensorEngine: functional layers and losses with their
/// autograd, optimizer update rules, data readers and PyTorch's `.pt` file format.
///
/// NeuralNet knows nothing of Python. TorchBridge exposes it as `torch.nn.functional`,
/// `torch.optim`, `torch.utils.data`, `torchvision` and `torch.save`/`torch.load`; the
/// Python-facing classes (`nn.Module` and its layers) are Python source in TorchBridge, like
/// PyTorch's own, so user subclasses behave exactly as they do there.
public enum NeuralNet {}
