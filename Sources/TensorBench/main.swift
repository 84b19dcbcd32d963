// TensorBench: engine micro-benchmarks, one JSON object per line on stdout:
//   {"bench": "gemm_n512", "threads": 1, "value": 101.3, "unit": "GFLOP/s"}
//
//   TensorBench [FILTER] [--threads N] [--samples N] [--passes N]
//               [--sample-ms MS] [--max-wait S] [--list]
//
// FILTER selects benchmarks whose name contains the substring (`gemm`,
// `gemm_n512`); --threads keeps only one thread count.
//
// Timing: warm-up, then `--samples` samples (median reported) spread over
// `--passes` passes through the selected benchmarks, so a burst of load from
// other processes does not hit all samples of one benchmark. Each sample is
// tagged with the CPU other processes used (/proc/stat); the median is taken
// over the quiet samples when there are at least three. Before each block of
// samples the run waits for a quiet machine, at most --max-wait seconds in
// total (default 15). Load notes go to stderr.
//
// To add a benchmark family (conv, lstm, ...): write a
// `xxxBenchmarks() -> [Benchmark]` function in its own file in this directory
// and append it to `families` below.
import TensorEngine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

HeapPolicy.keepFreedBuffers()
let families: [[Benchmark]] = [
    gemmBenchmarks(),
    elementwiseBenchmarks(),
    optimizerBenchmarks(),
    convBenchmarks(),
    recurrentBenchmarks(),
    cnnBenchmarks(),
    interpreterBenchmarks(),
    epochBenchmarks(),
    reinforceBenchmarks(),
    uiBenchmarks(),
]
let registry = families.flatMap { $0 }

var options = TimingOptions()
var filter = ""
var listOnly = false
var onlyThreads: Int?
var args = CommandLine.arguments.dropFirst()
while let arg = args.popFirst() {
    switch arg {
    case "--samples":
        guard let v = args.popFirst().flatMap({ Int($0) }), v > 0 else { fatalError("--samples needs a positive integer") }
        options.samples = v
    case "--sample-ms":
        guard let v = args.popFirst().flatMap({ Double($0) }), v > 0 else { fatalError("--sample-ms needs a positive number") }
        options.sampleSeconds = v / 1000
    case "--threads":
        guard let v = args.popFirst().flatMap({ Int($0) }), v > 0 else { fatalError("--threads needs a positive integer") }
        onlyThreads = v
    case "--passes":
        guard let v = args.popFirst().flatMap({ Int($0) }), v > 0 else { fatalError("--passes needs a positive integer") }
        options.passes = v
    case "--max-wait":
        guard let v = args.popFirst().flatMap({ Double($0) }), v >= 0 else { fatalError("--max-wait needs seconds") }
        options.maxWait = v
    case "--list":
        listOnly = true
    case "-h", "--help":
        print("usage: TensorBench [FILTER] [--threads N] [--samples N] [--passes N] [--sample-ms MS] [--max-wait S] [--list]")
        exit(0)
    default:
        filter = arg
    }
}

let selected = registry.filter {
    (filter.isEmpty || $0.name.contains(filter)) && (onlyThreads == nil || $0.threads == onlyThreads)
}
if listOnly {
    for bench in selected { print("\(bench.name) threads=\(bench.threads)") }
    exit(0)
}

let pool = ThreadPool.shared
quietWaitBudget = options.maxWait
var samples = [[Sample]](repeating: [], count: selected.count)
var toValue = [(Double) -> Double](repeating: { $0 }, count: selected.count)
let passes = min(options.passes, options.samples)
for pass in 0..<passes {
    let perPass = options.samples / passes + (pass < options.samples % passes ? 1 : 0)
    for (i, bench) in selected.enumerated() {
        pool.threadCount = bench.threads
        waitForQuiet(quietCores: options.quietCores)
        let m = bench.setup()
        samples[i] += takeSamples(m, count: perPass, options: options)
        toValue[i] = m.value
        m.teardown()
    }
}
for (i, bench) in selected.enumerated() {
    let (seconds, load) = summarize(samples[i], options: options)
    report(bench, value: toValue[i](seconds))
    // Load notes go to stderr so stdout stays one JSON object per line.
    note("# \(bench.name) threads=\(bench.threads): \(load)\n")
}
