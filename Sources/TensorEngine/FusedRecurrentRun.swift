/// Argument checks and helpers shared by `FusedLSTMLayer` and `FusedGRULayer`.
enum FusedRecurrentRun {
    /// Checks the arguments of a run and returns its geometry: float32 throughout, `input`
    /// `rows × I`, weights `GH × I` and `GH × H`, biases `GH` or nil, `states` (the initial
    /// states) `B × H`, `outputs` (the output `rows × H`, then the final states `B × H`)
    /// contiguous, and batch sizes that never increase and add up to `rows`.
    static func geometry(gates: Int, input: Tensor, batchSizes: [Int], batchMajorOutput: Bool, states: [Tensor],
                         outputs: [Tensor], weightIH: Tensor, weightHH: Tensor, biasIH: Tensor?, biasHH: Tensor?,
                         reverse: Bool) throws(TensorError) -> RecurrentGeometry {
        let all = [input, weightIH, weightHH] + states + outputs + [biasIH, biasHH].compactMap { $0 }
        guard all.allSatisfy({ $0.dtype == .float32 }) else { throw .runtime("fused recurrent layer: expected float32 tensors") }
        guard input.dim == 2, weightIH.dim == 2, weightHH.dim == 2 else {
            throw .runtime("fused recurrent layer: expected 2-d input and weights")
        }
        let hidden = weightHH.shape[1], inputSize = input.shape[1], rows = input.shape[0]
        let batch = batchSizes.first ?? 0
        let stateShape = [batch, hidden]
        guard weightIH.shape == [gates * hidden, inputSize], weightHH.shape == [gates * hidden, hidden],
              [biasIH, biasHH].allSatisfy({ $0.map { $0.shape == [gates * hidden] } ?? true }),
              states.allSatisfy({ $0.shape == stateShape }),
              batchSizes.allSatisfy({ $0 >= 0 }), zip(batchSizes, batchSizes.dropFirst()).allSatisfy({ $0 >= $1 }),
              batchSizes.reduce(0, +) == rows, !batchMajorOutput || batchSizes.allSatisfy({ $0 == batch }),
              outputs.first?.shape == [rows, hidden], outputs.dropFirst().allSatisfy({ $0.shape == stateShape }),
              outputs.allSatisfy({ $0.isContiguous })
        else { throw .runtime("fused recurrent layer: inconsistent shapes") }
        return RecurrentGeometry(input: inputSize, hidden: hidden, gates: gates, batchSizes: batchSizes,
                                 batchMajorOutput: batchMajorOutput, reverse: reverse,
                                 threads: ThreadPool.shared.threadCount)
    }

    /// Packs the weights (any strides) into the layout at `weights`.
    static func pack(_ g: RecurrentGeometry, into weights: RecurrentPackedWeights, weightIH: Tensor, weightHH: Tensor,
                     biasIH: Tensor?, biasHH: Tensor?, sumBiases: Bool) throws(TensorError) {
        let (wih, whh) = (try weightIH.contiguousCopyIfNeeded(), try weightHH.contiguousCopyIfNeeded())
        let (bih, bhh) = (try biasIH?.contiguousCopyIfNeeded(), try biasHH?.contiguousCopyIfNeeded())
        weights.pack(g, weightIH: wih.basePointer(Float.self), weightHH: whh.basePointer(Float.self),
                     biasIH: bih.map { UnsafePointer($0.basePointer(Float.self)) },
                     biasHH: bhh.map { UnsafePointer($0.basePointer(Float.self)) }, sumBiases: sumBiases)
    }

    /// Uninitialised float32 tensors for a run to fill.
    static func uninitialized(_ shape: [Int]) throws(TensorError) -> Tensor {
        try Tensor(uninitializedShape: shape, dtype: .float32, zeroed: false)
    }
}

extension Tensor {
    /// `self` when contiguous, else a contiguous copy; never recorded by autograd.
    func contiguousCopyIfNeeded() throws(TensorError) -> Tensor {
        isContiguous ? self : try clone(recording: false)
    }
}
