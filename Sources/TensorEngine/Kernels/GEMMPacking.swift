#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Packing copies a block of op(A) / op(B) into the contiguous, zero-padded layout
// the micro-kernel streams through. Transposes are resolved here, so the
// micro-kernel only ever sees one layout.

/// Packs the `mc × kc` block of op(A) starting at (row `i0`, col `p0`) into
/// micro-panels of `gemmMR` rows (rows past `mc` are zero), in one of two layouts
/// matching the two micro-kernels:
/// - A not transposed: row-major panels, row r of panel q at
///   `dst + q·MR·KC + r·KC` (`gemmKC` stride, a plain copy of each source row);
/// - A transposed: k-major panels of `MR·kc` floats, the MR values of each p
///   contiguous (again a contiguous copy from the source).
func sgemmPackA(
    mc: Int, kc: Int, a: UnsafePointer<Float>, lda: Int, transA: Bool,
    i0: Int, p0: Int, into dst: UnsafeMutablePointer<Float>
) {
    let mr = gemmMR
    var out = dst
    var i = 0
    while i < mc {
        let rows = min(mr, mc &- i)
        if !transA {
            // op(A)[i, p] = a[i·lda + p]: copy `rows` row segments of length kc.
            for r in 0..<mr {
                let o = out + r &* gemmKC
                if r < rows {
                    copyFloats(from: a + ((i0 &+ i &+ r) &* lda &+ p0), to: o, count: kc)
                } else {
                    o.update(repeating: 0, count: kc)
                }
            }
            out += mr &* gemmKC
        } else {
            // op(A)[i, p] = a[p·lda + i]: `rows` contiguous values per p.
            var src = a + (p0 &* lda &+ i0 &+ i)
            if rows == mr {
                for _ in 0..<kc {
                    // 12 floats: one 8-wide and one 4-wide copy.
                    UnsafeMutableRawPointer(out).storeBytes(
                        of: UnsafeRawPointer(src).loadUnaligned(as: SIMD8<Float>.self), as: SIMD8<Float>.self)
                    UnsafeMutableRawPointer(out + 8).storeBytes(
                        of: UnsafeRawPointer(src + 8).loadUnaligned(as: SIMD4<Float>.self), as: SIMD4<Float>.self)
                    out += mr
                    src += lda
                }
            } else {
                for _ in 0..<kc {
                    for r in 0..<rows { out[r] = src[r] }
                    for r in rows..<mr { out[r] = 0 }
                    out += mr
                    src += lda
                }
            }
        }
        i &+= mr
    }
}

/// Packs the `kc × nc` block of op(B) starting at (row `p0`, col `j0`) into
/// micro-panels of `gemmNR` columns: panel `s` holds, for each `p`, the `gemmNR`
/// values op(B)[p0 + p, j0 + s·NR + 0..<NR]; columns past `nc` are zero.
/// Only panels `panelStart..<panelEnd` are written (so threads can split it).
func sgemmPackB(
    kc: Int, nc: Int, b: UnsafePointer<Float>, ldb: Int, transB: Bool,
    p0: Int, j0: Int, panelStart: Int, panelEnd: Int, into dst: UnsafeMutablePointer<Float>
) {
    let nr = gemmNR
    for s in panelStart..<panelEnd {
        let j = s &* nr
        let cols = min(nr, nc &- j)
        var out = dst + s &* (nr &* kc)
        if !transB {
            // op(B)[p, j] = b[p·ldb + j]: contiguous rows.
            var src = b + (p0 &* ldb &+ j0 &+ j)
            if cols == nr {
                for _ in 0..<kc {
                    let o = UnsafeMutableRawPointer(out)
                    let i = UnsafeRawPointer(src)
                    o.storeBytes(of: i.loadUnaligned(as: SIMD16<Float>.self), as: SIMD16<Float>.self)
                    o.storeBytes(of: i.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self),
                                 toByteOffset: 64, as: SIMD16<Float>.self)
                    out += nr
                    src += ldb
                }
            } else {
                for _ in 0..<kc {
                    for c in 0..<cols { out[c] = src[c] }
                    for c in cols..<nr { out[c] = 0 }
                    out += nr
                    src += ldb
                }
            }
        } else {
            // op(B)[p, j] = b[j·ldb + p]: column j of op(B) is contiguous in b.
            let base = b + ((j0 &+ j) &* ldb &+ p0)
            if cols == nr {
                // 16×16 register transposes: 32 source rows (columns of op(B))
                // × 16 p at a time become 16 packed rows of 32.
                var p = 0
                while p &+ 16 <= kc {
                    transpose16x16(base + p, ldb, out, nr)
                    transpose16x16(base + (16 &* ldb &+ p), ldb, out + 16, nr)
                    out += 16 &* nr
                    p &+= 16
                }
                while p < kc {
                    var src = base + p
                    for c in 0..<nr {
                        out[c] = src.pointee
                        src += ldb
                    }
                    out += nr
                    p &+= 1
                }
            } else {
                for p in 0..<kc {
                    for c in 0..<cols { out[c] = base[c &* ldb &+ p] }
                    for c in cols..<nr { out[c] = 0 }
                    out += nr
                }
            }
        }
    }
}

/// Vectorised copy of `count` floats (no overlap).
@inline(__always)
func copyFloats(from src: UnsafePointer<Float>, to dst: UnsafeMutablePointer<Float>, count: Int) {
    var j = 0
    while j &+ 32 <= count {
        let i = UnsafeRawPointer(src + j), o = UnsafeMutableRawPointer(dst + j)
        o.storeBytes(of: i.loadUnaligned(as: SIMD16<Float>.self), as: SIMD16<Float>.self)
        o.storeBytes(of: i.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self), toByteOffset: 64, as: SIMD16<Float>.self)
        j &+= 32
    }
    while j < count {
        dst[j] = src[j]
        j &+= 1
    }
}

// MARK: - 16×16 transpose

/// (a0, b0, a1, b1, …, a7, b7)
@inline(__always)
private func zipLo(_ a: SIMD16<Float>, _ b: SIMD16<Float>) -> SIMD16<Float> {
    SIMD16(a[0], b[0], a[1], b[1], a[2], b[2], a[3], b[3], a[4], b[4], a[5], b[5], a[6], b[6], a[7], b[7])
}
/// (a8, b8, …, a15, b15)
@inline(__always)
private func zipHi(_ a: SIMD16<Float>, _ b: SIMD16<Float>) -> SIMD16<Float> {
    SIMD16(a[8], b[8], a[9], b[9], a[10], b[10], a[11], b[11], a[12], b[12], a[13], b[13], a[14], b[14], a[15], b[15])
}
/// Writes the transpose of the 16×16 block at `src` (row stride `lds`) to `dst`
/// (row stride `ldd`): four rounds of perfect-shuffle zips, which LLVM lowers to
/// 64 `vpermt2ps` on AVX-512.
@inline(never)
func transpose16x16(_ src: UnsafePointer<Float>, _ lds: Int, _ dst: UnsafeMutablePointer<Float>, _ ldd: Int) {
    let s = UnsafeRawPointer(src)
    var v0 = s.loadUnaligned(fromByteOffset: 0 &* lds &* 4, as: SIMD16<Float>.self)
    var v1 = s.loadUnaligned(fromByteOffset: 1 &* lds &* 4, as: SIMD16<Float>.self)
    var v2 = s.loadUnaligned(fromByteOffset: 2 &* lds &* 4, as: SIMD16<Float>.self)
    var v3 = s.loadUnaligned(fromByteOffset: 3 &* lds &* 4, as: SIMD16<Float>.self)
    var v4 = s.loadUnaligned(fromByteOffset: 4 &* lds &* 4, as: SIMD16<Float>.self)
    var v5 = s.loadUnaligned(fromByteOffset: 5 &* lds &* 4, as: SIMD16<Float>.self)
    var v6 = s.loadUnaligned(fromByteOffset: 6 &* lds &* 4, as: SIMD16<Float>.self)
    var v7 = s.loadUnaligned(fromByteOffset: 7 &* lds &* 4, as: SIMD16<Float>.self)
    var v8 = s.loadUnaligned(fromByteOffset: 8 &* lds &* 4, as: SIMD16<Float>.self)
    var v9 = s.loadUnaligned(fromByteOffset: 9 &* lds &* 4, as: SIMD16<Float>.self)
    var vA = s.loadUnaligned(fromByteOffset: 10 &* lds &* 4, as: SIMD16<Float>.self)
    var vB = s.loadUnaligned(fromByteOffset: 11 &* lds &* 4, as: SIMD16<Float>.self)
    var vC = s.loadUnaligned(fromByteOffset: 12 &* lds &* 4, as: SIMD16<Float>.self)
    var vD = s.loadUnaligned(fromByteOffset: 13 &* lds &* 4, as: SIMD16<Float>.self)
    var vE = s.loadUnaligned(fromByteOffset: 14 &* lds &* 4, as: SIMD16<Float>.self)
    var vF = s.loadUnaligned(fromByteOffset: 15 &* lds &* 4, as: SIMD16<Float>.self)
    for _ in 0..<4 {
        (v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, vA, vB, vC, vD, vE, vF) =
            (zipLo(v0, v8), zipHi(v0, v8), zipLo(v1, v9), zipHi(v1, v9),
             zipLo(v2, vA), zipHi(v2, vA), zipLo(v3, vB), zipHi(v3, vB),
             zipLo(v4, vC), zipHi(v4, vC), zipLo(v5, vD), zipHi(v5, vD),
             zipLo(v6, vE), zipHi(v6, vE), zipLo(v7, vF), zipHi(v7, vF))
    }
    let d = UnsafeMutableRawPointer(dst)
    d.storeBytes(of: v0, toByteOffset: 0 &* ldd &* 4, as: SIMD16<Float>.self)
    d.storeBytes(of: v1, toByteOffset: 1 &* ldd &* 4, as: SIMD16<Float>.self)
    d.storeBytes(of: v2, toByteOffset: 2 &* ldd &* 4, as: SIMD16<Float>.self)
    d.storeBytes(of: v3, toByteOffset: 3 &* ldd &* 4, as: SIMD16<Float>.self)
    d.storeBytes(of: v4, toByteOffset: 4 &* ldd &* 4, as: SIMD16<Float>.self)
    d.storeBytes(of: v5, toByteOffset: 5 &* ldd &* 4, as: SIMD16<Float>.self)
    d.storeBytes(of: v6, toByteOffset: 6 &* ldd &* 4, as: SIMD16<Float>.self)
    d.storeBytes(of: v7, toByteOffset: 7 &* ldd &* 4, as: SIMD16<Float>.self)
    d.storeBytes(of: v8, toByteOffset: 8 &* ldd &* 4, as: SIMD16<Float>.self)
    d.storeBytes(of: v9, toByteOffset: 9 &* ldd &* 4, as: SIMD16<Float>.self)
    d.storeBytes(of: vA, toByteOffset: 10 &* ldd &* 4, as: SIMD16<Float>.self)
    d.storeBytes(of: vB, toByteOffset: 11 &* ldd &* 4, as: SIMD16<Float>.self)
    d.storeBytes(of: vC, toByteOffset: 12 &* ldd &* 4, as: SIMD16<Float>.self)
    d.storeBytes(of: vD, toByteOffset: 13 &* ldd &* 4, as: SIMD16<Float>.self)
    d.storeBytes(of: vE, toByteOffset: 14 &* ldd &* 4, as: SIMD16<Float>.self)
    d.storeBytes(of: vF, toByteOffset: 15 &* ldd &* 4, as: SIMD16<Float>.self)
}
