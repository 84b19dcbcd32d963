import TensorEngine

/// float32 square sgemm, C = A·B, at 1 and 2 threads (GFLOP/s = 2n³ / time).
func gemmBenchmarks() -> [Benchmark] {
    var list: [Benchmark] = []
    for threads in [1, 2] {
        for n in [64, 128, 256, 512, 1024] {
            list.append(Benchmark(name: "gemm_n\(n)", threads: threads, unit: "GFLOP/s") {
                let a = UnsafeMutablePointer<Float>.allocate(capacity: n * n)
                let b = UnsafeMutablePointer<Float>.allocate(capacity: n * n)
                let c = UnsafeMutablePointer<Float>.allocate(capacity: n * n)
                var rng = SplitMix(seed: UInt64(n))
                for i in 0..<(n * n) {
                    a[i] = rng.nextFloat() - 0.5
                    b[i] = rng.nextFloat() - 0.5
                    c[i] = 0
                }
                return .gigaPerSecond(work: 2 * Double(n) * Double(n) * Double(n), call: {
                    sgemm(m: n, n: n, k: n, a: a, lda: n, transA: false,
                          b: b, ldb: n, transB: false, c: c, ldc: n)
                }, teardown: {
                    a.deallocate(); b.deallocate(); c.deallocate()
                })
            })
        }
    }
    return list
}

/// Small deterministic generator for benchmark inputs.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func nextFloat() -> Float { Float(next() >> 40) / Float(1 << 24) }
}
