/// 2-d pooling over `batch × channels` planes: max (with PyTorch's flat per-plane
/// indices), average, and their adaptive forms, forward and backward. Inputs are
/// strided views; outputs and input gradients are contiguous. 1-d pooling is the
/// case `inH = kH = 1`.

/// The sizes of one pooling call (for adaptive pooling only the in/out sizes matter).
struct PoolGeometry {
    var batch: Int
    var channels: Int
    var inH: Int
    var inW: Int
    var outH: Int
    var outW: Int
    var kH = 1, kW = 1
    var strideH = 1, strideW = 1
    var padH = 0, padW = 0
    var dilH = 1, dilW = 1

    var planes: Int { batch * channels }
    var inArea: Int { inH * inW }
    var outArea: Int { outH * outW }
}

/// Runs `body(firstPlane, endPlane)` over all planes, in parallel when there is enough work.
@inline(__always)
private func forEachPlaneRange(_ g: PoolGeometry, work: Int, _ body: (Int, Int) -> Void) {
    let planes = g.planes
    if planes == 0 { return }
    let pool = ThreadPool.shared
    let parts = work < 1 << 15 ? 1 : Swift.min(planes, 4 * pool.threadCount)
    if parts == 1 {
        body(0, planes)
        return
    }
    pool.parallelFor(count: parts) { p in body(p * planes / parts, (p + 1) * planes / parts) }
}

/// Start of adaptive window `o` of `outSize` over `inSize` (PyTorch's `start_index`).
@inline(__always)
func adaptiveStart(_ o: Int, _ outSize: Int, _ inSize: Int) -> Int {
    (o / outSize) * inSize + ((o % outSize) * inSize) / outSize
}

/// End (exclusive) of adaptive window `o` (PyTorch's `end_index`).
@inline(__always)
func adaptiveEnd(_ o: Int, _ outSize: Int, _ inSize: Int) -> Int {
    1 + ((o + 1) * inSize - 1) / outSize
}

// MARK: - Max

/// Max pooling: each output is the largest element of its window (a NaN wins, the last
/// NaN if several), `indices` (if given) its flat position `ih·inW + iw` in the plane.
/// With `adaptive`, windows follow PyTorch's adaptive start/end rule instead.
func maxPoolForward<T: ArithmeticElement>(_ g: PoolGeometry, adaptive: Bool, input x: StridedView4<T>,
                                          output: UnsafeMutablePointer<T>, indices: UnsafeMutablePointer<Int64>?) {
    if g.outArea == 0 { return }
    let fast = !adaptive && g.kH == 2 && g.kW == 2 && g.strideH == 2 && g.strideW == 2 && g.padH == 0 && g.padW == 0
        && g.dilH == 1 && g.dilW == 1 && x.s3 == 1 && 2 * g.outH <= g.inH && 2 * g.outW <= g.inW
    forEachPlaneRange(g, work: g.planes * g.outArea * g.kH * g.kW) { first, end in
        for p in first..<end {
            let n = p / g.channels, c = p % g.channels
            let out = output + p * g.outArea, idx = indices.map { $0 + p * g.outArea }
            if fast {
                maxPool2x2(g, x, n, c, out, idx)
                continue
            }
            for oh in 0..<g.outH {
                var h0: Int, h1: Int
                if adaptive {
                    h0 = adaptiveStart(oh, g.outH, g.inH)
                    h1 = adaptiveEnd(oh, g.outH, g.inH)
                } else {
                    h0 = oh * g.strideH - g.padH
                    h1 = Swift.min(h0 + (g.kH - 1) * g.dilH + 1, g.inH)
                    while h0 < 0 { h0 += g.dilH }
                }
                for ow in 0..<g.outW {
                    var w0: Int, w1: Int
                    if adaptive {
                        w0 = adaptiveStart(ow, g.outW, g.inW)
                        w1 = adaptiveEnd(ow, g.outW, g.inW)
                    } else {
                        w0 = ow * g.strideW - g.padW
                        w1 = Swift.min(w0 + (g.kW - 1) * g.dilW + 1, g.inW)
                        while w0 < 0 { w0 += g.dilW }
                    }
                    let dh = adaptive ? 1 : g.dilH, dw = adaptive ? 1 : g.dilW
                    // PyTorch starts from -inf; starting from the first element is the same
                    // (an element equal to -inf keeps the first index either way).
                    var best = h0 * g.inW + w0
                    var value = T.from(double: -.infinity)
                    if h0 < h1 && w0 < w1 {
                        value = x[n, c, h0, w0]
                        var ih = h0
                        while ih < h1 {
                            let row = x.row(n, c, ih)
                            var iw = ih == h0 ? w0 + dw : w0
                            while iw < w1 {
                                let v = row[iw * x.s3]
                                let m = beats(v, value)
                                value = m ? v : value
                                best = m ? ih * g.inW + iw : best
                                iw += dw
                            }
                            ih += dh
                        }
                    }
                    out[oh * g.outW + ow] = value
                    idx?[oh * g.outW + ow] = Int64(best)
                }
            }
        }
    }
}

/// The 2×2, stride-2 case of `maxPoolForward` on rows with unit stride (the CNN pooling layer).
@inline(__always)
private func maxPool2x2<T: ArithmeticElement>(_ g: PoolGeometry, _ x: StridedView4<T>, _ n: Int, _ c: Int,
                                              _ out: UnsafeMutablePointer<T>, _ idx: UnsafeMutablePointer<Int64>?) {
    for oh in 0..<g.outH {
        let r0 = x.row(n, c, 2 * oh), r1 = x.row(n, c, 2 * oh + 1)
        let o = out + oh * g.outW, base = 2 * oh * g.inW
        var ow = 0
        if T.self == Float.self {
            ow = maxPool2x2Float(UnsafeRawPointer(r0).assumingMemoryBound(to: Float.self),
                                 UnsafeRawPointer(r1).assumingMemoryBound(to: Float.self),
                                 UnsafeMutableRawPointer(o).assumingMemoryBound(to: Float.self),
                                 idx.map { $0 + oh * g.outW }, count: g.outW, rowBase: base, inW: g.inW)
        }
        // Selects instead of branches: which element wins is data-dependent and unpredictable.
        @inline(__always) func window(_ ow: Int) -> (T, Int) {
            var v = r0[2 * ow], k = 0
            let b = r0[2 * ow + 1], d = r1[2 * ow], e = r1[2 * ow + 1]
            var m = beats(b, v)
            v = m ? b : v
            k = m ? 1 : k
            m = beats(d, v)
            v = m ? d : v
            k = m ? g.inW : k
            m = beats(e, v)
            v = m ? e : v
            k = m ? g.inW + 1 : k
            return (v, k)
        }
        // Two loops, so the one without indices has no (masked) index store: a masked store
        // through the nil pointer is architecturally harmless but costs a microcode assist.
        if let idx {
            let row = idx + oh * g.outW
            while ow < g.outW {
                let (v, k) = window(ow)
                o[ow] = v
                row[ow] = Int64(base + 2 * ow + k)
                ow += 1
            }
        } else {
            while ow < g.outW {
                o[ow] = window(ow).0
                ow += 1
            }
        }
    }
}

/// `x > v || x.isNaN` (PyTorch's test for a new maximum) without a branch: which element
/// of a window wins is data-dependent, and mispredicted branches cost more than the compares.
@inline(__always)
private func beats<T: ArithmeticElement>(_ x: T, _ v: T) -> Bool {
    ((x > v ? 1 : 0) | (x.isNaNValue ? 1 : 0)) != 0
}

/// Even lanes of (a, b): a0, a2, …, a14, b0, b2, …, b14.
@inline(__always)
private func evenLanes(_ a: SIMD16<Float>, _ b: SIMD16<Float>) -> SIMD16<Float> {
    SIMD16(a[0], a[2], a[4], a[6], a[8], a[10], a[12], a[14], b[0], b[2], b[4], b[6], b[8], b[10], b[12], b[14])
}

/// Odd lanes of (a, b).
@inline(__always)
private func oddLanes(_ a: SIMD16<Float>, _ b: SIMD16<Float>) -> SIMD16<Float> {
    SIMD16(a[1], a[3], a[5], a[7], a[9], a[11], a[13], a[15], b[1], b[3], b[5], b[7], b[9], b[11], b[13], b[15])
}

/// 16 outputs of 2×2 max pooling at a time; returns how many outputs it wrote (a multiple of 16).
@inline(__always)
private func maxPool2x2Float(_ r0: UnsafePointer<Float>, _ r1: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>,
                             _ idx: UnsafeMutablePointer<Int64>?, count: Int, rowBase: Int, inW: Int) -> Int {
    var ow = 0
    let lane = SIMD16<Int32>(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30)
    while ow + 16 <= count {
        let p0 = UnsafeRawPointer(r0 + 2 * ow), p1 = UnsafeRawPointer(r1 + 2 * ow)
        let t0 = p0.loadUnaligned(as: SIMD16<Float>.self), t1 = p0.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self)
        let u0 = p1.loadUnaligned(as: SIMD16<Float>.self), u1 = p1.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self)
        let a = evenLanes(t0, t1), b = oddLanes(t0, t1), c = evenLanes(u0, u1), d = oddLanes(u0, u1)
        // PyTorch's scan: a later element wins when larger or NaN.
        var v = a
        var k = SIMD16<Int32>(repeating: 0)
        var m = (b .> v) .| (b .!= b)
        v.replace(with: b, where: m)
        k.replace(with: 1, where: m)
        m = (c .> v) .| (c .!= c)
        v.replace(with: c, where: m)
        k.replace(with: Int32(truncatingIfNeeded: inW), where: m)
        m = (d .> v) .| (d .!= d)
        v.replace(with: d, where: m)
        k.replace(with: Int32(truncatingIfNeeded: inW + 1), where: m)
        UnsafeMutableRawPointer(out + ow).storeBytes(of: v, as: SIMD16<Float>.self)
        if let idx {
            let offset = k &+ lane
            let start = Int64(rowBase + 2 * ow)
            let lo = SIMD8<Int64>(truncatingIfNeeded: offset.lowHalf) &+ start
            let hi = SIMD8<Int64>(truncatingIfNeeded: offset.highHalf) &+ start
            UnsafeMutableRawPointer(idx + ow).storeBytes(of: lo, as: SIMD8<Int64>.self)
            UnsafeMutableRawPointer(idx + ow + 8).storeBytes(of: hi, as: SIMD8<Int64>.self)
        }
        ow += 16
    }
    return ow
}

/// Scatters `gradOutput` to the input positions `indices` names (max and adaptive max).
func maxPoolBackward<T: FloatElement>(_ g: PoolGeometry, gradOutput dy: StridedView4<T>, indices: UnsafePointer<Int64>,
                                      gradInput: UnsafeMutablePointer<T>) {
    gradInput.update(repeating: 0, count: g.planes * g.inArea)
    forEachPlaneRange(g, work: g.planes * g.outArea) { first, end in
        for p in first..<end {
            let n = p / g.channels, c = p % g.channels
            let gin = gradInput + p * g.inArea, idx = indices + p * g.outArea
            for oh in 0..<g.outH {
                let row = dy.row(n, c, oh)
                for ow in 0..<g.outW {
                    let i = Int(idx[oh * g.outW + ow])
                    if i >= 0 && i < g.inArea { gin[i] += row[ow * dy.s3] }
                }
            }
        }
    }
}

/// `output[k] = input[indices[k]]` per plane: the gradient of `maxPoolBackward` with respect
/// to its output gradient.
func maxPoolGather<T: FloatElement>(_ g: PoolGeometry, input x: StridedView4<T>, indices: UnsafePointer<Int64>,
                                    output: UnsafeMutablePointer<T>) {
    forEachPlaneRange(g, work: g.planes * g.outArea) { first, end in
        for p in first..<end {
            let n = p / g.channels, c = p % g.channels
            for k in 0..<g.outArea {
                let i = Int(indices[p * g.outArea + k])
                output[p * g.outArea + k] = i >= 0 && i < g.inArea ? x[n, c, i / g.inW, i % g.inW] : 0
            }
        }
    }
}

// MARK: - Average

/// The options of `avg_pool2d`.
struct AvgPoolOptions {
    var countIncludePad = true
    var divisorOverride: Int?
}

/// The clipped window of output (oh, ow) and its divisor, as PyTorch's `avg_pool2d` computes them.
@inline(__always)
private func avgWindow(_ g: PoolGeometry, _ o: AvgPoolOptions, _ oh: Int, _ ow: Int)
    -> (h0: Int, h1: Int, w0: Int, w1: Int, divisor: Int) {
    var h0 = oh * g.strideH - g.padH, w0 = ow * g.strideW - g.padW
    var h1 = Swift.min(h0 + g.kH, g.inH + g.padH), w1 = Swift.min(w0 + g.kW, g.inW + g.padW)
    let poolSize = (h1 - h0) * (w1 - w0)
    h0 = Swift.max(h0, 0)
    w0 = Swift.max(w0, 0)
    h1 = Swift.min(h1, g.inH)
    w1 = Swift.min(w1, g.inW)
    let divisor = o.divisorOverride ?? (o.countIncludePad ? poolSize : (h1 - h0) * (w1 - w0))
    return (h0, h1, w0, w1, divisor)
}

/// Average pooling of floating-point planes (sums in the element type, as PyTorch on CPU).
func avgPoolForward<T: FloatElement>(_ g: PoolGeometry, _ o: AvgPoolOptions, input x: StridedView4<T>,
                                     output: UnsafeMutablePointer<T>) {
    forEachPlaneRange(g, work: g.planes * g.outArea * g.kH * g.kW) { first, end in
        for p in first..<end {
            let n = p / g.channels, c = p % g.channels
            let out = output + p * g.outArea
            for oh in 0..<g.outH {
                for ow in 0..<g.outW {
                    let w = avgWindow(g, o, oh, ow)
                    if w.h0 >= w.h1 || w.w0 >= w.w1 {
                        out[oh * g.outW + ow] = 0
                        continue
                    }
                    var sum: T = 0
                    for ih in w.h0..<w.h1 {
                        let row = x.row(n, c, ih)
                        for iw in w.w0..<w.w1 { sum += row[iw * x.s3] }
                    }
                    out[oh * g.outW + ow] = sum / T(w.divisor)
                }
            }
        }
    }
}

/// Average pooling of integer planes: 64-bit sums and truncating division, as PyTorch.
func avgPoolForwardIntegral<T: ArithmeticElement>(_ g: PoolGeometry, _ o: AvgPoolOptions, input x: StridedView4<T>,
                                                  output: UnsafeMutablePointer<T>) {
    for p in 0..<g.planes {
        let n = p / g.channels, c = p % g.channels
        for oh in 0..<g.outH {
            for ow in 0..<g.outW {
                let w = avgWindow(g, o, oh, ow)
                var sum: Int64 = 0
                if w.h0 < w.h1 && w.w0 < w.w1 {
                    for ih in w.h0..<w.h1 {
                        for iw in w.w0..<w.w1 { sum &+= x[n, c, ih, iw].asInt64 }
                    }
                }
                let d = Int64(w.divisor)
                output[p * g.outArea + oh * g.outW + ow] = T.from(int64: d == 0 || (sum == .min && d == -1) ? 0 : sum / d)
            }
        }
    }
}

/// The input gradient of average pooling: each output gradient, divided by its window's
/// divisor, is added to every input position of the clipped window.
func avgPoolBackward<T: FloatElement>(_ g: PoolGeometry, _ o: AvgPoolOptions, gradOutput dy: StridedView4<T>,
                                      gradInput: UnsafeMutablePointer<T>) {
    gradInput.update(repeating: 0, count: g.planes * g.inArea)
    forEachPlaneRange(g, work: g.planes * g.outArea * g.kH * g.kW) { first, end in
        for p in first..<end {
            let n = p / g.channels, c = p % g.channels
            let gin = gradInput + p * g.inArea
            for oh in 0..<g.outH {
                for ow in 0..<g.outW {
                    let w = avgWindow(g, o, oh, ow)
                    if w.h0 >= w.h1 || w.w0 >= w.w1 { continue }
                    let share = dy[n, c, oh, ow] / T(w.divisor)
                    for ih in w.h0..<w.h1 {
                        for iw in w.w0..<w.w1 { gin[ih * g.inW + iw] += share }
                    }
                }
            }
        }
    }
}

// MARK: - Adaptive average

/// Adaptive average pooling: `sum / kh / kw` over PyTorch's adaptive windows.
func adaptiveAvgPoolForward<T: FloatElement>(_ g: PoolGeometry, input x: StridedView4<T>, output: UnsafeMutablePointer<T>) {
    forEachPlaneRange(g, work: g.planes * Swift.max(g.inArea, g.outArea)) { first, end in
        for p in first..<end {
            let n = p / g.channels, c = p % g.channels
            for oh in 0..<g.outH {
                let h0 = adaptiveStart(oh, g.outH, g.inH), h1 = adaptiveEnd(oh, g.outH, g.inH)
                for ow in 0..<g.outW {
                    let w0 = adaptiveStart(ow, g.outW, g.inW), w1 = adaptiveEnd(ow, g.outW, g.inW)
                    var sum: T = 0
                    for ih in h0..<h1 {
                        let row = x.row(n, c, ih)
                        for iw in w0..<w1 { sum += row[iw * x.s3] }
                    }
                    output[p * g.outArea + oh * g.outW + ow] = sum / T(h1 - h0) / T(w1 - w0)
                }
            }
        }
    }
}

/// The input gradient of adaptive average pooling.
func adaptiveAvgPoolBackward<T: FloatElement>(_ g: PoolGeometry, gradOutput dy: StridedView4<T>,
                                              gradInput: UnsafeMutablePointer<T>) {
    gradInput.update(repeating: 0, count: g.planes * g.inArea)
    forEachPlaneRange(g, work: g.planes * Swift.max(g.inArea, g.outArea)) { first, end in
        for p in first..<end {
            let n = p / g.channels, c = p % g.channels
            let gin = gradInput + p * g.inArea
            for oh in 0..<g.outH {
                let h0 = adaptiveStart(oh, g.outH, g.inH), h1 = adaptiveEnd(oh, g.outH, g.inH)
                for ow in 0..<g.outW {
                    let w0 = adaptiveStart(ow, g.outW, g.inW), w1 = adaptiveEnd(ow, g.outW, g.inW)
                    let share = dy[n, c, oh, ow] / T(h1 - h0) / T(w1 - w0)
                    for ih in h0..<h1 {
                        for iw in w0..<w1 { gin[ih * g.inW + iw] += share }
                    }
                }
            }
        }
    }
}
