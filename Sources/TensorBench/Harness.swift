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
    /// Decimals of `value` in the report.
    var decimals = 1
    /// Called once before timing; returns the timed operation and the
    /// conversion from seconds per call to `value` (e.g. GFLOP/s).
    let setup: () -> Measured
}

struct Measured {
    let call: () -> Void
    let value: (_ secondsPerCall: Double) -> Double
    /// For work timed by someone else (another interpreter timing itself): one call per
    /// sample, returning its seconds; `call` is then unused.
    var timedCall: (() -> Double)? = nil
    /// Released after timing (free buffers etc.).
    var teardown: () -> Void = {}

    /// `work` operations per call reported in units of 1e9 per second.
    static func gigaPerSecond(work: Double, call: @escaping () -> Void, teardown: @escaping () -> Void = {}) -> Measured {
        Measured(call: call, value: { work / $0 / 1e9 }, teardown: teardown)
    }
}

struct TimingOptions {
    /// Samples per benchmark in total, spread over `passes`.
    var samples = 12
    /// Passes over the selected benchmarks; samples taken at different times
    /// make the median robust to bursts of load from other processes.
    var passes = 3
    var sampleSeconds = 0.025
    var warmupSeconds = 0.05
    /// A sample is "quiet" when other processes used less than this many cores.
    var quietCores = 0.25
    /// Total seconds the run may wait for a quiet machine (0 = never).
    var maxWait = 15.0
}

@inline(__always)
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// CPU time used by the whole machine and by this process, in clock ticks, from
/// /proc/stat and /proc/self/stat (Linux; zeros elsewhere).
struct CPUTicks {
    var machineBusy: Double = 0
    var own: Double = 0

    static func read() -> CPUTicks {
        var t = CPUTicks()
        if let line = firstLine("/proc/stat") {
            // cpu user nice system idle iowait irq softirq steal ...
            let f = line.split(separator: " ").dropFirst().compactMap { Double($0) }
            if f.count >= 5 { t.machineBusy = f.reduce(0, +) - f[3] - f[4] }
        }
        if let line = firstLine("/proc/self/stat"), let close = line.lastIndex(of: ")") {
            // Fields after "comm)": state is field 3, utime 14, stime 15, then cutime 16 and
            // cstime 17 (children waited for: the programs a benchmark runs count as its own).
            let f = line[line.index(after: close)...].split(separator: " ")
            if f.count > 14, let u = Double(f[11]), let s = Double(f[12]), let cu = Double(f[13]), let cs = Double(f[14]) {
                t.own = u + s + cu + cs
            }
        }
        return t
    }

    private static func firstLine(_ path: String) -> String? {
        guard let fp = fopen(path, "r") else { return nil }
        defer { fclose(fp) }
        var buf = [CChar](repeating: 0, count: 4096)
        guard fgets(&buf, Int32(buf.count), fp) != nil else { return nil }
        return String(decoding: buf.prefix { $0 != 0 && $0 != 10 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

let clockTicksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))

/// Cores' worth of CPU used by other processes between two readings.
func foreignCores(_ a: CPUTicks, _ b: CPUTicks, seconds: Double) -> Double {
    max(0, ((b.machineBusy - a.machineBusy) - (b.own - a.own)) / clockTicksPerSecond / max(seconds, 1e-9))
}

/// Seconds left for `waitForQuiet` in this run (shared by all benchmarks).
nonisolated(unsafe) var quietWaitBudget = 0.0

/// Before a block of samples: waits in 0.2 s windows while other processes use
/// `quietCores` or more, until the run's budget is spent (as the gate in
/// shared/bench/benchlib.py does).
func waitForQuiet(quietCores: Double) {
    while quietWaitBudget > 0 {
        let t0 = now(), c0 = CPUTicks.read()
        usleep(200_000)
        let dt = now() - t0
        quietWaitBudget -= dt
        if foreignCores(c0, CPUTicks.read(), seconds: dt) < quietCores { return }
    }
}

/// One timing sample: seconds per call, and the cores other processes used meanwhile.
struct Sample {
    var secondsPerCall: Double
    var foreignCores: Double
}

/// Warms up, calibrates calls per sample, and takes `count` samples
/// (time from clock_gettime(CLOCK_MONOTONIC), load from /proc/stat).
func takeSamples(_ m: Measured, count: Int, options: TimingOptions) -> [Sample] {
    if let timed = m.timedCall {
        _ = timed()
        return (0..<count).map { _ in
            let c0 = CPUTicks.read(), t0 = now()
            let seconds = timed()
            return Sample(secondsPerCall: seconds, foreignCores: foreignCores(c0, CPUTicks.read(), seconds: now() - t0))
        }
    }
    // Warm-up (also pages in buffers and wakes pool workers).
    var calls = 0
    let w0 = now()
    while calls < 2 || now() - w0 < options.warmupSeconds {
        m.call()
        calls += 1
    }
    let perCall = (now() - w0) / Double(calls)
    let reps = max(1, Int(options.sampleSeconds / max(perCall, 1e-9)))
    var out: [Sample] = []
    for _ in 0..<count {
        let c0 = CPUTicks.read()
        let t0 = now()
        for _ in 0..<reps { m.call() }
        let dt = now() - t0
        out.append(Sample(secondsPerCall: dt / Double(reps), foreignCores: foreignCores(c0, CPUTicks.read(), seconds: dt)))
    }
    return out
}

/// Median seconds per call over the quiet samples (all samples if fewer than
/// three were quiet), plus a one-line description of the load.
func summarize(_ samples: [Sample], options: TimingOptions) -> (secondsPerCall: Double, note: String) {
    let quiet = samples.filter { $0.foreignCores < options.quietCores }
    let use = (quiet.count >= 3 ? quiet : samples).map(\.secondsPerCall).sorted()
    let foreign = samples.map(\.foreignCores).reduce(0, +) / Double(max(1, samples.count))
    return (use[use.count / 2],
            "\(quiet.count)/\(samples.count) quiet samples, other processes used \((foreign * 100).rounded() / 100) cores")
}

/// One JSON object per line: {"bench": "...", "threads": 1, "value": 101.3, "unit": "GFLOP/s"}
/// (`value` with the benchmark's decimals).
func report(_ b: Benchmark, value: Double) {
    let scale = (0..<b.decimals).reduce(1.0) { power, _ in power * 10 }
    let rounded = (value * scale).rounded() / scale
    print("{\"bench\": \"\(b.name)\", \"threads\": \(b.threads), \"value\": \(rounded), \"unit\": \"\(b.unit)\"}")
    fflush(nil)
}

/// Writes a line to standard error (file descriptor 2).
func note(_ text: String) {
    var text = text
    text.withUTF8 { buf in _ = write(2, buf.baseAddress, buf.count) }
}
