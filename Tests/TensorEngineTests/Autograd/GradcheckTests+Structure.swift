import Testing
@testable import TensorEngine

/// Gradient checks for the matrix-structure, rearranging, product, special-function,
/// NaN-reduction and scan ops (Tensor+Diagonal, +Arrangement, +Einsum, +Products,
/// +SpecialMath, +IndexUpdate, +NaNReduction, +Differences, logcumsumexp).
@Suite("Gradcheck: structure, products and special functions")
struct GradcheckStructureTests {
    static func one(_ name: String, _ shape: [Int], range: (Double, Double)? = nil,
                    _ f: @escaping @Sendable (Tensor) throws -> Tensor) -> GradCase {
        GradCase(name, { [try range.map { try uniformInput(shape, $0.0, $0.1) } ?? randomInput(shape)] }, { try f($0[0]) })
    }

    static let unaryCases: [GradCase] = [
        one("tril", [3, 4]) { try $0.tril() },
        one("triu -1", [2, 3, 3]) { try $0.triu(-1) },
        one("tril of transpose", [4, 3]) { try $0.t().tril(1) },
        one("diagonal", [3, 4]) { try $0.diagonal() },
        one("diagonal offset dims", [2, 3, 4]) { try $0.diagonal(offset: -1, dim1: 2, dim2: 1) },
        one("diag of vector", [3]) { try $0.diag(1) },
        one("diag of matrix", [3, 4]) { try $0.diag(-1) },
        one("diag_embed", [2, 3]) { try $0.diagEmbed(offset: 1, dim1: 0, dim2: 2) },
        one("trace", [3, 4]) { try $0.trace() },
        one("roll flat", [2, 3]) { try $0.roll([2]) },
        one("roll dims", [2, 3]) { try $0.roll([1, -1], dims: [0, 1]) },
        one("rot90", [2, 3]) { try $0.rot90(1) },
        one("rot90 thrice", [2, 3, 2]) { try $0.rot90(3, dims: [2, 0]) },
        one("broadcast_to", [3, 1]) { try $0.broadcastTo([2, 3, 4]) },
        one("atleast_3d", [3]) { try $0.atleast3d() },
        one("cartesian_prod", [3]) { try Tensor.cartesianProd([$0, $0.mul(.int(2))]) },
        one("meshgrid xy", [3]) { try Tensor.meshgrid([$0, $0.mul(.int(2))], indexing: "xy")[0].mul(Tensor.meshgrid([$0, $0], indexing: "xy")[1]) },
        one("einsum trace", [3, 3]) { try Tensor.einsum("ii", [$0]) },
        one("einsum diagonal", [3, 3]) { try Tensor.einsum("ii->i", [$0]) },
        one("einsum sum", [2, 3]) { try Tensor.einsum("ij->j", [$0]) },
        one("erfinv", [2, 3], range: (-0.9, 0.9)) { try $0.erfinv() },
        one("erfc", [2, 3]) { try $0.erfc() },
        one("logit", [2, 3], range: (0.05, 0.95)) { try $0.logit() },
        one("logit eps", [2, 3], range: (0.2, 0.8)) { try $0.logit(eps: 0.1) },
        one("nan_to_num", [2, 3]) { try $0.nanToNum() },
        one("nansum", [2, 3]) { try $0.nansum(dims: [1]) },
        one("nanmean", [2, 3]) { try $0.nanmean(dims: [0], keepdim: true) },
        one("logcumsumexp", [2, 4]) { try $0.logcumsumexp(dim: 1) },
        one("logcumsumexp dim 0", [3, 2]) { try $0.logcumsumexp(dim: 0) },
        one("diff", [2, 5]) { try $0.diff(n: 2) },
        one("diff prepend", [3, 2]) { try $0.diff(dim: 0, prepend: $0.narrow(0, start: 0, length: 1).mul(.int(3))) },
    ]

    @Test(arguments: unaryCases)
    func unary(_ c: GradCase) throws {
        gradcheck(c.f, inputs: try c.inputs())
    }

    static let binaryCases: [GradCase] = [
        .binary("einsum matmul", [2, 3], [3, 4]) { try Tensor.einsum("ij,jk->ik", [$0, $1]) },
        .binary("einsum batch ellipsis", [2, 2, 3], [3, 2]) { try Tensor.einsum("...ij,jk->...ik", [$0, $1]) },
        .binary("einsum outer", [3], [2]) { try Tensor.einsum("i,j->ij", [$0, $1]) },
        .binary("einsum three operands", [2, 3], [3]) { try Tensor.einsum("ij,j,j->i", [$0, $1, $1]) },
        .binary("einsum summed-only labels", [2, 3], [3, 4]) { try Tensor.einsum("ij,jk->", [$0, $1]) },
        .binary("tensordot", [2, 3, 4], [3, 4, 2]) { try $0.tensordot($1, dims: 2) },
        .binary("tensordot pairs", [2, 3], [3, 2]) { try $0.tensordot($1, dims: [0], [1]) },
        .binary("kron", [2, 3], [2, 2]) { try $0.kron($1) },
        .binary("cross", [2, 3], [2, 3]) { try $0.cross($1, dim: 1) },
        .binary("cross broadcast", [2, 3], [1, 3]) { try $0.cross($1) },
        .binary("logaddexp", [2, 3], [3]) { try $0.logaddexp($1) },
        .binary("hypot", [2, 3], [2, 3]) { try $0.hypot($1) },
        .binary("cdist", [3, 2], [4, 2]) { try Tensor.cdist($0, $1) },
        .binary("cdist p=1", [3, 2], [4, 2]) { try Tensor.cdist($0, $1, p: 1) },
        .binary("cdist p=3 batched", [2, 3, 2], [2, 4, 2]) { try Tensor.cdist($0, $1, p: 3) },
        .binary("cdist through mm", [27, 2], [3, 2]) { try Tensor.cdist($0, $1) },
        .binary("addr", [3], [4]) { try Tensor.addr(Tensor.ones([3, 4], dtype: .float64), $0, $1, beta: .double(0.5), alpha: .int(2)) },
        .binary("addmv", [3, 4], [4]) { try Tensor.addmv($1.narrow(0, start: 0, length: 3), $0, $1, alpha: .double(-1.5)) },
    ]

    @Test(arguments: binaryCases)
    func binary(_ c: GradCase) throws {
        gradcheck(c.f, inputs: try c.inputs())
    }

    @Test func baddbmm() throws {
        let bias = try randomInput([3, 4], seed: 1), b1 = try randomInput([2, 3, 5], seed: 2), b2 = try randomInput([2, 5, 4], seed: 3)
        gradcheck({ try Tensor.baddbmm($0[0], $0[1], $0[2], beta: .double(0.5), alpha: .int(2)) }, inputs: [bias, b1, b2])
    }

    @Test func indexAddAndCopy() throws {
        let base = try randomInput([4, 3], seed: 1), source = try randomInput([3, 3], seed: 2)
        let index = try Tensor.from([Int64(2), 0, 2])
        gradcheck({ try $0[0].indexAdd(0, index, $0[1], alpha: .double(1.5)) }, inputs: [base, source])
        let distinct = try Tensor.from([Int64(3), 1, 0])
        gradcheck({ try $0[0].indexCopy(0, distinct, $0[1]) }, inputs: [base, source])
        let columns = try randomInput([4, 2], seed: 3)
        gradcheck({ try $0[0].indexAdd(1, try Tensor.from([Int64(2), 0]), $0[1]) }, inputs: [base, columns])
    }

    @Test func secondDerivatives() throws {
        gradgradcheck({ try Tensor.einsum("ij,jk->ik", [$0[0], $0[1]]).tanh() }, inputs: [try randomInput([2, 3], seed: 1), try randomInput([3, 2], seed: 2)])
        gradgradcheck({ try $0[0].diagonal().exp() }, inputs: [try randomInput([3, 3])])
        gradgradcheck({ try $0[0].mul($0[0]).trace() }, inputs: [try randomInput([3, 3])])
        gradgradcheck({ try $0[0].logcumsumexp(dim: 0) }, inputs: [try randomInput([4])])
        gradgradcheck({ try $0[0].erfinv() }, inputs: [try uniformInput([3], -0.8, 0.8)])
    }
}
