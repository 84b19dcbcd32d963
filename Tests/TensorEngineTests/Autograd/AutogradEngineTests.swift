import Dispatch
import Synchronization
import Testing
@testable import TensorEngine

// Behaviour of the autograd engine itself, checked against what PyTorch 2.15 does
// (expected values and messages were taken from real torch).

private func values(_ t: Tensor?) -> [Double]? { t?.toArray(Double.self) }

private let hint = " Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False)."

@Suite("Autograd engine")
struct AutogradEngineTests {
    // MARK: - Accumulation and graph shapes

    @Test func gradientsAccumulateAcrossBackwardCalls() throws {
        let x = try leaf([1, 2, 3])
        let y = try x.mul(x).sum()
        try y.backward(retainGraph: true)
        #expect(values(x.grad) == [2, 4, 6])
        try y.backward()
        #expect(values(x.grad) == [4, 8, 12])
        // A separate graph adds into the same .grad.
        try x.sum().backward()
        #expect(values(x.grad) == [5, 9, 13])
        // Zeroing in place, as optimizer.zero_grad(set_to_none=False) does.
        try x.grad?.zero_()
        try x.mul(.int(3)).sum().backward()
        #expect(values(x.grad) == [3, 3, 3])
    }

    @Test func diamondGraphSumsBothPaths() throws {
        // y = 2x is used by two branches that meet again.
        let x = try leaf([0.5, -1])
        let y = try x.mul(.int(2))
        let z = try y.mul(y).add(y.exp())
        try z.sum().backward()
        // dz/dx = 2 * (2y + e^y)
        let expected = [0.5, -1].map { v in 2 * (4 * v + Double.exp(2 * v)) }
        #expect(zip(values(x.grad)!, expected).allSatisfy { Swift.abs($0 - $1) < 1e-12 })
        gradcheck({ x in
            let y = try x[0].mul(.int(2))
            return try y.mul(y).add(y.exp()).add(x[0])
        }, inputs: [try randomInput([3])])
    }

    @Test func tensorUsedTwiceInOneOp() throws {
        let x = try leaf([3])
        try x.mul(x).backward(gradient: try Tensor.ones([1], dtype: .float64))
        #expect(values(x.grad) == [6])
        let y = try leaf([1, 2])
        try Tensor.stack([y, y, y.mul(.int(2))]).sum().backward()
        #expect(values(y.grad) == [4, 4])
    }

    @Test func multipleRootsAndExplicitGradients() throws {
        let x = try leaf([1, 2])
        let a = try x.mul(.int(2)), b = try x.mul(x)
        try Autograd.backward([a, b], gradients: [try leaf([1, 10], requiresGrad: false), try leaf([1, 1], requiresGrad: false)])
        #expect(values(x.grad) == [4, 24])
    }

    @Test func unusedBranchesAndNonRequiringInputs() throws {
        let x = try leaf([1, 2]), c = try leaf([5, 6], requiresGrad: false)
        let (parts) = try x.mul(c).split(1)
        try parts[1].sum().backward()
        #expect(values(x.grad) == [0, 6])
        #expect(c.grad == nil)
    }

    // MARK: - retain_graph and freed graphs

    @Test func secondBackwardNeedsRetainGraph() throws {
        let message = "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward."
        let x = try leaf([1, 2, 3])
        let y = try x.mul(x).sum()
        try y.backward()
        #expect(throws: TensorError.runtime(message)) { try y.backward() }
        let r = try x.exp().sum()
        try r.backward(retainGraph: true)
        try r.backward(retainGraph: true)
        try r.backward()
        #expect(throws: TensorError.runtime(message)) { try r.backward() }
    }

    /// Which nodes may be run twice without `retain_graph`: PyTorch frees only
    /// nodes that saved tensors (values from torch 2.15).
    @Test(arguments: [
        ("add", false), ("sub", false), ("neg", false), ("view", false), ("transpose", false), ("expand", false),
        ("cat", false), ("stack", false), ("split", false), ("repeat", false), ("flip", false), ("index int", false),
        ("slice", false), ("mean", false), ("cumsum", false), ("sign", false), ("to", false), ("reshape copy", false),
        ("mul scalar", true), ("div scalar", true), ("rdiv", true), ("relu", true), ("exp", true), ("sigmoid", true),
        ("tanh", true), ("sqrt", true), ("sin", true), ("abs", true), ("square", true), ("rpow", true),
        ("index tensor", true), ("index mask", true), ("index_select", true), ("gather", true), ("softmax", true),
        ("logsumexp", true), ("max", true), ("max dim", true), ("amax", true), ("std", true), ("norm", true),
        ("prod", true), ("where", true), ("clamp", true), ("masked_fill", true), ("mm", true), ("maximum", true),
    ])
    func freedAfterBackward(_ op: String, _ freed: Bool) throws {
        let x = try randomInput([3, 4])
        let i = try indices([0, 2])
        let f: (Tensor) throws -> Tensor = switch op {
        case "add": { try $0.add(.int(1)) }
        case "sub": { try $0.sub(.int(1)) }
        case "neg": { try $0.neg() }
        case "view": { try $0.view([12]) }
        case "transpose": { try $0.t() }
        case "expand": { try $0.unsqueeze(0).expand([2, 3, 4]) }
        case "cat": { try Tensor.cat([$0, $0]) }
        case "stack": { try Tensor.stack([$0, $0]) }
        case "split": { try $0.split(2, dim: 1)[0] }
        case "repeat": { try $0.repeatTiles([2, 1]) }
        case "flip": { try $0.flip([0]) }
        case "index int": { try $0.index([.int(1)]) }
        case "slice": { try $0.index([.slice(start: nil, stop: nil, step: nil), .slice(start: 1, stop: 3, step: nil)]) }
        case "mean": { try $0.mean(dims: [1]) }
        case "cumsum": { try $0.cumsum(dim: 0) }
        case "sign": { try $0.sign() }
        case "to": { try $0.to(.float32) }
        case "reshape copy": { try $0.t().reshape([12]) }
        case "mul scalar": { try $0.mul(.int(2)) }
        case "div scalar": { try $0.div(.int(2)) }
        case "rdiv": { try $0.rdiv(.int(2)) }
        case "relu": { try $0.relu() }
        case "exp": { try $0.exp() }
        case "sigmoid": { try $0.sigmoid() }
        case "tanh": { try $0.tanh() }
        case "sqrt": { try $0.abs().sqrt() }
        case "sin": { try $0.sin() }
        case "abs": { try $0.abs() }
        case "square": { try $0.square() }
        case "rpow": { try $0.rpow(.int(2)) }
        case "index tensor": { try $0.index([.tensor(i)]) }
        case "index mask": { x in try x.index([.tensor(x.detach().gt(.int(0)))]) }
        case "index_select": { try $0.indexSelect(0, i) }
        case "gather": { try $0.gather(0, indices([0, 1, 2, 0], [1, 4])) }
        case "softmax": { try $0.softmax(dim: 1) }
        case "logsumexp": { try $0.logsumexp(dims: [1]) }
        case "max": { try $0.max() }
        case "max dim": { try $0.max(dim: 1).values }
        case "amax": { try $0.amax(dims: [1]) }
        case "std": { try $0.std() }
        case "norm": { try $0.norm() }
        case "prod": { try $0.prod() }
        case "where": { x in try Tensor.whereSelect(x.detach().gt(.int(0)), x, .double(0)) }
        case "clamp": { try $0.clamp(min: .int(0)) }
        case "masked_fill": { x in try x.maskedFill(x.detach().gt(.int(0)), .int(0)) }
        case "mm": { x in try x.mm(x.t()) }
        case "maximum": { x in try x.maximum(x.detach().mul(.double(0.5))) }
        default: { _ in throw TensorError.runtime("unknown op") }
        }
        let y = try f(x).sum()
        try y.backward()
        if freed {
            #expect(throws: TensorError.self) { try y.backward() }
        } else {
            try y.backward()
        }
    }

    // MARK: - create_graph and torch.autograd.grad

    @Test func doubleBackwardWithCreateGraph() throws {
        let x = try leaf([1, 2, -3])
        let y = try x.pow(.int(3)).sum()
        let g = try Autograd.grad(outputs: [y], inputs: [x], createGraph: true)[0]!
        #expect(values(g) == [3, 12, 27])
        #expect(g.requiresGrad)
        #expect(x.grad == nil)
        try g.sum().backward()
        #expect(values(x.grad) == [6, 12, -18])

        // backward(create_graph=True) leaves a differentiable .grad.
        let z = try leaf([2])
        try z.pow(.int(2)).sum().backward(createGraph: true)
        let gz = try #require(z.grad)
        #expect(gz.requiresGrad)
        let second = try Autograd.grad(outputs: [gz.sum()], inputs: [z])[0]
        #expect(values(second) == [2])
    }

    @Test func gradgradOfCompositions() throws {
        gradgradcheck({ x in try x[0].mul(x[1]).sin().sum(dims: [1]) },
                      inputs: [try randomInput([2, 3], seed: 1), try randomInput([2, 3], seed: 2)])
        gradgradcheck({ x in try x[0].tanh().matmul(x[0].t()).logSoftmax(dim: 1) }, inputs: [try randomInput([3, 2])])
        gradgradcheck({ x in try x[0].norm(p: 2, dims: [1]) }, inputs: [try randomInput([2, 3])])
        gradgradcheck({ x in try x[0].variance(dims: [0]) }, inputs: [try randomInput([3, 2])])
        gradgradcheck({ x in try x[0].index([.tensor(indices([1, 1, 0]))]).pow(.int(2)) }, inputs: [try randomInput([2, 3])])
    }

    /// Backward formulas that write into a fresh buffer must still be
    /// differentiable in the incoming gradient (e.g. a gradient penalty on `x[0]`).
    @Test(arguments: ["select", "slice", "index", "mask", "cat", "stack", "where", "maskedFill", "gather", "max dim",
                      "indexPut", "copySlices", "split", "indexSelect", "maskedSelect", "clamp tensor bounds"])
    func gradgradThroughGradientBuffers(_ op: String) throws {
        let x = try randomInput([3, 4])
        switch op {
        case "select": gradgradcheck({ try $0[0].select(1, 2).pow(.int(3)) }, inputs: [x])
        case "slice": gradgradcheck({ try $0[0].slice(1, start: 0, end: nil, step: 2).pow(.int(3)) }, inputs: [x])
        case "index": gradgradcheck({ try $0[0].index([.tensor(indices([2, 0, 2]))]).pow(.int(3)) }, inputs: [x])
        case "mask": gradgradcheck({ x in try x[0].index([.tensor(x[0].detach().gt(.int(0)))]).pow(.int(3)) }, inputs: [x])
        case "cat": gradgradcheck({ try Tensor.cat([$0[0], $0[0].exp()], dim: 1).pow(.int(2)) }, inputs: [x])
        case "stack": gradgradcheck({ try Tensor.stack([$0[0], $0[0].sin()]).pow(.int(2)) }, inputs: [x])
        case "where":
            let cond = try x.detach().gt(.int(0))
            gradgradcheck({ try Tensor.whereSelect(cond, $0[0].pow(.int(3)), .double(0)) }, inputs: [x])
        case "maskedFill":
            let mask = try x.detach().gt(.int(0))
            gradgradcheck({ try $0[0].pow(.int(3)).maskedFill(mask, .int(1)) }, inputs: [x])
        case "gather": gradgradcheck({ try $0[0].gather(1, indices([0, 3, 3, 1, 2, 0], [3, 2])).pow(.int(3)) }, inputs: [x])
        case "max dim": gradgradcheck({ try $0[0].pow(.int(3)).max(dim: 1).values }, inputs: [x])
        case "indexPut":
            gradgradcheck({ v in
                let y = try v[0].pow(.int(2))
                try y.indexPut([.int(1)], v[0].select(0, 0).exp())
                return try y.mul(v[0])
            }, inputs: [x])
        case "copySlices":
            gradgradcheck({ v in
                let y = try v[0].pow(.int(2))
                try y.slice(0, start: 1, end: 3).mul_(v[0].select(0, 0))
                return try y.mul(v[0])
            }, inputs: [x])
        case "split": gradgradcheck(({ try $0[0].split(3, dim: 1)[1].pow(.int(3)) }), inputs: [x])
        case "indexSelect": gradgradcheck({ try $0[0].indexSelect(1, indices([3, 0, 3])).pow(.int(3)) }, inputs: [x])
        case "maskedSelect":
            let mask = try Tensor.from([true, false, true, true])
            gradgradcheck({ try $0[0].maskedSelect(mask).pow(.int(3)) }, inputs: [x])
        case "clamp tensor bounds":
            gradgradcheck({ try $0[0].pow(.int(3)).clamp(min: $0[1], max: $0[2]) },
                          inputs: [x, try uniformInput([4], -0.3, 0.3, seed: 5), try uniformInput([3, 1], 0.2, 1, seed: 6)])
        default: Issue.record("unknown op \(op)")
        }
    }

    @Test func gradWithAllowUnusedAndErrors() throws {
        let x = try leaf([1, 2]), unused = try leaf([3])
        let y = try x.mul(.int(2)).sum()
        #expect(throws: TensorError.runtime("The differentiated Tensor at index 1 appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.")) {
            try Autograd.grad(outputs: [y], inputs: [x, unused], retainGraph: true)
        }
        let gs = try Autograd.grad(outputs: [y], inputs: [x, unused], retainGraph: true, allowUnused: true)
        #expect(values(gs[0]) == [2, 2])
        #expect(gs[1] == nil)
        #expect(throws: TensorError.runtime("One of the differentiated Tensors does not require grad")) {
            try Autograd.grad(outputs: [y], inputs: [Tensor.ones([1])])
        }
        // grad of an intermediate, with an explicit grad_output.
        let h = try x.exp()
        let out = try h.mul(.int(3))
        let gh = try Autograd.grad(outputs: [out], inputs: [h], gradOutputs: [try leaf([1, 2], requiresGrad: false)])
        #expect(values(gh[0]) == [3, 6])
        #expect(x.grad == nil)
    }

    @Test func backwardErrors() throws {
        let x = try leaf([1, 2, 3])
        #expect(throws: TensorError.runtime("grad can be implicitly created only for scalar outputs")) {
            try x.mul(.int(2)).backward()
        }
        #expect(throws: TensorError.runtime("element 0 of tensors does not require grad and does not have a grad_fn")) {
            try Tensor.from([1.0, 2]).sum().backward()
        }
        #expect(throws: TensorError.runtime("Mismatch in shape: grad_output[0] has a shape of torch.Size([2]) and output[0] has a shape of torch.Size([3]).")) {
            try x.mul(.int(2)).backward(gradient: Tensor.ones([2], dtype: .float64))
        }
    }

    // MARK: - no_grad, detach, requires_grad

    @Test func noGradStopsRecording() throws {
        let x = try leaf([1, 2])
        let y = try GradMode.with(false) { () throws(TensorError) in try x.mul(.int(2)).exp() }
        #expect(!y.requiresGrad)
        #expect(y.gradFn == nil)
        // enable_grad inside no_grad.
        let z = try GradMode.with(false) { () throws(TensorError) in
            try GradMode.with(true) { () throws(TensorError) in try x.mul(.int(2)) }
        }
        #expect(z.requiresGrad)
        #expect(z.gradFn?.name == "MulBackward0")
        // In-place on a leaf is allowed under no_grad (an optimizer step).
        try GradMode.with(false) { () throws(TensorError) in _ = try x.sub_(Tensor.ones([2], dtype: .float64)) }
        #expect(values(x) == [0, 1])
        #expect(x.isLeaf && x.requiresGrad)
        #expect(GradMode.isEnabled)
    }

    @Test func gradModeIsPerThread() throws {
        let seen = Atomic<Bool>(false)
        let done = DispatchSemaphore(value: 0)
        GradMode.with(false) {
            #expect(!GradMode.isEnabled)
            let thread = DispatchQueue(label: "other")
            thread.async {
                seen.store(GradMode.isEnabled, ordering: .relaxed)
                done.signal()
            }
            done.wait()
        }
        let otherThreadRecorded = seen.load(ordering: .relaxed)
        #expect(otherThreadRecorded)
        #expect(GradMode.isEnabled)
    }

    @Test func detachCutsTheGraphButSharesStorage() throws {
        let x = try leaf([1, 2])
        let y = try x.mul(.int(3))
        let d = y.detach()
        #expect(!d.requiresGrad && d.gradFn == nil && d.isLeaf)
        #expect(d.storage === y.storage)
        let z = try y.add(d.mul(y)).sum()
        try z.backward()
        // d counts as a constant: dz/dx = 3 + d * 3
        #expect(values(x.grad) == [12, 21])
        // Writing through the detached alias bumps the shared version counter.
        let w = try leaf([1, 2])
        let e = try w.exp()
        try e.detach().zero_()
        #expect(throws: TensorError.runtime("one of the variables needed for gradient computation has been modified by an inplace operation: [torch.DoubleTensor [2]], which is output 0 of Exp, is at version 1; expected version 0 instead." + hint)) {
            try e.sum().backward()
        }
    }

    @Test func requiresGradPropagation() throws {
        let a = try leaf([1, 2]), b = try leaf([3, 4], requiresGrad: false)
        #expect(try a.add(b).requiresGrad)
        #expect(try !b.mul(b).requiresGrad)
        #expect(try a.detach().add(b).gradFn == nil)
        #expect(try a.gt(b).requiresGrad == false)
        #expect(try a.argmax().requiresGrad == false)
        let (values, indices) = try a.max(dim: 0)
        #expect(values.requiresGrad && !indices.requiresGrad)
        #expect(throws: TensorError.runtime("only Tensors of floating point dtype can require gradients")) {
            try Tensor.from([Int64(1), 2]).requiresGrad_()
        }
        #expect(throws: TensorError.runtime("you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().")) {
            try a.mul(.int(2)).requiresGrad_(false)
        }
        // requires_grad_(False) on a leaf stops tracking.
        let c = try leaf([1])
        try c.requiresGrad_(false)
        #expect(try !c.exp().requiresGrad)
        // Integer results of float inputs never require grad.
        #expect(try !a.to(.int64).requiresGrad)
    }

    @Test func retainGradOnNonLeaf() throws {
        let x = try leaf([1, 2])
        let y = try x.mul(.int(2))
        try y.retainGrad()
        let z = try y.mul(y).sum()
        try z.backward()
        #expect(values(y.grad) == [4, 8])
        #expect(values(x.grad) == [8, 16])
        let w = try x.mul(.int(3))
        try w.sum().backward()
        #expect(w.grad == nil)
    }

    // MARK: - In-place ops

    @Test func leafInPlaceErrors() throws {
        let x = try leaf([1, 2, 3])
        #expect(throws: TensorError.runtime("a leaf Variable that requires grad is being used in an in-place operation.")) {
            try x.add_(.int(1))
        }
        #expect(throws: TensorError.runtime("a view of a leaf Variable that requires grad is being used in an in-place operation.")) {
            try x.index([.int(0)]).mul_(.int(2))
        }
        #expect(throws: TensorError.runtime("a view of a leaf Variable that requires grad is being used in an in-place operation.")) {
            try x.indexPut([.int(0)], Tensor.scalar(.double(1), dtype: .float64))
        }
        #expect(values(x) == [1, 2, 3])
    }

    @Test func inPlaceOnNonLeafThenBackward() throws {
        let x = try leaf([0.5, -1, 2])
        let y = try x.mul(.int(1))
        try y.mul_(.int(2))
        #expect(y.gradFn?.name == "MulBackward0")
        try y.exp_()
        #expect(y.gradFn?.name == "ExpBackward0")
        try y.add_(x)
        try y.sum().backward()
        // y = exp(2x) + x
        let expected = [0.5, -1, 2].map { 2 * Double.exp(2 * $0) + 1 }
        #expect(zip(values(x.grad)!, expected).allSatisfy { Swift.abs($0 - $1) < 1e-12 })
        gradcheck({ x in
            let y = try x[0].sin()
            try y.mul_(x[0])
            try y.sigmoid_()
            try y.clamp_(min: .double(0.2))
            return y
        }, inputs: [try randomInput([4])])
    }

    @Test func copySlicesForIndexAssignment() throws {
        // x = a.clone(); x[0] = y
        let a = try leaf([1, 2, 3, 4], [2, 2]), y = try leaf([5, 6])
        let x = try a.clone()
        try x.indexPut([.int(0)], y)
        #expect(x.gradFn?.name == "CopySlices")
        try x.mul(Tensor.from([1.0, 2, 3, 4], shape: [2, 2])).sum().backward()
        #expect(values(a.grad) == [0, 0, 3, 4])
        #expect(values(y.grad) == [1, 2])
        gradcheck({ v in
            let x = try v[0].clone()
            try x.indexPut([.int(0)], v[1])
            return try x.exp()
        }, inputs: [try randomInput([2, 3], seed: 1), try randomInput([3], seed: 2)])
    }

    @Test func copySlicesForInPlaceOnAView() throws {
        // x = a.clone(); x[1:3].mul_(2)
        let a = try leaf([1, 2, 3, 4])
        let x = try a.clone()
        let view = try x.slice(0, start: 1, end: 3)
        try view.mul_(.int(2))
        #expect(x.gradFn?.name == "CopySlices")
        #expect(view.gradFn?.name == "AsStridedBackward0")
        #expect(values(x) == [1, 4, 6, 4])
        try x.sum().backward()
        #expect(values(a.grad) == [1, 2, 2, 1])
        gradcheck({ v in
            let x = try v[0].mul(.int(1))
            try x.slice(0, start: 1, end: 3).mul_(v[1])
            try x.select(1, 0).exp_()
            return x
        }, inputs: [try randomInput([4, 2], seed: 1), try randomInput([2], seed: 2)])
        // In place through a transposed, then selected, view of a non-leaf.
        gradcheck({ v in
            let y = try v[0].mul(.int(1))
            try y.t().select(0, 1).mul_(v[0].select(1, 2))
            try y.t().slice(1, start: 0, end: nil, step: 2).exp_()
            return y
        }, inputs: [try randomInput([3, 4])])
        // The view's own later use sees the updated history.
        gradcheck({ v in
            let x = try v[0].clone()
            let row = try x.select(0, 1)
            try row.add_(v[0].select(0, 0))
            return try row.mul(x.sum())
        }, inputs: [try randomInput([3, 2])])
    }

    @Test func versionCounterErrors() throws {
        // An output saved for backward, then modified in place.
        let x = try leaf([1, 2, 3])
        let y = try x.exp()
        try y.add_(.int(1))
        #expect(throws: TensorError.runtime("one of the variables needed for gradient computation has been modified by an inplace operation: [torch.DoubleTensor [3]], which is output 0 of Exp, is at version 1; expected version 0 instead." + hint)) {
            try y.sum().backward()
        }
        // A saved leaf input modified under no_grad.
        let a = try leaf([1, 2, 3])
        let s = try a.sin()
        try GradMode.with(false) { () throws(TensorError) in _ = try a.mul_(.int(2)) }
        #expect(throws: TensorError.runtime("one of the variables needed for gradient computation has been modified by an inplace operation: [torch.DoubleTensor [3]] is at version 1; expected version 0 instead." + hint)) {
            try s.sum().backward()
        }
        // A saved non-leaf input: the message names its current node.
        let b = try x.mul(.int(1))
        let c = try b.sin()
        try b.add_(.int(1))
        #expect(throws: TensorError.runtime("one of the variables needed for gradient computation has been modified by an inplace operation: [torch.DoubleTensor [3]], which is output 0 of Add, is at version 1; expected version 0 instead." + hint)) {
            try c.sum().backward()
        }
        // y.mul_(y): the second operand is saved, then overwritten.
        let m = try leaf([1, 2, 3])
        let my = try m.mul(.int(1))
        try my.mul_(my)
        #expect(throws: TensorError.runtime("one of the variables needed for gradient computation has been modified by an inplace operation: [torch.DoubleTensor [3]], which is output 0 of Mul, is at version 1; expected version 0 instead." + hint)) {
            try my.sum().backward()
        }
        // y.add_(y) saves nothing and is fine.
        let n = try leaf([1, 2, 3])
        let ny = try n.mul(.int(1))
        try ny.add_(ny)
        try ny.sum().backward()
        #expect(values(n.grad) == [2, 2, 2])
        // A view multiplied in place by its own detached alias.
        let k = try leaf([1, 2, 3])
        let ky = try k.clone()
        let kz = try ky.slice(0, start: 1, end: nil)
        try kz.mul_(kz.detach())
        #expect(throws: TensorError.runtime("one of the variables needed for gradient computation has been modified by an inplace operation: [torch.DoubleTensor [2]] is at version 1; expected version 0 instead." + hint)) {
            try ky.sum().backward()
        }
        // Ops whose backward does not read the modified tensor are fine.
        let p = try leaf([1, 2])
        let q = try p.mul(.int(2))
        let r = try q.add(.int(1))
        try q.mul_(.int(0))
        try r.sum().backward()
        #expect(values(p.grad) == [2, 2])
        // Exp saves its output only: changing its input is allowed, as in PyTorch.
        let u = try leaf([0, 1])
        let v = try u.exp()
        try GradMode.with(false) { () throws(TensorError) in _ = try u.add_(.int(1)) }
        try v.sum().backward()
        #expect(values(u.grad) == [1, Double.exp(1)])
    }

    @Test func messageNames() {
        #expect(GradFn.messageName("ExpBackward0") == "Exp")
        #expect(GradFn.messageName("SumBackward1") == "Sum1")
        #expect(GradFn.messageName("CopySlices") == "torch::autograd::CopySlices")
    }
}
