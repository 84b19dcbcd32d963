import TensorEngine

/// The convolution and pooling layers of the CIFAR-10 SimpleCNN at batch 100, in ms per
/// call, at 1 and 2 threads (compare with Benchmarks/torch/conv_layers.py):
/// - `conv2d_fwd_conv1`: 3→6 channels, 5×5, on 32×32; `conv2d_fwd_conv2`: 6→16, 5×5, on 14×14;
/// - `conv2d_bwd_conv1`: weight and bias gradients (the network input needs none);
///   `conv2d_bwd_conv2`: input, weight and bias gradients;
/// - `maxpool2d_fwd_bwd_pool1` (6×28×28) and `_pool2` (16×10×10): 2×2 max pooling, forward
///   and input gradient.
func convBenchmarks() -> [Benchmark] {
    let gen = Generator(seed: 0)
    let x1 = try! Tensor.randn([100, 3, 32, 32], generator: gen)
    let w1 = try! Tensor.randn([6, 3, 5, 5], generator: gen).mul(.double(0.1)).requiresGrad_()
    let b1 = try! Tensor.randn([6], generator: gen).requiresGrad_()
    let x2 = try! Tensor.randn([100, 6, 14, 14], generator: gen).requiresGrad_()
    let w2 = try! Tensor.randn([16, 6, 5, 5], generator: gen).mul(.double(0.1)).requiresGrad_()
    let b2 = try! Tensor.randn([16], generator: gen).requiresGrad_()
    let p1 = try! Tensor.randn([100, 6, 28, 28], generator: gen).requiresGrad_()
    let p2 = try! Tensor.randn([100, 16, 10, 10], generator: gen).requiresGrad_()

    func conv(_ x: Tensor, _ w: Tensor, _ b: Tensor) throws -> Tensor {
        try Tensor.conv(x, weight: w, bias: b, stride: [1], padding: .explicit([0]), dilation: [1], groups: 1, dims: 2)
    }
    func timed(_ name: String, threads: Int, _ setup: @escaping () throws -> () throws -> Void) -> Benchmark {
        Benchmark(name: name, threads: threads, unit: "ms") {
            let op = try! setup()
            return Measured(call: { try! op() }, value: { $0 * 1e3 })
        }
    }
    /// Backward alone: the graph is built once and replayed with `retain_graph`.
    func backward(_ out: Tensor, _ inputs: [Tensor]) throws -> () throws -> Void {
        let g = try Tensor.randn(out.shape, generator: Generator(seed: 1))
        return { _ = try Autograd.grad(outputs: [out], inputs: inputs, gradOutputs: [g], retainGraph: true) }
    }
    var list: [Benchmark] = []
    for threads in [1, 2] {
        list.append(timed("conv2d_fwd_conv1", threads: threads) { { _ = try GradMode.with(false) { try conv(x1, w1, b1) } } })
        list.append(timed("conv2d_fwd_conv2", threads: threads) { { _ = try GradMode.with(false) { try conv(x2, w2, b2) } } })
        list.append(timed("conv2d_bwd_conv1", threads: threads) { try backward(conv(x1, w1, b1), [w1, b1]) })
        list.append(timed("conv2d_bwd_conv2", threads: threads) { try backward(conv(x2, w2, b2), [x2, w2, b2]) })
        list.append(timed("maxpool2d_fwd_bwd_pool1", threads: threads) {
            let g = try Tensor.randn([100, 6, 14, 14], generator: Generator(seed: 2))
            return { _ = try Autograd.grad(outputs: [try p1.maxPool2d(kernel: [2], stride: [2])], inputs: [p1], gradOutputs: [g]) }
        })
        list.append(timed("maxpool2d_fwd_bwd_pool2", threads: threads) {
            let g = try Tensor.randn([100, 16, 5, 5], generator: Generator(seed: 3))
            return { _ = try Autograd.grad(outputs: [try p2.maxPool2d(kernel: [2], stride: [2])], inputs: [p2], gradOutputs: [g]) }
        })
    }
    return list
}
