#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Packing copies a block of op(A) / op(B) into the contiguous, zero-padded layout
// the micro-kernel streams through. Transposes are resolved here, so the
// micro-kernel only ever sees one layout.

/// Packs the `mc × kc` block of op(A) starting at (row `i0`, col `p0`) into
/// micro-panels of `gemmMR` rows: panel `r` holds, for each `p`, the `gemmMR`
/// values op(A)[i0 + r·MR + 0..<MR, p0 + p]; rows past `mc` are zero.
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
            // op(A)[i, p] = a[i·lda + p]: gather one value from each of `rows` rows.
            let base = a + ((i0 &+ i) &* lda &+ p0)
            if rows == mr {
                let r0 = base, r1 = base + lda, r2 = base + 2 &* lda, r3 = base + 3 &* lda
                let r4 = base + 4 &* lda, r5 = base + 5 &* lda, r6 = base + 6 &* lda, r7 = base + 7 &* lda
                let r8 = base + 8 &* lda, r9 = base + 9 &* lda, rA = base + 10 &* lda, rB = base + 11 &* lda
                for p in 0..<kc {
                    out[0] = r0[p]; out[1] = r1[p]; out[2] = r2[p]; out[3] = r3[p]
                    out[4] = r4[p]; out[5] = r5[p]; out[6] = r6[p]; out[7] = r7[p]
                    out[8] = r8[p]; out[9] = r9[p]; out[10] = rA[p]; out[11] = rB[p]
                    out += mr
                }
            } else {
                for p in 0..<kc {
                    for r in 0..<rows { out[r] = base[r &* lda &+ p] }
                    for r in rows..<mr { out[r] = 0 }
                    out += mr
                }
            }
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
