import Testing
@testable import TorchBridge

/// `torch.utils.benchmark` from Python: measurements print in PyTorch's layout (checked with
/// patterns, since the times vary) and their statistics agree with their times. The layout
/// of single-run measurements is pinned against real PyTorch by Fixtures/programs/benchmark.py.
@Suite struct BenchmarkTests {
    static let time = #"\d+\.\d\d (ns|us|ms|s)"#

    /// Expects the repr of a many-run measurement of `stmt`, pointing failures at the caller.
    func expectSummary(_ output: String, stmt: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = output.split(separator: "\n").map(String.init)
        guard lines.count >= 4 else {
            Issue.record("too few lines: \(output)", sourceLocation: sourceLocation)
            return
        }
        // Fewer than four measurements (a slow machine) print no IQR line, as in PyTorch.
        let hasIQR = lines[3].hasPrefix("  IQR:")
        let patterns = [
            #"<torch\.utils\.benchmark\.utils\.common\.Measurement object at 0x[0-9a-f]+>"#,
            stmt,
            "  (Median: )?" + Self.time,
            hasIQR ? #"  IQR:    "# + Self.time + #" \(\d+\.\d\d to \d+\.\d\d\)"# : nil,
            #"  \d+ measurements?, \d+ runs (per measurement,|,) 1 thread"#,
        ].compactMap { $0 }
        for (line, pattern) in zip(lines, patterns) {
            #expect(line.wholeMatch(of: try! Regex(pattern)) != nil, "\(line)", sourceLocation: sourceLocation)
        }
        for line in lines.dropFirst(patterns.count) {
            #expect(line.hasPrefix("  WARNING: Interquartile range is ") || line.hasPrefix("           This "),
                    "\(line)", sourceLocation: sourceLocation)
        }
    }

    @Test func blockedAutorangeRunsAtLeastItsMinimumTime() {
        let result = runPython("""
            import torch.utils.benchmark as benchmark
            m = benchmark.Timer(stmt='x + 1', globals={'x': 2}).blocked_autorange(min_run_time=0.05)
            text = repr(m).split('\\n')
            n = len(m.times)
            print(text[1], sum(m.raw_times) >= 0.05, m.number_per_run >= 1, min(m.times) <= m.median <= max(m.times))
            print([l for l in text if ' runs ' in l][0].endswith(f"{n} measurement{'s' if n > 1 else ''}, {m.number_per_run} runs {'per measurement,' if n > 1 else ','} 1 thread"))
            """)
        #expect(result.error == nil, "\(result.error ?? "")")
        #expect(result.stdout == "x + 1 True True True\nTrue\n")
    }

    @Test func adaptiveAutorangeStopsWithinItsBudget() {
        let result = runPython("""
            import torch, time
            import torch.utils.benchmark as benchmark
            t = benchmark.Timer(stmt='torch.ones(4).sum()')
            start = time.perf_counter()
            m = t.adaptive_autorange(max_run_time=1.0)
            print(m)
            print(time.perf_counter() - start < 10, len(m.times) >= 4 or sum(m.raw_times) > 1.0)
            """)
        #expect(result.error == nil, "\(result.error ?? "")")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        expectSummary(lines.dropLast().joined(separator: "\n"), stmt: #"torch\.ones\(4\)\.sum\(\)"#)
        #expect(lines.last == "True True")
    }

    @Test func statementErrorsReachTheCaller() {
        expectError("""
            import torch.utils.benchmark as benchmark
            benchmark.Timer(stmt='undefined_name + 1').timeit(3)
            """, "NameError", "name 'undefined_name' is not defined")
        expectError("""
            import torch.utils.benchmark as benchmark
            benchmark.Timer(stmt='x = (').timeit(3)
            """, "SyntaxError")
    }
}
