import Foundation
import Testing
@testable import TensorEngine

/// Fixtures produced by real PyTorch (`Fixtures/printing/make_printing_fixtures.py`).
enum PrintingFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/printing")

    static func load(_ name: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try JSONSerialization.jsonObject(with: data) as! [[String: Any]]
    }

    static func double(bits hex: String) -> Double {
        Double(bitPattern: UInt64(hex, radix: 16)!)
    }

    static func dtype(_ name: String) -> DType {
        DType.allCases.first { $0.shortName == name }!
    }

    /// Applies the recorded `torch.set_printoptions(**options)` to the default options.
    static func options(_ dict: [String: Any]) -> PrintOptions {
        var o = PrintOptions()
        var threshold: Double?
        if let s = dict["threshold"] as? String { threshold = s == "inf" ? .infinity : Double(s) }
        if let n = dict["threshold"] as? NSNumber { threshold = n.doubleValue }
        o.set(precision: (dict["precision"] as? NSNumber)?.intValue,
              threshold: threshold,
              edgeitems: (dict["edgeitems"] as? NSNumber)?.intValue,
              linewidth: (dict["linewidth"] as? NSNumber)?.intValue,
              profile: (dict["profile"] as? String).flatMap { PrintOptions.Profile(rawValue: $0) },
              sciMode: (dict["sci_mode"] as? NSNumber)?.boolValue)
        return o
    }

    static func tensor(_ c: [String: Any]) -> PrintableTensor {
        let shape = (c["shape"] as! [NSNumber]).map(\.intValue)
        let dtype = dtype(c["dtype"] as! String)
        let raw = c["values"] as! [Any]
        let values: [PrintableElement]
        if dtype.isFloatingPoint {
            values = raw.map { .float(double(bits: $0 as! String)) }
        } else if dtype == .bool {
            values = raw.map { .bool(($0 as! NSNumber).boolValue) }
        } else {
            values = raw.map { .int(Int64($0 as! String)!) }
        }
        return PrintableTensor(shape: shape, dtype: dtype, gradFnName: c["gradFn"] as? String,
                               requiresGrad: c["requiresGrad"] as! Bool,
                               isParameter: c["isParameter"] as! Bool) { values[$0] }
    }
}

@Suite struct PrintingFixtureTests {
    @Test func tensorReprsMatchPyTorch() throws {
        let cases = try PrintingFixtures.load("tensors.json")
        #expect(cases.count >= 80)
        var failures: [String] = []
        for c in cases {
            let name = c["name"] as! String
            let t = PrintingFixtures.tensor(c)
            let options = PrintingFixtures.options(c["options"] as! [String: Any])
            let got = formatTensor(t, options: options)
            let want = c["repr"] as! String
            if got != want { failures.append(name) }
            #expect(got == want, "\(name)")
            #expect(tensorString(t, options: options) == want, "str \(name)")
        }
        #expect(failures.isEmpty, "\(failures.count)/\(cases.count) failed: \(failures)")
    }

    @Test func sizeReprsMatchPyTorch() throws {
        for c in try PrintingFixtures.load("sizes.json") {
            let shape = (c["shape"] as! [NSNumber]).map(\.intValue)
            #expect(formatSize(shape) == c["repr"] as! String)
        }
    }

    @Test func pythonFloatFormattingMatchesPython() throws {
        let cases = try PrintingFixtures.load("floats.json")
        #expect(cases.count >= 300)
        typealias F = PythonFloatFormat
        let specs: [(String, (Double) -> String)] = [
            ("repr", F.repr),
            ("%.4f", { F.fixed($0, precision: 4) }),
            ("{:.4e}", { F.scientific($0, precision: 4) }),
            ("{:.3f}", { F.fixed($0, precision: 3) }),
            ("{:.0f}", { F.fixed($0, precision: 0) }),
            ("{:.2e}", { F.scientific($0, precision: 2) }),
            ("{:.8f}", { F.fixed($0, precision: 8) }),
            ("{:g}", { F.general($0) }),
            ("{:.3g}", { F.general($0, precision: 3) }),
            ("{:.10e}", { F.scientific($0, precision: 10) }),
        ]
        var failures = 0
        for c in cases {
            let x = PrintingFixtures.double(bits: c["bits"] as! String)
            for (key, f) in specs {
                let want = c[key] as! String
                let got = f(x)
                if got != want { failures += 1 }
                #expect(got == want, "\(key) of \(c["bits"]!)")
            }
        }
        #expect(failures == 0)
    }
}
