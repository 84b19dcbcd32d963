/// One direction of one LSTM layer over a whole sequence, run by the fused float32
/// kernels (Note [Fused recurrent layout] in Kernels/RecurrentLayout.swift).
///
/// The sequence is stored as rows, step-major: time step `t` owns `batchSizes[t]`
/// consecutive rows (all `B` for a padded sequence; a non-increasing count for a packed
/// one). The output and its gradient may instead be batch-major (padded only): row
/// `b·T + t`, the layout of a contiguous `(B, T, H)` tensor, so a `batch_first` output needs
/// no transposed copy. `init` runs the forward pass into the given output tensors and keeps
/// what backward needs (but not the outputs: an autograd node owning the layer would then
/// own its own outputs, a reference cycle). It records no autograd node (NeuralNet records
/// one around it).
///
/// ```swift
/// let (y, h, c) = try FusedLSTMLayer.outputTensors(rows: 100, batch: 2, hidden: 128)
/// let run = try FusedLSTMLayer(input: x, batchSizes: Array(repeating: 2, count: 50), batchMajorOutput: false,
///                              h0: h0, c0: c0, weightIH: wih, weightHH: whh, biasIH: bih, biasHH: bhh,
///                              reverse: false, output: y, hidden: h, cell: c)
/// let grads = try run.backward(gradOutput: dy, gradHidden: dh, gradCell: dc, inputGradient: true, weightGradients: true)
/// ```
public final class FusedLSTMLayer {
    let geometry: RecurrentGeometry
    /// Packed weights, then the saved gates, input and states, cell states and tanh of the
    /// cell states (Note [Recurrent workspace cache]).
    let workspace: Tensor
    let weights: RecurrentPackedWeights
    let gates: UnsafeMutablePointer<Float>
    let inputAndState: UnsafeMutablePointer<Float>
    let cPrev: UnsafeMutablePointer<Float>
    let tanhC: UnsafeMutablePointer<Float>

    /// The gradients `backward` returns; `nil` where not requested.
    public struct Gradients {
        public var input: Tensor?
        public var h0: Tensor
        public var c0: Tensor
        public var weightIH: Tensor?
        public var weightHH: Tensor?
        /// The gradient of `bias_ih`, which is also that of `bias_hh`.
        public var bias: Tensor?
    }

    /// Runs the layer forward.
    ///
    /// - Parameters:
    ///   - input: `rows × I` float32.
    ///   - batchMajorOutput: output (and its gradient) rows in `(B, T)` order rather than
    ///     `(T, B)` (all batch sizes equal).
    ///   - h0, c0: `B × H`, with `B = batchSizes[0]`.
    ///   - weightIH, weightHH: `4H × I` and `4H × H`, gate rows i, f, g, o; biases `4H` or nil.
    ///   - reverse: run from the last step to the first.
    ///   - output: contiguous `rows × H`, receives the hidden state of every row after its step.
    ///   - hidden, cell: contiguous `B × H`, receive the last states of every sequence.
    /// - Throws: `TensorError` when the shapes or dtypes do not fit together.
    public init(input: Tensor, batchSizes: [Int], batchMajorOutput: Bool, h0: Tensor, c0: Tensor, weightIH: Tensor,
                weightHH: Tensor, biasIH: Tensor?, biasHH: Tensor?, reverse: Bool,
                output: Tensor, hidden: Tensor, cell: Tensor) throws(TensorError) {
        geometry = try FusedRecurrentRun.geometry(
            gates: 4, input: input, batchSizes: batchSizes, batchMajorOutput: batchMajorOutput, states: [h0, c0],
            outputs: [output, hidden, cell], weightIH: weightIH, weightHH: weightHH, biasIH: biasIH, biasHH: biasHH,
            reverse: reverse)
        let g = geometry, rows = g.rows, inputSize = g.input, hiddenSize = g.hidden
        let x = try input.contiguousCopyIfNeeded()
        let weightFloats = RecurrentPackedWeights.floatCount(g)
        workspace = try RecurrentWorkspace.take(weightFloats + rows * (g.width + inputSize + 3 * hiddenSize))
        let base = workspace.basePointer(Float.self)
        weights = RecurrentPackedWeights(g, storage: base)
        gates = base + weightFloats
        inputAndState = gates + rows * g.width
        cPrev = inputAndState + rows * (inputSize + hiddenSize)
        tanhC = cPrev + rows * hiddenSize

        try FusedRecurrentRun.pack(g, into: weights, weightIH: weightIH, weightHH: weightHH, biasIH: biasIH,
                                   biasHH: biasHH, sumBiases: true)
        let (h, c) = (try h0.contiguousCopyIfNeeded(), try c0.contiguousCopyIfNeeded())
        lstmForward(g, weights: weights, LSTMForwardBuffers(
            x: x.basePointer(Float.self), inputAndState: inputAndState,
            h0: h.basePointer(Float.self), c0: c.basePointer(Float.self), gates: gates, cPrev: cPrev, tanhC: tanhC,
            output: output.basePointer(Float.self), hn: hidden.basePointer(Float.self), cn: cell.basePointer(Float.self)))
    }

    deinit { RecurrentWorkspace.give(workspace) }

    /// Uninitialised `rows × H` output and `B × H` state tensors for `init` to fill.
    public static func outputTensors(rows: Int, batch: Int, hidden: Int) throws(TensorError)
        -> (output: Tensor, hidden: Tensor, cell: Tensor)
    {
        (try FusedRecurrentRun.uninitialized([rows, hidden]), try FusedRecurrentRun.uninitialized([batch, hidden]),
         try FusedRecurrentRun.uninitialized([batch, hidden]))
    }

    /// The gradients of the inputs from those of `output`, `hidden` and `cell`.
    ///
    /// - Parameters:
    ///   - inputGradient: compute the gradient of `input` (one more GEMM).
    ///   - weightGradients: compute the gradients of the weights and biases.
    public func backward(gradOutput: Tensor, gradHidden: Tensor, gradCell: Tensor, inputGradient: Bool,
                         weightGradients: Bool) throws(TensorError) -> Gradients {
        let g = geometry
        guard gradOutput.shape == [g.rows, g.hidden], gradHidden.shape == [g.batch, g.hidden],
              gradCell.shape == [g.batch, g.hidden],
              [gradOutput, gradHidden, gradCell].allSatisfy({ $0.dtype == .float32 })
        else { throw .runtime("fused LSTM: gradients do not match the outputs") }
        let dy = try gradOutput.contiguousCopyIfNeeded()
        let dh = try gradHidden.clone(recording: false), dc = try gradCell.clone(recording: false)
        // Gate gradients, then the weight-gradient scratch.
        let scratch = try RecurrentWorkspace.take(g.rows * g.width + g.width * (g.input + g.hidden))
        defer { RecurrentWorkspace.give(scratch) }
        let dGates = scratch.basePointer(Float.self)
        lstmBackward(g, weights: weights, LSTMBackwardBuffers(
            gates: gates, cPrev: cPrev, tanhC: tanhC, gradOutput: dy.basePointer(Float.self),
            gradH: dh.basePointer(Float.self), gradC: dc.basePointer(Float.self), gradGates: dGates))

        var result = Gradients(h0: dh, c0: dc)
        let fourH = 4 * g.hidden
        if inputGradient { result.input = try FusedRecurrentRun.uninitialized([g.rows, g.input]) }
        if weightGradients {
            result.weightIH = try FusedRecurrentRun.uninitialized([fourH, g.input])
            result.weightHH = try FusedRecurrentRun.uninitialized([fourH, g.hidden])
            result.bias = try FusedRecurrentRun.uninitialized([fourH])
        }
        lstmParameterGradients(g, weights: weights, gradGates: dGates, inputAndState: inputAndState,
                               gradX: result.input?.basePointer(Float.self),
                               gradWeightIH: result.weightIH?.basePointer(Float.self),
                               gradWeightHH: result.weightHH?.basePointer(Float.self),
                               gradBias: result.bias?.basePointer(Float.self),
                               scratch: dGates + g.rows * g.width)
        return result
    }
}
