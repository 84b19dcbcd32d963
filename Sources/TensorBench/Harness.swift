#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TensorEngine

/// One benchmark case: a name (`gemm_n512`), a thread count and a setup that
/// returns the operation to time plus how to turn seconds-per-call into the
/// reported value.
struct Benchmark {
    let name: String
    let threads: Int
    let unit: String
    /// Called once before timing; returns the timed operation and the
    /// conversion from seconds per call to `value` (e.g. GFLOP/s).
    let setup: () -> Measured
}

struct Measured {
    let call: () -> Void
    let value: (_ secondsPerCall: Double) -> Double
    /// Released after timing (free buffers etc.).
    var teardown: () -> Void = {}

    /// `work` operations per call reported in units of 1e9 per second.
    static func gigaPerSecond(work: Double, call: @escaping () -> Void, teardown: @escaping () -> Void = {}) -> Measured {
        Measured(call: call, value: { work / $0 / 1e9 }, teardown: teardown)
    }
}

struct TimingOptions {
    var samples = 11
    var sampleSeconds = 0.03
    var warmupSeconds = 0.05
}

@inline(__always)
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Warm-up, calibrate calls per sample, take `samples` samples, report the
/// median seconds per call.
func measure(_ m: Measured, options: TimingOptions) -> Double {
    // Warm-up (also pages in buffers and wakes pool workers).
    var calls = 0
    let w0 = now()
    while calls < 2 || now() - w0 < options.warmupSeconds {
        m.call()
        calls += 1
    }
    let perCall = (now() - w0) / Double(calls)
    let reps = max(1, Int(options.sampleSeconds / max(perCall, 1e-9)))
    var samples: [Double] = []
    samples.reserveCapacity(options.samples)
    for _ in 0..<options.samples {
        let t0 = now()
        for _ in 0..<reps { m.call() }
        samples.append((now() - t0) / Double(reps))
    }
    samples.sort()
    return samples[samples.count / 2]
}

/// One JSON object per line: {"bench": "...", "threads": 1, "value": 101.3, "unit": "GFLOP/s"}
func report(_ b: Benchmark, value: Double) {
    let rounded = (value * 10).rounded() / 10
    print("{\"bench\": \"\(b.name)\", \"threads\": \(b.threads), \"value\": \(rounded), \"unit\": \"\(b.unit)\"}")
    fflush(nil)
}
