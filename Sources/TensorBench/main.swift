// TensorBench: engine micro-benchmarks, one JSON object per line.
//
//   TensorBench [FILTER] [--threads N] [--samples N] [--sample-ms MS] [--list]
//
// FILTER selects benchmarks whose name contains the substring (e.g. `gemm`,
// `gemm_n512`). To add a benchmark family, write a `xxxBenchmarks() -> [Benchmark]`
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
    case "--list":
        listOnly = true
    case "-h", "--help":
        print("usage: TensorBench [FILTER] [--threads N] [--samples N] [--sample-ms MS] [--list]")
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
    let m = bench.setup()
    let seconds = measure(m, options: options)
    report(bench, value: m.value(seconds))
    m.teardown()
}
