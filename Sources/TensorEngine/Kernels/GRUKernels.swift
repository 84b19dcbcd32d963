// The fused GRU layer (Note [Fused recurrent layout] in RecurrentLayout.swift): gates r, z, n;
//     r = σ(x W_irᵀ + b_ir + h W_hrᵀ + b_hr),  z = σ(… z …),
//     n = tanh(x W_inᵀ + b_in + r·(h W_hnᵀ + b_hn)),  h' = n + z·(h - n).
// The recurrent GEMM goes to its own buffer (`hiddenGates`): the candidate n needs its
// hidden half apart, and backward needs `h W_hnᵀ + b_hn` again.

// MARK: - Forward

/// Buffers of one forward run; all row-major, `rows` = total rows of the sequence.
struct GRUForwardBuffers {
    /// `rows × I` input.
    let x: UnsafePointer<Float>
    /// `rows × (I + H)`: a copy of the input, then the hidden state each step started from.
    let inputAndState: UnsafeMutablePointer<Float>
    /// `B × H` initial state.
    let h0: UnsafePointer<Float>
    /// `rows × width`: the input half of the gates; on return r, z and n (kept for backward).
    let gates: UnsafeMutablePointer<Float>
    /// `rows × width`: the hidden half; on return its n part holds `h W_hnᵀ + b_hn`.
    let hiddenGates: UnsafeMutablePointer<Float>
    /// `rows × H`: each step's new hidden state (the layer output).
    let output: UnsafeMutablePointer<Float>
    /// `B × H`: every sequence's last hidden state.
    let hn: UnsafeMutablePointer<Float>
}

/// Runs the layer forward (Note [Fused recurrent layout]).
func gruForward(_ g: RecurrentGeometry, weights: RecurrentPackedWeights, _ buf: GRUForwardBuffers) {
    let h = g.hidden, w = g.width, bw = g.blockWidth, xh = g.input &+ h
    if g.rows == 0 || h == 0 { return }
    let hPrev = buf.inputAndState + g.input
    recurrentForwardPrologue(g, weights: weights, x: buf.x, inputAndState: buf.inputAndState, gates: buf.gates,
                             h0: buf.h0, hn: buf.hn)
    forEachForwardStep(g) { step, k in
        let blocks = g.groups[k]
        let col = blocks.lowerBound &* bw, cols = blocks.count &* bw
        sgemmBlocked(m: step.rows, n: cols, k: h, a: hPrev + step.first &* xh, lda: xh, transA: false,
                     b: weights.recurrentColumns + h &* col, ldb: cols, transB: false,
                     c: buf.hiddenGates + (step.first &* w &+ col), ldc: w, alpha: 1, beta: 0)
        let (lo, hi) = g.units(k)
        for r in 0..<step.rows {
            let row = step.first &+ r, out = buf.output + (g.outputRow(step.t, r) &* h &+ lo)
            gruCellForward(gates: buf.gates + (row &* w &+ col), hiddenGates: buf.hiddenGates + (row &* w &+ col),
                           inputBias: weights.inputBias + col, hiddenBias: weights.hiddenBias + col,
                           units: hi &- lo, hPrev: hPrev + (row &* xh &+ lo), h: out)
            copyFloats(from: out, to: buf.hn + (r &* h &+ lo), count: hi &- lo)
            if r < step.nextRows {
                copyFloats(from: out, to: hPrev + ((g.offsets[step.next] &+ r) &* xh &+ lo), count: hi &- lo)
            }
        }
    }
}

/// The cell update of one row for `units` consecutive units starting at a block: adds the
/// biases, activates r, z and n in place in `gates` (kept for backward, with the hidden
/// half of n left in `hiddenGates`) and writes `h' = n + z·(h - n)`.
func gruCellForward(gates: UnsafeMutablePointer<Float>, hiddenGates: UnsafeMutablePointer<Float>,
                    inputBias: UnsafePointer<Float>, hiddenBias: UnsafePointer<Float>, units: Int,
                    hPrev: UnsafePointer<Float>, h: UnsafeMutablePointer<Float>) {
    let blocks = (units &+ 15) / 16
    for b in 0..<blocks {
        let o = b &* 48
        for q in [0, 16] {
            storeVector(loadVector(gates + (o &+ q)) + loadVector(inputBias + (o &+ q))
                        + loadVector(hiddenGates + (o &+ q)) + loadVector(hiddenBias + (o &+ q)), gates + (o &+ q))
        }
        storeVector(loadVector(gates + (o &+ 32)) + loadVector(inputBias + (o &+ 32)), gates + (o &+ 32))
        storeVector(loadVector(hiddenGates + (o &+ 32)) + loadVector(hiddenBias + (o &+ 32)), hiddenGates + (o &+ 32))
    }
    sigmoidVectors(gates, stride: 48, count: blocks)
    sigmoidVectors(gates + 16, stride: 48, count: blocks)
    for b in 0..<blocks {
        let n = gates + (b &* 48 &+ 32)
        storeVector(loadVector(n).addingProduct(loadVector(gates + b &* 48), loadVector(hiddenGates + (b &* 48 &+ 32))), n)
    }
    tanhVectors(gates + 32, stride: 48, count: blocks, into: gates + 32, stride: 48)
    for b in 0..<blocks {
        let u = b &* 16, lanes = min(16, units &- u)
        let z = loadVector(gates + (b &* 48 &+ 16)), n = loadVector(gates + (b &* 48 &+ 32))
        storeVector(n.addingProduct(z, loadVector(hPrev + u, lanes) - n), h + u, lanes)
    }
}

// MARK: - Backward

/// Buffers of one backward run (the saved forward buffers plus the gradients).
struct GRUBackwardBuffers {
    let gates: UnsafePointer<Float>
    let hiddenGates: UnsafePointer<Float>
    /// `rows × (I + H)`: the input and the state each step started from.
    let inputAndState: UnsafePointer<Float>
    /// `rows × H` gradient of the output.
    let gradOutput: UnsafePointer<Float>
    /// `B × H`: in, the gradient of h_n; out, that of h0.
    let gradH: UnsafeMutablePointer<Float>
    /// `rows × width` each: the gradients of the input and hidden halves of the gate
    /// pre-activations (they differ in n: the hidden half is scaled by r).
    let gradInputGates: UnsafeMutablePointer<Float>
    let gradHiddenGates: UnsafeMutablePointer<Float>
}

/// Runs the recurrence backward, leaving the gate gradients in `gradInputGates` and
/// `gradHiddenGates` and the initial-state gradient in `gradH`.
func gruBackward(_ g: RecurrentGeometry, weights: RecurrentPackedWeights, _ buf: GRUBackwardBuffers) {
    let h = g.hidden, w = g.width, xh = g.input &+ h
    if g.rows == 0 || h == 0 { return }
    // Adds the recurrent part of the state gradient of step `t`'s rows (group k's units) to
    // the direct part `dh·z` the pointwise pass left there.
    @inline(__always) func stateGradient(_ t: Int, _ k: Int) {
        let (lo, hi) = g.units(k)
        sgemmBlocked(m: g.batchSizes[t], n: hi &- lo, k: w, a: buf.gradHiddenGates + g.offsets[t] &* w, lda: w,
                     transA: false, b: weights.recurrentRows + w &* lo, ldb: hi &- lo, transB: false,
                     c: buf.gradH + lo, ldc: h, alpha: 1, beta: 1)
    }
    forEachBackwardStep(g, stateGradient: stateGradient) { t, k in
        let one = SIMD16<Float>(repeating: 1)
        for r in 0..<g.batchSizes[t] {
            let row = g.offsets[t] &+ r, outRow = g.outputRow(t, r)
            for b in g.groups[k] {
                let u = b &* 16, lanes = min(16, h &- u)
                let gp = buf.gates + (row &* w &+ b &* 48)
                let rg = loadVector(gp), z = loadVector(gp + 16), n = loadVector(gp + 32)
                let nh = loadVector(buf.hiddenGates + (row &* w &+ b &* 48 &+ 32))
                let dh = loadVector(buf.gradH + (r &* h &+ u), lanes) + loadVector(buf.gradOutput + (outRow &* h &+ u), lanes)
                let dn = dh * (one - z) * (one - n * n)
                let dz = dh * (loadVector(buf.inputAndState + (row &* xh &+ g.input &+ u), lanes) - n) * z * (one - z)
                let dr = dn * nh * rg * (one - rg)
                let di = buf.gradInputGates + (row &* w &+ b &* 48), dhg = buf.gradHiddenGates + (row &* w &+ b &* 48)
                storeVector(dr, di); storeVector(dz, di + 16); storeVector(dn, di + 32)
                storeVector(dr, dhg); storeVector(dz, dhg + 16); storeVector(dn * rg, dhg + 32)
                if lanes < 16 {
                    for q in 0..<3 {
                        (di + q &* 16 + lanes).update(repeating: 0, count: 16 &- lanes)
                        (dhg + q &* 16 + lanes).update(repeating: 0, count: 16 &- lanes)
                    }
                }
                storeVector(dh * z, buf.gradH + (r &* h &+ u), lanes)
            }
        }
    }
}

/// Gradients of the weights and the input from the gate gradients: `dW_ihᵀ = Xᵀ dG_i`,
/// `dW_hhᵀ = H_prevᵀ dG_h`, `db_ih = Σ_rows dG_i`, `db_hh = Σ_rows dG_h`, `dX = dG_i W̃_ih`,
/// in natural row order. `scratch` holds `max(I, H) × width` floats.
func gruParameterGradients(_ g: RecurrentGeometry, weights: RecurrentPackedWeights,
                           gradInputGates: UnsafePointer<Float>, gradHiddenGates: UnsafePointer<Float>,
                           inputAndState: UnsafePointer<Float>, gradX: UnsafeMutablePointer<Float>?,
                           gradWeightIH: UnsafeMutablePointer<Float>?, gradWeightHH: UnsafeMutablePointer<Float>?,
                           gradBiasIH: UnsafeMutablePointer<Float>?, gradBiasHH: UnsafeMutablePointer<Float>?,
                           scratch: UnsafeMutablePointer<Float>) {
    let h = g.hidden, w = g.width, rows = g.rows, xh = g.input &+ h
    if let gradX {
        sgemm(m: rows, n: g.input, k: w, a: gradInputGates, lda: w, transA: false,
              b: weights.inputWeights, ldb: g.input, transB: false, c: gradX, ldc: g.input)
    }
    if let gradWeightIH {
        sgemm(m: g.input, n: w, k: rows, a: inputAndState, lda: xh, transA: true, b: gradInputGates, ldb: w,
              transB: false, c: scratch, ldc: w)
        g.unpermuteGradient(scratch, cols: g.input, into: gradWeightIH)
    }
    if let gradWeightHH {
        sgemm(m: h, n: w, k: rows, a: inputAndState + g.input, lda: xh, transA: true, b: gradHiddenGates, ldb: w,
              transB: false, c: scratch, ldc: w)
        g.unpermuteGradient(scratch, cols: h, into: gradWeightHH)
    }
    if let gradBiasIH { g.columnSums(gradInputGates, scratch: scratch, into: gradBiasIH) }
    if let gradBiasHH { g.columnSums(gradHiddenGates, scratch: scratch, into: gradBiasHH) }
}
