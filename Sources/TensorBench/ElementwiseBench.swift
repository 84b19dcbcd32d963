import TensorEngine

/// Tensor-level ops through the engine's public API: per-op overhead on one
/// element (µs, compare with ../shared/bench/op_overhead.py) and throughput on
/// a million float32 elements (ms).
func elementwiseBenchmarks() -> [Benchmark] {
    let tiny = try! Tensor.ones([1])
    let big = try! Tensor.rand([1_000_000], generator: Generator(seed: 0))
    func timed(_ name: String, unit: String = "ms", scale: Double = 1e3, _ op: @escaping () throws -> Tensor) -> Benchmark {
        Benchmark(name: name, threads: 1, unit: unit) {
            Measured(call: { _ = try! op() }, value: { $0 * scale })
        }
    }
    return [
        timed("op_add_scalar_1elem", unit: "us", scale: 1e6) { try tiny.add(.int(1)) },
        timed("op_add_tensor_1m") { try big.add(big) },
        timed("op_exp_1m") { try big.exp() },
        timed("op_sum_1m") { try big.sum() },
        timed("op_relu_1m") { try big.relu() },
    ]
}
