import Testing
@testable import TensorEngine

@Suite("Gradcheck: reductions")
struct GradcheckReductionTests {
    static let cases: [GradCase] = [
        .unary("sum") { try $0.sum() },
        .unary("sum dim 0") { try $0.sum(dims: [0]) },
        .unary("sum dim -1 keepdim") { try $0.sum(dims: [-1], keepdim: true) },
        .unary("sum dims [0, 1]") { try $0.sum(dims: [0, 1]) },
        .unary("mean") { try $0.mean() },
        .unary("mean dim 1") { try $0.mean(dims: [1]) },
        .unary("mean dim 0 keepdim") { try $0.mean(dims: [0], keepdim: true) },
        .unary("prod") { try $0.prod() },
        .unary("prod dim 1") { try $0.prod(dim: 1) },
        .unary("prod dim 0 keepdim") { try $0.prod(dim: 0, keepdim: true) },
        .unary("max") { try $0.max() },
        .unary("min") { try $0.min() },
        .unary("amax dim 1") { try $0.amax(dims: [1]) },
        .unary("amax dims [0, 1] keepdim") { try $0.amax(dims: [0, 1], keepdim: true) },
        .unary("std") { try $0.std() },
        .unary("std dim 1") { try $0.std(dims: [1]) },
        .unary("std dim 0 keepdim correction 0") { try $0.std(dims: [0], correction: 0, keepdim: true) },
        .unary("variance") { try $0.variance() },
        .unary("variance dim 1 keepdim") { try $0.variance(dims: [1], keepdim: true) },
        .unary("variance dim 0 correction 0") { try $0.variance(dims: [0], correction: 0) },
        .unary("norm p=2") { try $0.norm() },
        .unary("norm p=1") { try $0.norm(p: 1) },
        .unary("norm p=3") { try $0.norm(p: 3) },
        .unary("norm p=inf") { try $0.norm(p: .infinity) },
        .unary("norm p=2 dim 1") { try $0.norm(p: 2, dims: [1]) },
        .unary("norm p=1 dim 0 keepdim") { try $0.norm(p: 1, dims: [0], keepdim: true) },
        .unary("norm p=3 dim 1 keepdim") { try $0.norm(p: 3, dims: [1], keepdim: true) },
        .unary("norm p=inf dim 1") { try $0.norm(p: .infinity, dims: [1]) },
        .unary("norm p=0.5", 0.5, 2) { try $0.norm(p: 0.5) },
        .unary("logsumexp dim 1") { try $0.logsumexp(dims: [1]) },
        .unary("logsumexp dims [0, 1] keepdim") { try $0.logsumexp(dims: [0, 1], keepdim: true) },
        .unary("softmax dim 1") { try $0.softmax(dim: 1) },
        .unary("softmax dim 0") { try $0.softmax(dim: 0) },
        .unary("logSoftmax dim -1") { try $0.logSoftmax(dim: -1) },
        .unary("logSoftmax dim 0") { try $0.logSoftmax(dim: 0) },
        .unary("cumsum dim 1") { try $0.cumsum(dim: 1) },
        .unary("cumsum dim 0") { try $0.cumsum(dim: 0) },
    ]

    @Test(arguments: cases)
    func reduction(_ c: GradCase) throws {
        gradcheck(c.f, inputs: try c.inputs())
    }

    static let threeDimCases: [GradCase] = [
        GradCase("sum dims [0, 2] 3-d", { [try randomInput([2, 3, 2])] }, { try $0[0].sum(dims: [0, 2]) }),
        GradCase("sum dims [2, 0] keepdim 3-d", { [try randomInput([2, 3, 2])] }, { try $0[0].sum(dims: [2, 0], keepdim: true) }),
        GradCase("mean dims [-1, 0] 3-d", { [try randomInput([2, 3, 2])] }, { try $0[0].mean(dims: [-1, 0]) }),
        GradCase("var dims [0, 2] 3-d", { [try randomInput([2, 3, 2])] }, { try $0[0].variance(dims: [0, 2]) }),
        GradCase("std dims [1, 2] keepdim 3-d", { [try randomInput([2, 3, 2])] }, { try $0[0].std(dims: [1, 2], keepdim: true) }),
        GradCase("norm dims [0, 2] 3-d", { [try randomInput([2, 3, 2])] }, { try $0[0].norm(p: 2, dims: [0, 2]) }),
        GradCase("amax dims [0, 2] 3-d", { [try randomInput([2, 3, 2])] }, { try $0[0].amax(dims: [0, 2]) }),
        GradCase("logsumexp dim 1 3-d", { [try randomInput([2, 3, 2])] }, { try $0[0].logsumexp(dims: [1]) }),
        GradCase("softmax dim 1 3-d", { [try randomInput([2, 3, 2])] }, { try $0[0].softmax(dim: 1) }),
        GradCase("logSoftmax dim 1 3-d", { [try randomInput([2, 3, 2])] }, { try $0[0].logSoftmax(dim: 1) }),
        GradCase("cumsum dim 1 3-d", { [try randomInput([2, 3, 2])] }, { try $0[0].cumsum(dim: 1) }),
        GradCase("prod dim 2 3-d", { [try randomInput([2, 3, 2])] }, { try $0[0].prod(dim: 2) }),
        GradCase("sum of 1-d", { [try randomInput([4])] }, { try $0[0].sum(dims: [0]) }),
        GradCase("softmax of 1-d", { [try randomInput([4])] }, { try $0[0].softmax(dim: 0) }),
        GradCase("sum of 0-d", { [try randomInput([])] }, { try $0[0].sum() }),
        GradCase("mean of 0-d", { [try randomInput([])] }, { try $0[0].mean() }),
        GradCase("prod of 0-d", { [try randomInput([])] }, { try $0[0].prod() }),
        GradCase("max of 0-d", { [try randomInput([])] }, { try $0[0].max() }),
        GradCase("norm of 0-d", { [try randomInput([])] }, { try $0[0].norm() }),
    ]

    @Test(arguments: threeDimCases)
    func otherRanks(_ c: GradCase) throws {
        gradcheck(c.f, inputs: try c.inputs())
    }

    @Test func prodWithZeros() throws {
        // One zero: only the zero's position gets a nonzero gradient in its group.
        let oneZero = try leaf([2, 0, 3, -1.5, 0.5, 4], [2, 3])
        gradcheck({ try $0[0].prod() }, inputs: [oneZero])
        gradcheck({ try $0[0].prod(dim: 1) }, inputs: [oneZero])
        gradcheck({ try $0[0].prod(dim: 0, keepdim: true) }, inputs: [oneZero])
        // Two zeros in a group: every gradient in that group is zero.
        let twoZeros = try leaf([0, 0, 3, -1.5, 0.5, 4], [2, 3])
        gradcheck({ try $0[0].prod(dim: 1) }, inputs: [twoZeros])
        gradcheck({ try $0[0].prod() }, inputs: [twoZeros])
        let x = try leaf([0, 2, 3])
        try x.prod().backward()
        #expect(x.grad?.toArray(Double.self) == [6, 0, 0])
    }

    @Test func maxAndMinAlongDim() throws {
        let x = try randomInput([3, 4])
        gradcheck(outputs: { [try $0[0].max(dim: 1).values] }, inputs: [x])
        gradcheck(outputs: { [try $0[0].max(dim: 0, keepdim: true).values] }, inputs: [x])
        gradcheck(outputs: { [try $0[0].min(dim: -1).values] }, inputs: [x])
        gradcheck(outputs: { [try $0[0].min(dim: 0, keepdim: true).values] }, inputs: [x])
        gradcheck(outputs: { let r = try $0[0].max(dim: 1); return [r.values, r.indices] }, inputs: [x])
        gradcheck(outputs: { [try $0[0].max(dim: 0).values] }, inputs: [try randomInput([])])
        gradcheck(outputs: { [try $0[0].max(dim: 2).values] }, inputs: [try randomInput([2, 2, 3])])
    }

    /// Ties: full reductions and `amax` share the gradient evenly; `max(dim)`
    /// sends it to the chosen index only; `maximum` splits it in half.
    @Test func tiesFollowPyTorch() throws {
        let x = try leaf([1, 3, 3, 2])
        try x.max().backward()
        #expect(x.grad?.toArray(Double.self) == [0, 0.5, 0.5, 0])

        let y = try leaf([1, 3, 3, 2])
        try y.max(dim: 0).values.backward()
        #expect(y.grad?.toArray(Double.self) == [0, 1, 0, 0])

        let z = try leaf([3, 1, 3, 3], [2, 2])
        try z.amax(dims: [1]).sum().backward()
        #expect(z.grad?.toArray(Double.self) == [1, 0, 0.5, 0.5])

        let a = try leaf([1, 2]), b = try leaf([1, 3])
        try a.maximum(b).sum().backward()
        #expect(a.grad?.toArray(Double.self) == [0.5, 0])
        #expect(b.grad?.toArray(Double.self) == [0.5, 1])

        let m = try leaf([-2, 1, 2, 2])
        try m.norm(p: .infinity).backward()
        #expect(m.grad?.toArray(Double.self) == [-1.0 / 3, 0, 1.0 / 3, 1.0 / 3])
    }

    @Test func normAtZero() throws {
        // PyTorch defines the gradient of the 2-norm at 0 as 0.
        let x = try leaf([0, 0, 0])
        try x.norm().backward()
        #expect(x.grad?.toArray(Double.self) == [0, 0, 0])
        let y = try leaf([0, 0, 1, 2], [2, 2])
        try y.norm(p: 2, dims: [1]).sum().backward()
        let g = y.grad?.toArray(Double.self) ?? []
        #expect(g.count == 4 && g[0] == 0 && g[1] == 0)
        let z = try leaf([0, 0, 0])
        try z.norm(p: 3).backward()
        #expect(z.grad?.toArray(Double.self) == [0, 0, 0])
        let h = try leaf([0, 1, 0])
        try h.norm(p: 0.5).backward()
        #expect(h.grad?.toArray(Double.self) == [0, 1, 0])
        let rows = try leaf([-2, 1, 2, 0, 0, 0], [2, 3])
        try rows.norm(p: .infinity, dims: [1]).sum().backward()
        #expect(rows.grad?.toArray(Double.self) == [-0.5, 0, 0.5, 0, 0, 0])
    }
}
