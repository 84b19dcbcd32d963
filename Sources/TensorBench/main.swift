// TensorBench: engine micro-benchmarks, one JSON object per line.
//
//   TensorBench [FILTER] [--threads N] [--samples N] [--sample-ms MS] [--max-wait S] [--list]
//
// FILTER selects benchmarks whose name contains the substring (e.g. `gemm`,
// `gemm_n512`). Each sample is tagged with the CPU load of other processes
// (/proc/stat); the reported value is the median over quiet samples when there
// are at least three. To add a benchmark family, write a `xxxBenchmarks() -> [Benchmark]`
// function in its own file and append it to `registry` below.
import TensorEngine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let registry: [Benchmark] =
    gemmBenchmarks()

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
    case "--max-wait":
        guard let v = args.popFirst().flatMap({ Double($0) }), v >= 0 else { fatalError("--max-wait needs seconds") }
        options.maxWait = v
    case "--list":
        listOnly = true
    case "-h", "--help":
        print("usage: TensorBench [FILTER] [--threads N] [--samples N] [--sample-ms MS] [--max-wait S] [--list]")
        exit(0)
    default:
        filter = arg
    }
}

let pool = ThreadPool.shared
for bench in registry where (filter.isEmpty || bench.name.contains(filter))
    && (onlyThreads == nil || bench.threads == onlyThreads) {
    if listOnly {
        print("\(bench.name) threads=\(bench.threads)")
        continue
    }
    pool.threadCount = bench.threads
    if options.maxWait > 0 { waitForQuiet(maxWait: options.maxWait, quietCores: options.quietCores) }
    let m = bench.setup()
    let r = measure(m, options: options)
    report(bench, value: m.value(r.secondsPerCall))
    // Load notes go to stderr so stdout stays one JSON object per line.
    note("# \(bench.name) threads=\(bench.threads): \(r.quietSamples)/\(r.samples) quiet samples, "
        + "other processes used \((r.meanForeignCores * 100).rounded() / 100) cores\n")
    m.teardown()
}
