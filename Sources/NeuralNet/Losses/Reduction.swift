import TensorEngine

/// How a loss combines its per-element values: PyTorch's `reduction=` argument.
public enum Reduction: Sendable, Equatable {
    case none, mean, sum

    /// Parses `'none'`, `'mean'` or `'sum'` (and the deprecated alias `'elementwise_mean'`),
    /// with PyTorch's `ValueError` for anything else.
    public init(_ name: String) throws(TensorError) {
        switch name {
        case "none": self = .none
        case "mean", "elementwise_mean": self = .mean
        case "sum": self = .sum
        default: throw .value("\(name) is not a valid value for reduction")
        }
    }

    /// The reduction named by the deprecated `size_average` and `reduce` flags (each
    /// `nil` when not given, which counts as true): mean, sum, or none when `reduce` is false.
    public init(sizeAverage: Bool?, reduce: Bool?) {
        if reduce ?? true { self = sizeAverage ?? true ? .mean : .sum } else { self = .none }
    }

    /// Applies the reduction to per-element losses (`apply_loss_reduction` in ATen).
    func apply(_ loss: Tensor) throws(TensorError) -> Tensor {
        switch self {
        case .none: loss
        case .mean: try loss.mean()
        case .sum: try loss.sum()
        }
    }
}
