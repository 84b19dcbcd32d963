import Foundation
import Testing
@testable import TorchBridge

/// `torch.profiler` from Python: the table has PyTorch's layout (checked with patterns,
/// since the timings differ from run to run), ops carry their aten names and nest as in
/// PyTorch, and profiling leaves no trace once it stops. The deterministic part of the
/// output is also pinned against real PyTorch by Fixtures/programs/profiler.py.
@Suite struct ProfilerTests {
    static let model = """
        import torch
        from torch import nn
        from torch.profiler import profile, record_function, ProfilerActivity
        torch.manual_seed(0)
        model = nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 6 * 6, 10))
        x = torch.randn(8, 1, 8, 8)
        with profile(activities=[ProfilerActivity.CPU], record_shapes=True) as prof:
            with record_function("model_inference"):
                model(x)

        """

    @Test func tableHasPyTorchsLayout() {
        let result = runPython(Self.model + """
            print(prof.key_averages().table(sort_by="cpu_time_total", row_limit=10), end='')
            """)
        #expect(result.error == nil, "\(result.error ?? "")")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let rule = "----------------------  " + String(repeating: "------------  ", count: 6)
        #expect(lines.first == rule)
        #expect(lines.dropFirst().first == "                  Name    Self CPU %      Self CPU   CPU total %     CPU total  CPU time avg    # of Calls  ")
        #expect(lines[2] == rule && lines[lines.count - 3] == rule)
        let time = #"\d+\.\d{3}(us|ms|s)"#
        let row = try! Regex(#"^ +[a-z0-9_:]+ +\d+\.\d\d% +"# + time + #" +\d+\.\d\d% +"# + time + " +" + time + #" +\d+  $"#)
        let rows = lines[3..<(lines.count - 3)]
        #expect(rows.count == 9)
        for line in rows {
            #expect(line.wholeMatch(of: row) != nil, "\(line)")
            #expect(line.count == rule.count)
        }
        #expect(rows.first?.hasPrefix("       model_inference") == true)
        #expect(rows.first?.contains("100.00%") == true)
        #expect(lines[lines.count - 2].wholeMatch(of: try! Regex("Self CPU time total: " + time)) != nil)
        #expect(lines.last == "")
    }

    @Test func compositeOpsNestTheirCalleesWithTheirShapes() {
        expectOutput(Self.model + """
            events = {e.key: e for e in prof.key_averages(group_by_input_shape=True)}
            print(sorted(events))
            for outer, inner in [("aten::linear", "aten::addmm"), ("aten::conv2d", "aten::convolution"), ("aten::relu", "aten::clamp_min")]:
                print(events[outer].cpu_time_total >= events[inner].cpu_time_total > 0, events[outer].count, events[inner].count)
            print(events["aten::linear"].input_shapes, events["aten::addmm"].input_shapes)
            print(events["aten::relu"].input_shapes, events["aten::conv2d"].input_shapes)
            total = sum(e.self_cpu_time_total for e in prof.key_averages())
            print(abs(total - events["model_inference"].cpu_time_total) < 1e-3)
            """, """
            ['aten::_convolution', 'aten::addmm', 'aten::clamp_min', 'aten::conv2d', 'aten::convolution', 'aten::flatten', 'aten::linear', 'aten::relu', 'model_inference']
            True 1 1
            True 1 1
            True 1 1
            [[8, 144], [10, 144], [10]] [[10], [8, 144], [144, 10], [], []]
            [[8, 4, 6, 6]] [[8, 1, 8, 8], [4, 1, 3, 3], [4], [], [], [], []]
            True

            """)
    }

    @Test func profilingStopsWithTheBlockEvenOnAnException() {
        expectOutput("""
            import torch
            from torch.profiler import profile, record_function
            with record_function("outside"):
                y = torch.ones(2) + 1
            try:
                with profile() as prof:
                    torch.ones(3).sum()
                    raise ValueError("boom")
            except ValueError:
                pass
            print([e.key for e in prof.key_averages()])
            with profile() as again:
                prof.step()
                torch.zeros(2).mul(3)
            print([e.key for e in again.key_averages()])
            print(torch._profiler_recorder if hasattr(torch, '_profiler_recorder') else None)
            """, """
            ['aten::ones', 'aten::sum']
            ['aten::zeros', 'aten::mul']
            None

            """)
    }

    @Test func chromeTraceIsValidJSON() throws {
        let folder = (FileManager.default.fileExists(atPath: ".build") ? ".build/" : "") + "profiler-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = runPython(Self.model + "prof.export_chrome_trace('\(folder)/trace.json')\n")
        #expect(result.error == nil, "\(result.error ?? "")")
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/trace.json"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let events = json?["traceEvents"] as? [[String: Any]] ?? []
        #expect(events.count == 9)
        #expect(events.first?["name"] as? String == "model_inference")
        #expect(events.allSatisfy { $0["ph"] as? String == "X" && $0["dur"] is Double })
    }

    @Test func badSortKeyRaisesLikePyTorch() {
        expectError(Self.model + "prof.key_averages().table(sort_by='bogus')\n",
                    "AttributeError", "'FunctionEventAvg' object has no attribute 'bogus'")
    }
}
