import TensorEngine

/// Tensor-level ops through the engine's public API: per-op overhead on one
/// element (µs, compare with ../shared/bench/op_overhead.py) and throughput on
/// a million float32 elements (ms), at 1 thread and, for the ops the engine
/// splits across threads, at 2.
func elementwiseBenchmarks() -> [Benchmark] {
    let tiny = try! Tensor.ones([1])
    let big = try! Tensor.rand([1_000_000], generator: Generator(seed: 0))
    let positive = try! big.add(.double(0.5))
    let wide = try! Tensor.randn([1_000_000], generator: Generator(seed: 1)).mul(.int(4))
    let matrix = try! Tensor.rand([1000, 1000], generator: Generator(seed: 2))
    let row = try! Tensor.rand([1000], generator: Generator(seed: 3))
    func timed(_ name: String, threads: Int = 1, unit: String = "ms", scale: Double = 1e3,
               _ op: @escaping () throws -> Tensor) -> Benchmark {
        Benchmark(name: name, threads: threads, unit: unit) {
            Measured(call: { _ = try! op() }, value: { $0 * scale })
        }
    }
    var list = [timed("op_add_scalar_1elem", unit: "us", scale: 1e6) { try tiny.add(.int(1)) }]
    let million: [(String, () throws -> Tensor)] = [
        ("op_add_tensor_1m", { try big.add(big) }),
        ("op_exp_1m", { try big.exp() }),
        ("op_sum_1m", { try big.sum() }),
        ("op_relu_1m", { try big.relu() }),
        ("op_sigmoid_1m", { try wide.sigmoid() }),
        ("op_tanh_1m", { try wide.tanh() }),
        ("op_log_1m", { try positive.log() }),
        ("op_mul_broadcast_1000x1000", { try matrix.mul(row) }),
        ("op_softmax_1000x1000", { try matrix.softmax(dim: 1) }),
    ]
    for threads in [1, 2] {
        for (name, op) in million { list.append(timed(name, threads: threads, op)) }
    }
    return list
}
