import Testing
@testable import TensorEngine

@Suite("Gradcheck: linear algebra")
struct GradcheckLinearAlgebraTests {
    static func pair(_ name: String, _ a: [Int], _ b: [Int],
                     _ f: @escaping @Sendable (Tensor, Tensor) throws -> Tensor) -> GradCase {
        .binary(name, a, b, f)
    }

    static let cases: [GradCase] = [
        pair("mm", [2, 3], [3, 4]) { try $0.mm($1) },
        pair("mm of transposes", [3, 2], [4, 3]) { try $0.t().mm($1.t()) },
        pair("mm with strided slice", [4, 3], [3, 4]) { try $0.slice(0, start: 0, end: nil, step: 2).mm($1) },
        pair("bmm", [2, 2, 3], [2, 3, 4]) { try $0.bmm($1) },
        pair("bmm of transposes", [2, 3, 2], [2, 4, 3]) { try $0.transpose(1, 2).bmm($1.transpose(1, 2)) },
        pair("bmm batch-first permute", [3, 2, 4], [2, 4, 2]) { try $0.permute([1, 0, 2]).bmm($1) },
        pair("mv", [2, 3], [3]) { try $0.mv($1) },
        pair("mv transposed", [3, 2], [3]) { try $0.t().mv($1) },
        pair("dot", [4], [4]) { try $0.dot($1) },
        pair("dot strided", [8], [4]) { try $0.slice(0, start: 1, end: nil, step: 2).dot($1) },
        pair("outer", [3], [2]) { try $0.outer($1) },
        pair("matmul 1x1", [3], [3]) { try $0.matmul($1) },
        pair("matmul 2x1", [2, 3], [3]) { try $0.matmul($1) },
        pair("matmul 1x2", [3], [3, 2]) { try $0.matmul($1) },
        pair("matmul 2x2", [2, 3], [3, 2]) { try $0.matmul($1) },
        pair("matmul 3x3", [2, 2, 3], [2, 3, 2]) { try $0.matmul($1) },
        pair("matmul 3x2", [2, 2, 3], [3, 4]) { try $0.matmul($1) },
        pair("matmul 2x3", [2, 3], [2, 3, 4]) { try $0.matmul($1) },
        pair("matmul 1x3", [3], [2, 3, 2]) { try $0.matmul($1) },
        pair("matmul 3x1", [2, 2, 3], [3]) { try $0.matmul($1) },
        pair("matmul 4x3 broadcast", [2, 1, 2, 3], [3, 3, 2]) { try $0.matmul($1) },
        pair("matmul 3x4 broadcast", [1, 2, 3], [2, 2, 3, 2]) { try $0.matmul($1) },
        pair("matmul 4x1", [2, 2, 2, 3], [3]) { try $0.matmul($1) },
        pair("matmul 1x4", [3], [2, 1, 3, 2]) { try $0.matmul($1) },
        pair("matmul 4x2", [2, 2, 2, 3], [3, 2]) { try $0.matmul($1) },
        pair("matmul of transposed batch", [2, 3, 2], [2, 3, 2]) { try $0.matrixTranspose().matmul($1) },
    ]

    @Test(arguments: cases)
    func products(_ c: GradCase) throws {
        gradcheck(c.f, inputs: try c.inputs())
    }

    @Test func addmm() throws {
        let m1 = try randomInput([2, 3], seed: 2), m2 = try randomInput([3, 4], seed: 3)
        for biasShape in [[2, 4], [4], [2, 1], [1, 4], []] {
            let bias = try randomInput(biasShape, seed: 1)
            gradcheck({ try Tensor.addmm($0[0], $0[1], $0[2]) }, inputs: [bias, m1, m2])
            gradcheck({ try Tensor.addmm($0[0], $0[1], $0[2], beta: .double(0.5), alpha: .double(-2)) }, inputs: [bias, m1, m2])
        }
        // Only some inputs require grad.
        let fixedBias = try randomInput([4], seed: 4, requiresGrad: false)
        gradcheck({ try Tensor.addmm($0[0], $0[1], $0[2], beta: .int(2)) }, inputs: [fixedBias, m1, m2])
        let fixedM1 = try randomInput([2, 3], seed: 5, requiresGrad: false)
        gradcheck({ try Tensor.addmm($0[0], $0[1], $0[2], alpha: .int(3)) }, inputs: [try randomInput([4], seed: 6), fixedM1, m2])
        // Transposed matrices.
        gradcheck({ try Tensor.addmm($0[0], $0[1].t(), $0[2].t()) },
                  inputs: [try randomInput([4], seed: 7), try randomInput([3, 2], seed: 8), try randomInput([4, 3], seed: 9)])
    }

    @Test func matmulShapes() throws {
        let a = try randomInput([2, 2, 3], seed: 1), v = try randomInput([3], seed: 2)
        #expect(try a.matmul(v).shape == [2, 2])
        #expect(try v.matmul(try randomInput([2, 3, 4])).shape == [2, 4])
        #expect(try randomInput([5, 1, 2, 3]).matmul(try randomInput([4, 3, 2])).shape == [5, 4, 2, 2])
        #expect(try randomInput([2, 2, 2, 3]).matmul(v).shape == [2, 2, 2])
    }
}
