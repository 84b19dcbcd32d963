// Shared layout of the fused recurrent layers (LSTMKernels.swift, GRUKernels.swift): one
// direction of one layer over a whole (padded or packed) sequence, float32.
//
// Note [Fused recurrent layout]
// The gates of hidden unit u are rows q·H + u of weight_ih/weight_hh (q = i, f, g, o for an
// LSTM; r, z, n for a GRU; G gates). The kernels reorder them into blocks of 16 units:
// gate column
//     block(u)·16G + q·16 + u % 16
// so the gates of 16 units sit side by side in one 16G-float row segment, and the cell
// update reads them as G SIMD16 vectors. H is padded to a multiple of 16; the padded units
// have zero weights and biases and are never stored to H-wide buffers.
//
// Units are split into groups of consecutive blocks (at most 8 blocks, so a group's
// recurrent weights are at most 512 columns wide and the GEMM reads them in place).
// At each time step, each group runs its own GEMM on its gate columns and then its own
// cell update: one `ThreadPool` round-trip per step, no barrier inside a step. A step
// reads the previous hidden state from a per-step copy (`inputAndState`), so no group
// writes what another still reads.
//
// Backward mirrors it: one round-trip per step runs, per group, the GEMM that turns the
// previous step's gate gradients into the hidden-state gradient of the group's units,
// then this step's pointwise gate gradients for those units (they only need their own
// units' state gradients). The weight and input gradients are large GEMMs at the end,
// over all steps at once.

/// Shape and work split of one fused recurrent layer run.
struct RecurrentGeometry {
    let input: Int
    let hidden: Int
    /// Gates per unit: 4 (LSTM) or 3 (GRU).
    let gates: Int
    /// 16-unit blocks (H padded to a multiple of 16).
    let blocks: Int
    /// Gate columns of one block: 16 per gate.
    var blockWidth: Int { gates &* 16 }
    /// Gate columns of the reordered layout.
    var width: Int { blocks &* blockWidth }
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
    init(input: Int, hidden: Int, gates: Int, batchSizes: [Int], batchMajorOutput: Bool, reverse: Bool, threads: Int) {
        self.input = input
        self.hidden = hidden
        self.gates = gates
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
        let stepWork = (batchSizes.first ?? 0) &* gates &* hidden &* hidden
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
        return (u >> 4) &* blockWidth &+ q &* 16 &+ (u & 15)
    }

    /// Units of group `k`: `lo..<hi` (the last group stops at H).
    @inline(__always)
    func units(_ k: Int) -> (lo: Int, hi: Int) {
        (groups[k].lowerBound &* 16, min(hidden, groups[k].upperBound &* 16))
    }

    /// Writes the weight-gradient rows of gate block (q, b) from `scratch` columns: row
    /// `q·H + 16b + l` of `gradient` (`cols` wide) is column `b·16G + q·16 + l` of the
    /// `cols × width` matrix at `scratch`.
    func unpermuteGradient(_ scratch: UnsafePointer<Float>, cols: Int, into gradient: UnsafeMutablePointer<Float>) {
        for b in 0..<blocks {
            for q in 0..<gates {
                transposeRows(scratch + (b &* blockWidth &+ q &* 16), width, rows: cols, cols: min(16, hidden &- b &* 16),
                              into: gradient + (q &* hidden &+ b &* 16) &* cols, cols)
            }
        }
    }

    /// `Σ_rows` of a `rows × width` gate-gradient matrix, in natural row order (a bias gradient).
    func columnSums(_ grads: UnsafePointer<Float>, scratch: UnsafeMutablePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        scratch.update(repeating: 0, count: width)
        for r in 0..<rows {
            var j = 0
            let src = grads + r &* width
            while j < width {
                storeVector(loadVector(scratch + j) + loadVector(src + j), scratch + j)
                j &+= 16
            }
        }
        for row in 0..<(gates &* hidden) { out[row] = scratch[column(ofRow: row)] }
    }
}

// MARK: - Weights

/// The weights of one layer in the reordered layout (Note [Fused recurrent layout]).
struct RecurrentPackedWeights {
    /// `width × I`: reordered rows of weight_ih (padded rows zero).
    let inputWeights: UnsafeMutablePointer<Float>
    /// `width` each: bias_ih and bias_hh, reordered.
    let inputBias: UnsafeMutablePointer<Float>
    let hiddenBias: UnsafeMutablePointer<Float>
    /// Per group k, at offset `H · blockWidth · groups[k].lowerBound`: `H × blockWidth·|group|`,
    /// the transposed recurrent weights of the group's gate columns (forward GEMM operand).
    let recurrentColumns: UnsafeMutablePointer<Float>
    /// Per group k, at offset `width · units(k).lo`: `width × |units|`, row c holding
    /// weight_hh row of gate column c restricted to the group's units (backward operand).
    let recurrentRows: UnsafeMutablePointer<Float>

    static func floatCount(_ g: RecurrentGeometry) -> Int {
        g.width &* g.input &+ 2 &* g.width &+ 2 &* g.width &* g.hidden
    }

    /// Lays the packed weights out in `storage` (`floatCount` floats).
    init(_ g: RecurrentGeometry, storage: UnsafeMutablePointer<Float>) {
        inputWeights = storage
        inputBias = inputWeights + g.width &* g.input
        hiddenBias = inputBias + g.width
        recurrentColumns = hiddenBias + g.width
        recurrentRows = recurrentColumns + g.width &* g.hidden
    }

    /// Fills the packed layout from natural-order weights (`GH × I`, `GH × H`, `GH`).
    ///
    /// The 16 weight rows of gate q for block b become the 16 adjacent columns
    /// `b·16G + q·16 ..< +16`, so the forward operand is built from 16-row transposes.
    /// With `sumBiases` both biases are added into `inputBias` (`hiddenBias` stays zero).
    func pack(_ g: RecurrentGeometry, weightIH: UnsafePointer<Float>, weightHH: UnsafePointer<Float>,
              biasIH: UnsafePointer<Float>?, biasHH: UnsafePointer<Float>?, sumBiases: Bool) {
        let h = g.hidden, w = g.width, gh = g.gates &* h
        // Padded units keep zero weights; the biases are written only for real rows.
        if h & 15 != 0 { inputWeights.update(repeating: 0, count: RecurrentPackedWeights.floatCount(g)) }
        inputBias.update(repeating: 0, count: 2 &* w)
        for row in 0..<gh {
            let c = g.column(ofRow: row)
            copyFloats(from: weightIH + row &* g.input, to: inputWeights + c &* g.input, count: g.input)
            let bi = biasIH?[row] ?? 0, bh = biasHH?[row] ?? 0
            if sumBiases {
                inputBias[c] = bi + bh
            } else {
                inputBias[c] = bi
                hiddenBias[c] = bh
            }
        }
        for k in 0..<g.groups.count {
            let blocks = g.groups[k], cols = blocks.count &* g.blockWidth
            let forward = recurrentColumns + h &* (blocks.lowerBound &* g.blockWidth)
            for b in blocks {
                for q in 0..<g.gates {
                    transposeRows(weightHH + (q &* h &+ b &* 16) &* h, h, rows: min(16, h &- b &* 16), cols: h,
                                  into: forward + ((b &- blocks.lowerBound) &* g.blockWidth &+ q &* 16), cols)
                }
            }
            let (lo, hi) = g.units(k)
            let backward = recurrentRows + w &* lo
            for row in 0..<gh {
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
