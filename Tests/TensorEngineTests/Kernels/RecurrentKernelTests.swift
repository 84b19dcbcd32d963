import Testing
@testable import TensorEngine

#if canImport(Glibc)
import Glibc
#endif

/// Note [Gate activations]: the float activations of the fused recurrent cell updates against
/// the correctly rounded result, on VectorMathTests' sweep of all binades and edge cases
/// (measured: sigmoid 1.87 ulp, tanh 1.07 ulp).
@Suite struct RecurrentKernelTests {
    @Test func gateSigmoidIsWithinAFewUlps() {
        let (e, at) = VectorMathTests.maxError({ gateSigmoid($0) }, { 1 / (1 + Glibc.exp(-$0)) })
        #expect(e <= 3, "max \(e) ulp at \(at)")
    }

    @Test func gateTanhIsWithinAFewUlps() {
        let (e, at) = VectorMathTests.maxError({ gateTanh($0) }, { Glibc.tanh($0) })
        #expect(e <= 3, "max \(e) ulp at \(at)")
    }

    @Test func geometryReordersGatesIntoBlocksOf16Units() {
        let g = RecurrentGeometry(input: 3, hidden: 20, gates: 4, batchSizes: [2, 1], batchMajorOutput: false, reverse: true, threads: 1)
        #expect(g.blocks == 2 && g.width == 128 && g.rows == 3 && g.order == [1, 0] && g.outputRow(1, 0) == 2)
        // Unit 17's forget gate (row H + 17) is lane 1 of block 1's second vector.
        #expect(g.column(ofRow: 20 + 17) == 64 + 16 + 1)
        #expect(g.groups == [0..<2] && g.units(0) == (0, 20))
        let batchMajor = RecurrentGeometry(input: 3, hidden: 20, gates: 4, batchSizes: [2, 2, 2], batchMajorOutput: true, reverse: false, threads: 1)
        #expect(batchMajor.rows == 6 && batchMajor.offsets[2] == 4 && batchMajor.outputRow(2, 1) == 1 * 3 + 2)
    }
}
