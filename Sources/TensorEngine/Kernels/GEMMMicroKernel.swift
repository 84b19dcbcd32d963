// The register-blocked sgemm micro-kernel: C[MR×NR] (+)= alpha · Ã·B̃ over one
// packed A micro-panel (MR floats per k step) and one packed B micro-panel
// (NR floats per k step). 24 zmm accumulators + 2 B vectors + 1 broadcast fit in
// the 32 AVX-512 registers. Written with concrete `SIMD16<Float>` and explicit
// `addProduct` so that, with `-target-cpu`/`-march` set to an AVX-512 CPU, each
// update is one `vfmadd231ps` (Swift never contracts `a*b+c` on its own).

/// Rows of the micro-tile (broadcast A values per k step).
@usableFromInline let gemmMR = 12
/// Columns of the micro-tile (two SIMD16 vectors).
@usableFromInline let gemmNR = 32

/// Computes the 12×32 product of a packed A micro-panel and a packed B
/// micro-panel over `kc` steps and merges it into C:
/// `C = alpha·AB + beta·C`, where `beta == 0` writes without reading C (so NaNs
/// in C are ignored).
///
/// `a` holds `kc` groups of 12 floats (k-major Ã layout, used when A is
/// transposed). `b` holds `kc` rows of 32 floats, `bStride` floats apart: 32 for
/// a packed B̃ micro-panel, or `ldb` when a non-transposed B is read in place.
/// `c` is row-major with leading dimension `ldc`.
@inline(never)
func sgemmMicroKernel12x32(
    kc: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, bStride: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int, alpha: Float, beta: Float
) {
    sgemmMicroKernelBody(kc: kc, a: a, rowStride: 1, step: 12, b: b, bStride: bStride,
                         c: c, ldc: ldc, alpha: alpha, beta: beta)
}

/// Same as `sgemmMicroKernel12x32` for the row-major Ã layout: row r of the
/// micro-panel starts at `a + r·gemmKC` (packing is then a plain row copy of a
/// non-transposed A). The stride is a compile-time constant, so each broadcast
/// is `vbroadcastss r·1024(%reg)`.
@inline(never)
func sgemmMicroKernel12x32RowA(
    kc: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, bStride: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int, alpha: Float, beta: Float
) {
    sgemmMicroKernelBody(kc: kc, a: a, rowStride: gemmKC, step: 1, b: b, bStride: bStride,
                         c: c, ldc: ldc, alpha: alpha, beta: beta)
}

/// The shared body; `rowStride` / `step` are constants at both call sites.
@inline(__always)
func sgemmMicroKernelBody(
    kc: Int, a: UnsafePointer<Float>, rowStride rs: Int, step: Int,
    b: UnsafePointer<Float>, bStride: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int, alpha: Float, beta: Float
) {
    let bStrideBytes = bStride &* MemoryLayout<Float>.stride
    var c00 = SIMD16<Float>(), c01 = SIMD16<Float>()
    var c10 = SIMD16<Float>(), c11 = SIMD16<Float>()
    var c20 = SIMD16<Float>(), c21 = SIMD16<Float>()
    var c30 = SIMD16<Float>(), c31 = SIMD16<Float>()
    var c40 = SIMD16<Float>(), c41 = SIMD16<Float>()
    var c50 = SIMD16<Float>(), c51 = SIMD16<Float>()
    var c60 = SIMD16<Float>(), c61 = SIMD16<Float>()
    var c70 = SIMD16<Float>(), c71 = SIMD16<Float>()
    var c80 = SIMD16<Float>(), c81 = SIMD16<Float>()
    var c90 = SIMD16<Float>(), c91 = SIMD16<Float>()
    var cA0 = SIMD16<Float>(), cA1 = SIMD16<Float>()
    var cB0 = SIMD16<Float>(), cB1 = SIMD16<Float>()

    var pa = a
    var pb = UnsafeRawPointer(b)
    var p = 0
    while p < kc {
        let b0 = pb.loadUnaligned(as: SIMD16<Float>.self)
        let b1 = pb.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self)
        var av = SIMD16<Float>(repeating: pa[0]); c00.addProduct(av, b0); c01.addProduct(av, b1)
        av = SIMD16<Float>(repeating: pa[rs]); c10.addProduct(av, b0); c11.addProduct(av, b1)
        av = SIMD16<Float>(repeating: pa[2 &* rs]); c20.addProduct(av, b0); c21.addProduct(av, b1)
        av = SIMD16<Float>(repeating: pa[3 &* rs]); c30.addProduct(av, b0); c31.addProduct(av, b1)
        av = SIMD16<Float>(repeating: pa[4 &* rs]); c40.addProduct(av, b0); c41.addProduct(av, b1)
        av = SIMD16<Float>(repeating: pa[5 &* rs]); c50.addProduct(av, b0); c51.addProduct(av, b1)
        av = SIMD16<Float>(repeating: pa[6 &* rs]); c60.addProduct(av, b0); c61.addProduct(av, b1)
        av = SIMD16<Float>(repeating: pa[7 &* rs]); c70.addProduct(av, b0); c71.addProduct(av, b1)
        av = SIMD16<Float>(repeating: pa[8 &* rs]); c80.addProduct(av, b0); c81.addProduct(av, b1)
        av = SIMD16<Float>(repeating: pa[9 &* rs]); c90.addProduct(av, b0); c91.addProduct(av, b1)
        av = SIMD16<Float>(repeating: pa[10 &* rs]); cA0.addProduct(av, b0); cA1.addProduct(av, b1)
        av = SIMD16<Float>(repeating: pa[11 &* rs]); cB0.addProduct(av, b0); cB1.addProduct(av, b1)
        pa += step
        pb += bStrideBytes
        p += 1
    }

    let va = SIMD16<Float>(repeating: alpha)
    if beta == 0 {
        @inline(__always) func put(_ r: Int, _ x0: SIMD16<Float>, _ x1: SIMD16<Float>) {
            let row = UnsafeMutableRawPointer(c + r &* ldc)
            row.storeBytes(of: x0 * va, as: SIMD16<Float>.self)
            row.storeBytes(of: x1 * va, toByteOffset: 64, as: SIMD16<Float>.self)
        }
        put(0, c00, c01); put(1, c10, c11); put(2, c20, c21); put(3, c30, c31)
        put(4, c40, c41); put(5, c50, c51); put(6, c60, c61); put(7, c70, c71)
        put(8, c80, c81); put(9, c90, c91); put(10, cA0, cA1); put(11, cB0, cB1)
    } else {
        let vb = SIMD16<Float>(repeating: beta)
        @inline(__always) func put(_ r: Int, _ x0: SIMD16<Float>, _ x1: SIMD16<Float>) {
            let row = UnsafeMutableRawPointer(c + r &* ldc)
            var y0 = row.loadUnaligned(as: SIMD16<Float>.self) * vb
            var y1 = row.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self) * vb
            y0.addProduct(x0, va)
            y1.addProduct(x1, va)
            row.storeBytes(of: y0, as: SIMD16<Float>.self)
            row.storeBytes(of: y1, toByteOffset: 64, as: SIMD16<Float>.self)
        }
        put(0, c00, c01); put(1, c10, c11); put(2, c20, c21); put(3, c30, c31)
        put(4, c40, c41); put(5, c50, c51); put(6, c60, c61); put(7, c70, c71)
        put(8, c80, c81); put(9, c90, c91); put(10, cA0, cA1); put(11, cB0, cB1)
    }
}

/// Edge tile: runs the full micro-kernel into a 12×32 scratch tile and merges
/// only the valid `mr × nr` corner into C.
@inline(never)
func sgemmMicroKernelEdge(
    mr: Int, nr: Int, kc: Int, rowMajorA: Bool, a: UnsafePointer<Float>,
    b: UnsafePointer<Float>, bStride: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int, alpha: Float, beta: Float,
    scratch: UnsafeMutablePointer<Float>
) {
    if rowMajorA {
        sgemmMicroKernel12x32RowA(kc: kc, a: a, b: b, bStride: bStride, c: scratch, ldc: gemmNR, alpha: alpha, beta: 0)
    } else {
        sgemmMicroKernel12x32(kc: kc, a: a, b: b, bStride: bStride, c: scratch, ldc: gemmNR, alpha: alpha, beta: 0)
    }
    for i in 0..<mr {
        let src = scratch + i &* gemmNR
        let dst = c + i &* ldc
        if beta == 0 {
            for j in 0..<nr { dst[j] = src[j] }
        } else {
            for j in 0..<nr { dst[j] = src[j] + beta * dst[j] }
        }
    }
}

// MARK: - dgemm

/// C[6×16] += alpha · A·B for Float64: A read in place (element (r, p) at
/// `a[r·aRow + p·aStep]`), B rows of 16 doubles `ldb` apart. 12 zmm accumulators.
@inline(never)
func dgemmMicroKernel6x16(
    kc: Int, a: UnsafePointer<Double>, aRow: Int, aStep: Int,
    b: UnsafePointer<Double>, ldb: Int,
    c: UnsafeMutablePointer<Double>, ldc: Int, alpha: Double
) {
    var c00 = SIMD8<Double>(), c01 = SIMD8<Double>()
    var c10 = SIMD8<Double>(), c11 = SIMD8<Double>()
    var c20 = SIMD8<Double>(), c21 = SIMD8<Double>()
    var c30 = SIMD8<Double>(), c31 = SIMD8<Double>()
    var c40 = SIMD8<Double>(), c41 = SIMD8<Double>()
    var c50 = SIMD8<Double>(), c51 = SIMD8<Double>()
    var a0 = a, a1 = a + aRow, a2 = a + 2 &* aRow
    var a3 = a + 3 &* aRow, a4 = a + 4 &* aRow, a5 = a + 5 &* aRow
    var pb = UnsafeRawPointer(b)
    let ldbBytes = ldb &* MemoryLayout<Double>.stride
    for _ in 0..<kc {
        let b0 = pb.loadUnaligned(as: SIMD8<Double>.self)
        let b1 = pb.loadUnaligned(fromByteOffset: 64, as: SIMD8<Double>.self)
        var av = SIMD8<Double>(repeating: a0.pointee); c00.addProduct(av, b0); c01.addProduct(av, b1)
        av = SIMD8<Double>(repeating: a1.pointee); c10.addProduct(av, b0); c11.addProduct(av, b1)
        av = SIMD8<Double>(repeating: a2.pointee); c20.addProduct(av, b0); c21.addProduct(av, b1)
        av = SIMD8<Double>(repeating: a3.pointee); c30.addProduct(av, b0); c31.addProduct(av, b1)
        av = SIMD8<Double>(repeating: a4.pointee); c40.addProduct(av, b0); c41.addProduct(av, b1)
        av = SIMD8<Double>(repeating: a5.pointee); c50.addProduct(av, b0); c51.addProduct(av, b1)
        a0 += aStep; a1 += aStep; a2 += aStep; a3 += aStep; a4 += aStep; a5 += aStep
        pb += ldbBytes
    }
    let va = SIMD8<Double>(repeating: alpha)
    @inline(__always) func add(_ r: Int, _ x0: SIMD8<Double>, _ x1: SIMD8<Double>) {
        let row = UnsafeMutableRawPointer(c + r &* ldc)
        var y0 = row.loadUnaligned(as: SIMD8<Double>.self)
        var y1 = row.loadUnaligned(fromByteOffset: 64, as: SIMD8<Double>.self)
        y0.addProduct(x0, va)
        y1.addProduct(x1, va)
        row.storeBytes(of: y0, as: SIMD8<Double>.self)
        row.storeBytes(of: y1, toByteOffset: 64, as: SIMD8<Double>.self)
    }
    add(0, c00, c01); add(1, c10, c11); add(2, c20, c21)
    add(3, c30, c31); add(4, c40, c41); add(5, c50, c51)
}
