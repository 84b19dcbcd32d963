import TensorEngine

extension NeuralNet {
    /// One layer in one direction, one time step after another, built from tensor ops so
    /// autograd records every step (any mode, dtype and projection).
    ///
    /// The input projection `x W_ihᵀ + b_ih` of all steps is one matrix product; each step
    /// then adds `h W_hhᵀ + b_hh` and applies the cell, in the order PyTorch's CPU kernels
    /// use. Going forward in time a packed batch shrinks: finished sequences keep their last
    /// state. Going backward it grows: a sequence joins with its initial state.
    ///
    /// - Parameters:
    ///   - input: `(rows, in)`, the steps' rows as `layout` places them.
    ///   - h0, c0: `(batch, H_out)` and `(batch, H)`.
    /// - Returns: each step's new hidden state, in time order, and the final states.
    static func recurrentSteps(_ mode: RecurrentMode, input: Tensor, layout: SequenceLayout, h0: Tensor, c0: Tensor?,
                               weights w: RecurrentWeights, reverse: Bool)
        throws(TensorError) -> (steps: [Tensor], h: Tensor, c: Tensor?)
    {
        let projected = try linear(input, weight: w.inputHidden, bias: w.inputBias)
        let last = layout.batchSizes.last ?? 0
        var h = reverse && last < layout.batch ? try h0.narrow(0, start: 0, length: last) : h0
        var c = try c0.map { (c0: Tensor) throws(TensorError) in
            reverse && last < layout.batch ? try c0.narrow(0, start: 0, length: last) : c0
        }
        var outputs: [Tensor] = []
        outputs.reserveCapacity(layout.steps)
        for t in reverse ? Array((0..<layout.steps).reversed()) : Array(0..<layout.steps) {
            let rows = layout.batchSizes[t]
            h = try joining(h, from: h0, upTo: rows)
            if let cell = c, let c0 { c = try joining(cell, from: c0, upTo: rows) }
            let x = try projected.narrow(0, start: layout.offsets[t], length: rows)
            let (hNew, cNew) = try cellStep(mode, projectedInput: x, h: try leading(h, rows),
                                            c: try c.map { (c: Tensor) throws(TensorError) in try leading(c, rows) },
                                            weights: w)
            outputs.append(hNew)
            h = try keepingFinished(hNew, h)
            if let cNew, let cell = c { c = try keepingFinished(cNew, cell) }
        }
        return (reverse ? outputs.reversed() : outputs, h, c)
    }

    /// One step of the cell on `rows` sequences; `projectedInput` already holds `x W_ihᵀ + b_ih`.
    static func cellStep(_ mode: RecurrentMode, projectedInput x: Tensor, h: Tensor, c: Tensor?,
                         weights w: RecurrentWeights) throws(TensorError) -> (h: Tensor, c: Tensor?)
    {
        let hh = try linear(h, weight: w.hiddenHidden, bias: w.hiddenBias)
        switch mode {
        case .rnnTanh:
            return (try hh.add(x).tanh(), nil)
        case .rnnRelu:
            return (try hh.add(x).relu(), nil)
        case .lstm:
            guard let c else { throw .runtime("lstm: expected a cell state") }
            let gates = try hh.add(x).chunk(4, dim: 1)
            let i = try gates[0].sigmoid(), f = try gates[1].sigmoid()
            let g = try gates[2].tanh(), o = try gates[3].sigmoid()
            let cNew = try f.mul(c).add(i.mul(g))
            var hNew = try o.mul(cNew.tanh())
            if let projection = w.projection { hNew = try hNew.matmul(projection.t()) }
            return (hNew, cNew)
        case .gru:
            let xs = try x.chunk(3, dim: 1), hs = try hh.chunk(3, dim: 1)
            let r = try hs[0].add(xs[0]).sigmoid()
            let z = try hs[1].add(xs[1]).sigmoid()
            let n = try xs[2].add(hs[2].mul(r)).tanh()
            return (try h.sub(n).mul(z).add(n), nil)
        }
    }

    /// The first `rows` rows of a state (all of it when it has no more).
    private static func leading(_ state: Tensor, _ rows: Int) throws(TensorError) -> Tensor {
        state.shape[0] > rows ? try state.narrow(0, start: 0, length: rows) : state
    }

    /// `state` extended with the initial states of the sequences that join at this step.
    private static func joining(_ state: Tensor, from initial: Tensor, upTo rows: Int) throws(TensorError) -> Tensor {
        let have = state.shape[0]
        guard have < rows else { return state }
        return try Tensor.cat([state, initial.narrow(0, start: have, length: rows - have)], dim: 0)
    }

    /// The new states of the running sequences followed by the kept states of finished ones.
    private static func keepingFinished(_ new: Tensor, _ old: Tensor) throws(TensorError) -> Tensor {
        let rows = new.shape[0], all = old.shape[0]
        guard rows < all else { return new }
        return try Tensor.cat([new, old.narrow(0, start: rows, length: all - rows)], dim: 0)
    }
}
