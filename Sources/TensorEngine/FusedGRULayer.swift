/// One direction of one GRU layer over a whole sequence, run by the fused float32 kernels
/// (Note [Fused recurrent layout] in Kernels/RecurrentLayout.swift).
///
/// Rows, layouts and ownership as in `FusedLSTMLayer`: `init` runs the forward pass into
/// the given output tensors and keeps what backward needs, recording no autograd node.
///
/// ```swift
/// let (y, h) = try FusedGRULayer.outputTensors(rows: 100, batch: 2, hidden: 128)
/// let run = try FusedGRULayer(input: x, batchSizes: Array(repeating: 2, count: 50), batchMajorOutput: false,
///                             h0: h0, weightIH: wih, weightHH: whh, biasIH: bih, biasHH: bhh,
///                             reverse: false, output: y, hidden: h)
/// let grads = try run.backward(gradOutput: dy, gradHidden: dh, inputGradient: true, weightGradients: true)
/// ```
public final class FusedGRULayer {
    let geometry: RecurrentGeometry
    /// Packed weights, then the saved gates, hidden halves of the gates, and input and
    /// states (Note [Recurrent workspace cache]).
    let workspace: Tensor
    let weights: RecurrentPackedWeights
    let gates: UnsafeMutablePointer<Float>
    let hiddenGates: UnsafeMutablePointer<Float>
    let inputAndState: UnsafeMutablePointer<Float>

    /// The gradients `backward` returns; `nil` where not requested.
    public struct Gradients {
        public var input: Tensor?
        public var h0: Tensor
        public var weightIH: Tensor?
        public var weightHH: Tensor?
        public var biasIH: Tensor?
        public var biasHH: Tensor?
    }

    /// Runs the layer forward.
    ///
    /// - Parameters:
    ///   - input: `rows × I` float32.
    ///   - batchMajorOutput: output (and its gradient) rows in `(B, T)` order rather than
    ///     `(T, B)` (all batch sizes equal).
    ///   - h0: `B × H`, with `B = batchSizes[0]`.
    ///   - weightIH, weightHH: `3H × I` and `3H × H`, gate rows r, z, n; biases `3H` or nil.
    ///   - reverse: run from the last step to the first.
    ///   - output: contiguous `rows × H`, receives the hidden state of every row after its step.
    ///   - hidden: contiguous `B × H`, receives the last state of every sequence.
    /// - Throws: `TensorError` when the shapes or dtypes do not fit together.
    public init(input: Tensor, batchSizes: [Int], batchMajorOutput: Bool, h0: Tensor, weightIH: Tensor,
                weightHH: Tensor, biasIH: Tensor?, biasHH: Tensor?, reverse: Bool,
                output: Tensor, hidden: Tensor) throws(TensorError) {
        geometry = try FusedRecurrentRun.geometry(
            gates: 3, input: input, batchSizes: batchSizes, batchMajorOutput: batchMajorOutput, states: [h0],
            outputs: [output, hidden], weightIH: weightIH, weightHH: weightHH, biasIH: biasIH, biasHH: biasHH,
            reverse: reverse)
        let g = geometry
        let x = try input.contiguousCopyIfNeeded()
        let weightFloats = RecurrentPackedWeights.floatCount(g)
        workspace = try RecurrentWorkspace.take(weightFloats + g.rows * (2 * g.width + g.input + g.hidden))
        let base = workspace.basePointer(Float.self)
        weights = RecurrentPackedWeights(g, storage: base)
        gates = base + weightFloats
        hiddenGates = gates + g.rows * g.width
        inputAndState = hiddenGates + g.rows * g.width
        try FusedRecurrentRun.pack(g, into: weights, weightIH: weightIH, weightHH: weightHH, biasIH: biasIH,
                                   biasHH: biasHH, sumBiases: false)
        let h = try h0.contiguousCopyIfNeeded()
        gruForward(g, weights: weights, GRUForwardBuffers(
            x: x.basePointer(Float.self), inputAndState: inputAndState, h0: h.basePointer(Float.self),
            gates: gates, hiddenGates: hiddenGates, output: output.basePointer(Float.self),
            hn: hidden.basePointer(Float.self)))
    }

    deinit { RecurrentWorkspace.give(workspace) }

    /// Uninitialised `rows × H` output and `B × H` state tensors for `init` to fill.
    public static func outputTensors(rows: Int, batch: Int, hidden: Int) throws(TensorError)
        -> (output: Tensor, hidden: Tensor)
    {
        (try FusedRecurrentRun.uninitialized([rows, hidden]), try FusedRecurrentRun.uninitialized([batch, hidden]))
    }

    /// The gradients of the inputs from those of `output` and `hidden`.
    ///
    /// - Parameters:
    ///   - inputGradient: compute the gradient of `input` (one more GEMM).
    ///   - weightGradients: compute the gradients of the weights and biases.
    public func backward(gradOutput: Tensor, gradHidden: Tensor, inputGradient: Bool,
                         weightGradients: Bool) throws(TensorError) -> Gradients {
        let g = geometry
        guard gradOutput.shape == [g.rows, g.hidden], gradHidden.shape == [g.batch, g.hidden],
              gradOutput.dtype == .float32, gradHidden.dtype == .float32
        else { throw .runtime("fused GRU: gradients do not match the outputs") }
        let dy = try gradOutput.contiguousCopyIfNeeded()
        let dh = try gradHidden.clone(recording: false)
        // The input and hidden gate gradients, then the weight-gradient scratch.
        let scratch = try RecurrentWorkspace.take(2 * g.rows * g.width + g.width * max(g.input, g.hidden))
        defer { RecurrentWorkspace.give(scratch) }
        let dInput = scratch.basePointer(Float.self), dHidden = dInput + g.rows * g.width
        gruBackward(g, weights: weights, GRUBackwardBuffers(
            gates: gates, hiddenGates: hiddenGates, inputAndState: inputAndState,
            gradOutput: dy.basePointer(Float.self), gradH: dh.basePointer(Float.self),
            gradInputGates: dInput, gradHiddenGates: dHidden))

        var result = Gradients(h0: dh)
        let threeH = 3 * g.hidden
        if inputGradient { result.input = try FusedRecurrentRun.uninitialized([g.rows, g.input]) }
        if weightGradients {
            result.weightIH = try FusedRecurrentRun.uninitialized([threeH, g.input])
            result.weightHH = try FusedRecurrentRun.uninitialized([threeH, g.hidden])
            result.biasIH = try FusedRecurrentRun.uninitialized([threeH])
            result.biasHH = try FusedRecurrentRun.uninitialized([threeH])
        }
        gruParameterGradients(g, weights: weights, gradInputGates: dInput, gradHiddenGates: dHidden,
                              inputAndState: inputAndState, gradX: result.input?.basePointer(Float.self),
                              gradWeightIH: result.weightIH?.basePointer(Float.self),
                              gradWeightHH: result.weightHH?.basePointer(Float.self),
                              gradBiasIH: result.biasIH?.basePointer(Float.self),
                              gradBiasHH: result.biasHH?.basePointer(Float.self),
                              scratch: dHidden + g.rows * g.width)
        return result
    }
}
