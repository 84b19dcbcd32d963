/// The element types the convolution drivers run on, each with its micro-kernels:
/// float32 with the SIMD kernels of `ConvolutionMicroKernels.swift`, float64 with
/// plain loops (float64 convolutions are small in practice: gradient checks,
/// precise experiments).
///
/// `Codable` only because SIMD vectors of the element require it (the compiler asks for it).
protocol ConvElement: FloatElement, SIMDScalar, Codable {
    /// Output columns of one tile (`convTile` writes `rows × convTileWidth` values).
    static var convTileWidth: Int { get }
    /// Columns per step of `convDotTile`.
    static var convDotWidth: Int { get }

    /// `tile[r·W + c] = bias[r] + Σ_k a[k·rows + r] · src[offsets[k] + c]`, W = `convTileWidth`.
    static func convTile(rows: Int, depth: Int, a: UnsafePointer<Self>, src: UnsafePointer<Self>,
                         offsets: UnsafePointer<Int>, bias: UnsafePointer<Self>?, tile: UnsafeMutablePointer<Self>)

    /// `sums[r·ldSums + c] += Σ_image Σ_q d[r·ldd + q] · src[offsets[c] + q]`, c < 4,
    /// q < `steps · convDotWidth`.
    static func convDotTile(rows: Int, steps: Int, images: Int, d: UnsafePointer<Self>, ldd: Int, dImage: Int,
                            src: UnsafePointer<Self>, srcImage: Int, offsets: UnsafePointer<Int>,
                            sums: UnsafeMutablePointer<Self>, ldSums: Int)
}

extension Float: ConvElement {
    static var convTileWidth: Int { convTileWidthFloat }
    static var convDotWidth: Int { 16 }

    @inline(__always)
    static func convTile(rows: Int, depth: Int, a: UnsafePointer<Float>, src: UnsafePointer<Float>,
                         offsets: UnsafePointer<Int>, bias: UnsafePointer<Float>?, tile: UnsafeMutablePointer<Float>) {
        convTileFloat(rows: rows, depth: depth, a: a, src: src, offsets: offsets, bias: bias, tile: tile)
    }

    @inline(__always)
    static func convDotTile(rows: Int, steps: Int, images: Int, d: UnsafePointer<Float>, ldd: Int, dImage: Int,
                            src: UnsafePointer<Float>, srcImage: Int, offsets: UnsafePointer<Int>,
                            sums: UnsafeMutablePointer<Float>, ldSums: Int) {
        convDotTileFloat(rows: rows, steps: steps, images: images, d: d, ldd: ldd, dImage: dImage,
                         src: src, srcImage: srcImage, offsets: offsets, sums: sums, ldSums: ldSums)
    }
}

extension Double: ConvElement {
    static var convTileWidth: Int { 16 }
    static var convDotWidth: Int { 8 }

    static func convTile(rows: Int, depth: Int, a: UnsafePointer<Double>, src: UnsafePointer<Double>,
                         offsets: UnsafePointer<Int>, bias: UnsafePointer<Double>?, tile: UnsafeMutablePointer<Double>) {
        let w = convTileWidth
        for r in 0..<rows {
            let b = bias?[r] ?? 0
            for c in 0..<w { tile[r &* w &+ c] = b }
        }
        var pa = a
        for kk in 0..<depth {
            let p = src + offsets[kk]
            for r in 0..<rows {
                let v = pa[r], row = tile + r &* w
                for c in 0..<w { row[c] = row[c].addingProduct(v, p[c]) }
            }
            pa += rows
        }
    }

    static func convDotTile(rows: Int, steps: Int, images: Int, d: UnsafePointer<Double>, ldd: Int, dImage: Int,
                            src: UnsafePointer<Double>, srcImage: Int, offsets: UnsafePointer<Int>,
                            sums: UnsafeMutablePointer<Double>, ldSums: Int) {
        let n = steps &* convDotWidth
        for r in 0..<rows {
            for c in 0..<convDotTileColumns {
                var acc = 0.0
                for m in 0..<images {
                    let pd = d + (m &* dImage &+ r &* ldd), ps = src + (m &* srcImage &+ offsets[c])
                    for q in 0..<n { acc = acc.addingProduct(pd[q], ps[q]) }
                }
                sums[r &* ldSums &+ c] += acc
            }
        }
    }
}
