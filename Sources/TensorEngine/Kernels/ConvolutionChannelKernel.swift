/// The channel-vector convolution kernel: for output channel counts that are multiples
/// of 16, one SIMD16 register holds 16 output channels of one pixel, and a tile is a run
/// of up to 24 consecutive output pixels. Each tap loads 16 packed weights once and
/// broadcasts one input value per pixel, so only valid pixels are computed (the
/// row-tile kernel of `ConvolutionMicroKernels.swift` also computes the garbage columns
/// of Note [Shifted-row convolution], which costs a third of the work on a 10×10
/// output). The drivers transpose the tile into channel planes.

/// Most pixels of one channel-vector tile (24 accumulators).
let convMaxChannelTilePixels = 24

/// `tile[p·16 + c] = bias[c] + Σ_k a[k·16 + c] · src[offsets[k] + p]` for `p < pixels`,
/// `c < 16`; `bias` nil means zero.
@inline(never)
func convChannelTileFloat(pixels: Int, depth: Int, a: UnsafePointer<Float>, src: UnsafePointer<Float>,
                          offsets: UnsafePointer<Int>, bias: UnsafePointer<Float>?, tile: UnsafeMutablePointer<Float>) {
    switch pixels {
    case 1: convChannelBody(Pixels1.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 2: convChannelBody(Pixels2.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 3: convChannelBody(Pixels3.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 4: convChannelBody(Pixels4.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 5: convChannelBody(Pixels5.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 6: convChannelBody(Pixels6.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 7: convChannelBody(Pixels7.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 8: convChannelBody(Pixels8.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 9: convChannelBody(Pixels9.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 10: convChannelBody(Pixels10.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 11: convChannelBody(Pixels11.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 12: convChannelBody(Pixels12.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 13: convChannelBody(Pixels13.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 14: convChannelBody(Pixels14.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 15: convChannelBody(Pixels15.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 16: convChannelBody(Pixels16.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 17: convChannelBody(Pixels17.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 18: convChannelBody(Pixels18.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 19: convChannelBody(Pixels19.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 20: convChannelBody(Pixels20.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 21: convChannelBody(Pixels21.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 22: convChannelBody(Pixels22.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 23: convChannelBody(Pixels23.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    case 24: convChannelBody(Pixels24.self, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    default: break
    }
}

/// Specialised once per pixel count (a generic parameter, so each copy folds `pixels`).
@inline(never)
private func convChannelBody<P: PixelCount>(_: P.Type, depth: Int, a: UnsafePointer<Float>, src: UnsafePointer<Float>,
                                            offsets: UnsafePointer<Int>, bias: UnsafePointer<Float>?,
                                            tile: UnsafeMutablePointer<Float>) {
    let pixels = P.pixels
    let start = bias.map { UnsafeRawPointer($0).loadUnaligned(as: SIMD16<Float>.self) } ?? SIMD16<Float>()
    var c0 = start
    var c1 = start
    var c2 = start
    var c3 = start
    var c4 = start
    var c5 = start
    var c6 = start
    var c7 = start
    var c8 = start
    var c9 = start
    var c10 = start
    var c11 = start
    var c12 = start
    var c13 = start
    var c14 = start
    var c15 = start
    var c16 = start
    var c17 = start
    var c18 = start
    var c19 = start
    var c20 = start
    var c21 = start
    var c22 = start
    var c23 = start
    var pa = UnsafeRawPointer(a)
    for kk in 0..<depth {
        let w = pa.loadUnaligned(as: SIMD16<Float>.self)
        let s = src + offsets[kk]
        if pixels > 0 { c0.addProduct(SIMD16(repeating: s[0]), w) }
        if pixels > 1 { c1.addProduct(SIMD16(repeating: s[1]), w) }
        if pixels > 2 { c2.addProduct(SIMD16(repeating: s[2]), w) }
        if pixels > 3 { c3.addProduct(SIMD16(repeating: s[3]), w) }
        if pixels > 4 { c4.addProduct(SIMD16(repeating: s[4]), w) }
        if pixels > 5 { c5.addProduct(SIMD16(repeating: s[5]), w) }
        if pixels > 6 { c6.addProduct(SIMD16(repeating: s[6]), w) }
        if pixels > 7 { c7.addProduct(SIMD16(repeating: s[7]), w) }
        if pixels > 8 { c8.addProduct(SIMD16(repeating: s[8]), w) }
        if pixels > 9 { c9.addProduct(SIMD16(repeating: s[9]), w) }
        if pixels > 10 { c10.addProduct(SIMD16(repeating: s[10]), w) }
        if pixels > 11 { c11.addProduct(SIMD16(repeating: s[11]), w) }
        if pixels > 12 { c12.addProduct(SIMD16(repeating: s[12]), w) }
        if pixels > 13 { c13.addProduct(SIMD16(repeating: s[13]), w) }
        if pixels > 14 { c14.addProduct(SIMD16(repeating: s[14]), w) }
        if pixels > 15 { c15.addProduct(SIMD16(repeating: s[15]), w) }
        if pixels > 16 { c16.addProduct(SIMD16(repeating: s[16]), w) }
        if pixels > 17 { c17.addProduct(SIMD16(repeating: s[17]), w) }
        if pixels > 18 { c18.addProduct(SIMD16(repeating: s[18]), w) }
        if pixels > 19 { c19.addProduct(SIMD16(repeating: s[19]), w) }
        if pixels > 20 { c20.addProduct(SIMD16(repeating: s[20]), w) }
        if pixels > 21 { c21.addProduct(SIMD16(repeating: s[21]), w) }
        if pixels > 22 { c22.addProduct(SIMD16(repeating: s[22]), w) }
        if pixels > 23 { c23.addProduct(SIMD16(repeating: s[23]), w) }
        pa += 64
    }
    let t = UnsafeMutableRawPointer(tile)
    if pixels > 0 { t.storeBytes(of: c0, toByteOffset: 0, as: SIMD16<Float>.self) }
    if pixels > 1 { t.storeBytes(of: c1, toByteOffset: 64, as: SIMD16<Float>.self) }
    if pixels > 2 { t.storeBytes(of: c2, toByteOffset: 128, as: SIMD16<Float>.self) }
    if pixels > 3 { t.storeBytes(of: c3, toByteOffset: 192, as: SIMD16<Float>.self) }
    if pixels > 4 { t.storeBytes(of: c4, toByteOffset: 256, as: SIMD16<Float>.self) }
    if pixels > 5 { t.storeBytes(of: c5, toByteOffset: 320, as: SIMD16<Float>.self) }
    if pixels > 6 { t.storeBytes(of: c6, toByteOffset: 384, as: SIMD16<Float>.self) }
    if pixels > 7 { t.storeBytes(of: c7, toByteOffset: 448, as: SIMD16<Float>.self) }
    if pixels > 8 { t.storeBytes(of: c8, toByteOffset: 512, as: SIMD16<Float>.self) }
    if pixels > 9 { t.storeBytes(of: c9, toByteOffset: 576, as: SIMD16<Float>.self) }
    if pixels > 10 { t.storeBytes(of: c10, toByteOffset: 640, as: SIMD16<Float>.self) }
    if pixels > 11 { t.storeBytes(of: c11, toByteOffset: 704, as: SIMD16<Float>.self) }
    if pixels > 12 { t.storeBytes(of: c12, toByteOffset: 768, as: SIMD16<Float>.self) }
    if pixels > 13 { t.storeBytes(of: c13, toByteOffset: 832, as: SIMD16<Float>.self) }
    if pixels > 14 { t.storeBytes(of: c14, toByteOffset: 896, as: SIMD16<Float>.self) }
    if pixels > 15 { t.storeBytes(of: c15, toByteOffset: 960, as: SIMD16<Float>.self) }
    if pixels > 16 { t.storeBytes(of: c16, toByteOffset: 1024, as: SIMD16<Float>.self) }
    if pixels > 17 { t.storeBytes(of: c17, toByteOffset: 1088, as: SIMD16<Float>.self) }
    if pixels > 18 { t.storeBytes(of: c18, toByteOffset: 1152, as: SIMD16<Float>.self) }
    if pixels > 19 { t.storeBytes(of: c19, toByteOffset: 1216, as: SIMD16<Float>.self) }
    if pixels > 20 { t.storeBytes(of: c20, toByteOffset: 1280, as: SIMD16<Float>.self) }
    if pixels > 21 { t.storeBytes(of: c21, toByteOffset: 1344, as: SIMD16<Float>.self) }
    if pixels > 22 { t.storeBytes(of: c22, toByteOffset: 1408, as: SIMD16<Float>.self) }
    if pixels > 23 { t.storeBytes(of: c23, toByteOffset: 1472, as: SIMD16<Float>.self) }
}

/// A tile's pixel count as a type, so generic specialisation gives each count its own code.
private protocol PixelCount { static var pixels: Int { get } }
private enum Pixels1: PixelCount { static var pixels: Int { 1 } }
private enum Pixels2: PixelCount { static var pixels: Int { 2 } }
private enum Pixels3: PixelCount { static var pixels: Int { 3 } }
private enum Pixels4: PixelCount { static var pixels: Int { 4 } }
private enum Pixels5: PixelCount { static var pixels: Int { 5 } }
private enum Pixels6: PixelCount { static var pixels: Int { 6 } }
private enum Pixels7: PixelCount { static var pixels: Int { 7 } }
private enum Pixels8: PixelCount { static var pixels: Int { 8 } }
private enum Pixels9: PixelCount { static var pixels: Int { 9 } }
private enum Pixels10: PixelCount { static var pixels: Int { 10 } }
private enum Pixels11: PixelCount { static var pixels: Int { 11 } }
private enum Pixels12: PixelCount { static var pixels: Int { 12 } }
private enum Pixels13: PixelCount { static var pixels: Int { 13 } }
private enum Pixels14: PixelCount { static var pixels: Int { 14 } }
private enum Pixels15: PixelCount { static var pixels: Int { 15 } }
private enum Pixels16: PixelCount { static var pixels: Int { 16 } }
private enum Pixels17: PixelCount { static var pixels: Int { 17 } }
private enum Pixels18: PixelCount { static var pixels: Int { 18 } }
private enum Pixels19: PixelCount { static var pixels: Int { 19 } }
private enum Pixels20: PixelCount { static var pixels: Int { 20 } }
private enum Pixels21: PixelCount { static var pixels: Int { 21 } }
private enum Pixels22: PixelCount { static var pixels: Int { 22 } }
private enum Pixels23: PixelCount { static var pixels: Int { 23 } }
private enum Pixels24: PixelCount { static var pixels: Int { 24 } }
