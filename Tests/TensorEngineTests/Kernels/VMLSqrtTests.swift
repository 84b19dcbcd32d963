import Foundation
import Testing
@testable import TensorEngine

/// `VMLSqrt` against PyTorch's `Tensor.sqrt()` (Note [VML sqrt]): the inputs and PyTorch's roots
/// as bit patterns, recorded by Fixtures/kernels/make_vml_sqrt.py. About a third of the cases
/// are inputs whose PyTorch root is 1 ulp below the correctly rounded one.
@Suite struct VMLSqrtTests {
    static let cases: [(dtype: String, input: UInt64, output: UInt64)] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/kernels/vml_sqrt.txt")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let f = line.split(separator: " ")
            guard f.count == 3, let x = UInt64(f[1], radix: 16), let y = UInt64(f[2], radix: 16) else { return nil }
            return (String(f[0]), x, y)
        }
    }()

    @Test func float32MatchesPyTorch() {
        let cases = Self.cases.filter { $0.dtype == "f32" }
        #expect(cases.count > 1000)
        for chunk in stride(from: 0, to: cases.count, by: 16) {
            let lanes = cases[chunk..<min(chunk + 16, cases.count)]
            var x = SIMD16<Float>()
            for (j, c) in lanes.enumerated() { x[j] = Float(bitPattern: UInt32(c.input)) }
            let root = VMLSqrt.sqrt(x)
            for (j, c) in lanes.enumerated() {
                let want = Float(bitPattern: UInt32(c.output))
                #expect(root[j].bitPattern == want.bitPattern || (root[j].isNaN && want.isNaN),
                        "sqrt(\(x[j])) = \(root[j]), PyTorch \(want)")
            }
        }
    }

    @Test func float64MatchesPyTorch() {
        let cases = Self.cases.filter { $0.dtype == "f64" }
        #expect(cases.count > 1000)
        for chunk in stride(from: 0, to: cases.count, by: 8) {
            let lanes = cases[chunk..<min(chunk + 8, cases.count)]
            var x = SIMD8<Double>()
            for (j, c) in lanes.enumerated() { x[j] = Double(bitPattern: c.input) }
            let root = VMLSqrt.sqrt(x)
            for (j, c) in lanes.enumerated() {
                let want = Double(bitPattern: c.output)
                #expect(root[j].bitPattern == want.bitPattern || (root[j].isNaN && want.isNaN),
                        "sqrt(\(x[j])) = \(root[j]), PyTorch \(want)")
            }
        }
    }

    /// The `vrsqrt14ps` estimates of a few inputs, read off the instruction on the fixture machine.
    @Test func rsqrt14Estimates() {
        let x = SIMD16<Float>(1, 2, 3, 4, 0.5, 1.5, 10, 1e-20, 3e30, 1.9999999, 2.0000002, 1.0000001, 0.3, 7, 100, 0.01)
        let hardware = SIMD16<Float>(0x1p+0, 0x1.6a05p-1, 0x1.2799p-1, 0x1p-1, 0x1.6a05p+0, 0x1.a209p-1, 0x1.43cfp-2,
                                     0x1.2a07p+33, 0x1.4cd1p-51, 0x1.6a09p-1, 0x1.6a05p-1, 0x1.fffap-1, 0x1.d368p+0,
                                     0x1.8307p-2, 0x1.9997p-4, 0x1.3ffep+3)
        #expect(RSqrt14.estimate(x) == hardware)
    }
}
