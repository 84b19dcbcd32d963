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
                // Transpose 32 rows of b into 32-wide packed rows, 4 p at a time
                // would need shuffles; a strided gather is simple and only O(kc·nc).
                for p in 0..<kc {
                    var src = base + p
                    for c in 0..<nr {
                        out[c] = src.pointee
                        src += ldb
                    }
                    out += nr
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
