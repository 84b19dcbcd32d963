import Testing
@testable import TensorEngine

// Every op must give the same values (and gradients) on any memory layout as on
// a contiguous copy of the same values: transposed, permuted, sliced with a
// step, offset into a larger storage, expanded (stride 0), 0-dim and empty.
// Like swift-collections' `withEveryDeque`, `withEveryLayout` hands the test
// each layout of a given logical shape.

/// One way of laying out a tensor of a given shape in memory.
struct Layout: Sendable, CustomStringConvertible {
    let name: String
    /// A float64 tensor of logical shape `shape` in this layout, or `nil` when the layout does not apply.
    let make: @Sendable (_ shape: [Int], _ seed: UInt64) throws -> Tensor?
    var description: String { name }

    private static func randn(_ shape: [Int], _ seed: UInt64) throws -> Tensor {
        try Tensor.randn(shape, dtype: .float64, generator: Generator(seed: seed))
    }

    static let all: [Layout] = [
        Layout(name: "contiguous") { shape, seed in try randn(shape, seed) },
        Layout(name: "transposed") { shape, seed in
            guard shape.count >= 2 else { return nil }
            var s = shape
            s.swapAt(s.count - 1, s.count - 2)
            return try randn(s, seed).transpose(-1, -2)
        },
        Layout(name: "permuted") { shape, seed in
            guard shape.count >= 3 else { return nil }
            let order = Array((0..<shape.count).reversed())
            return try randn(order.map { shape[$0] }, seed).permute(order)
        },
        Layout(name: "step-sliced last dim") { shape, seed in
            guard let last = shape.last else { return nil }
            var s = shape
            s[s.count - 1] = 2 * last + 1
            return try randn(s, seed).slice(-1, start: 1, end: nil, step: 2)
        },
        Layout(name: "step-sliced first dim, offset") { shape, seed in
            guard let first = shape.first else { return nil }
            var s = shape
            s[0] = 3 * first + 2
            return try randn(s, seed).slice(0, start: 2, end: nil, step: 3)
        },
        Layout(name: "offset into larger storage") { shape, seed in
            let n = shape.reduce(1, *)
            return try randn([n + 3], seed).narrow(0, start: 3, length: n).view(shape)
        },
        Layout(name: "expanded first dim (stride 0)") { shape, seed in
            guard let first = shape.first, first != 1 else { return nil }
            var s = shape
            s[0] = 1
            return try randn(s, seed).expand(shape)
        },
        Layout(name: "expanded last dim (stride 0)") { shape, seed in
            guard let last = shape.last, last != 1 else { return nil }
            var s = shape
            s[s.count - 1] = 1
            return try randn(s, seed).expand(shape)
        },
        Layout(name: "0-dim expanded everywhere") { shape, seed in
            guard !shape.isEmpty else { return nil }
            return try randn([], seed).expand(shape)
        },
    ]

    static let shapes: [[Int]] = [[3, 4], [2, 3, 4], [5], [], [1, 4], [0, 3], [2, 0], [2, 0, 3]]
}

/// Calls `body` with every layout of every test shape (each tensor detached, so it is a leaf).
func withEveryLayout(shapes: [[Int]] = Layout.shapes, seed: UInt64 = 7,
                     _ body: (_ layout: Layout, _ shape: [Int], _ t: Tensor) throws -> Void) rethrows {
    for shape in shapes {
        for layout in Layout.all {
            guard let t = try? layout.make(shape, seed) else { continue }
            try body(layout, shape, t.detach())
        }
    }
}

/// A contiguous copy with the same values (no shared storage).
func contiguousCopy(_ t: Tensor) throws -> Tensor {
    let c = try Tensor(uninitializedShape: t.shape, dtype: t.dtype)
    copyConverting(from: t, to: c)
    return c
}

/// An op under layout test: any number of outputs, all compared.
struct LayoutCase: Sendable, CustomTestStringConvertible {
    let name: String
    let f: @Sendable (Tensor) throws -> [Tensor]
    var testDescription: String { name }

    init(_ name: String, _ f: @escaping @Sendable (Tensor) throws -> Tensor) {
        self.name = name
        self.f = { [try f($0)] }
    }

    init(many name: String, _ f: @escaping @Sendable (Tensor) throws -> [Tensor]) {
        self.name = name
        self.f = f
    }
}

private func sameResult(_ a: Tensor, _ b: Tensor, tol: Double) -> Bool {
    guard a.shape == b.shape, a.dtype == b.dtype else { return false }
    if a.dtype.isFloatingPoint { return sameValues(a, b, tol: tol) }
    return a.toArray(Int64.self) == b.toArray(Int64.self)
}

private func render(_ t: Tensor) -> String {
    "\(t.dtype) \(t.shape) \(t.toArray(Double.self))"
}

/// Runs `f` on `x` and on its contiguous copy; both must agree in values (or in
/// the error thrown), and the gradients of a weighted sum must agree too.
func expectLayoutInvariant(_ name: String, _ f: (Tensor) throws -> [Tensor], on x: Tensor, layout: Layout,
                           tol: Double = 1e-12, sourceLocation: SourceLocation = #_sourceLocation) {
    let where_ = "\(name) on \(layout) \(x.shape) strides \(x.strides)"
    let reference: Result<[Tensor], any Error>
    let actual: Result<[Tensor], any Error>
    do {
        let leafX = try x.detach().requiresGrad_()  // a fresh leaf per check: .grad starts empty
        let leafC = try contiguousCopy(x).requiresGrad_()
        reference = Result { try f(leafC) }
        actual = Result { try f(leafX) }
        switch (actual, reference) {
        case (.success(let outs), .success(let refs)):
            guard outs.count == refs.count else {
                Issue.record("\(where_): \(outs.count) outputs, contiguous gave \(refs.count)", sourceLocation: sourceLocation)
                return
            }
            for (o, r) in zip(outs, refs) where !sameResult(o, r, tol: tol) {
                Issue.record("\(where_):\n  got      \(render(o))\n  expected \(render(r))", sourceLocation: sourceLocation)
                return
            }
            // Gradients: the same weighted sum through both.
            let pairs = zip(outs, refs).filter { $0.0.requiresGrad && $0.1.requiresGrad }
            guard !pairs.isEmpty else { return }
            var lossX = try Tensor.zeros([], dtype: .float64), lossC = try Tensor.zeros([], dtype: .float64)
            for (k, (o, r)) in pairs.enumerated() {
                let w = try Tensor.randn(r.shape, dtype: r.dtype, generator: Generator(seed: 100 + UInt64(k)))
                lossX = try lossX.add(o.mul(w).sum().to(.float64))
                lossC = try lossC.add(r.mul(w).sum().to(.float64))
            }
            try lossX.backward()
            try lossC.backward()
            let gx = try leafX.grad ?? Tensor.zeros(x.shape, dtype: .float64)
            let gc = try leafC.grad ?? Tensor.zeros(x.shape, dtype: .float64)
            if !sameValues(gx, gc, tol: tol) {
                Issue.record("\(where_): gradient differs\n  got      \(render(gx))\n  expected \(render(gc))",
                             sourceLocation: sourceLocation)
            }
        case (.failure(let e1), .failure(let e2)):
            if "\(e1)" != "\(e2)" {
                Issue.record("\(where_): error \"\(e1)\", contiguous gave \"\(e2)\"", sourceLocation: sourceLocation)
            }
        case (.failure(let e), .success):
            Issue.record("\(where_): threw \"\(e)\" but the contiguous copy did not", sourceLocation: sourceLocation)
        case (.success, .failure(let e)):
            Issue.record("\(where_): succeeded but the contiguous copy threw \"\(e)\"", sourceLocation: sourceLocation)
        }
    } catch {
        Issue.record("\(where_): \(error)", sourceLocation: sourceLocation)
    }
}

@Suite("Layouts")
struct LayoutTests {
    static let unaryCases: [LayoutCase] = [
        LayoutCase("neg") { try $0.neg() },
        LayoutCase("abs") { try $0.abs() },
        LayoutCase("exp") { try $0.exp() },
        LayoutCase("log of abs+1") { try $0.abs().add(.int(1)).log() },
        LayoutCase("sqrt of abs") { try $0.abs().sqrt() },
        LayoutCase("sin") { try $0.sin() },
        LayoutCase("tanh") { try $0.tanh() },
        LayoutCase("sigmoid") { try $0.sigmoid() },
        LayoutCase("relu") { try $0.relu() },
        LayoutCase("gelu") { try $0.gelu() },
        LayoutCase("silu") { try $0.silu() },
        LayoutCase("softplus") { try $0.softplus() },
        LayoutCase("leakyRelu") { try $0.leakyRelu(0.2) },
        LayoutCase("elu") { try $0.elu() },
        LayoutCase("erf") { try $0.erf() },
        LayoutCase("clamp") { try $0.clamp(min: .double(-0.5), max: .double(0.5)) },
        LayoutCase("pow 2") { try $0.pow(.int(2)) },
        LayoutCase("rpow") { try $0.rpow(.double(2)) },
        LayoutCase("add scalar") { try $0.add(.double(1.5)) },
        LayoutCase("mul scalar") { try $0.mul(.int(3)) },
        LayoutCase("div scalar") { try $0.div(.double(0.5)) },
        LayoutCase("rsub") { try $0.rsub(.int(1)) },
        LayoutCase("floor") { try $0.floor() },
        LayoutCase("round") { try $0.round() },
        LayoutCase("sign") { try $0.sign() },
        LayoutCase("self mul") { x in try x.mul(x) },
        LayoutCase("self add transposed") { x in try x.add(x.dim >= 2 ? x.transpose(-1, -2).transpose(-1, -2) : x) },
        LayoutCase("gt") { try $0.gt(.int(0)) },
        LayoutCase("eq self") { x in try x.eq(x) },
        LayoutCase("maskedFill") { x in try x.maskedFill(x.detach().gt(.int(0)), .double(-1)) },
        LayoutCase("where") { x in try Tensor.whereSelect(x.detach().gt(.int(0)), x, .double(0)) },
        LayoutCase("to float32") { try $0.to(.float32) },
        LayoutCase("to int64") { try $0.mul(.int(10)).to(.int64) },
        LayoutCase("clone") { try $0.clone() },
        LayoutCase("contiguous") { try $0.contiguous() },
    ]

    static let reductionCases: [LayoutCase] = [
        LayoutCase("sum") { try $0.sum() },
        LayoutCase("sum dim 0") { try $0.sum(dims: [0]) },
        LayoutCase("sum dim -1 keepdim") { try $0.sum(dims: [-1], keepdim: true) },
        LayoutCase("sum all dims listed") { x in try x.sum(dims: Array(0..<x.dim)) },
        LayoutCase("mean") { try $0.mean() },
        LayoutCase("mean dim -1") { try $0.mean(dims: [-1]) },
        LayoutCase("prod") { try $0.prod() },
        LayoutCase("prod dim 0") { try $0.prod(dim: 0) },
        LayoutCase("max") { try $0.max() },
        LayoutCase("min") { try $0.min() },
        LayoutCase(many: "max dim -1") { let r = try $0.max(dim: -1); return [r.values, r.indices] },
        LayoutCase(many: "min dim 0 keepdim") { let r = try $0.min(dim: 0, keepdim: true); return [r.values, r.indices] },
        LayoutCase("argmax") { try $0.argmax() },
        LayoutCase("argmin dim -1") { try $0.argmin(dim: -1) },
        LayoutCase("amax dim -1") { try $0.amax(dims: [-1]) },
        LayoutCase("all") { try $0.gt(.int(0)).all() },
        LayoutCase("any dim 0") { try $0.gt(.int(0)).any(dim: 0) },
        LayoutCase("std") { try $0.std() },
        LayoutCase("var dim -1") { try $0.variance(dims: [-1]) },
        LayoutCase("norm") { try $0.norm() },
        LayoutCase("norm p=1 dim 0") { try $0.norm(p: 1, dims: [0]) },
        LayoutCase("logsumexp dim -1") { try $0.logsumexp(dims: [-1]) },
        LayoutCase("softmax dim -1") { try $0.softmax(dim: -1) },
        LayoutCase("softmax dim 0") { try $0.softmax(dim: 0) },
        LayoutCase("logSoftmax dim -1") { try $0.logSoftmax(dim: -1) },
        LayoutCase("cumsum dim -1") { try $0.cumsum(dim: -1) },
        LayoutCase("cumsum dim 0") { try $0.cumsum(dim: 0) },
    ]

    static let shapeCases: [LayoutCase] = [
        LayoutCase("reshape -1") { try $0.reshape([-1]) },
        LayoutCase("flatten") { try $0.flatten() },
        LayoutCase("unsqueeze 0") { try $0.unsqueeze(0) },
        LayoutCase("unsqueeze -1") { try $0.unsqueeze(-1) },
        LayoutCase("squeeze") { try $0.squeeze() },
        LayoutCase("transpose 0 -1") { try $0.transpose(0, -1) },
        LayoutCase(".T") { try $0.reversedDims() },
        LayoutCase("permute reversed") { x in try x.permute(Array((0..<x.dim).reversed())) },
        LayoutCase("expand") { x in try x.unsqueeze(0).expand([2] + x.shape) },
        LayoutCase("repeat") { x in try x.repeatTiles([2] + [Int](repeating: 1, count: x.dim)) },
        LayoutCase("flip 0") { try $0.flip([0]) },
        LayoutCase("flip all") { x in try x.flip(Array(0..<x.dim)) },
        LayoutCase("cat dim 0") { x in try Tensor.cat([x, x.mul(.int(2))]) },
        LayoutCase("cat dim -1") { x in try Tensor.cat([x, x.exp()], dim: -1) },
        LayoutCase("stack") { x in try Tensor.stack([x, x.neg()]) },
        LayoutCase(many: "split 1") { try $0.split(1) },
        LayoutCase(many: "chunk 2 dim -1") { try $0.chunk(2, dim: -1) },
        LayoutCase(many: "unbind") { try $0.unbind() },
        LayoutCase("narrow") { try $0.narrow(0, start: 0, length: 1) },
        LayoutCase("select 0") { try $0.select(0, 0) },
        LayoutCase("select -1 last") { try $0.select(-1, -1) },
        LayoutCase("slice step 2") { try $0.slice(-1, start: 0, end: nil, step: 2) },
        LayoutCase("x[..., None]") { try $0.index([.ellipsis, .newAxis]) },
        LayoutCase("x[idx]") { try $0.index([.tensor(indices([0, 0]))]) },
        LayoutCase("x[..., idx]") { try $0.index([.ellipsis, .tensor(indices([0, -1]))]) },
        LayoutCase("x[x > 0]") { x in try x.index([.tensor(x.detach().gt(.int(0)))]) },
        LayoutCase("indexSelect -1") { try $0.indexSelect(-1, indices([0])) },
        LayoutCase("maskedSelect") { x in try x.maskedSelect(x.detach().lt(.int(0))) },
        LayoutCase("gather -1") { x in try x.gather(-1, Tensor.zeros(x.shape, dtype: .int64)) },
        LayoutCase("scatterAdd -1") { x in try x.scatterAdd(-1, Tensor.zeros(x.shape, dtype: .int64), x) },
        LayoutCase("indexPut into a copy") { x in
            let y = try x.mul(.int(1))
            try y.indexPut([.ellipsis, .int(0)], Tensor.scalar(.double(9), dtype: .float64))
            return y
        },
        LayoutCase("in-place on a copy") { x in
            let y = try x.clone()
            try y.mul_(.int(2))
            try y.add_(x)
            return y
        },
        LayoutCase("copy_ into a copy") { x in
            let y = try Tensor.zeros(x.shape, dtype: .float64)
            try y.copy_(x)
            return y
        },
    ]

    static let linearAlgebraCases: [LayoutCase] = [
        LayoutCase("matmul with own transpose") { x in x.dim >= 2 ? try x.matmul(x.transpose(-1, -2)) : try x.matmul(x) },
        LayoutCase("matmul with contiguous") { x in
            let other = try Tensor.randn(Array(x.shape.suffix(1)) + [2], dtype: .float64, generator: Generator(seed: 9))
            return try x.matmul(other)
        },
        LayoutCase("contiguous matmul x") { x in
            let k = x.dim >= 2 ? x.shape[x.dim - 2] : (x.shape.first ?? 1)
            let other = try Tensor.randn([2, k], dtype: .float64, generator: Generator(seed: 9))
            return try other.matmul(x)
        },
        LayoutCase("mm") { x in try x.mm(x.t()) },
        LayoutCase("mv") { x in try x.mv(x.select(0, 0)) },
        LayoutCase("dot") { x in try x.dot(x.flip([0])) },
        LayoutCase("outer") { x in try x.outer(x) },
        LayoutCase("bmm") { x in try x.bmm(x.transpose(1, 2)) },
        LayoutCase("addmm") { x in try Tensor.addmm(x.select(0, 0), x, x.t(), beta: .double(0.5), alpha: .int(2)) },
    ]

    @Test(arguments: unaryCases)
    func elementwise(_ c: LayoutCase) {
        withEveryLayout { layout, _, t in expectLayoutInvariant(c.name, c.f, on: t, layout: layout) }
    }

    @Test(arguments: reductionCases)
    func reductions(_ c: LayoutCase) {
        withEveryLayout { layout, _, t in expectLayoutInvariant(c.name, c.f, on: t, layout: layout) }
    }

    @Test(arguments: shapeCases)
    func shapeAndIndexing(_ c: LayoutCase) {
        withEveryLayout { layout, _, t in expectLayoutInvariant(c.name, c.f, on: t, layout: layout) }
    }

    @Test(arguments: linearAlgebraCases)
    func linearAlgebra(_ c: LayoutCase) {
        withEveryLayout { layout, _, t in expectLayoutInvariant(c.name, c.f, on: t, layout: layout, tol: 1e-12) }
    }

    /// Binary ops with the layout on either side, and broadcasting against a layout.
    @Test(arguments: ["add", "sub alpha", "mul", "div", "maximum", "minimum", "atan2", "pow", "remainder", "where", "eq"])
    func binary(_ op: String) throws {
        let f: (Tensor, Tensor) throws -> Tensor = switch op {
        case "add": { try $0.add($1) }
        case "sub alpha": { try $0.sub($1, alpha: .double(0.5)) }
        case "mul": { try $0.mul($1) }
        case "div": { try $0.div($1.abs().add(.int(1))) }
        case "maximum": { try $0.maximum($1) }
        case "minimum": { try $0.minimum($1) }
        case "atan2": { try $0.atan2($1) }
        case "pow": { try $0.abs().add(.double(0.5)).pow($1) }
        case "remainder": { try $0.remainder($1.abs().add(.int(1))) }
        case "where": { try Tensor.whereSelect($0.detach().gt($1.detach()), $0, $1) }
        case "eq": { try $0.eq($1) }
        default: { _, _ in throw TensorError.runtime("unknown op") }
        }
        try withEveryLayout { layout, shape, t in
            let other = try Tensor.randn(shape, dtype: .float64, generator: Generator(seed: 11))
            expectLayoutInvariant("\(op)(layout, contiguous)", { x in [try f(x, other)] }, on: t, layout: layout)
            expectLayoutInvariant("\(op)(contiguous, layout)", { x in [try f(other, x)] }, on: t, layout: layout)
            expectLayoutInvariant("\(op)(layout, layout)", { x in [try f(x, x.flip(x.dim == 0 ? [] : [0]))] }, on: t, layout: layout)
            if let last = shape.last {
                let row = try Tensor.randn([last], dtype: .float64, generator: Generator(seed: 12))
                expectLayoutInvariant("\(op)(layout, row)", { x in [try f(x, row)] }, on: t, layout: layout)
                expectLayoutInvariant("\(op)(row, layout)", { x in [try f(row, x)] }, on: t, layout: layout)
            }
            let scalar = try Tensor.randn([], dtype: .float64, generator: Generator(seed: 13))
            expectLayoutInvariant("\(op)(layout, 0-dim)", { x in [try f(x, scalar)] }, on: t, layout: layout)
        }
    }

    /// Edge shapes against values and errors taken from torch 2.15.
    @Test func zeroDimAndEmptyMatchPyTorch() throws {
        func check(_ label: String, _ f: () throws -> Tensor, _ shape: [Int], _ expected: [Double],
                   sourceLocation: SourceLocation = #_sourceLocation) {
            do {
                let r = try f()
                #expect(r.shape == shape, "\(label)", sourceLocation: sourceLocation)
                #expect(sameValues(r, try Tensor.from(expected, shape: shape)), "\(label): \(r.toArray(Double.self))",
                        sourceLocation: sourceLocation)
            } catch {
                Issue.record("\(label) threw \(error)", sourceLocation: sourceLocation)
            }
        }
        let s = try Tensor.scalar(.double(0.5), dtype: .float64)
        check("0-d flip", { try s.flip([0]) }, [], [0.5])
        check("0-d softmax", { try s.softmax(dim: 0) }, [], [1])
        check("0-d logSoftmax", { try s.logSoftmax(dim: -1) }, [], [0])
        check("0-d cumsum", { try s.cumsum(dim: 0) }, [], [0.5])
        check("0-d sum dim 0", { try s.sum(dims: [0]) }, [], [0.5])
        check("0-d sum dim -1 keepdim", { try s.sum(dims: [-1], keepdim: true) }, [], [0.5])
        check("0-d mean dim -1", { try s.mean(dims: [-1]) }, [], [0.5])
        check("0-d prod dim 0", { try s.prod(dim: 0) }, [], [0.5])
        check("0-d amax", { try s.amax(dims: [-1]) }, [], [0.5])
        check("0-d var", { try s.variance(dims: [-1]) }, [], [.nan])
        check("0-d norm p=1 dim 0", { try s.norm(p: 1, dims: [0]) }, [], [0.5])
        check("0-d logsumexp", { try s.logsumexp(dims: [-1]) }, [], [0.5])
        check("0-d transpose", { try s.transpose(0, -1) }, [], [0.5])
        check("0-d max dim", { try s.max(dim: -1).values }, [], [0.5])
        check("0-d index_select", { try s.indexSelect(-1, indices([0])) }, [], [0.5])
        check("0-d gather", { try s.gather(-1, indices([0], [])) }, [], [0.5])
        check("0-d scatter_add", { try s.scatterAdd(-1, indices([0], []), s) }, [], [1])
        check("0-d repeat", { try s.repeatTiles([2]) }, [2], [0.5, 0.5])
        check("0-d unsqueeze", { try s.unsqueeze(-1) }, [1], [0.5])
        check("0-d flatten", { try s.flatten() }, [1], [0.5])
        check("0-d masked_select", { try s.maskedSelect(s.lt(.int(0))) }, [0], [])
        #expect(throws: TensorError.runtime("split expects at least a 1-dimensional tensor")) { try s.split(1) }
        #expect(throws: TensorError.runtime("chunk expects at least a 1-dimensional tensor")) { try s.chunk(2, dim: -1) }
        #expect(throws: TensorError.index("Dimension specified as 0 but tensor has no dimensions")) { try s.unbind() }
        #expect(throws: TensorError.runtime("narrow() cannot be applied to a 0-dim tensor.")) { try s.narrow(0, start: 0, length: 1) }
        #expect(throws: TensorError.runtime("index_select(): Index to scalar can have only 1 value, got 2 value(s)")) {
            try s.indexSelect(0, indices([0, 0]))
        }
        #expect(throws: TensorError.runtime("zero-dimensional tensor (at position 0) cannot be concatenated")) { try Tensor.cat([s, s]) }

        let e03 = try Tensor.zeros([0, 3], dtype: .float64), e20 = try Tensor.zeros([2, 0], dtype: .float64)
        check("empty softmax", { try e03.softmax(dim: 0) }, [0, 3], [])
        check("empty logSoftmax", { try e20.logSoftmax(dim: 1) }, [2, 0], [])
        check("empty cumsum", { try e20.cumsum(dim: -1) }, [2, 0], [])
        check("empty max dim 0", { try e20.max(dim: 0).values }, [0], [])
        check("empty std", { try e03.std() }, [], [.nan])
        check("empty var dim 1", { try e20.variance(dims: [1]) }, [2], [.nan, .nan])
        check("empty norm", { try e03.norm() }, [], [0])
        check("empty logsumexp", { try e20.logsumexp(dims: [-1]) }, [2], [-.infinity, -.infinity])
        check("empty prod dim 0", { try e03.prod(dim: 0) }, [3], [1, 1, 1])
        check("empty mean", { try e20.mean() }, [], [.nan])
        check("empty sum dim 1", { try e20.sum(dims: [1]) }, [2], [0, 0])
        check("empty flip", { try e20.flip([1]) }, [2, 0], [])
        check("empty mm", { try e20.mm(Tensor.zeros([0, 4], dtype: .float64)) }, [2, 4], [0, 0, 0, 0, 0, 0, 0, 0])
        check("empty matmul", { try e03.t().matmul(e03) }, [3, 3], [Double](repeating: 0, count: 9))
        #expect(throws: TensorError.index("max(): Expected reduction dim 1 to have non-zero size.")) { try e20.max(dim: -1) }
        #expect(throws: TensorError.index("amax(): Expected reduction dim -1 to have non-zero size.")) { try e20.amax(dims: [-1]) }
        #expect(throws: TensorError.runtime("min(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.")) {
            try e03.min()
        }
        #expect(try e20.chunk(2, dim: -1).count == 2, "torch.chunk(2, -1) of a [2, 0] tensor gives two empty chunks")
    }

    /// The layouts themselves are what they claim to be.
    @Test func layoutsHaveTheRequestedShapeAndStrides() {
        var seen: Set<String> = []
        withEveryLayout { layout, shape, t in
            #expect(t.shape == shape, "\(layout)")
            seen.insert(layout.name)
            if layout.name.hasPrefix("expanded") || layout.name.hasPrefix("0-dim") {
                #expect(t.strides.contains(0) || t.numel == 0, "\(layout) \(shape)")
            }
            if layout.name == "transposed" || layout.name.hasPrefix("step-sliced") || layout.name == "permuted" {
                #expect(!t.isContiguous || t.numel <= 1 || shape.contains(1), "\(layout) \(shape) \(t.strides)")
            }
        }
        #expect(seen.count == Layout.all.count)
    }
}
