import Testing
@testable import TensorEngine

/// An int64 index tensor.
func indices(_ values: [Int64], _ shape: [Int]? = nil) throws -> Tensor {
    try Tensor.from(values, shape: shape ?? [values.count])
}

@Suite("Gradcheck: indexing")
struct GradcheckIndexingTests {
    static func on3d(_ name: String, _ f: @escaping @Sendable (Tensor) throws -> Tensor) -> GradCase {
        GradCase(name, { [try randomInput([3, 4, 5])] }, { try f($0[0]) })
    }

    static let cases: [GradCase] = [
        on3d("x[1]") { try $0.index([.int(1)]) },
        on3d("x[-1, 2]") { try $0.index([.int(-1), .int(2)]) },
        on3d("x[:, 1:3]") { try $0.index([.slice(start: nil, stop: nil, step: nil), .slice(start: 1, stop: 3, step: nil)]) },
        on3d("x[::2, :, 1::2]") {
            try $0.index([.slice(start: nil, stop: nil, step: 2), .ellipsis, .slice(start: 1, stop: nil, step: 2)])
        },
        on3d("x[None, ..., 0]") { try $0.index([.newAxis, .ellipsis, .int(0)]) },
        on3d("x[...]") { try $0.index([.ellipsis]) },
        on3d("x[idx]") { try $0.index([.tensor(indices([2, 0]))]) },
        on3d("x[idx] duplicates") { try $0.index([.tensor(indices([1, 1, 0, 1]))]) },
        on3d("x[idx] negative") { try $0.index([.tensor(indices([-1, 0]))]) },
        on3d("x[idx2d]") { try $0.index([.tensor(indices([0, 2, 1, 1], [2, 2]))]) },
        on3d("x[:, idx]") { try $0.index([.slice(start: nil, stop: nil, step: nil), .tensor(indices([3, 0, 3]))]) },
        on3d("x[i, j] broadcast") { try $0.index([.tensor(indices([0, 2], [2, 1])), .tensor(indices([1, 3, 3]))]) },
        on3d("x[i, :, j] non-adjacent") {
            try $0.index([.tensor(indices([0, 2])), .slice(start: nil, stop: nil, step: nil), .tensor(indices([4, 1]))])
        },
        on3d("x[1, :, idx] int then tensor") { try $0.index([.int(1), .slice(start: nil, stop: nil, step: nil), .tensor(indices([0, 4]))]) },
        on3d("x[..., idx]") { try $0.index([.ellipsis, .tensor(indices([2, 2, 0]))]) },
        on3d("x[mask]") {
            try $0.index([.tensor(Tensor.from([true, false, true]))])
        },
        on3d("x[mask2d]") {
            try $0.index([.tensor(Tensor.from([true, false, false, true, false, true, true, false, false, false, false, true], shape: [3, 4]))])
        },
        on3d("x[:, mask]") {
            try $0.index([.slice(start: nil, stop: nil, step: nil), .tensor(Tensor.from([false, true, true, false]))])
        },
        on3d("x[x > 0]") { x in try x.index([.tensor(x.gt(.int(0)))]) },
        on3d("x[True]") { try $0.index([.tensor(Tensor.scalar(.bool(true)))]) },
        on3d("indexSelect 0") { try $0.indexSelect(0, indices([2, 0, 2])) },
        on3d("indexSelect -1") { try $0.indexSelect(-1, indices([4, 1])) },
        on3d("maskedSelect") { x in try x.maskedSelect(x.lt(.double(0.3))) },
        on3d("maskedSelect broadcast mask") { try $0.maskedSelect(Tensor.from([true, false, true, false, true])) },
        on3d("gather 0") { try $0.gather(0, indices([0, 2, 1, 1, 0, 0], [2, 1, 3])) },
        on3d("gather 2") { try $0.gather(2, indices([4, 4, 0, 1, 2, 3], [1, 2, 3])) },
        on3d("gather -2 duplicates") { try $0.gather(-2, indices(Array(repeating: 1, count: 12), [2, 3, 2])) },
        on3d("gather of transpose") { try $0.transpose(0, 2).gather(1, indices([3, 0, 1, 2], [2, 2, 1])) },
    ]

    @Test(arguments: cases)
    func indexing(_ c: GradCase) throws {
        gradcheck(c.f, inputs: try c.inputs())
    }

    @Test func gatherOnOtherRanks() throws {
        gradcheck({ try $0[0].gather(0, indices([2, 0, 0])) }, inputs: [try randomInput([4])])
        gradcheck({ try $0[0].gather(0, indices([0], [])) }, inputs: [try randomInput([])])
    }

    @Test func scatterAndScatterAdd() throws {
        let idx = try indices([0, 2, 1, 1, 0, 2], [2, 3])
        let self_ = try randomInput([3, 3], seed: 1), src = try randomInput([2, 3], seed: 2)
        // scatter: src values overwrite; self's gradient is zero where written.
        gradcheck({ try $0[0].scatter(0, idx, $0[1]) }, inputs: [self_, src])
        gradcheck({ try $0[0].scatter(1, indices([2, 0, 1, 0], [2, 2]), $0[1]) }, inputs: [self_, try randomInput([2, 2], seed: 3)])
        // scatter_add: duplicates accumulate.
        let dup = try indices([1, 1, 1, 0, 0, 2], [2, 3])
        gradcheck({ try $0[0].scatterAdd(1, dup, $0[1]) }, inputs: [self_, src])
        gradcheck({ try $0[0].scatterAdd(0, idx, $0[1]) }, inputs: [self_, src])
        // src larger than index: self's gradient is fine, src's has the index's
        // shape, which PyTorch's engine rejects.
        gradcheck({ try $0[0].scatterAdd(0, indices([2, 0], [1, 2]), $0[1]) }, inputs: [self_, src.detach()])
        gradcheck({ try $0[0].scatter(0, indices([2, 0], [1, 2]), $0[1]) }, inputs: [self_, src.detach()])
        #expect(throws: TensorError.runtime("Function ScatterBackward0 returned an invalid gradient at index 1 - got [1, 2] but expected shape compatible with [2, 3]")) {
            try self_.scatter(0, indices([2, 0], [1, 2]), src).sum().backward()
        }
        #expect(throws: TensorError.runtime("Function ScatterAddBackward0 returned an invalid gradient at index 1 - got [1, 2] but expected shape compatible with [2, 3]")) {
            try self_.scatterAdd(0, indices([2, 0], [1, 2]), src).sum().backward()
        }
    }

    @Test func inPlaceScatterOnANonLeaf() throws {
        let idx = try indices([0, 2, 1, 1, 0, 2], [2, 3])
        gradcheck({ v in
            let y = try v[0].mul(.int(2))
            try y.scatter_(0, idx, v[1])
            return try y.sin()
        }, inputs: [try randomInput([3, 3], seed: 1), try randomInput([2, 3], seed: 2)])
        let y = try randomInput([3, 3]).mul(.int(1))
        try y.scatter_(1, indices([0, 1, 2], [3, 1]), Tensor.zeros([3, 1], dtype: .float64))
        #expect(y.gradFn?.name == "ScatterBackward0")
    }

    @Test func indexPutOnACopy() throws {
        let x = try randomInput([3, 4], seed: 1)
        // x2 = x.clone(); x2[1] = v; the written row takes v's gradient.
        gradcheck({ v in
            let y = try v[0].clone()
            try y.indexPut([.int(1)], v[1])
            return y
        }, inputs: [x, try randomInput([4], seed: 2)])
        // A broadcast value written into a strided slice.
        gradcheck({ v in
            let y = try v[0].mul(.int(2))
            try y.indexPut([.slice(start: nil, stop: nil, step: nil), .slice(start: 0, stop: nil, step: 2)], v[1])
            return try y.exp()
        }, inputs: [x, try randomInput([3, 1], seed: 3)])
        // Advanced index_put.
        gradcheck({ v in
            let y = try v[0].clone()
            try y.indexPut([.tensor(indices([2, 0]))], v[1])
            return y
        }, inputs: [x, try randomInput([2, 4], seed: 4)])
        gradcheck({ v in
            let y = try v[0].clone()
            try y.indexPut([.tensor(indices([0, 2])), .tensor(indices([3, 1]))], v[1])
            return y
        }, inputs: [x, try randomInput([2], seed: 5)])
        // A bool mask with a 0-d value.
        gradcheck({ v in
            let y = try v[0].clone()
            try y.indexPut([.tensor(v[0].detach().gt(.int(0)))], v[1])
            return y
        }, inputs: [x, try randomInput([], seed: 6)])
        // The value does not require grad.
        let fixed = try randomInput([4], seed: 7, requiresGrad: false)
        gradcheck({ v in
            let y = try v[0].sin()
            try y.indexPut([.int(0)], fixed)
            return y
        }, inputs: [x])
    }

    @Test func indexThenReduce() throws {
        gradcheck({ x in try x[0].index([.tensor(indices([0, 0, 1]))]).sum(dims: [0]) }, inputs: [try randomInput([2, 3])])
        gradcheck({ x in try x[0].index([.int(0)]).softmax(dim: 0) }, inputs: [try randomInput([2, 3])])
    }
}
