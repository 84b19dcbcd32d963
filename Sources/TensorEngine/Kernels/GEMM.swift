#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Matrix multiply entry points.
//
// sgemm follows the BLIS / GotoBLAS structure (Goto & van de Geijn, ACM TOMS 2008):
//
//   for jc in 0..<n step NC            B panel column block
//     for pc in 0..<k step KC          pack op(B)[pc.., jc..] → B̃ (KC×NC, ≤ 1 MiB, L2)
//       for ic in 0..<m step MC        pack op(A)[ic.., pc..] → Ã (MC×KC)
//         for ir in 0..<mc step MR     Ã micro-panel (MR×KC, 12 KiB) stays in L1
//           for jr in 0..<nc step NR   12×32 micro-kernel, C tile in 24 zmm registers;
//                                      B̃ micro-panels stream from L2
//
// (ir is outside jr, the mirror of BLIS's order for this vector-along-N
// kernel: the broadcast operand stays in L1, the vector operand streams.)
// A non-transposed A is packed row-major (plain row copies), a transposed A
// k-major (contiguous copies); a transposed B is packed with 16×16 register
// transposes; for small m a non-transposed B is read in place.
// Products below gemmDirectThreshold, and matrix-vector or very thin shapes,
// skip packing (sgemmDirect). With more than one thread (sgemmSplit) each
// thread runs the algorithm on its own block of C's columns (or rows), so a
// call costs one pool round-trip.

/// Rows of op(A) per packed block (multiple of MR; Ã = MC×KC floats ≈ 144 KiB, L2).
@usableFromInline let gemmMC = 144
/// Depth of one packed block (Ã micro-panel MR×KC = 12 KiB stays in L1). Also the
/// row stride of the row-major Ã layout, so it must stay a literal constant.
@usableFromInline let gemmKC = 256
/// Columns of op(B) per packed panel (multiple of NR; B̃ = KC×NC floats = 1 MiB, L2).
@usableFromInline let gemmNC = 1024

/// Below this many multiply-adds (m·n·k) sgemm skips packing entirely.
@usableFromInline let gemmDirectThreshold = 32 * 32 * 32
/// Below this many multiply-adds sgemm runs on the calling thread only.
@usableFromInline let gemmParallelThreshold = 96 * 96 * 96

// MARK: - Per-thread workspace

/// Packing buffers owned by one thread, 64-byte aligned, reused across calls and
/// freed when the thread exits.
final class GEMMWorkspace {
    let packA: UnsafeMutablePointer<Float>
    /// Allocated on first use: only threads that drive an sgemm call need it.
    private var packBStorage: UnsafeMutablePointer<Float>?
    let scratch: UnsafeMutablePointer<Float>

    init() {
        packA = Self.allocate(gemmMC * gemmKC)
        scratch = Self.allocate(gemmMR * gemmNR)
    }

    var packB: UnsafeMutablePointer<Float> {
        if let p = packBStorage { return p }
        let p = Self.allocate(gemmKC * gemmNC)
        packBStorage = p
        return p
    }

    deinit {
        packA.deallocate()
        scratch.deallocate()
        packBStorage?.deallocate()
    }

    private static func allocate(_ count: Int) -> UnsafeMutablePointer<Float> {
        UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Float>.stride, alignment: 64)
            .bindMemory(to: Float.self, capacity: count)
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let rc = pthread_key_create(&key) { raw in
            #if canImport(Glibc)
            if let raw { Unmanaged<GEMMWorkspace>.fromOpaque(raw).release() }
            #else
            Unmanaged<GEMMWorkspace>.fromOpaque(raw).release()
            #endif
        }
        precondition(rc == 0, "pthread_key_create failed")
        return key
    }()

    /// The calling thread's workspace.
    @inline(__always)
    static var current: GEMMWorkspace {
        if let raw = pthread_getspecific(key) {
            return Unmanaged<GEMMWorkspace>.fromOpaque(raw).takeUnretainedValue()
        }
        let ws = GEMMWorkspace()
        pthread_setspecific(key, Unmanaged.passRetained(ws).toOpaque())
        return ws
    }
}

// MARK: - sgemm

/// Single-precision general matrix multiply on row-major matrices:
/// `C = alpha · op(A) · op(B) + beta · C`, where op(A) is m×k, op(B) is k×n, C is
/// m×n. `op(X)` is `X` or, when `transX` is true, its transpose (so A is stored
/// k×m when `transA`). `lda`, `ldb`, `ldc` are row strides in elements.
/// With `beta == 0`, C is only written, never read (NaNs in C are ignored).
/// Uses `ThreadPool.shared` for large products.
public func sgemm(
    m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int, transA: Bool,
    b: UnsafePointer<Float>, ldb: Int, transB: Bool,
    c: UnsafeMutablePointer<Float>, ldc: Int,
    alpha: Float = 1, beta: Float = 0
) {
    precondition(m >= 0 && n >= 0 && k >= 0, "sgemm: negative dimension")
    if m == 0 || n == 0 { return }
    if k == 0 || alpha == 0 {
        scaleMatrix(m: m, n: n, c: c, ldc: ldc, beta: beta)
        return
    }
    let (mn, o1) = m.multipliedReportingOverflow(by: n)
    let (mnk, o2) = mn.multipliedReportingOverflow(by: k)
    let work = o1 || o2 ? Int.max : mnk
    // Direct path: tiny products, matrix-vector shapes, and shapes so thin that
    // padding to 12×32 tiles would multiply the work more than 8×.
    let padded = (m &+ gemmMR &- 1) / gemmMR &* gemmMR &* ((n &+ gemmNR &- 1) / gemmNR &* gemmNR)
    if work <= gemmDirectThreshold || m == 1 || n == 1 || padded > 8 &* mn {
        sgemmDirect(m: m, n: n, k: k, a: a, lda: lda, transA: transA,
                    b: b, ldb: ldb, transB: transB, c: c, ldc: ldc, alpha: alpha, beta: beta)
        return
    }
    let pool = ThreadPool.shared
    let threads = work < gemmParallelThreshold ? 1 : pool.threadCount
    if threads > 1 {
        sgemmSplit(m: m, n: n, k: k, a: a, lda: lda, transA: transA,
                   b: b, ldb: ldb, transB: transB, c: c, ldc: ldc,
                   alpha: alpha, beta: beta, threads: threads, pool: pool)
    } else {
        sgemmBlocked(m: m, n: n, k: k, a: a, lda: lda, transA: transA,
                     b: b, ldb: ldb, transB: transB, c: c, ldc: ldc, alpha: alpha, beta: beta)
    }
}

/// Threaded variant with one pool round-trip: C is cut into `threads` row (or
/// column) blocks aligned to the micro-tile, and each thread runs the
/// single-threaded algorithm on its block with its own packing buffers.
/// Some packing is duplicated, which is cheap next to the compute; the result
/// is bitwise identical to one thread.
func sgemmSplit(
    m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int, transA: Bool,
    b: UnsafePointer<Float>, ldb: Int, transB: Bool,
    c: UnsafeMutablePointer<Float>, ldc: Int,
    alpha: Float, beta: Float, threads: Int, pool: ThreadPool
) {
    // Row blocks duplicate only B's packing, and none when each block can read
    // B in place (see sgemmBlocked); column blocks duplicate A's packing.
    // Measured at 128²–512² on 2 threads: row blocks ~+15–30%.
    let mUnits = (m &+ gemmMR &- 1) / gemmMR, nUnits = (n &+ gemmNR &- 1) / gemmNR
    let rowsPerThread = (m &+ threads &- 1) / threads
    let bInPlace = !transB && ldb <= gemmDirectBMaxStride && rowsPerThread <= gemmDirectBMaxRows
    let splitN: Bool
    if mUnits >= threads && nUnits >= threads {
        splitN = !(bInPlace || m >= n)
    } else {
        splitN = nUnits > mUnits
    }
    let unit = splitN ? gemmNR : gemmMR
    let extent = splitN ? n : m
    let units = splitN ? nUnits : mUnits
    let parts = min(threads, units)
    let perPart = (units &+ parts &- 1) / parts &* unit
    pool.parallelFor(count: parts) { t in
        let lo = t &* perPart
        let hi = min(extent, lo &+ perPart)
        if lo >= hi { return }
        if splitN {
            sgemmBlocked(m: m, n: hi &- lo, k: k, a: a, lda: lda, transA: transA,
                         b: b + (transB ? lo &* ldb : lo), ldb: ldb, transB: transB,
                         c: c + lo, ldc: ldc, alpha: alpha, beta: beta)
        } else {
            sgemmBlocked(m: hi &- lo, n: n, k: k, a: a + (transA ? lo : lo &* lda), lda: lda, transA: transA,
                         b: b, ldb: ldb, transB: transB,
                         c: c + lo &* ldc, ldc: ldc, alpha: alpha, beta: beta)
        }
    }
}

/// `C = beta · C` (beta 0 stores zeros, ignoring what C held).
private func scaleMatrix<T: BinaryFloatingPoint>(m: Int, n: Int, c: UnsafeMutablePointer<T>, ldc: Int, beta: T) {
    if beta == 1 { return }
    for i in 0..<m {
        let row = c + i &* ldc
        if beta == 0 {
            row.update(repeating: 0, count: n)
        } else {
            for j in 0..<n { row[j] *= beta }
        }
    }
}

/// The packed five-loop algorithm on the calling thread.
func sgemmBlocked(
    m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int, transA: Bool,
    b: UnsafePointer<Float>, ldb: Int, transB: Bool,
    c: UnsafeMutablePointer<Float>, ldc: Int,
    alpha: Float, beta: Float
) {
    let nr = gemmNR
    let packB = GEMMWorkspace.current.packB
    // A non-transposed B can be read in place (rows `ldb` apart) when m is small
    // enough that packing B̃ would not pay for itself (measured: +10% at 64²,
    // +4% at 128², even at 256²; -5% at 512²; -25% at 1024² where rows are 4 KiB
    // apart and alias in the caches). Only a partial last panel is packed.
    let directB = !transB && m <= gemmDirectBMaxRows && ldb <= gemmDirectBMaxStride
    var jc = 0
    while jc < n {
        let nc = min(gemmNC, n &- jc)
        let panels = (nc &+ nr &- 1) / nr
        var pc = 0
        while pc < k {
            let kc = min(gemmKC, k &- pc)
            let packFrom = directB ? nc / nr : 0
            if packFrom < panels {
                sgemmPackB(kc: kc, nc: nc, b: b, ldb: ldb, transB: transB, p0: pc, j0: jc,
                           panelStart: packFrom, panelEnd: panels, into: packB)
            }
            sgemmMacro(iStart: 0, iEnd: m, panelStart: 0, panelEnd: panels,
                       nc: nc, kc: kc, jc: jc, pc: pc, a: a, lda: lda, transA: transA,
                       packB: packB, directB: directB ? b + (pc &* ldb &+ jc) : nil, ldb: ldb,
                       c: c, ldc: ldc, alpha: alpha, beta: pc == 0 ? beta : 1)
            pc &+= kc
        }
        jc &+= nc
    }
}

/// Largest m for which a non-transposed B is read in place instead of packed.
@usableFromInline let gemmDirectBMaxRows = 256
/// Largest ldb (elements) for reading B in place (larger strides alias in L1/L2).
@usableFromInline let gemmDirectBMaxStride = 512

/// Rows `iStart..<iEnd` × B̃ panels `panelStart..<panelEnd` of one (jc, pc) step:
/// packs Ã per MC rows into this thread's workspace and runs the micro-kernels.
@inline(__always)
func sgemmMacro(
    iStart: Int, iEnd: Int, panelStart: Int, panelEnd: Int,
    nc: Int, kc: Int, jc: Int, pc: Int,
    a: UnsafePointer<Float>, lda: Int, transA: Bool,
    packB: UnsafeMutablePointer<Float>, directB: UnsafePointer<Float>?, ldb: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int, alpha: Float, beta: Float
) {
    let mr = gemmMR, nr = gemmNR
    let ws = GEMMWorkspace.current
    let packA = ws.packA, scratch = ws.scratch
    var ic = iStart
    while ic < iEnd {
        let mc = min(gemmMC, iEnd &- ic)
        sgemmPackA(mc: mc, kc: kc, a: a, lda: lda, transA: transA, i0: ic, p0: pc, into: packA)
        // A micro-panel (MR×KC, ≤ 12 KiB) stays in L1 while the B̃ micro-panels
        // stream from L2 and the micro-kernels sweep along 12 rows of C.
        var ir = 0
        while ir < mc {
            let mrCur = min(mr, mc &- ir)
            let ap = UnsafePointer(packA + ir &* (transA ? kc : gemmKC))
            for s in panelStart..<panelEnd {
                let jr = s &* nr
                let nrCur = min(nr, nc &- jr)
                let bp: UnsafePointer<Float>, bStride: Int
                if let directB, nrCur == nr {
                    bp = directB + jr
                    bStride = ldb
                } else {
                    bp = UnsafePointer(packB + s &* (nr &* kc))
                    bStride = nr
                }
                let cp = c + ((ic &+ ir) &* ldc &+ jc &+ jr)
                if mrCur == mr && nrCur == nr {
                    if transA {
                        sgemmMicroKernel12x32(kc: kc, a: ap, b: bp, bStride: bStride, c: cp, ldc: ldc, alpha: alpha, beta: beta)
                    } else {
                        sgemmMicroKernel12x32RowA(kc: kc, a: ap, b: bp, bStride: bStride, c: cp, ldc: ldc, alpha: alpha, beta: beta)
                    }
                } else {
                    sgemmMicroKernelEdge(mr: mrCur, nr: nrCur, kc: kc, rowMajorA: !transA, a: ap, b: bp, bStride: bStride,
                                         c: cp, ldc: ldc, alpha: alpha, beta: beta, scratch: scratch)
                }
            }
            ir &+= mr
        }
        ic &+= mc
    }
}

/// Unpacked path for tiny products and matrix-vector or very thin shapes.
func sgemmDirect(
    m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int, transA: Bool,
    b: UnsafePointer<Float>, ldb: Int, transB: Bool,
    c: UnsafeMutablePointer<Float>, ldc: Int, alpha: Float, beta: Float
) {
    // Element (i, p) of op(A) is a[i·aI + p·aP].
    let aI = transA ? 1 : lda, aP = transA ? lda : 1
    if !transB {
        // Row form: C[i, :] = beta·C[i, :] + Σ_p (alpha·A[i, p]) · B[p, :]; B rows contiguous.
        for i in 0..<m {
            let row = c + i &* ldc
            if beta == 0 {
                row.update(repeating: 0, count: n)
            } else if beta != 1 {
                for j in 0..<n { row[j] *= beta }
            }
            for p in 0..<k {
                let s = alpha * a[i &* aI &+ p &* aP]
                axpy(n: n, s, b + p &* ldb, row)
            }
        }
    } else {
        // Dot form: C[i, j] = beta·C[i, j] + alpha · Σ_p A[i, p] · B[j, p]; B rows contiguous in p.
        for i in 0..<m {
            let row = c + i &* ldc
            for j in 0..<n {
                let brow = b + j &* ldb
                let d: Float
                if !transA {
                    d = dot(k: k, a + i &* lda, brow)
                } else {
                    var acc: Float = 0
                    for p in 0..<k { acc += a[p &* lda &+ i] * brow[p] }
                    d = acc
                }
                row[j] = beta == 0 ? alpha * d : alpha * d + beta * row[j]
            }
        }
    }
}

/// y[0..<n] += s · x[0..<n]
@inline(__always)
private func axpy(n: Int, _ s: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>) {
    let vs = SIMD16<Float>(repeating: s)
    var j = 0
    while j &+ 16 <= n {
        let xr = UnsafeRawPointer(x + j), yr = UnsafeMutableRawPointer(y + j)
        var v = yr.loadUnaligned(as: SIMD16<Float>.self)
        v.addProduct(vs, xr.loadUnaligned(as: SIMD16<Float>.self))
        yr.storeBytes(of: v, as: SIMD16<Float>.self)
        j &+= 16
    }
    while j < n {
        y[j] = y[j].addingProduct(s, x[j])
        j &+= 1
    }
}

/// Σ x[p]·y[p] over p in 0..<k.
@inline(__always)
private func dot(k: Int, _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>) -> Float {
    var acc0 = SIMD16<Float>(), acc1 = SIMD16<Float>()
    var p = 0
    while p &+ 32 <= k {
        let xr = UnsafeRawPointer(x + p), yr = UnsafeRawPointer(y + p)
        acc0.addProduct(xr.loadUnaligned(as: SIMD16<Float>.self), yr.loadUnaligned(as: SIMD16<Float>.self))
        acc1.addProduct(xr.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self),
                        yr.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self))
        p &+= 32
    }
    var s = (acc0 + acc1).sum()
    while p < k {
        s = s.addingProduct(x[p], y[p])
        p &+= 1
    }
    return s
}

// MARK: - dgemm

/// Double-precision `C = alpha · op(A) · op(B) + beta · C`, same conventions as
/// `sgemm`. A simpler blocked algorithm: C is scaled by beta first, op(B) is
/// packed KC×NC into a row-major buffer, A is read in place, and C is updated
/// in 6×16 register tiles (edges with vectorised axpys); rows are split across
/// `ThreadPool.shared` for large products.
public func dgemm(
    m: Int, n: Int, k: Int,
    a: UnsafePointer<Double>, lda: Int, transA: Bool,
    b: UnsafePointer<Double>, ldb: Int, transB: Bool,
    c: UnsafeMutablePointer<Double>, ldc: Int,
    alpha: Double = 1, beta: Double = 0
) {
    precondition(m >= 0 && n >= 0 && k >= 0, "dgemm: negative dimension")
    if m == 0 || n == 0 { return }
    scaleMatrix(m: m, n: n, c: c, ldc: ldc, beta: beta)
    if k == 0 || alpha == 0 { return }

    let kcMax = 256, ncMax = 512
    let kcAlloc = min(kcMax, k), ncAlloc = min(ncMax, n)
    let buffer = UnsafeMutableRawPointer.allocate(
        byteCount: kcAlloc * ncAlloc * MemoryLayout<Double>.stride, alignment: 64
    ).bindMemory(to: Double.self, capacity: kcAlloc * ncAlloc)
    defer { buffer.deallocate() }

    let pool = ThreadPool.shared
    let threads = m &* n &* k < gemmParallelThreshold ? 1 : min(pool.threadCount, m)
    let aI = transA ? 1 : lda, aP = transA ? lda : 1

    var jc = 0
    while jc < n {
        let nc = min(ncMax, n &- jc)
        var pc = 0
        while pc < k {
            let kc = min(kcMax, k &- pc)
            // Pack op(B)[pc..<pc+kc, jc..<jc+nc] row-major with row stride nc.
            for p in 0..<kc {
                let dst = buffer + p &* nc
                if !transB {
                    dst.update(from: b + ((pc &+ p) &* ldb &+ jc), count: nc)
                } else {
                    for j in 0..<nc { dst[j] = b[(jc &+ j) &* ldb &+ pc &+ p] }
                }
            }
            let packed = UnsafePointer(buffer)
            let rowsPer = (m &+ threads &- 1) / threads
            pool.parallelFor(count: threads) { t in
                let i0 = t &* rowsPer, i1 = min(m, i0 &+ rowsPer)
                let fullCols = nc / 16 &* 16
                var i = i0
                // 6×16 register tiles (12 zmm accumulators) over the packed rows.
                while i &+ 6 <= i1 {
                    let ap = a + (i &* aI &+ pc &* aP)
                    var j = 0
                    while j < fullCols {
                        dgemmMicroKernel6x16(kc: kc, a: ap, aRow: aI, aStep: aP, b: packed + j, ldb: nc,
                                             c: c + (i &* ldc &+ jc &+ j), ldc: ldc, alpha: alpha)
                        j &+= 16
                    }
                    if fullCols < nc {
                        for r in 0..<6 {
                            let row = c + ((i &+ r) &* ldc &+ jc &+ fullCols)
                            for p in 0..<kc {
                                let s = alpha * a[(i &+ r) &* aI &+ (pc &+ p) &* aP]
                                daxpy(n: nc &- fullCols, s, packed + (p &* nc &+ fullCols), row)
                            }
                        }
                    }
                    i &+= 6
                }
                // Remaining rows: one vectorised axpy per (row, p).
                while i < i1 {
                    let row = c + (i &* ldc &+ jc)
                    for p in 0..<kc {
                        let s = alpha * a[i &* aI &+ (pc &+ p) &* aP]
                        daxpy(n: nc, s, packed + p &* nc, row)
                    }
                    i &+= 1
                }
            }
            pc &+= kc
        }
        jc &+= nc
    }
}

@inline(__always)
private func daxpy(n: Int, _ s: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>) {
    let vs = SIMD8<Double>(repeating: s)
    var j = 0
    while j &+ 16 <= n {
        let xr = UnsafeRawPointer(x + j), yr = UnsafeMutableRawPointer(y + j)
        var v0 = yr.loadUnaligned(as: SIMD8<Double>.self)
        var v1 = yr.loadUnaligned(fromByteOffset: 64, as: SIMD8<Double>.self)
        v0.addProduct(vs, xr.loadUnaligned(as: SIMD8<Double>.self))
        v1.addProduct(vs, xr.loadUnaligned(fromByteOffset: 64, as: SIMD8<Double>.self))
        yr.storeBytes(of: v0, as: SIMD8<Double>.self)
        yr.storeBytes(of: v1, toByteOffset: 64, as: SIMD8<Double>.self)
        j &+= 16
    }
    while j < n {
        y[j] = y[j].addingProduct(s, x[j])
        j &+= 1
    }
}
