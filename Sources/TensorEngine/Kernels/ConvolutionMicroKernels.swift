/// The convolution micro-kernels: `rows × 32` output tiles for the forward and
/// input-gradient passes, and `rows × 4` dot-product tiles for the weight gradient.
///
/// Note [Shifted-row convolution]
/// With the image stored row-major at a fixed row width (the zero-padded input,
/// or a zero-bordered gradient), output column q of a stride-1 convolution reads
/// input element `q + offset(c, i, j)` for every kernel tap (channel c, row i,
/// column j). So row `k` of the implicit im2col matrix is the image itself,
/// shifted by `offsets[k]`, and the kernels read it in place instead of
/// materialising im2col (which would copy every input value kH·kW times). The
/// price is that columns q whose position in the row lies past the output width
/// compute values nobody needs; the drivers drop them when storing. Strided
/// convolutions use a real im2col buffer with `offsets[k] = k · rowLength`, and
/// the same kernels.
///
/// The tile kernel keeps `rows × 2` SIMD16 accumulators in registers (24 of the 32
/// zmm registers at 12 rows): per tap it loads 32 shifted input values once and
/// broadcasts one packed weight per row. `rows` is a constant in each
/// specialisation, so unused accumulators vanish.

/// Output columns of one float32 tile.
let convTileWidthFloat = 32
/// Most output rows of one tile (channels), for every element type.
let convMaxTileRows = 12
/// Weight-gradient tiles cover this many kernel taps (columns of dW).
let convDotTileColumns = 4
/// Most output channels of one weight-gradient tile.
let convMaxDotTileRows = 6

/// `tile[r][0..<32] = bias[r] + Σ_k a[k·rows + r] · src[offsets[k] + 0..<32]` for `r < rows`
/// (row r of the tile at `tile + 32·r`); `bias` nil means zero.
@inline(never)
func convTileFloat(rows: Int, depth: Int, a: UnsafePointer<Float>, src: UnsafePointer<Float>,
                   offsets: UnsafePointer<Int>, bias: UnsafePointer<Float>?, tile: UnsafeMutablePointer<Float>) {
    switch rows {
    case 1: convTileBody(Rows1.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 2: convTileBody(Rows2.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 3: convTileBody(Rows3.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 4: convTileBody(Rows4.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 5: convTileBody(Rows5.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 6: convTileBody(Rows6.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 7: convTileBody(Rows7.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 8: convTileBody(Rows8.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 9: convTileBody(Rows9.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 10: convTileBody(Rows10.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 11: convTileBody(Rows11.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 12: convTileBody(Rows12.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    default: break
    }
}

/// Specialised once per row count (a generic parameter, so each copy folds `rows`).
@inline(never)
private func convTileBody<R: TileRowCount>(_: R.Type, depth: Int, a: UnsafePointer<Float>, src: UnsafePointer<Float>,
                                           offsets: UnsafePointer<Int>, bias: UnsafePointer<Float>?,
                                           tile: UnsafeMutablePointer<Float>) {
    let rows = R.rows
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
    if let bias {
        if rows > 0 { c00 = SIMD16(repeating: bias[0]); c01 = c00 }
        if rows > 1 { c10 = SIMD16(repeating: bias[1]); c11 = c10 }
        if rows > 2 { c20 = SIMD16(repeating: bias[2]); c21 = c20 }
        if rows > 3 { c30 = SIMD16(repeating: bias[3]); c31 = c30 }
        if rows > 4 { c40 = SIMD16(repeating: bias[4]); c41 = c40 }
        if rows > 5 { c50 = SIMD16(repeating: bias[5]); c51 = c50 }
        if rows > 6 { c60 = SIMD16(repeating: bias[6]); c61 = c60 }
        if rows > 7 { c70 = SIMD16(repeating: bias[7]); c71 = c70 }
        if rows > 8 { c80 = SIMD16(repeating: bias[8]); c81 = c80 }
        if rows > 9 { c90 = SIMD16(repeating: bias[9]); c91 = c90 }
        if rows > 10 { cA0 = SIMD16(repeating: bias[10]); cA1 = cA0 }
        if rows > 11 { cB0 = SIMD16(repeating: bias[11]); cB1 = cB0 }
    }
    var pa = a
    for kk in 0..<depth {
        let p = UnsafeRawPointer(src + offsets[kk])
        let b0 = p.loadUnaligned(as: SIMD16<Float>.self)
        let b1 = p.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self)
        if rows > 0 { let v = SIMD16<Float>(repeating: pa[0]); c00.addProduct(v, b0); c01.addProduct(v, b1) }
        if rows > 1 { let v = SIMD16<Float>(repeating: pa[1]); c10.addProduct(v, b0); c11.addProduct(v, b1) }
        if rows > 2 { let v = SIMD16<Float>(repeating: pa[2]); c20.addProduct(v, b0); c21.addProduct(v, b1) }
        if rows > 3 { let v = SIMD16<Float>(repeating: pa[3]); c30.addProduct(v, b0); c31.addProduct(v, b1) }
        if rows > 4 { let v = SIMD16<Float>(repeating: pa[4]); c40.addProduct(v, b0); c41.addProduct(v, b1) }
        if rows > 5 { let v = SIMD16<Float>(repeating: pa[5]); c50.addProduct(v, b0); c51.addProduct(v, b1) }
        if rows > 6 { let v = SIMD16<Float>(repeating: pa[6]); c60.addProduct(v, b0); c61.addProduct(v, b1) }
        if rows > 7 { let v = SIMD16<Float>(repeating: pa[7]); c70.addProduct(v, b0); c71.addProduct(v, b1) }
        if rows > 8 { let v = SIMD16<Float>(repeating: pa[8]); c80.addProduct(v, b0); c81.addProduct(v, b1) }
        if rows > 9 { let v = SIMD16<Float>(repeating: pa[9]); c90.addProduct(v, b0); c91.addProduct(v, b1) }
        if rows > 10 { let v = SIMD16<Float>(repeating: pa[10]); cA0.addProduct(v, b0); cA1.addProduct(v, b1) }
        if rows > 11 { let v = SIMD16<Float>(repeating: pa[11]); cB0.addProduct(v, b0); cB1.addProduct(v, b1) }
        pa += rows
    }
    @inline(__always) func put(_ r: Int, _ x0: SIMD16<Float>, _ x1: SIMD16<Float>) {
        let row = UnsafeMutableRawPointer(tile + r &* 32)
        row.storeBytes(of: x0, as: SIMD16<Float>.self)
        row.storeBytes(of: x1, toByteOffset: 64, as: SIMD16<Float>.self)
    }
    if rows > 0 { put(0, c00, c01) }
    if rows > 1 { put(1, c10, c11) }
    if rows > 2 { put(2, c20, c21) }
    if rows > 3 { put(3, c30, c31) }
    if rows > 4 { put(4, c40, c41) }
    if rows > 5 { put(5, c50, c51) }
    if rows > 6 { put(6, c60, c61) }
    if rows > 7 { put(7, c70, c71) }
    if rows > 8 { put(8, c80, c81) }
    if rows > 9 { put(9, c90, c91) }
    if rows > 10 { put(10, cA0, cA1) }
    if rows > 11 { put(11, cB0, cB1) }
}

/// Weight-gradient tile: for `r < rows` and the 4 taps `c`,
/// `sums[r·ldSums + c] += Σ_image Σ_q d[r·ldd + q] · src[offsets[c] + q]` over `q < 16·steps`,
/// where image `m` of the chunk has its gradient rows at `d + m·dImage` and its
/// source at `src + m·srcImage`. The 16-wide partial sums stay in registers across
/// the whole chunk and are reduced once at the end.
@inline(never)
func convDotTileFloat(rows: Int, steps: Int, images: Int, d: UnsafePointer<Float>, ldd: Int, dImage: Int,
                      src: UnsafePointer<Float>, srcImage: Int, offsets: UnsafePointer<Int>,
                      sums: UnsafeMutablePointer<Float>, ldSums: Int) {
    switch rows {
    case 1: convDotBody(Rows1.self, steps: steps, images: images, d: d, ldd: ldd, dImage: dImage, src: src, srcImage: srcImage, offsets: offsets, sums: sums, ldSums: ldSums)
    case 2: convDotBody(Rows2.self, steps: steps, images: images, d: d, ldd: ldd, dImage: dImage, src: src, srcImage: srcImage, offsets: offsets, sums: sums, ldSums: ldSums)
    case 3: convDotBody(Rows3.self, steps: steps, images: images, d: d, ldd: ldd, dImage: dImage, src: src, srcImage: srcImage, offsets: offsets, sums: sums, ldSums: ldSums)
    case 4: convDotBody(Rows4.self, steps: steps, images: images, d: d, ldd: ldd, dImage: dImage, src: src, srcImage: srcImage, offsets: offsets, sums: sums, ldSums: ldSums)
    case 5: convDotBody(Rows5.self, steps: steps, images: images, d: d, ldd: ldd, dImage: dImage, src: src, srcImage: srcImage, offsets: offsets, sums: sums, ldSums: ldSums)
    case 6: convDotBody(Rows6.self, steps: steps, images: images, d: d, ldd: ldd, dImage: dImage, src: src, srcImage: srcImage, offsets: offsets, sums: sums, ldSums: ldSums)
    default: break
    }
}

@inline(never)
private func convDotBody<R: TileRowCount>(_: R.Type, steps: Int, images: Int, d: UnsafePointer<Float>, ldd: Int,
                                          dImage: Int, src: UnsafePointer<Float>, srcImage: Int,
                                          offsets: UnsafePointer<Int>, sums: UnsafeMutablePointer<Float>, ldSums: Int) {
    let rows = R.rows
    var a00 = SIMD16<Float>(), a01 = SIMD16<Float>(), a02 = SIMD16<Float>(), a03 = SIMD16<Float>()
    var a10 = SIMD16<Float>(), a11 = SIMD16<Float>(), a12 = SIMD16<Float>(), a13 = SIMD16<Float>()
    var a20 = SIMD16<Float>(), a21 = SIMD16<Float>(), a22 = SIMD16<Float>(), a23 = SIMD16<Float>()
    var a30 = SIMD16<Float>(), a31 = SIMD16<Float>(), a32 = SIMD16<Float>(), a33 = SIMD16<Float>()
    var a40 = SIMD16<Float>(), a41 = SIMD16<Float>(), a42 = SIMD16<Float>(), a43 = SIMD16<Float>()
    var a50 = SIMD16<Float>(), a51 = SIMD16<Float>(), a52 = SIMD16<Float>(), a53 = SIMD16<Float>()
    let o0 = offsets[0], o1 = offsets[1], o2 = offsets[2], o3 = offsets[3]
    for m in 0..<images {
        var pd = UnsafeRawPointer(d + m &* dImage)
        let ps = src + m &* srcImage
        var p0 = UnsafeRawPointer(ps + o0), p1 = UnsafeRawPointer(ps + o1)
        var p2 = UnsafeRawPointer(ps + o2), p3 = UnsafeRawPointer(ps + o3)
        let rowBytes = ldd &* 4
        for _ in 0..<steps {
            let s0 = p0.loadUnaligned(as: SIMD16<Float>.self), s1 = p1.loadUnaligned(as: SIMD16<Float>.self)
            let s2 = p2.loadUnaligned(as: SIMD16<Float>.self), s3 = p3.loadUnaligned(as: SIMD16<Float>.self)
            if rows > 0 {
                let v = pd.loadUnaligned(as: SIMD16<Float>.self)
                a00.addProduct(v, s0); a01.addProduct(v, s1); a02.addProduct(v, s2); a03.addProduct(v, s3)
            }
            if rows > 1 {
                let v = pd.loadUnaligned(fromByteOffset: rowBytes, as: SIMD16<Float>.self)
                a10.addProduct(v, s0); a11.addProduct(v, s1); a12.addProduct(v, s2); a13.addProduct(v, s3)
            }
            if rows > 2 {
                let v = pd.loadUnaligned(fromByteOffset: 2 &* rowBytes, as: SIMD16<Float>.self)
                a20.addProduct(v, s0); a21.addProduct(v, s1); a22.addProduct(v, s2); a23.addProduct(v, s3)
            }
            if rows > 3 {
                let v = pd.loadUnaligned(fromByteOffset: 3 &* rowBytes, as: SIMD16<Float>.self)
                a30.addProduct(v, s0); a31.addProduct(v, s1); a32.addProduct(v, s2); a33.addProduct(v, s3)
            }
            if rows > 4 {
                let v = pd.loadUnaligned(fromByteOffset: 4 &* rowBytes, as: SIMD16<Float>.self)
                a40.addProduct(v, s0); a41.addProduct(v, s1); a42.addProduct(v, s2); a43.addProduct(v, s3)
            }
            if rows > 5 {
                let v = pd.loadUnaligned(fromByteOffset: 5 &* rowBytes, as: SIMD16<Float>.self)
                a50.addProduct(v, s0); a51.addProduct(v, s1); a52.addProduct(v, s2); a53.addProduct(v, s3)
            }
            pd += 64; p0 += 64; p1 += 64; p2 += 64; p3 += 64
        }
    }
    @inline(__always) func add(_ r: Int, _ x0: SIMD16<Float>, _ x1: SIMD16<Float>, _ x2: SIMD16<Float>, _ x3: SIMD16<Float>) {
        let row = sums + r &* ldSums
        row[0] += lanesSum(x0); row[1] += lanesSum(x1); row[2] += lanesSum(x2); row[3] += lanesSum(x3)
    }
    if rows > 0 { add(0, a00, a01, a02, a03) }
    if rows > 1 { add(1, a10, a11, a12, a13) }
    if rows > 2 { add(2, a20, a21, a22, a23) }
    if rows > 3 { add(3, a30, a31, a32, a33) }
    if rows > 4 { add(4, a40, a41, a42, a43) }
    if rows > 5 { add(5, a50, a51, a52, a53) }
}

/// The sum of the 16 lanes by halving (the generic `sum()` is an out-of-line call).
@inline(__always)
private func lanesSum(_ v: SIMD16<Float>) -> Float {
    let a = v.lowHalf + v.highHalf, b = a.lowHalf + a.highHalf, c = b.lowHalf + b.highHalf
    return c[0] + c[1]
}

/// A tile's row count as a type, so generic specialisation gives each count its own code.
private protocol TileRowCount { static var rows: Int { get } }
private enum Rows1: TileRowCount { static var rows: Int { 1 } }
private enum Rows2: TileRowCount { static var rows: Int { 2 } }
private enum Rows3: TileRowCount { static var rows: Int { 3 } }
private enum Rows4: TileRowCount { static var rows: Int { 4 } }
private enum Rows5: TileRowCount { static var rows: Int { 5 } }
private enum Rows6: TileRowCount { static var rows: Int { 6 } }
private enum Rows7: TileRowCount { static var rows: Int { 7 } }
private enum Rows8: TileRowCount { static var rows: Int { 8 } }
private enum Rows9: TileRowCount { static var rows: Int { 9 } }
private enum Rows10: TileRowCount { static var rows: Int { 10 } }
private enum Rows11: TileRowCount { static var rows: Int { 11 } }
private enum Rows12: TileRowCount { static var rows: Int { 12 } }
