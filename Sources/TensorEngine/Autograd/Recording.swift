/// How ops attach themselves to the autograd graph.
///
/// Each op computes its result without autograd, then calls `record`, which
/// creates the `GradFn` node only when grad mode is on and some input requires
/// grad, exactly as PyTorch decides `requires_grad` of an output.
extension Tensor {
    /// The edge a new node should point to for this input, or `nil` when it needs no gradient.
    var gradientEdge: GradFn.Edge? {
        guard requiresGrad else { return nil }
        if let fn = gradFn { return GradFn.Edge(node: fn, inputNr: outputNr) }
        if let acc = gradAccumulator { return GradFn.Edge(node: acc, inputNr: 0) }
        let acc = GradFn(accumulatingInto: self)
        gradAccumulator = acc
        return GradFn.Edge(node: acc, inputNr: 0)
    }

    /// Whether an op on these inputs must be recorded.
    static func needsGrad(_ inputs: [Tensor]) -> Bool {
        GradMode.isEnabled && inputs.contains { $0.requiresGrad }
    }

    /// Records `outputs` as produced by the node `name` from `inputs`.
    ///
    /// - Parameters:
    ///   - saved: tensors the backward closure reads; their versions are checked before it runs.
    ///   - backward: maps one gradient per output to one gradient (or `nil`) per input.
    @discardableResult
    public static func record(_ name: String, inputs: [Tensor], outputs: [Tensor], saved: [Tensor] = [],
                       backward: @escaping ([Tensor]) throws(TensorError) -> [Tensor?]) -> [Tensor] {
        guard needsGrad(inputs) else { return outputs }
        let node = GradFn(name: name, inputs: inputs.map(\.gradientEdge),
                          outputs: outputs.map { ($0.shape, $0.dtype) },
                          saved: saved.map { t in
                              outputs.firstIndex { $0 === t }.map { SavedTensor(t, outputOf: (name, $0)) } ?? SavedTensor(t)
                          }, backward: backward)
        for (i, out) in outputs.enumerated() {
            out.requiresGrad = true
            out.gradFn = node
            out.outputNr = i
        }
        return outputs
    }

    /// Records `result`, built from `g` inside a backward closure without recording,
    /// as a linear function of `g`, so double backward (`create_graph=True`) can
    /// differentiate through it. `adjoint` maps a gradient of `result` to one of `g`.
    public static func recordLinear(_ name: String, _ result: Tensor, of g: Tensor,
                             adjoint: @escaping (Tensor) throws(TensorError) -> Tensor) -> Tensor {
        record(name, inputs: [g], output: result) { (gg: Tensor) throws(TensorError) in [try adjoint(gg)] }
    }

    /// Single-output convenience for `record`.
    @discardableResult
    public static func record(_ name: String, inputs: [Tensor], output: Tensor, saved: [Tensor] = [],
                       backward: @escaping (Tensor) throws(TensorError) -> [Tensor?]) -> Tensor {
        record(name, inputs: inputs, outputs: [output], saved: saved) { (g: [Tensor]) throws(TensorError) in
            try backward(g[0])
        }
        return output
    }
}
