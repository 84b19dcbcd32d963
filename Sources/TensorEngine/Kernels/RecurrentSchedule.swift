// The order of work the fused LSTM and GRU runs share (Note [Fused recurrent layout]); the
// cell updates and their gradients stay with each layer (LSTMKernels.swift, GRUKernels.swift).

/// The start of a forward run: copies the input beside the state slots of `inputAndState`,
/// projects it into `gates` with one GEMM (the cell updates add the biases), and puts each
/// sequence's initial state where its first step reads it: `h0` into the state slots and
/// `hn`, and for an LSTM `c0` into `cPrev` and `cn`.
func recurrentForwardPrologue(_ g: RecurrentGeometry, weights: RecurrentPackedWeights, x: UnsafePointer<Float>,
                              inputAndState: UnsafeMutablePointer<Float>, gates: UnsafeMutablePointer<Float>,
                              h0: UnsafePointer<Float>, hn: UnsafeMutablePointer<Float>,
                              cell: (c0: UnsafePointer<Float>, cPrev: UnsafeMutablePointer<Float>, cn: UnsafeMutablePointer<Float>)? = nil) {
    let h = g.hidden, xh = g.input &+ h
    let hPrev = inputAndState + g.input
    for r in 0..<g.rows { copyFloats(from: x + r &* g.input, to: inputAndState + r &* xh, count: g.input) }
    sgemm(m: g.rows, n: g.width, k: g.input, a: inputAndState, lda: xh, transA: false,
          b: weights.inputWeights, ldb: g.input, transB: true, c: gates, ldc: g.width)
    copyFloats(from: h0, to: hn, count: g.batch &* h)
    if let cell { copyFloats(from: cell.c0, to: cell.cn, count: g.batch &* h) }
    var running = 0
    for t in g.order {
        let rows = g.batchSizes[t]
        for r in running..<max(running, rows) {
            copyFloats(from: h0 + r &* h, to: hPrev + (g.offsets[t] &+ r) &* xh, count: h)
            if let cell { copyFloats(from: cell.c0 + r &* h, to: cell.cPrev + (g.offsets[t] &+ r) &* h, count: h) }
        }
        running = rows
    }
}

/// One time step of a forward run, as `forEachForwardStep` hands it out.
struct RecurrentStep {
    /// The time step, its number of rows and its first row.
    let t: Int, rows: Int, first: Int
    /// The step after it (-1 after the last), and how many of this step's rows go on to it.
    let next: Int, nextRows: Int
}

/// Runs `body(step, k)` for every step in order, and within a step for each unit group `k`
/// in parallel (the groups' GEMM columns and cell updates are independent).
@inline(__always)
func forEachForwardStep(_ g: RecurrentGeometry, _ body: (RecurrentStep, Int) -> Void) {
    let steps = g.order.count
    let pool = ThreadPool.shared
    for s in 0..<steps {
        let t = g.order[s]
        let rows = g.batchSizes[t]
        let next = s &+ 1 < steps ? g.order[s &+ 1] : -1
        let step = RecurrentStep(t: t, rows: rows, first: g.offsets[t], next: next,
                                 nextRows: next >= 0 ? min(rows, g.batchSizes[next]) : 0)
        pool.parallelFor(count: g.groups.count) { k in body(step, k) }
    }
}

/// The backward schedule: from the last step to the first, each unit group `k` in parallel
/// first finishes the state gradient of the step after (`stateGradient(t, k)`, a GEMM of
/// that step's gate gradients), then runs the pointwise pass of its step (`pointwise(t, k)`),
/// so each step needs one parallel region rather than two.
@inline(__always)
func forEachBackwardStep(_ g: RecurrentGeometry, stateGradient: (Int, Int) -> Void, pointwise: (Int, Int) -> Void) {
    let steps = g.order.count
    let pool = ThreadPool.shared
    for s in 0...steps {
        pool.parallelFor(count: g.groups.count) { k in
            if s > 0 { stateGradient(g.order[steps &- s], k) }
            if s < steps { pointwise(g.order[steps &- 1 &- s], k) }
        }
    }
}
