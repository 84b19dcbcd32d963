import TensorEngine

enum LSTMLayer {
    static func supports(input: Tensor, weights: RecurrentWeights) -> Bool { false }
    static func run(input: Tensor, layout: SequenceLayout, outputShape: [Int], h0: Tensor, c0: Tensor,
                    weights: RecurrentWeights, reverse: Bool) throws(TensorError) -> (output: Tensor, h: Tensor, c: Tensor?) {
        throw .runtime("unreachable")
    }
}
