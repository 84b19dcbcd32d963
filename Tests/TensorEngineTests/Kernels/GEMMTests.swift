import Testing
import Synchronization
@testable import TensorEngine

/// Deterministic values in [-1, 1).
private struct LCG {
    var state: UInt64
    mutating func next() -> Float {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Float(Int64(bitPattern: state) >> 40) / Float(1 << 23)
    }
}

private struct Case: CustomStringConvertible {
    var m: Int, n: Int, k: Int
    var transA = false, transB = false
    var alpha: Double = 1, beta: Double = 0
    /// Extra padding added to the minimal leading dimensions.
    var pad = 0
    var description: String {
        "m=\(m) n=\(n) k=\(k) tA=\(transA) tB=\(transB) alpha=\(alpha) beta=\(beta) pad=\(pad)"
    }
}

/// Operands laid out as a row-major BLAS caller would: A is m×k (k×m if
/// transposed), B is k×n (n×k), C is m×n, each with row stride = columns + pad.
private struct Operands {
    let c0: Case
    var a: [Double], b: [Double], c: [Double]
    let lda: Int, ldb: Int, ldc: Int

    init(_ t: Case, seed: UInt64) {
        c0 = t
        var rng = LCG(state: seed)
        let aRows = t.transA ? t.k : t.m, aCols = t.transA ? t.m : t.k
        let bRows = t.transB ? t.n : t.k, bCols = t.transB ? t.k : t.n
        lda = aCols + t.pad
        ldb = bCols + t.pad
        ldc = t.n + t.pad
        a = (0..<max(1, aRows * lda)).map { _ in Double(rng.next()) }
        b = (0..<max(1, bRows * ldb)).map { _ in Double(rng.next()) }
        c = (0..<max(1, t.m * ldc)).map { _ in Double(rng.next()) }
    }

    func opA(_ i: Int, _ p: Int) -> Double { c0.transA ? a[p * lda + i] : a[i * lda + p] }
    func opB(_ p: Int, _ j: Int) -> Double { c0.transB ? b[j * ldb + p] : b[p * ldb + j] }

    /// Naive triple loop in Double; also returns a per-element error scale.
    func reference() -> (c: [Double], scale: [Double]) {
        var out = c, scale = [Double](repeating: 0, count: c.count)
        for i in 0..<c0.m {
            for j in 0..<c0.n {
                var s = 0.0, sAbs = 0.0
                for p in 0..<c0.k {
                    s += opA(i, p) * opB(p, j)
                    sAbs += abs(opA(i, p) * opB(p, j))
                }
                let old = c[i * ldc + j]
                out[i * ldc + j] = c0.alpha * s + (c0.beta == 0 ? 0 : c0.beta * old)
                scale[i * ldc + j] = abs(c0.alpha) * sAbs + abs(c0.beta * old) + 1e-30
            }
        }
        return (out, scale)
    }
}

private enum Path {
    case api, singleThread
    case split(ThreadPool)
}

/// Runs sgemm (the public entry, the single-threaded blocked path, or the
/// threaded split path on an explicit 2-thread pool) on Float copies.
private func runS(_ ops: Operands, poisonC: Bool = false, path: Path = .api) -> [Float] {
    let t = ops.c0
    let a = ops.a.map(Float.init), b = ops.b.map(Float.init)
    var c = ops.c.map(Float.init)
    if poisonC {
        // beta == 0 must ignore whatever C holds, NaN included (padding keeps its value).
        for i in 0..<t.m { for j in 0..<t.n { c[i * ops.ldc + j] = .nan } }
    }
    a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
            c.withUnsafeMutableBufferPointer { pc in
                switch path {
                case .split(let pool):
                    sgemmSplit(m: t.m, n: t.n, k: t.k, a: pa.baseAddress!, lda: ops.lda, transA: t.transA,
                               b: pb.baseAddress!, ldb: ops.ldb, transB: t.transB,
                               c: pc.baseAddress!, ldc: ops.ldc, alpha: Float(t.alpha), beta: Float(t.beta),
                               threads: 2, pool: pool)
                case .singleThread:
                    sgemmBlocked(m: t.m, n: t.n, k: t.k, a: pa.baseAddress!, lda: ops.lda, transA: t.transA,
                                 b: pb.baseAddress!, ldb: ops.ldb, transB: t.transB,
                                 c: pc.baseAddress!, ldc: ops.ldc, alpha: Float(t.alpha), beta: Float(t.beta))
                case .api:
                    sgemm(m: t.m, n: t.n, k: t.k, a: pa.baseAddress!, lda: ops.lda, transA: t.transA,
                          b: pb.baseAddress!, ldb: ops.ldb, transB: t.transB,
                          c: pc.baseAddress!, ldc: ops.ldc, alpha: Float(t.alpha), beta: Float(t.beta))
                }
            }
        }
    }
    return c
}

private func runD(_ ops: Operands, poisonC: Bool = false) -> [Double] {
    let t = ops.c0
    var c = ops.c
    if poisonC { for i in 0..<t.m { for j in 0..<t.n { c[i * ops.ldc + j] = .nan } } }
    ops.a.withUnsafeBufferPointer { pa in
        ops.b.withUnsafeBufferPointer { pb in
            c.withUnsafeMutableBufferPointer { pc in
                dgemm(m: t.m, n: t.n, k: t.k, a: pa.baseAddress!, lda: ops.lda, transA: t.transA,
                      b: pb.baseAddress!, ldb: ops.ldb, transB: t.transB,
                      c: pc.baseAddress!, ldc: ops.ldc, alpha: t.alpha, beta: t.beta)
            }
        }
    }
    return c
}

/// Checks every element of C (inside the m×n window against the reference,
/// padding columns unchanged).
private func check<T: BinaryFloatingPoint>(_ got: [T], _ ops: Operands, relTol: Double) {
    let (want, scale) = ops.reference()
    let t = ops.c0
    var bad = 0
    for r in 0..<t.m {
        for col in 0..<ops.ldc {
            let idx = r * ops.ldc + col
            let g = Double(got[idx])
            if col >= t.n {
                if g != Double(T(ops.c[idx])) { bad += 1 }
                continue
            }
            let tol = relTol * Double(t.k + 2) * scale[idx]
            if !(abs(g - want[idx]) <= tol) { bad += 1 }
        }
    }
    #expect(bad == 0, "\(bad) wrong elements for \(t)")
}

/// Shapes around the 12×32 micro-tile, MC = 144, KC = 256, NC = 1024, the 16×16
/// transposes of B packing, and the direct path (tiny and thin shapes).
private let dims: [(Int, Int, Int)] = [
    (0, 0, 0), (0, 5, 3), (5, 0, 3), (4, 5, 0), (1, 1, 1), (1, 7, 5), (7, 1, 5), (1, 40, 33),
    (2, 3, 4), (11, 31, 7), (12, 32, 16), (13, 33, 17), (24, 64, 9), (25, 65, 40),
    (37, 50, 61), (49, 97, 23), (145, 35, 20), (30, 70, 257), (3, 2050, 6),
    (2, 40, 600), (4, 3, 3000),
]

@Suite struct GEMMTests {
    @Test(arguments: [(false, false), (false, true), (true, false), (true, true)])
    func sgemmMatchesNaive(transA: Bool, transB: Bool) {
        var seed: UInt64 = 1
        for (m, n, k) in dims {
            for (alpha, beta) in [(1.0, 0.0), (-0.5, 1.0), (2.0, 0.25)] {
                seed += 1
                let t = Case(m: m, n: n, k: k, transA: transA, transB: transB, alpha: alpha, beta: beta,
                             pad: Int(seed % 3) * 3)
                let ops = Operands(t, seed: seed)
                check(runS(ops, poisonC: beta == 0), ops, relTol: 1e-6)
            }
        }
    }

    @Test(arguments: [(false, false), (false, true), (true, false), (true, true)])
    func dgemmMatchesNaive(transA: Bool, transB: Bool) {
        var seed: UInt64 = 100
        for (m, n, k) in dims + [(20, 530, 260)] {
            for (alpha, beta) in [(1.0, 0.0), (-0.5, 1.0), (2.0, 0.25)] {
                seed += 1
                let t = Case(m: m, n: n, k: k, transA: transA, transB: transB, alpha: alpha, beta: beta,
                             pad: Int(seed % 2) * 5)
                let ops = Operands(t, seed: seed)
                check(runD(ops, poisonC: beta == 0), ops, relTol: 1e-14)
            }
        }
    }

    @Test func alphaZeroAndEmptyK() {
        // alpha == 0 or k == 0: C = beta·C; beta == 0 clears NaNs.
        for t in [Case(m: 3, n: 4, k: 5, alpha: 0, beta: 0.5), Case(m: 3, n: 4, k: 0, alpha: 1, beta: 0),
                  Case(m: 3, n: 4, k: 0, alpha: 1, beta: 2)] {
            let ops = Operands(t, seed: 9)
            check(runS(ops, poisonC: t.beta == 0), ops, relTol: 1e-6)
            check(runD(ops, poisonC: t.beta == 0), ops, relTol: 1e-14)
        }
    }

    @Test func threadedMatchesSingleThreaded() {
        let pool = ThreadPool(threadCount: 2)
        // Both split directions (n >= m splits columns, else rows), odd edges.
        for t in [Case(m: 150, n: 100, k: 70, beta: 0.5), Case(m: 7, n: 300, k: 40, transA: true),
                  Case(m: 61, n: 45, k: 300, transA: true, transB: true, alpha: -1, beta: 2),
                  Case(m: 100, n: 64, k: 300, transB: true, alpha: 1.5, beta: 1, pad: 3)] {
            let ops = Operands(t, seed: 77)
            let one = runS(ops, path: .singleThread)
            let two = runS(ops, path: .split(pool))
            #expect(one == two, "threaded result differs for \(t)")
            check(two, ops, relTol: 1e-6)
        }
    }

    @Test func mediumSquare() {
        let t = Case(m: 160, n: 160, k: 300, alpha: 1, beta: 0)
        let ops = Operands(t, seed: 5)
        check(runS(ops), ops, relTol: 1e-6)
    }
}

@Suite struct ThreadPoolTests {
    @Test func everyIndexRunsOnce() {
        let pool = ThreadPool(threadCount: 3)
        for count in [0, 1, 2, 5, 64, 1000] {
            let hits = Mutex([Int](repeating: 0, count: count))
            pool.parallelFor(count: count) { i in hits.withLock { $0[i] += 1 } }
            #expect(hits.withLock { $0.allSatisfy { $0 == 1 } })
        }
    }

    @Test func nestedAndResizedCallsWork() {
        let pool = ThreadPool(threadCount: 2)
        let total = Atomic<Int>(0)
        pool.parallelFor(count: 4) { _ in
            // Nested call runs inline on the calling thread.
            pool.parallelFor(count: 10) { _ in total.add(1, ordering: .relaxed) }
        }
        #expect(total.load(ordering: .relaxed) == 40)
        pool.threadCount = 1
        #expect(pool.threadCount == 1)
        pool.parallelFor(count: 7) { _ in total.add(1, ordering: .relaxed) }
        pool.threadCount = 4
        pool.parallelFor(count: 100) { i in
            if i == 50 { pool.threadCount = 2 }  // resizing from inside a job must not deadlock
            total.add(1, ordering: .relaxed)
        }
        pool.parallelFor(count: 10) { _ in total.add(1, ordering: .relaxed) }
        #expect(total.load(ordering: .relaxed) == 157)
        #expect(pool.threadCount == 2)
        #expect(ThreadPool.shared.threadCount >= 1)
    }
}
