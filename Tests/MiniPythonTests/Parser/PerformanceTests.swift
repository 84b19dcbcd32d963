import Testing
@testable import MiniPython
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lexing and parsing stay fast: a 1000-line program takes a few milliseconds in release
/// builds. The bound here is loose so that debug builds on a busy machine pass too.
@Suite struct PerformanceTests {
    static let program: String = {
        var lines: [String] = []
        for i in 0..<100 {
            lines += [
                "class Layer\(i)(nn.Module):",
                "    def __init__(self, n_in: int, n_out: int = \(i)) -> None:",
                "        super().__init__()",
                "        self.linear = nn.Linear(n_in, n_out, bias=True)",
                "        self.scale = {'a': [1, 2, 3], 'b': (4.5, 6e-3)}",
                "    def forward(self, x):",
                "        y = [v * 2 for v in x if v > 0]",
                "        print(f\"{self.scale!r:>{10}} {x[1:2, ..., None]}\")",
                "        return self.linear(x) ** 2 - -x @ y if x is not None else 0",
                "",
            ]
        }
        return lines.joined(separator: "\n")
    }()

    @Test func thousandLinesParseQuickly() throws {
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        let module = try Parser.parseModule(Self.program)
        var end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &end)
        let milliseconds = Double(end.tv_sec - start.tv_sec) * 1000 + Double(end.tv_nsec - start.tv_nsec) / 1e6
        #expect(module.count == 100)
        #expect(milliseconds < 1000, "took \(milliseconds) ms")
    }
}
