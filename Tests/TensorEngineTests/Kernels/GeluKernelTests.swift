import Foundation
import Testing
@testable import TensorEngine

/// `F.gelu` against torch 2.15, bit for bit (Fixtures/gelu/make_gelu_fixtures.py): the
/// oneDNN path for contiguous float32 tensors, libm's erf for single elements
/// (Note [GELU through oneDNN]).
@Suite struct GeluKernelTests {
    struct Fixture: Decodable {
        let x: [UInt32], vector: [UInt32]
        let single_x: [UInt32], single: [UInt32]
    }

    static let fixture: Fixture? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/gelu/gelu.json")
        return (try? Data(contentsOf: url)).flatMap { try? JSONDecoder().decode(Fixture.self, from: $0) }
    }()

    /// Indices where the results differ from the recorded bits (NaNs compare by being NaN).
    static func mismatches(_ got: [Float], _ want: [UInt32]) -> [Int] {
        zip(got, want).enumerated().compactMap { i, pair in
            let w = Float(bitPattern: pair.1)
            return pair.0.bitPattern == pair.1 || (pair.0.isNaN && w.isNaN) ? nil : i
        }
    }

    @Test func contiguousTensorMatchesPyTorch() throws {
        let f = try #require(Self.fixture)
        let x = try Tensor.from(f.x.map(Float.init(bitPattern:)), shape: [f.x.count])
        let bad = Self.mismatches(try x.gelu().toArray(Float.self), f.vector)
        #expect(bad.isEmpty, "\(bad.count) mismatches, first at x = \(bad.first.map { Float(bitPattern: f.x[$0]) } ?? 0)")
    }

    @Test func singleElementsMatchPyTorch() throws {
        let f = try #require(Self.fixture)
        let got = try f.single_x.map { try Tensor.from([Float(bitPattern: $0)], shape: []).gelu().item().doubleValue }
        let bad = Self.mismatches(got.map { Float($0) }, f.single)
        #expect(bad.isEmpty, "\(bad.count) mismatches, first at x = \(bad.first.map { Float(bitPattern: f.single_x[$0]) } ?? 0)")
    }

    @Test func printsLikePyTorchAtMinusThree() throws {
        let vector = try Tensor.from([Float(-3), -3], shape: [2]).gelu()
        #expect(String(format: "%.4f", vector.toArray(Float.self)[0]) == "-0.0041")
        let single = try Tensor.from([Float(-3)], shape: []).gelu()
        #expect(String(format: "%.4f", single.toArray(Float.self)[0]) == "-0.0040")
    }
}
