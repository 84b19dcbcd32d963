import Testing
@testable import TensorEngine

#if canImport(Glibc)
import Glibc
#endif

/// Note [Gate activations]: the float activations of the fused recurrent cell updates against
/// the correctly rounded result, on VectorMathTests' sweep of all binades and edge cases
/// (measured: sigmoid 1.87 ulp, tanh 1.07 ulp, the fused LSTM gates 2.01 ulp).
@Suite struct RecurrentKernelTests {
    @Test func gateSigmoidIsWithinAFewUlps() {
        let (e, at) = VectorMathTests.maxError({ gateSigmoid($0) }, { 1 / (1 + Glibc.exp(-$0)) })
        #expect(e <= 3, "max \(e) ulp at \(at)")
    }

    @Test func gateTanhIsWithinAFewUlps() {
        let (e, at) = VectorMathTests.maxError({ gateTanh($0) }, { Glibc.tanh($0) })
        #expect(e <= 3, "max \(e) ulp at \(at)")
    }

    /// Each gate position of a block sees the whole sweep (the other three hold the sweep
    /// shifted, so the shared division meets every mix of denominators).
    @Test func lstmGateActivationsAreWithinAFewUlps() {
        let xs = VectorMathTests.inputs
        let vectors = xs.count / 16
        var block = [Float](repeating: 0, count: vectors * 64)
        for v in 0..<vectors {
            for gate in 0..<4 {
                for lane in 0..<16 { block[v * 64 + gate * 16 + lane] = xs[((v + gate * 997) % vectors) * 16 + lane] }
            }
        }
        let inputs = block
        let zeros = [Float](repeating: 0, count: block.count)
        var e = zeros
        block.withUnsafeMutableBufferPointer { gates in
            e.withUnsafeMutableBufferPointer { e in
                lstmGateExponentials(gates.baseAddress!, bias: zeros, blocks: vectors, into: e.baseAddress!)
                lstmGateActivations(gates.baseAddress!, blocks: vectors, exponentials: e.baseAddress!)
            }
        }
        var worst = [Double](repeating: 0, count: 4)
        for (k, (x, y)) in zip(inputs, block).enumerated() {
            let gate = (k / 16) % 4
            let reference = gate == 2 ? Glibc.tanh(Double(x)) : 1 / (1 + Glibc.exp(-Double(x)))
            worst[gate] = max(worst[gate], VectorMathTests.ulpError(y, reference))
        }
        #expect(worst.allSatisfy { $0 <= 3 }, "max ulp per gate i, f, g, o: \(worst)")
    }

    @Test func geometryReordersGatesIntoBlocksOf16Units() {
        let g = RecurrentGeometry(input: 3, hidden: 20, gates: 4, batchSizes: [2, 1], batchMajorOutput: false, reverse: true, threads: 1)
        #expect(g.blocks == 2 && g.width == 128 && g.rows == 3 && g.order == [1, 0] && g.outputRow(1, 0) == 2)
        // Unit 17's forget gate (row H + 17) is lane 1 of block 1's second vector.
        #expect(g.column(ofRow: 20 + 17) == 64 + 16 + 1)
        #expect(g.groups == [0..<2] && g.units(0) == (0, 20))
        let batchMajor = RecurrentGeometry(input: 3, hidden: 20, gates: 4, batchSizes: [2, 2, 2], batchMajorOutput: true, reverse: false, threads: 1)
        #expect(batchMajor.rows == 6 && batchMajor.offsets[2] == 4 && batchMajor.outputRow(2, 1) == 1 * 3 + 2)
        // A GRU block holds 3 gates: unit 17's candidate (row 2H + 17) is lane 1 of block 1's third vector.
        let gru = RecurrentGeometry(input: 3, hidden: 20, gates: 3, batchSizes: [2], batchMajorOutput: false, reverse: false, threads: 1)
        #expect(gru.width == 96 && gru.column(ofRow: 40 + 17) == 48 + 32 + 1)
    }

    @Test func largeLayersSplitIntoUnitGroups() {
        // At most 8 blocks (128 units) per group; with 2 threads and enough work, at least 2 groups.
        let big = RecurrentGeometry(input: 8, hidden: 300, gates: 4, batchSizes: [4], batchMajorOutput: false, reverse: false, threads: 1)
        #expect(big.groups == [0..<6, 6..<12, 12..<19] && big.units(2) == (192, 300))
        let threaded = RecurrentGeometry(input: 8, hidden: 128, gates: 4, batchSizes: [32], batchMajorOutput: false, reverse: false, threads: 2)
        #expect(threaded.groups == [0..<4, 4..<8])
    }
}
