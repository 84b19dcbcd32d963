// The fused LSTM layer (Note [Fused recurrent layout] in RecurrentLayout.swift): gates
// i, f, g, o; `c' = f·c + i·g`, `h' = o·tanh(c')`.

// MARK: - Forward

/// Buffers of one forward run; all row-major, `rows` = total rows of the sequence.
struct LSTMForwardBuffers {
    /// `rows × I` input.
    let x: UnsafePointer<Float>
    /// `rows × (I + H)`: a copy of the input, then the hidden state each step started from.
    /// Side by side, so one GEMM gives the gradients of both weights (`lstmParameterGradients`).
    let inputAndState: UnsafeMutablePointer<Float>
    /// `B × H` initial states.
    let h0: UnsafePointer<Float>
    let c0: UnsafePointer<Float>
    /// `rows × width`: on return, the activated gates i, f, g, o (kept for backward).
    let gates: UnsafeMutablePointer<Float>
    /// `rows × H`: the cell state each step started from.
    let cPrev: UnsafeMutablePointer<Float>
    /// `rows × H`: tanh of each step's new cell state.
    let tanhC: UnsafeMutablePointer<Float>
    /// `rows × H`: each step's new hidden state (the layer output).
    let output: UnsafeMutablePointer<Float>
    /// `B × H`: every sequence's last hidden and cell state.
    let hn: UnsafeMutablePointer<Float>
    let cn: UnsafeMutablePointer<Float>
}

/// Runs the layer forward (Note [Fused recurrent layout]).
func lstmForward(_ g: RecurrentGeometry, weights: RecurrentPackedWeights, _ buf: LSTMForwardBuffers) {
    let h = g.hidden, w = g.width, xh = g.input &+ h
    if g.rows == 0 || h == 0 { return }
    let hPrev = buf.inputAndState + g.input
    recurrentForwardPrologue(g, weights: weights, x: buf.x, inputAndState: buf.inputAndState, gates: buf.gates,
                             h0: buf.h0, hn: buf.hn, cell: (buf.c0, buf.cPrev, buf.cn))
    forEachForwardStep(g) { step, k in
        let blocks = g.groups[k]
        let col = blocks.lowerBound &* 64, cols = blocks.count &* 64
        sgemmBlocked(m: step.rows, n: cols, k: h, a: hPrev + step.first &* xh, lda: xh, transA: false,
                     b: weights.recurrentColumns + h &* col, ldb: cols, transB: false,
                     c: buf.gates + (step.first &* w &+ col), ldc: w, alpha: 1, beta: 1)
        let (lo, hi) = g.units(k)
        for r in 0..<step.rows {
            let row = step.first &+ r, out = buf.output + (g.outputRow(step.t, r) &* h &+ lo)
            lstmCellForward(gates: buf.gates + (row &* w &+ col), bias: weights.inputBias + col, units: hi &- lo,
                            cPrev: buf.cPrev + (row &* h &+ lo), tanhC: buf.tanhC + (row &* h &+ lo),
                            h: out, c: buf.cn + (r &* h &+ lo))
            copyFloats(from: out, to: buf.hn + (r &* h &+ lo), count: hi &- lo)
            if r < step.nextRows {
                let nextRow = g.offsets[step.next] &+ r
                copyFloats(from: out, to: hPrev + (nextRow &* xh &+ lo), count: hi &- lo)
                copyFloats(from: buf.cn + (r &* h &+ lo), to: buf.cPrev + (nextRow &* h &+ lo), count: hi &- lo)
            }
        }
    }
}

/// The cell update of one row for `units` consecutive units starting at a block: adds the
/// biases to the gate pre-activations, activates them in place (i, f, g, o, kept for
/// backward) and writes `c = f·c_prev + i·g`, `tanh(c)` and `h = o·tanh(c)`.
///
/// The exponentials of a block's four gates run in one loop, whose iterations the CPU
/// overlaps, and share one division (Note [Gate activations]).
func lstmCellForward(gates: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, units: Int, cPrev: UnsafePointer<Float>,
                     tanhC: UnsafeMutablePointer<Float>, h: UnsafeMutablePointer<Float>, c: UnsafeMutablePointer<Float>) {
    let blocks = (units &+ 15) / 16
    // One block at a time through a stack buffer (a buffer for all blocks would be on the heap).
    withUnsafeTemporaryAllocation(of: Float.self, capacity: 64) { buffer in
        guard let exponentials = buffer.baseAddress else { return }
        for b in 0..<blocks {
            lstmGateExponentials(gates + b &* 64, bias: bias + b &* 64, blocks: 1, into: exponentials)
            lstmGateActivations(gates + b &* 64, blocks: 1, exponentials: exponentials)
        }
    }
    withUnsafeTemporaryAllocation(of: Float.self, capacity: blocks &* 32) { buffer in
        // The new cell states of whole blocks, then their tanh (the last block may be partial).
        guard let cells = buffer.baseAddress else { return }
        let tanhs = cells + blocks &* 16
        for b in 0..<blocks {
            let gp = gates + b &* 64, u = b &* 16
            storeVector((loadVector(gp + 16) * loadVector(cPrev + u, min(16, units &- u))).addingProduct(loadVector(gp), loadVector(gp + 32)), cells + u)
        }
        tanhVectors(cells, stride: 16, count: blocks, into: tanhs, stride: 16)
        for b in 0..<blocks {
            let u = b &* 16, lanes = min(16, units &- u)
            let tc = loadVector(tanhs + u)
            storeVector(tc, tanhC + u, lanes)
            storeVector(loadVector(gates + (b &* 64 &+ 48)) * tc, h + u, lanes)
            storeVector(loadVector(cells + u), c + u, lanes)
        }
    }
}

// MARK: - Backward

/// Buffers of one backward run (the saved forward buffers plus the gradients).
struct LSTMBackwardBuffers {
    let gates: UnsafePointer<Float>
    let cPrev: UnsafePointer<Float>
    let tanhC: UnsafePointer<Float>
    /// `rows × H` gradient of the output.
    let gradOutput: UnsafePointer<Float>
    /// `B × H`: in, the gradients of h_n and c_n; out, those of h0 and c0.
    let gradH: UnsafeMutablePointer<Float>
    let gradC: UnsafeMutablePointer<Float>
    /// `rows × width`: the gate pre-activation gradients (out).
    let gradGates: UnsafeMutablePointer<Float>
}

/// Runs the recurrence backward, leaving the gate gradients in `gradGates` and the
/// initial-state gradients in `gradH`/`gradC` (Note [Fused recurrent layout]).
func lstmBackward(_ g: RecurrentGeometry, weights: RecurrentPackedWeights, _ buf: LSTMBackwardBuffers) {
    let h = g.hidden, w = g.width
    if g.rows == 0 || h == 0 { return }
    // Hidden-state gradient of the rows of step `t` from its gate gradients (group k's units).
    @inline(__always) func stateGradient(_ t: Int, _ k: Int) {
        let (lo, hi) = g.units(k)
        sgemmBlocked(m: g.batchSizes[t], n: hi &- lo, k: w, a: buf.gradGates + g.offsets[t] &* w, lda: w, transA: false,
                     b: weights.recurrentRows + w &* lo, ldb: hi &- lo, transB: false,
                     c: buf.gradH + lo, ldc: h, alpha: 1, beta: 0)
    }
    forEachBackwardStep(g, stateGradient: stateGradient) { t, k in
        for r in 0..<g.batchSizes[t] {
            let row = g.offsets[t] &+ r, outRow = g.outputRow(t, r)
            for b in g.groups[k] {
                let u = b &* 16, lanes = min(16, h &- u)
                let gp = buf.gates + (row &* w &+ b &* 64)
                let i = loadVector(gp), f = loadVector(gp + 16), z = loadVector(gp + 32), o = loadVector(gp + 48)
                let tc = loadVector(buf.tanhC + (row &* h &+ u), lanes)
                let dh = loadVector(buf.gradH + (r &* h &+ u), lanes) + loadVector(buf.gradOutput + (outRow &* h &+ u), lanes)
                let one = SIMD16<Float>(repeating: 1)
                let dc = loadVector(buf.gradC + (r &* h &+ u), lanes) + dh * o * (one - tc * tc)
                let dp = buf.gradGates + (row &* w &+ b &* 64)
                storeVector(dc * z * i * (one - i), dp)
                storeVector(dc * loadVector(buf.cPrev + (row &* h &+ u), lanes) * f * (one - f), dp + 16)
                storeVector(dc * i * (one - z * z), dp + 32)
                storeVector(dh * tc * o * (one - o), dp + 48)
                if lanes < 16 {
                    for q in 0..<4 { (dp + q &* 16 + lanes).update(repeating: 0, count: 16 &- lanes) }
                }
                storeVector(dc * f, buf.gradC + (r &* h &+ u), lanes)
            }
        }
    }
}

/// Gradients of the weights and the input from the gate gradients (`rows × width`):
/// `[dW_ih dW_hh]ᵀ = [X H_prev]ᵀ dG` (one GEMM whose B operand, the tall gate gradients, is
/// read in place), `db = Σ_rows dG` (the same for both biases), `dX = dG W̃_ih`. The weight
/// gradients come back in natural row order.
func lstmParameterGradients(_ g: RecurrentGeometry, weights: RecurrentPackedWeights, gradGates: UnsafePointer<Float>,
                            inputAndState: UnsafePointer<Float>,
                            gradX: UnsafeMutablePointer<Float>?, gradWeightIH: UnsafeMutablePointer<Float>?,
                            gradWeightHH: UnsafeMutablePointer<Float>?, gradBias: UnsafeMutablePointer<Float>?,
                            scratch: UnsafeMutablePointer<Float>) {
    let h = g.hidden, w = g.width, rows = g.rows, xh = g.input &+ h
    if let gradX {
        sgemm(m: rows, n: g.input, k: w, a: gradGates, lda: w, transA: false,
              b: weights.inputWeights, ldb: g.input, transB: false, c: gradX, ldc: g.input)
    }
    // `scratch` holds (I + H) × width floats: rows 0..<I are dW_ihᵀ, the rest dW_hhᵀ.
    if let gradWeightIH, let gradWeightHH {
        sgemm(m: xh, n: w, k: rows, a: inputAndState, lda: xh, transA: true, b: gradGates, ldb: w, transB: false,
              c: scratch, ldc: w)
        g.unpermuteGradient(scratch, cols: g.input, into: gradWeightIH)
        g.unpermuteGradient(scratch + g.input &* w, cols: h, into: gradWeightHH)
    }
    if let gradBias { g.columnSums(gradGates, scratch: scratch, into: gradBias) }
}

