import Testing
@testable import TensorEngine

/// The fused optimizer updates' handling of layouts, dtypes and bad state (their values are
/// pinned against PyTorch by TorchBridgeTests' optimizer fixture programs).
@Suite struct OptimizerUpdateTests {
    static let sgd = SGDCoefficients(lr: 0.1, momentum: 0.9, dampening: 0, weightDecay: 0.01, nesterov: true, maximize: false)

    static func tensor(_ values: [Float], _ shape: [Int]) throws -> Tensor {
        try Tensor.from(values, shape: shape)
    }

    @Test func stridedParameterMatchesContiguous() throws {
        let base = try Self.tensor((0..<12).map { Float($0) * 0.25 - 1 }, [3, 4])
        let strided = try base.t()
        let contiguous = try strided.contiguous()
        let grad = try Self.tensor((0..<12).map { Float($0 % 5) * 0.5 }, [4, 3])
        let b1 = try strided.sgdUpdate_(grad: grad, momentumBuffer: nil, Self.sgd)
        let b2 = try contiguous.sgdUpdate_(grad: grad, momentumBuffer: nil, Self.sgd)
        #expect(strided.toArray(Float.self) == contiguous.toArray(Float.self))
        #expect(b1?.toArray(Float.self) == b2?.toArray(Float.self))
        #expect(base.storage.version == 1)
    }

    @Test func firstMomentumBufferIsTheGradient() throws {
        let p = try Self.tensor([1, 2, 3], [3])
        let g = try Self.tensor([0.5, -1, 2], [3])
        let plain = SGDCoefficients(lr: 0.1, momentum: 0.9, dampening: 0.5, weightDecay: 0, nesterov: false, maximize: false)
        let buffer = try p.sgdUpdate_(grad: g, momentumBuffer: nil, plain)
        #expect(buffer?.toArray(Float.self) == [0.5, -1, 2])
        let none = SGDCoefficients(lr: 0.1, momentum: 0, dampening: 0, weightDecay: 0, nesterov: false, maximize: false)
        #expect(try p.sgdUpdate_(grad: g, momentumBuffer: nil, none) == nil)
    }

    @Test func mismatchedShapesThrow() throws {
        let p = try Self.tensor([1, 2, 3], [3])
        let wrong = try Self.tensor([1, 2], [2])
        #expect(throws: TensorError.self) { try p.sgdUpdate_(grad: wrong, momentumBuffer: nil, Self.sgd) }
        let adam = AdamCoefficients(beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, decayFactor: nil,
                                    stepSize: 0.001, biasCorrection2Sqrt: 0.03, amsgrad: true, maximize: false)
        #expect(throws: TensorError.self) {
            try p.adamUpdate_(grad: p, expAvg: wrong, expAvgSq: p, maxExpAvgSq: p, adam)
        }
        #expect(throws: TensorError.self) { try p.adamUpdate_(grad: p, expAvg: p, expAvgSq: p, maxExpAvgSq: nil, adam) }
    }

    @Test func integerParametersThrow() throws {
        let p = try Tensor.zeros([2], dtype: .int64)
        #expect(throws: TensorError.self) { try p.adagradUpdate_(grad: p, sum: p, AdagradCoefficients(clr: 0.1, eps: 1e-10, weightDecay: 0, maximize: false)) }
    }

    @Test func gradientOfAnotherDTypeIsConverted() throws {
        let p = try Self.tensor([1, 2], [2])
        let g = try Tensor.from([0.5, 0.25] as [Double], shape: [2])
        let c = RMSpropCoefficients(lr: 0.01, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0, centered: false, maximize: false)
        let sq = try Tensor.zeros([2])
        try p.rmspropUpdate_(grad: g, squareAvg: sq, gradAvg: nil, momentumBuffer: nil, c)
        #expect(p.toArray(Float.self) != [1, 2])
        #expect(sq.storage.version == 1)
    }
}
