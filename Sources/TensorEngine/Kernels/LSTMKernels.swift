// The fused LSTM layer: one direction of one layer over a whole (padded or packed)
// sequence, forward and backward, float32.
//
// Note [Fused LSTM layout]
// The gates of hidden unit u are rows q·H + u (q = i, f, g, o) of weight_ih/weight_hh.
// The kernels reorder them into blocks of 16 units: gate column
//     block(u)·64 + q·16 + u % 16
// so the four gates of 16 units sit side by side in one 64-float row segment, and the
// cell update reads them as four SIMD16 vectors. H is padded to a multiple of 16; the
// padded units have zero weights and bias and are never stored to H-wide buffers.
//
// Units are split into groups of consecutive blocks (at most 8 blocks, so a group's
// recurrent weights are at most 512 columns wide and the GEMM reads them in place).
// At each time step, each group runs its own GEMM on its gate columns and then its own
// cell update: one `ThreadPool` round-trip per step, no barrier inside a step. A step
// reads the previous hidden state from a per-step copy (`inputAndState`), so no group writes
// what another still reads.
//
// Backward mirrors it: one round-trip per step runs, per group, the GEMM that turns the
// previous step's gate gradients into the hidden-state gradient of the group's units,
// then this step's pointwise gate gradients for those units (they only need their own
// units' state gradients). The weight and input gradients are three large GEMMs at the
// end, over all steps at once.

/// Shape and work split of one fused LSTM layer run.
struct LSTMGeometry {
    let input: Int
    let hidden: Int
    /// 16-unit blocks (H padded to a multiple of 16).
    let blocks: Int
    /// Gate columns of the reordered layout: 64 per block.
    var width: Int { blocks &* 64 }
    /// Rows (sequences) at each time step, in time order.
    let batchSizes: [Int]
    /// First row of each time step: every buffer but the output and its gradient stores the
    /// steps one after the other (step-major).
    let offsets: [Int]
    /// Whether the output and its gradient store each sequence's steps together instead
    /// (batch-major: row `b·T + t`, a contiguous `(B, T, H)` tensor; padded sequences only).
    let batchMajorOutput: Bool
    /// Time steps in processing order (reversed for the backward direction).
    let order: [Int]
    /// Block ranges processed together (one ThreadPool item each).
    let groups: [Range<Int>]

    /// Total rows of every buffer.
    let rows: Int
    var batch: Int { batchSizes.first ?? 0 }

    /// - Parameter batchMajorOutput: output row of sequence b at step t is `b·T + t` (all batch sizes equal).
    init(input: Int, hidden: Int, batchSizes: [Int], batchMajorOutput: Bool, reverse: Bool, threads: Int) {
        self.input = input
        self.hidden = hidden
        blocks = (hidden &+ 15) / 16
        self.batchSizes = batchSizes
        var offsets: [Int] = [], row = 0
        for b in batchSizes {
            offsets.append(row)
            row &+= b
        }
        self.offsets = offsets
        rows = row
        self.batchMajorOutput = batchMajorOutput
        order = reverse ? Array((0..<batchSizes.count).reversed()) : Array(0..<batchSizes.count)
        // Parallel only when a step's recurrent GEMM is big enough to pay for a round-trip.
        let stepWork = (batchSizes.first ?? 0) &* 4 &* hidden &* hidden
        let parallel = threads > 1 && stepWork >= 1 << 18
        let count = min(blocks, max(parallel ? threads : 1, (blocks &+ 7) / 8))
        var groups: [Range<Int>] = []
        var start = 0
        for g in 0..<count {
            let end = start &+ (blocks &- start) / (count &- g)
            groups.append(start..<end)
            start = end
        }
        self.groups = groups
    }

    /// The output row of sequence `r` at step `t`.
    @inline(__always)
    func outputRow(_ t: Int, _ r: Int) -> Int { batchMajorOutput ? r &* batchSizes.count &+ t : offsets[t] &+ r }

    /// The reordered gate column of natural weight row `row` (= q·H + u).
    @inline(__always)
    func column(ofRow row: Int) -> Int {
        let q = row / hidden, u = row &- q &* hidden
        return (u >> 4) &* 64 &+ q &* 16 &+ (u & 15)
    }

    /// Units of group `k`: `lo..<hi` (the last group stops at H).
    @inline(__always)
    func units(_ k: Int) -> (lo: Int, hi: Int) {
        (groups[k].lowerBound &* 16, min(hidden, groups[k].upperBound &* 16))
    }
}

// MARK: - Weights

/// The weights of one layer in the reordered layout (Note [Fused LSTM layout]).
struct LSTMPackedWeights {
    /// `width × I`: reordered rows of weight_ih (padded rows zero).
    let inputWeights: UnsafeMutablePointer<Float>
    /// `width`: bias_ih + bias_hh, reordered.
    let bias: UnsafeMutablePointer<Float>
    /// Per group k, at offset `H · 64 · groups[k].lowerBound`: `H × 64·|group|`, the
    /// transposed recurrent weights of the group's gate columns (forward GEMM operand).
    let recurrentColumns: UnsafeMutablePointer<Float>
    /// Per group k, at offset `width · units(k).lo`: `width × |units|`, row c holding
    /// weight_hh row of gate column c restricted to the group's units (backward operand).
    let recurrentRows: UnsafeMutablePointer<Float>

    static func floatCount(_ g: LSTMGeometry) -> Int {
        g.width &* g.input &+ g.width &+ 2 &* g.width &* g.hidden
    }

    /// Lays the packed weights out in `storage` (`floatCount` floats).
    init(_ g: LSTMGeometry, storage: UnsafeMutablePointer<Float>) {
        inputWeights = storage
        bias = inputWeights + g.width &* g.input
        recurrentColumns = bias + g.width
        recurrentRows = recurrentColumns + g.width &* g.hidden
    }

    /// Fills the packed layout from natural-order weights (`4H × I`, `4H × H`, `4H`).
    ///
    /// The 16 weight rows of gate q for block b become the 16 adjacent columns
    /// `b·64 + q·16 ..< +16`, so the forward operand is built from 16-row transposes.
    func pack(_ g: LSTMGeometry, weightIH: UnsafePointer<Float>, weightHH: UnsafePointer<Float>,
              biasIH: UnsafePointer<Float>?, biasHH: UnsafePointer<Float>?) {
        let h = g.hidden, w = g.width
        if h & 15 != 0 {
            // Padded units keep zero weights and bias.
            inputWeights.update(repeating: 0, count: LSTMPackedWeights.floatCount(g))
        }
        for row in 0..<(4 &* h) {
            let c = g.column(ofRow: row)
            copyFloats(from: weightIH + row &* g.input, to: inputWeights + c &* g.input, count: g.input)
            bias[c] = (biasIH?[row] ?? 0) + (biasHH?[row] ?? 0)
        }
        for k in 0..<g.groups.count {
            let blocks = g.groups[k], cols = blocks.count &* 64
            let forward = recurrentColumns + h &* (blocks.lowerBound &* 64)
            for b in blocks {
                for q in 0..<4 {
                    transposeRows(weightHH + (q &* h &+ b &* 16) &* h, h, rows: min(16, h &- b &* 16), cols: h,
                                  into: forward + ((b &- blocks.lowerBound) &* 64 &+ q &* 16), cols)
                }
            }
            let (lo, hi) = g.units(k)
            let backward = recurrentRows + w &* lo
            for row in 0..<(4 &* h) {
                copyFloats(from: weightHH + (row &* h &+ lo), to: backward + g.column(ofRow: row) &* (hi &- lo), count: hi &- lo)
            }
        }
    }
}

/// `dst[j·ldd + i] = src[i·lds + j]` for `i < rows`, `j < cols`: 16×16 register transposes,
/// element by element at the edges.
func transposeRows(_ src: UnsafePointer<Float>, _ lds: Int, rows: Int, cols: Int,
                   into dst: UnsafeMutablePointer<Float>, _ ldd: Int) {
    var j = 0
    while j < cols {
        let width = min(16, cols &- j)
        var i = 0
        while i < rows {
            let height = min(16, rows &- i)
            if width == 16 && height == 16 {
                transpose16x16(src + (i &* lds &+ j), lds, dst + (j &* ldd &+ i), ldd)
            } else {
                for jj in 0..<width {
                    for ii in 0..<height { dst[(j &+ jj) &* ldd &+ i &+ ii] = src[(i &+ ii) &* lds &+ j &+ jj] }
                }
            }
            i &+= 16
        }
        j &+= 16
    }
}

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

/// Runs the layer forward (Note [Fused LSTM layout]).
func lstmForward(_ g: LSTMGeometry, weights: LSTMPackedWeights, _ buf: LSTMForwardBuffers) {
    let h = g.hidden, w = g.width, steps = g.order.count, xh = g.input &+ h
    if g.rows == 0 || h == 0 { return }
    let hPrev = buf.inputAndState + g.input
    for r in 0..<g.rows { copyFloats(from: buf.x + r &* g.input, to: buf.inputAndState + r &* xh, count: g.input) }
    // Input projection of every step at once (the cell update adds the biases).
    sgemm(m: g.rows, n: w, k: g.input, a: buf.inputAndState, lda: xh, transA: false,
          b: weights.inputWeights, ldb: g.input, transB: true, c: buf.gates, ldc: w)
    // Each sequence starts from its initial state at the first step it is part of.
    copyFloats(from: buf.h0, to: buf.hn, count: g.batch &* h)
    copyFloats(from: buf.c0, to: buf.cn, count: g.batch &* h)
    var running = 0
    for t in g.order {
        let rows = g.batchSizes[t]
        for r in running..<max(running, rows) {
            copyFloats(from: buf.h0 + r &* h, to: hPrev + (g.offsets[t] &+ r) &* xh, count: h)
            copyFloats(from: buf.c0 + r &* h, to: buf.cPrev + (g.offsets[t] &+ r) &* h, count: h)
        }
        running = rows
    }
    let pool = ThreadPool.shared
    for s in 0..<steps {
        let t = g.order[s]
        let rows = g.batchSizes[t], first = g.offsets[t]
        let next = s &+ 1 < steps ? g.order[s &+ 1] : -1
        let nextRows = next >= 0 ? min(rows, g.batchSizes[next]) : 0
        pool.parallelFor(count: g.groups.count) { k in
            let blocks = g.groups[k]
            let col = blocks.lowerBound &* 64, cols = blocks.count &* 64
            sgemmBlocked(m: rows, n: cols, k: h, a: hPrev + first &* xh, lda: xh, transA: false,
                         b: weights.recurrentColumns + h &* col, ldb: cols, transB: false,
                         c: buf.gates + (first &* w &+ col), ldc: w, alpha: 1, beta: 1)
            let (lo, hi) = g.units(k)
            for r in 0..<rows {
                let row = first &+ r, out = buf.output + (g.outputRow(t, r) &* h &+ lo)
                lstmCellForward(gates: buf.gates + (row &* w &+ col), bias: weights.bias + col, units: hi &- lo,
                                cPrev: buf.cPrev + (row &* h &+ lo), tanhC: buf.tanhC + (row &* h &+ lo),
                                h: out, c: buf.cn + (r &* h &+ lo))
                copyFloats(from: out, to: buf.hn + (r &* h &+ lo), count: hi &- lo)
                if r < nextRows {
                    let nextRow = g.offsets[next] &+ r
                    copyFloats(from: out, to: hPrev + (nextRow &* xh &+ lo), count: hi &- lo)
                    copyFloats(from: buf.cn + (r &* h &+ lo), to: buf.cPrev + (nextRow &* h &+ lo), count: hi &- lo)
                }
            }
        }
    }
}

/// The cell update of one row for `units` consecutive units starting at a block: adds the
/// biases to the gate pre-activations, activates them in place (i, f, g, o, kept for
/// backward) and writes `c = f·c_prev + i·g`, `tanh(c)` and `h = o·tanh(c)`.
///
/// Each activation runs over all blocks of the row in one loop, whose iterations the CPU
/// overlaps (one vector at a time, each activation would wait out its divide and exp).
func lstmCellForward(gates: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, units: Int, cPrev: UnsafePointer<Float>,
                     tanhC: UnsafeMutablePointer<Float>, h: UnsafeMutablePointer<Float>, c: UnsafeMutablePointer<Float>) {
    let blocks = (units &+ 15) / 16
    var j = 0
    while j < blocks &* 64 {
        store(load(gates + j) + load(bias + j), gates + j)
        j &+= 16
    }
    sigmoidVectors(gates, stride: 64, count: blocks)
    sigmoidVectors(gates + 16, stride: 64, count: blocks)
    tanhVectors(gates + 32, stride: 64, count: blocks, into: gates + 32, stride: 64)
    sigmoidVectors(gates + 48, stride: 64, count: blocks)
    withUnsafeTemporaryAllocation(of: Float.self, capacity: blocks &* 32) { buffer in
        // The new cell states of whole blocks, then their tanh (the last block may be partial).
        guard let cells = buffer.baseAddress else { return }
        let tanhs = cells + blocks &* 16
        for b in 0..<blocks {
            let gp = gates + b &* 64, u = b &* 16
            store((load(gp + 16) * load(cPrev + u, min(16, units &- u))).addingProduct(load(gp), load(gp + 32)), cells + u)
        }
        tanhVectors(cells, stride: 16, count: blocks, into: tanhs, stride: 16)
        for b in 0..<blocks {
            let u = b &* 16, lanes = min(16, units &- u)
            let tc = load(tanhs + u)
            store(tc, tanhC + u, lanes)
            store(load(gates + (b &* 64 &+ 48)) * tc, h + u, lanes)
            store(load(cells + u), c + u, lanes)
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
/// initial-state gradients in `gradH`/`gradC` (Note [Fused LSTM layout]).
func lstmBackward(_ g: LSTMGeometry, weights: LSTMPackedWeights, _ buf: LSTMBackwardBuffers) {
    let h = g.hidden, w = g.width, steps = g.order.count
    if g.rows == 0 || h == 0 { return }
    // Hidden-state gradient of the rows of step `t` from its gate gradients (group k's units).
    @inline(__always) func stateGradient(_ t: Int, _ k: Int) {
        let (lo, hi) = g.units(k)
        sgemmBlocked(m: g.batchSizes[t], n: hi &- lo, k: w, a: buf.gradGates + g.offsets[t] &* w, lda: w, transA: false,
                     b: weights.recurrentRows + w &* lo, ldb: hi &- lo, transB: false,
                     c: buf.gradH + lo, ldc: h, alpha: 1, beta: 0)
    }
    let pool = ThreadPool.shared
    for s in 0...steps {
        pool.parallelFor(count: g.groups.count) { k in
            if s > 0 { stateGradient(g.order[steps &- s], k) }
            if s == steps { return }
            let t = g.order[steps &- 1 &- s]
            for r in 0..<g.batchSizes[t] {
                let row = g.offsets[t] &+ r, outRow = g.outputRow(t, r)
                for b in g.groups[k] {
                    let u = b &* 16, lanes = min(16, h &- u)
                    let gp = buf.gates + (row &* w &+ b &* 64)
                    let i = load(gp), f = load(gp + 16), z = load(gp + 32), o = load(gp + 48)
                    let tc = load(buf.tanhC + (row &* h &+ u), lanes)
                    let dh = load(buf.gradH + (r &* h &+ u), lanes) + load(buf.gradOutput + (outRow &* h &+ u), lanes)
                    let one = SIMD16<Float>(repeating: 1)
                    let dc = load(buf.gradC + (r &* h &+ u), lanes) + dh * o * (one - tc * tc)
                    let dp = buf.gradGates + (row &* w &+ b &* 64)
                    store(dc * z * i * (one - i), dp)
                    store(dc * load(buf.cPrev + (row &* h &+ u), lanes) * f * (one - f), dp + 16)
                    store(dc * i * (one - z * z), dp + 32)
                    store(dh * tc * o * (one - o), dp + 48)
                    if lanes < 16 {
                        for q in 0..<4 { (dp + q &* 16 + lanes).update(repeating: 0, count: 16 &- lanes) }
                    }
                    store(dc * f, buf.gradC + (r &* h &+ u), lanes)
                }
            }
        }
    }
}

/// Gradients of the weights and the input from the gate gradients (`rows × width`):
/// `[dW_ih dW_hh]ᵀ = [X H_prev]ᵀ dG` (one GEMM whose B operand, the tall gate gradients, is
/// read in place), `db = Σ_rows dG` (the same for both biases), `dX = dG W̃_ih`. The weight
/// gradients come back in natural row order.
func lstmParameterGradients(_ g: LSTMGeometry, weights: LSTMPackedWeights, gradGates: UnsafePointer<Float>,
                            inputAndState: UnsafePointer<Float>,
                            gradX: UnsafeMutablePointer<Float>?, gradWeightIH: UnsafeMutablePointer<Float>?,
                            gradWeightHH: UnsafeMutablePointer<Float>?, gradBias: UnsafeMutablePointer<Float>?,
                            scratch: UnsafeMutablePointer<Float>) {
    let h = g.hidden, w = g.width, rows = g.rows, xh = g.input &+ h
    if let gradX {
        sgemm(m: rows, n: g.input, k: w, a: gradGates, lda: w, transA: false,
              b: weights.inputWeights, ldb: g.input, transB: false, c: gradX, ldc: g.input)
    }
    // `scratch` holds (I + H) × width floats: column c of rows 0..<I is dW_ih of gate column c.
    if let gradWeightIH, let gradWeightHH {
        sgemm(m: xh, n: w, k: rows, a: inputAndState, lda: xh, transA: true, b: gradGates, ldb: w, transB: false,
              c: scratch, ldc: w)
        for b in 0..<g.blocks {
            for q in 0..<4 {
                let row = q &* h &+ b &* 16, lanes = min(16, h &- b &* 16), c = b &* 64 &+ q &* 16
                transposeRows(scratch + c, w, rows: g.input, cols: lanes, into: gradWeightIH + row &* g.input, g.input)
                transposeRows(scratch + (g.input &* w &+ c), w, rows: h, cols: lanes, into: gradWeightHH + row &* h, h)
            }
        }
    }
    if let gradBias {
        scratch.update(repeating: 0, count: w)
        for r in 0..<rows {
            var j = 0
            let src = gradGates + r &* w
            while j < w {
                store(load(scratch + j) + load(src + j), scratch + j)
                j &+= 16
            }
        }
        for row in 0..<(4 &* h) { gradBias[row] = scratch[g.column(ofRow: row)] }
    }
}

// MARK: - Gate activations

// Note [Gate activations]
// The cell update evaluates five activations per unit and step, as many as its GEMM has
// multiply-adds per 25 hidden units, so the double-evaluated VectorMath.sigmoid/tanh
// (correctly rounded) would cost about as much as the GEMM. These work in float on
// VectorMath.exp (≤ 1 ulp) and stay within 2 ulp (LSTMKernelTests measures them):
// plenty against the 1e-5 agreement asked of the layer (oneDNN's kernels are not
// correctly rounded either).
//
// They run in small out-of-line loops over pointers: the optimizer inlines `VectorMath.exp`
// into a function this small but not into the cell update, and an out-of-line call taking
// a SIMD16 passes it in four xmm registers and splits the arithmetic into 128-bit pieces.

/// 1 / (1 + e^-x) as (x ≥ 0 ? 1 : e) / (1 + e) with e = e^-|x|, which never overflows.
@inline(__always)
func gateSigmoid(_ x: SIMD16<Float>) -> SIMD16<Float> {
    let one = SIMD16<Float>(repeating: 1)
    let minusAbs = unsafeBitCast(unsafeBitCast(x, to: SIMD16<UInt32>.self) | 0x8000_0000, to: SIMD16<Float>.self)
    let e = VectorMath.exp(minusAbs)
    return one.replacing(with: e, where: x .< 0) / (one + e)
}

/// tanh(x): for |x| < 0.625 the odd polynomial of Cephes' tanhf (no cancellation near 0),
/// else sign(x)·(1 - 2 / (e^{2|x|} + 1)), exactly ±1 once e^{2|x|} overflows.
@inline(__always)
func gateTanh(_ x: SIMD16<Float>) -> SIMD16<Float> {
    let one = SIMD16<Float>(repeating: 1)
    let signBit = SIMD16<UInt32>(repeating: 0x8000_0000)
    let bits = unsafeBitCast(x, to: SIMD16<UInt32>.self)
    let a = unsafeBitCast(bits & ~signBit, to: SIMD16<Float>.self)
    let e = VectorMath.exp(a + a)
    let large = one - (one + one) / (e + one)
    let z = x * x
    var p = SIMD16<Float>(repeating: -5.704_988_727_45e-3)
    p = SIMD16<Float>(repeating: 2.063_908_879_54e-2).addingProduct(p, z)
    p = SIMD16<Float>(repeating: -5.373_971_555_31e-2).addingProduct(p, z)
    p = SIMD16<Float>(repeating: 0.133_314_422_036).addingProduct(p, z)
    p = SIMD16<Float>(repeating: -0.333_332_819_422).addingProduct(p, z)
    let small = x.addingProduct(p * z, x)
    let signed = unsafeBitCast(unsafeBitCast(large, to: SIMD16<UInt32>.self) | (bits & signBit), to: SIMD16<Float>.self)
    return signed.replacing(with: small, where: a .< 0.625)
}

/// `gateSigmoid` in place on `count` vectors of 16 floats, `stride` floats apart.
@inline(never)
func sigmoidVectors(_ p: UnsafeMutablePointer<Float>, stride: Int, count: Int) {
    for k in 0..<count {
        let v = p + k &* stride
        store(gateSigmoid(load(v)), v)
    }
}

/// `gateTanh` of `count` vectors of 16 floats at `x` (`strideX` apart), written to `y`
/// (`strideY` apart; may be `x`).
@inline(never)
func tanhVectors(_ x: UnsafeMutablePointer<Float>, stride strideX: Int, count: Int,
                 into y: UnsafeMutablePointer<Float>, stride strideY: Int) {
    for k in 0..<count { store(gateTanh(load(x + k &* strideX)), y + k &* strideY) }
}

// MARK: - Lane helpers

/// 16 floats from `p`.
@inline(__always)
private func load(_ p: UnsafePointer<Float>) -> SIMD16<Float> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD16<Float>.self)
}

@inline(__always)
private func load(_ p: UnsafeMutablePointer<Float>) -> SIMD16<Float> { load(UnsafePointer(p)) }

/// The first `lanes` floats from `p`, zeros after (the tail block of an H-wide row).
@inline(__always)
private func load(_ p: UnsafePointer<Float>, _ lanes: Int) -> SIMD16<Float> {
    if lanes == 16 { return load(p) }
    var v = SIMD16<Float>()
    for j in 0..<lanes { v[j] = p[j] }
    return v
}

@inline(__always)
private func load(_ p: UnsafeMutablePointer<Float>, _ lanes: Int) -> SIMD16<Float> { load(UnsafePointer(p), lanes) }

@inline(__always)
private func store(_ v: SIMD16<Float>, _ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD16<Float>.self)
}

/// Stores the first `lanes` floats of `v`.
@inline(__always)
private func store(_ v: SIMD16<Float>, _ p: UnsafeMutablePointer<Float>, _ lanes: Int) {
    if lanes == 16 { return store(v, p) }
    for j in 0..<lanes { p[j] = v[j] }
}
