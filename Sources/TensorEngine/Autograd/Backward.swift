/// The reverse-mode engine behind `tensor.backward()` and `torch.autograd.grad`.
///
/// Like micrograd, it orders the graph and walks it backwards, adding each
/// node's input gradients into the buffers of the nodes they flow to. Like
/// PyTorch, it counts dependencies first so a node runs only once all its
/// output gradients have arrived, and runs ready nodes newest first.
public enum Autograd {
    /// `tensor.backward(gradient, retain_graph, create_graph)` for several roots.
    public static func backward(_ roots: [Tensor], gradients: [Tensor?], retainGraph: Bool? = nil,
                                createGraph: Bool = false) throws(TensorError) {
        _ = try run(roots, gradients: gradients, retainGraph: retainGraph ?? createGraph,
                    createGraph: createGraph, capture: nil)
    }

    /// `torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph, create_graph, allow_unused)`.
    public static func grad(outputs: [Tensor], inputs: [Tensor], gradOutputs: [Tensor?] = [],
                            retainGraph: Bool? = nil, createGraph: Bool = false,
                            allowUnused: Bool = false) throws(TensorError) -> [Tensor?] {
        for t in inputs where !t.requiresGrad {
            throw .runtime("One of the differentiated Tensors does not require grad")
        }
        let targets = inputs.map { $0.gradientEdge! }
        let grads = gradOutputs.isEmpty ? Array(repeating: nil, count: outputs.count) : gradOutputs
        let result = try run(outputs, gradients: grads, retainGraph: retainGraph ?? createGraph,
                             createGraph: createGraph, capture: targets)!
        if !allowUnused, let unused = result.firstIndex(where: { $0 == nil }) {
            throw .runtime("The differentiated Tensor at index \(unused) appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.")
        }
        return result
    }

    // MARK: - Engine

    /// Runs backward; with `capture`, returns the gradients arriving at those edges
    /// instead of accumulating into leaves.
    private static func run(_ roots: [Tensor], gradients: [Tensor?], retainGraph: Bool, createGraph: Bool,
                            capture: [GradFn.Edge]?) throws(TensorError) -> [Tensor?]? {
        var rootEdges: [(GradFn.Edge, Tensor)] = []
        for (i, root) in roots.enumerated() {
            guard let edge = root.gradientEdge else {
                throw .runtime("element \(i) of tensors does not require grad and does not have a grad_fn")
            }
            let g: Tensor
            if i < gradients.count, let given = gradients[i] {
                if given.shape != root.shape {
                    throw .runtime("Mismatch in shape: grad_output[\(i)] has a shape of \(Shape.sizeRepr(given.shape)) and output[\(i)] has a shape of \(Shape.sizeRepr(root.shape)).")
                }
                g = given
            } else {
                if root.numel != 1 { throw .runtime("grad can be implicitly created only for scalar outputs") }
                g = try Tensor.ones(root.shape, dtype: root.dtype)
            }
            rootEdges.append((edge, g))
        }

        // Count how many gradient contributions each node waits for.
        var dependencies: [ObjectIdentifier: Int] = [:]
        var seen: Set<ObjectIdentifier> = []
        var stack = rootEdges.map(\.0.node)
        for n in stack { seen.insert(ObjectIdentifier(n)) }
        while let node = stack.popLast() {
            for case let edge? in node.inputs {
                dependencies[ObjectIdentifier(edge.node), default: 0] += 1
                if seen.insert(ObjectIdentifier(edge.node)).inserted { stack.append(edge.node) }
            }
        }

        var buffers: [ObjectIdentifier: [Tensor?]] = [:]
        var nodes: [ObjectIdentifier: GradFn] = [:]
        var ready: [GradFn] = []
        func deliver(_ g: Tensor, to edge: GradFn.Edge) throws(TensorError) {
            let id = ObjectIdentifier(edge.node)
            var buf = buffers[id] ?? Array(repeating: nil, count: edge.node.outputs.count)
            if let existing = buf[edge.inputNr] {
                buf[edge.inputNr] = try GradMode.with(createGraph) { () throws(TensorError) in try existing.add(g) }
            } else {
                buf[edge.inputNr] = g
            }
            buffers[id] = buf
            nodes[id] = edge.node
        }
        for (edge, g) in rootEdges { try deliver(g, to: edge) }
        for (edge, _) in rootEdges where dependencies[ObjectIdentifier(edge.node), default: 0] == 0 {
            if !ready.contains(where: { $0 === edge.node }) { ready.append(edge.node) }
        }

        var captured: [Tensor?]? = capture.map { Array(repeating: nil, count: $0.count) }
        while !ready.isEmpty {
            let pick = ready.indices.max { ready[$0].sequenceNr < ready[$1].sequenceNr }!
            let node = ready.remove(at: pick)
            let id = ObjectIdentifier(node)
            var grads: [Tensor] = []
            for (i, g) in (buffers.removeValue(forKey: id) ?? []).enumerated() {
                if let g { grads.append(g) } else {
                    grads.append(try Tensor.zeros(node.outputs[i].shape, dtype: node.outputs[i].dtype))
                }
            }
            for (i, hook) in node.tensorPreHooks where i < grads.count {
                if let replaced = try hook(grads[i]) { grads[i] = replaced }
            }
            for weak in node.retainedOutputs {
                guard let t = weak.tensor, t.outputNr < grads.count else { continue }
                try accumulate(grads[t.outputNr], into: t, createGraph: createGraph)
            }
            if let capture {
                for (k, target) in capture.enumerated() where target.node === node {
                    captured![k] = grads[target.inputNr]
                }
            }

            var inputGrads: [Tensor?] = []
            if let leaf = node.variable {
                if capture == nil { try accumulate(grads[0], into: leaf, createGraph: createGraph) }
            } else {
                guard let backward = node.backward else {
                    throw .runtime("Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.")
                }
                try checkVersions(node)
                inputGrads = try GradMode.with(createGraph) { () throws(TensorError) in
                    createGraph ? try node.runBackward(backward, grads) : try backward(grads)
                }
                if !retainGraph && !node.saved.isEmpty { node.backward = nil }
            }
            for (i, edge) in node.inputs.enumerated() {
                guard let edge else { continue }
                let eid = ObjectIdentifier(edge.node)
                if i < inputGrads.count, let g = inputGrads[i] {
                    try deliver(validated(g, for: edge, from: node, index: i, createGraph: createGraph), to: edge)
                }
                dependencies[eid, default: 1] -= 1
                if dependencies[eid] == 0 {
                    if buffers[eid] != nil { ready.append(edge.node) } else { markDone(edge.node, &dependencies) }
                }
            }
        }
        return captured
    }

    /// PyTorch's `validate_outputs`: a gradient of the wrong shape is summed down
    /// when the input's shape expands to it, and is an error otherwise.
    private static func validated(_ g: Tensor, for edge: GradFn.Edge, from node: GradFn, index: Int,
                                  createGraph: Bool) throws(TensorError) -> Tensor {
        let expected = edge.node.outputs[edge.inputNr].shape
        if g.shape == expected { return g }
        let lead = g.dim - expected.count
        let expandable = lead >= 0 && expected.indices.allSatisfy { expected[$0] == 1 || expected[$0] == g.shape[lead + $0] }
        guard expandable else {
            throw .runtime("Function \(node.name) returned an invalid gradient at index \(index) - got \(Shape.format(g.shape)) but expected shape compatible with \(Shape.format(expected))")
        }
        return try GradMode.with(createGraph) { () throws(TensorError) in try g.sumTo(expected) }
    }

    /// A node that received no gradient at all still releases its inputs' dependencies.
    private static func markDone(_ node: GradFn, _ dependencies: inout [ObjectIdentifier: Int]) {
        var stack = [node]
        while let n = stack.popLast() {
            for case let edge? in n.inputs {
                let eid = ObjectIdentifier(edge.node)
                dependencies[eid, default: 1] -= 1
                if dependencies[eid] == 0 { stack.append(edge.node) }
            }
        }
    }

    private static func accumulate(_ g: Tensor, into t: Tensor, createGraph: Bool) throws(TensorError) {
        if g.shape != t.shape {
            throw .runtime("Function AccumulateGrad returned an invalid gradient at index 0 - got \(Shape.format(g.shape)) but expected shape compatible with \(Shape.format(t.shape))")
        }
        let g = g.dtype == t.dtype ? g : try g.to(t.dtype)
        if let existing = t.grad {
            if createGraph || existing.requiresGrad {
                t.grad = try GradMode.with(createGraph) { () throws(TensorError) in try existing.add(g) }
            } else {
                try GradMode.with(false) { () throws(TensorError) in _ = try existing.add_(g) }
            }
        } else {
            t.grad = createGraph ? g : try g.detach().clone()
        }
    }

    private static func checkVersions(_ node: GradFn) throws(TensorError) {
        for s in node.saved where s.tensor.storage.version != s.version {
            let desc = "[\(s.tensor.dtype.legacyTypeName) \(Shape.format(s.tensor.shape))]"
            let origin = s.producer.map { ", which is output \($0.outputNr) of \(GradFn.messageName($0.name))," } ?? ""
            throw .runtime("one of the variables needed for gradient computation has been modified by an inplace operation: \(desc)\(origin) is at version \(s.tensor.storage.version); expected version \(s.version) instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).")
        }
    }
}

extension Tensor {
    /// `tensor.backward(gradient=None, retain_graph=None, create_graph=False)`.
    public func backward(gradient: Tensor? = nil, retainGraph: Bool? = nil, createGraph: Bool = false) throws(TensorError) {
        try Autograd.backward([self], gradients: [gradient], retainGraph: retainGraph, createGraph: createGraph)
    }

    /// `tensor.retain_grad()`: keep `.grad` on a non-leaf after backward.
    public func retainGrad() throws(TensorError) {
        guard requiresGrad else { throw .runtime("can't retain_grad on Tensor that has requires_grad=False") }
        guard let fn = gradFn, !retainsGrad else { return }
        retainsGrad = true
        fn.retainedOutputs.append(WeakTensor(tensor: self))
    }

    /// `tensor.requires_grad_(flag)`, with PyTorch's errors for non-leaves and integer tensors.
    @discardableResult
    public func requiresGrad_(_ flag: Bool = true) throws(TensorError) -> Tensor {
        if !isLeaf && !flag {
            throw .runtime("you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().")
        }
        if flag && !dtype.isFloatingPoint {
            throw .runtime("only Tensors of floating point dtype can require gradients")
        }
        if isLeaf { requiresGrad = flag }
        return self
    }

    /// `tensor.detach()`: the same storage, cut from the graph.
    public func detach() -> Tensor {
        Tensor(storage: storage, shape: shape, strides: strides, offset: offset)
    }
}
