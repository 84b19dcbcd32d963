import NeuralNet
import TensorEngine

/// The LSTM train step of ../shared/bench/lstm.py: nn.LSTM(32 -> 128, batch_first=True) on a
/// (32, 50, 32) input; forward, MSE loss against a fixed (32, 50, 128) target and backward
/// (gradients reset to none first, no optimizer step), in ms at 1 and 2 threads; and the
/// forward alone without autograd.
func recurrentBenchmarks() -> [Benchmark] {
    let (batch, steps, inputSize, hidden) = (32, 50, 32, 128)
    func setup(train: Bool) -> Measured {
        let gen = Generator(seed: 0)
        let bound = 1 / Double(hidden).squareRoot()
        func parameter(_ shape: [Int]) -> Tensor {
            try! Tensor.empty(shape).uniform_(-bound, bound, generator: gen).requiresGrad_()
        }
        let weights = RecurrentWeights(inputHidden: parameter([4 * hidden, inputSize]),
                                       hiddenHidden: parameter([4 * hidden, hidden]),
                                       inputBias: parameter([4 * hidden]), hiddenBias: parameter([4 * hidden]))
        let x = try! Tensor.randn([batch, steps, inputSize], generator: gen)
        let target = try! Tensor.randn([batch, steps, hidden], generator: gen)
        let zeros = try! Tensor.zeros([1, batch, hidden])
        let options = NeuralNet.RecurrentOptions(mode: .lstm, batchFirst: true)
        func forward() throws -> Tensor {
            try NeuralNet.recurrent(options, input: x, hx: zeros, cx: zeros, weights: [weights]).output
        }
        if !train {
            return Measured(call: { _ = try! GradMode.with(false) { try forward() } }, value: { $0 * 1e3 })
        }
        return Measured(call: {
            for w in weights.parameters { w.grad = nil }
            let loss = try! NeuralNet.mseLoss(forward(), target)
            try! loss.backward()
        }, value: { $0 * 1e3 })
    }
    var list: [Benchmark] = []
    for threads in [1, 2] {
        list.append(Benchmark(name: "lstm_fwd_bwd", threads: threads, unit: "ms") { setup(train: true) })
        list.append(Benchmark(name: "lstm_fwd_nograd", threads: threads, unit: "ms") { setup(train: false) })
    }
    return list
}
