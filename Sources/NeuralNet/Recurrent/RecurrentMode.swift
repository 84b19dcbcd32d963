import TensorEngine

/// The recurrence a recurrent layer runs at each time step (PyTorch's RNN `mode`).
///
/// - `rnnTanh`, `rnnRelu`: `h' = act(W_ih x + b_ih + W_hh h + b_hh)`.
/// - `lstm`: gates `i, f, g, o` (in that row order of the weights); `c' = f c + i g`, `h' = o tanh(c')`.
/// - `gru`: gates `r, z, n`; `n = tanh(W_in x + b_in + r (W_hn h + b_hn))`, `h' = (1 - z) n + z h`.
public enum RecurrentMode: String, Sendable {
    case rnnTanh = "RNN_TANH"
    case rnnRelu = "RNN_RELU"
    case lstm = "LSTM"
    case gru = "GRU"

    /// Rows of `weight_ih` per hidden unit.
    public var gateCount: Int {
        switch self {
        case .rnnTanh, .rnnRelu: 1
        case .lstm: 4
        case .gru: 3
        }
    }
}

/// The parameters of one layer in one direction, as `nn.RNN`/`LSTM`/`GRU` register them:
/// `weight_ih (G·H, in)`, `weight_hh (G·H, H_out)`, optional `bias_ih`, `bias_hh (G·H)` and,
/// for an LSTM with `proj_size`, `weight_hr (H_out, H)`.
public struct RecurrentWeights {
    public var inputHidden: Tensor
    public var hiddenHidden: Tensor
    public var inputBias: Tensor?
    public var hiddenBias: Tensor?
    public var projection: Tensor?

    public init(inputHidden: Tensor, hiddenHidden: Tensor, inputBias: Tensor? = nil, hiddenBias: Tensor? = nil,
                projection: Tensor? = nil) {
        self.inputHidden = inputHidden
        self.hiddenHidden = hiddenHidden
        self.inputBias = inputBias
        self.hiddenBias = hiddenBias
        self.projection = projection
    }

    /// The tensors in registration order (weight_ih, weight_hh, bias_ih, bias_hh, weight_hr).
    public var parameters: [Tensor] { [inputHidden, hiddenHidden] + [inputBias, hiddenBias, projection].compactMap { $0 } }
}

/// Where each time step's rows sit in a sequence stored as a 2-d `(rows, features)` tensor.
///
/// A padded `(T, B, F)` sequence has `B` rows at every step. A packed sequence
/// (`PackedSequence.data`) stores, for each step, only the sequences still running: the
/// batch sizes never increase, and the longest sequences come first.
struct SequenceLayout {
    let batchSizes: [Int]
    /// First row of each step.
    let offsets: [Int]

    init(batchSizes: [Int]) {
        self.batchSizes = batchSizes
        var offsets: [Int] = []
        var row = 0
        for b in batchSizes {
            offsets.append(row)
            row += b
        }
        self.offsets = offsets
    }

    var steps: Int { batchSizes.count }
    var rows: Int { (offsets.last ?? 0) + (batchSizes.last ?? 0) }
    /// The full batch (the first step's).
    var batch: Int { batchSizes.first ?? 0 }
}
