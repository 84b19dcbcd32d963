#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// ../shared/bench/epoch_rss.py in its `stream` mode: one 500-step epoch of the SimpleCNN
/// (SGD with momentum, batch 100, ten random batches cycled) run by `pytorch-tutor run` in
/// a fresh process, at 2 threads as PyTorch's default there:
/// - `epoch_peak_rss`: the process's peak resident memory (MiB), everything included
///   (binary, interpreter, torch.nn, the epoch);
/// - `epoch_stream_total`: seconds for the epoch loop.
/// Both come from one run of the child (an epoch takes seconds and its peak is one reading),
/// made when the first of them is measured; later samples repeat that reading.
func epochBenchmarks() -> [Benchmark] {
    let tutor = ChildProcess.ownDirectory + "/pytorch-tutor"
    guard access(tutor, X_OK) == 0 else { return [] }
    let epoch = EpochRun(tutor: tutor)
    return [
        Benchmark(name: "epoch_peak_rss", threads: 2, unit: "MiB", decimals: 0) {
            Measured(call: {}, value: { $0 }, timedCall: { epoch.reading.peakRSSMiB })
        },
        Benchmark(name: "epoch_stream_total", threads: 2, unit: "s", decimals: 2) {
            Measured(call: {}, value: { $0 }, timedCall: { epoch.reading.seconds })
        },
    ]
}

/// The one child run both epoch benchmarks report.
private final class EpochRun {
    let tutor: String
    private var cached: (peakRSSMiB: Double, seconds: Double)?

    init(tutor: String) { self.tutor = tutor }

    var reading: (peakRSSMiB: Double, seconds: Double) {
        if let cached { return cached }
        let script = ChildProcess.temporaryFile(named: "epoch.py", epochProgram)
        defer { unlink(script) }
        guard let result = ChildProcess.run([tutor, "run", script]), result.status == 0,
              let seconds = Double(result.output.split(separator: "\n").last ?? "") else {
            fatalError("epoch: \(tutor) run failed")
        }
        cached = (result.peakRSSMiB, seconds)
        return (result.peakRSSMiB, seconds)
    }
}

private let epochProgram = simpleCNNProgram + """
    import time
    torch.set_num_threads(2)
    pool = [(torch.randn(100, 3, 32, 32), torch.randint(0, 10, (100,))) for _ in range(10)]
    start = time.perf_counter()
    for i in range(500):
        x, y = pool[i % 10]
        train_step()
    print(time.perf_counter() - start)

    """
