import TensorEngine

/// One optimizer step over the CIFAR-10 SimpleCNN's parameters (62,006 float32 values in 10
/// tensors), through the engine's fused updates, in µs per step. The full Python-level
/// `optimizer.step()` adds one native call per parameter group on top.
func optimizerBenchmarks() -> [Benchmark] {
    let shapes = [[6, 3, 5, 5], [6], [16, 6, 5, 5], [16], [120, 400], [120], [84, 120], [84], [10, 84], [10]]
    func tensors(_ seed: UInt64) -> [Tensor] {
        shapes.enumerated().map { i, s in try! Tensor.randn(s, generator: Generator(seed: seed + UInt64(i))).mul(.double(0.01)) }
    }
    let sgd = SGDCoefficients(lr: 0.001, momentum: 0.9, dampening: 0, weightDecay: 0, nesterov: false, maximize: false)
    let adam = AdamCoefficients(beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, decayFactor: nil,
                                stepSize: 0.001, biasCorrection2Sqrt: 0.03, amsgrad: false, maximize: false)
    func step(_ name: String, threads: Int, _ update: @escaping (Tensor, Tensor, [Tensor]) throws -> Void) -> Benchmark {
        Benchmark(name: name, threads: threads, unit: "us") {
            let params = tensors(0), grads = tensors(100), first = tensors(200), second = tensors(300)
            for s in second { _ = try! s.abs_() }
            return Measured(call: {
                for i in params.indices { try! update(params[i], grads[i], [first[i], second[i]]) }
            }, value: { $0 * 1e6 })
        }
    }
    var list: [Benchmark] = []
    for threads in [1, 2] {
        list.append(step("optim_sgd_momentum_cnn", threads: threads) { p, g, s in
            _ = try p.sgdUpdate_(grad: g, momentumBuffer: s[0], sgd)
        })
        list.append(step("optim_adam_cnn", threads: threads) { p, g, s in
            try p.adamUpdate_(grad: g, expAvg: s[0], expAvgSq: s[1], maxExpAvgSq: nil, adam)
        })
    }
    return list
}
