import Testing
@testable import TensorEngine

@Suite struct SmokeTests {
    @Test func seededRandAndPrinting() throws {
        let g = Generator(seed: 0)
        let x = try Tensor.rand([3], generator: g)
        #expect(x.description == "tensor([0.4963, 0.7682, 0.0885])")
        g.manualSeed(0)
        let y = try Tensor.randn([2, 3], dtype: .float64, generator: g).mul(.int(2))
        #expect(y.description == "tensor([[ 3.0820, -0.5869, -4.3576],\n        [ 1.1369, -2.1690, -2.7972]], dtype=torch.float64)")
    }

    @Test func autogradOfAPolynomial() throws {
        let x = try Tensor.from([Float(1), 2, 3]).requiresGrad_()
        let y = try x.mul(x).sum()
        #expect(y.description == "tensor(14., grad_fn=<SumBackward0>)")
        try y.backward()
        #expect(x.grad?.description == "tensor([2., 4., 6.])")
    }

    @Test func matmulAndBroadcast() throws {
        let a = try Tensor.arange(.int(0), .int(6)).reshape([2, 3]).to(.float32)
        let b = try Tensor.ones([3, 2])
        #expect(try a.matmul(b).description == "tensor([[ 3.,  3.],\n        [12., 12.]])")
        #expect(throws: TensorError.runtime("mm: mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)")) { try a.mm(a) }
        #expect(throws: TensorError.runtime("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1")) {
            try a.add(Tensor.ones([2, 4]))
        }
    }
}
