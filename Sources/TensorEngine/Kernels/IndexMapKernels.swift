/// Copies through per-dimension index maps: `out[p, a, b, c] = in[p, d[a], h[b], w[c]]`
/// over `planes` leading slices, and the adjoint scatter-add. Reflection and replication
/// padding (and their gradients) are such maps; a map of `[0]` stands for a dimension
/// that is not there.

/// The three maps of one copy (depth, height, width) and the input's inner sizes.
struct IndexMaps {
    var depth: [Int]
    var height: [Int]
    var width: [Int]
    var inDepth: Int
    var inHeight: Int
    var inWidth: Int

    var outVolume: Int { depth.count * height.count * width.count }
    var inVolume: Int { inDepth * inHeight * inWidth }
}

/// `output[p][a][b][c] = input[p][maps.depth[a]][maps.height[b]][maps.width[c]]`; both contiguous.
func gatherIndexMaps<T>(_ maps: IndexMaps, planes: Int, input: UnsafePointer<T>, output: UnsafeMutablePointer<T>) {
    let plane = maps.inVolume, outPlane = maps.outVolume, hw = maps.inHeight * maps.inWidth
    maps.depth.withUnsafeBufferPointer { md in
        maps.height.withUnsafeBufferPointer { mh in
            maps.width.withUnsafeBufferPointer { mw in
                for p in 0..<planes {
                    let src = input + p * plane
                    var o = output + p * outPlane
                    for a in md {
                        for b in mh {
                            let row = src + a * hw + b * maps.inWidth
                            for c in mw { o.pointee = row[c]; o += 1 }
                        }
                    }
                }
            }
        }
    }
}

/// The adjoint of `gatherIndexMaps`: `input` (zeroed here) accumulates every output element
/// at the position it was copied from.
func scatterAddIndexMaps<T: FloatElement>(_ maps: IndexMaps, planes: Int, gradOutput: UnsafePointer<T>,
                                          gradInput: UnsafeMutablePointer<T>) {
    let plane = maps.inVolume, outPlane = maps.outVolume, hw = maps.inHeight * maps.inWidth
    gradInput.update(repeating: 0, count: planes * plane)
    maps.depth.withUnsafeBufferPointer { md in
        maps.height.withUnsafeBufferPointer { mh in
            maps.width.withUnsafeBufferPointer { mw in
                for p in 0..<planes {
                    let dst = gradInput + p * plane
                    var g = gradOutput + p * outPlane
                    for a in md {
                        for b in mh {
                            let row = dst + a * hw + b * maps.inWidth
                            for c in mw { row[c] += g.pointee; g += 1 }
                        }
                    }
                }
            }
        }
    }
}
