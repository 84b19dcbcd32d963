/// Separable resampling of `[N, C, H, W]` planes (1-d: H = 1): nearest-neighbour and
/// (bi)linear, forward and the adjoint scatter. The source positions and weights of each
/// output row and column are computed once per call (`ResampleAxis`), with PyTorch's
/// index formulas (`UpSample.h`) in PyTorch's precision: float for float32 tensors.

/// For each output position along one axis: the two source positions and their weights
/// (nearest neighbour uses only `i0`).
struct ResampleAxis<T> {
    var i0: [Int] = []
    var i1: [Int] = []
    var w0: [T] = []
    var w1: [T] = []
}

/// The scale PyTorch resamples with (`compute_scales_value`): 1/scale_factor when one was
/// given, else input/output size.
@inline(__always)
private func scaleValue<T: FloatElement>(_ scale: Double?, _ input: Int, _ output: Int) -> T {
    if let scale, scale > 0 { return T(1.0 / scale) }
    return T(input) / T(output)
}

extension ResampleAxis where T: FloatElement {
    /// `nearest`: `floor(o · scale)`, with PyTorch's exact shortcuts for equal and doubled sizes.
    /// `nearest-exact`: `floor((o + 0.5) · scale)`. Both computed in float, as PyTorch.
    static func nearest(input: Int, output: Int, scale: Double?, exact: Bool) -> ResampleAxis {
        var axis = ResampleAxis()
        let s: Float = scaleValue(scale, input, output)
        for o in 0..<output {
            let i: Int
            if exact {
                i = Swift.min(Int(Float((Double(o) + 0.5) * Double(s)).rounded(.down)), input - 1)
            } else if output == input {
                i = o
            } else if output == 2 * input {
                i = o >> 1
            } else {
                i = Swift.min(Int((Float(o) * s).rounded(.down)), input - 1)
            }
            axis.i0.append(i)
        }
        return axis
    }

    /// Linear interpolation (`area_pixel_compute_source_index` and `guard_index_and_lambda`).
    static func linear(input: Int, output: Int, scale: Double?, alignCorners: Bool) -> ResampleAxis {
        var axis = ResampleAxis()
        let ratio: T = alignCorners ? (output > 1 ? T(input - 1) / T(output - 1) : 0) : scaleValue(scale, input, output)
        for o in 0..<output {
            if output == input {
                axis.i0.append(o); axis.i1.append(o); axis.w0.append(1); axis.w1.append(0)
                continue
            }
            let real: T = alignCorners ? ratio * T(o) : Swift.max(ratio * (T(o) + 0.5) - 0.5, 0)
            let i0 = Swift.min(Int(real.rounded(.down)), input - 1)
            let lambda = Swift.min(Swift.max(real - T(i0), 0), 1)
            axis.i0.append(i0)
            axis.i1.append(i0 + (i0 < input - 1 ? 1 : 0))
            axis.w0.append(1 - lambda)
            axis.w1.append(lambda)
        }
        return axis
    }
}

/// How the two axes combine.
enum ResampleKind {
    /// `out = in[h.i0, w.i0]`.
    case nearest
    /// Along W only (`upsample_linear1d`).
    case linear
    /// `(in[h0,w0]·ww0 + in[h0,w1]·ww1)·wh0 + (in[h1,w0]·ww0 + in[h1,w1]·ww1)·wh1`.
    case bilinear
}

/// Resamples every plane of `x` (`planes = N·C`, `channels` = C) into the contiguous `output`.
func resampleForward<T: FloatElement>(_ kind: ResampleKind, channels: Int, planes: Int, h: ResampleAxis<T>,
                                      w: ResampleAxis<T>, input x: StridedView4<T>, output: UnsafeMutablePointer<T>) {
    let outH = h.i0.count, outW = w.i0.count
    for p in 0..<planes {
        let n = p / channels, c = p % channels
        let out = output + p * outH * outW
        for oh in 0..<outH {
            let r0 = x.row(n, c, h.i0[oh])
            switch kind {
            case .nearest:
                for ow in 0..<outW { out[oh * outW + ow] = r0[w.i0[ow] * x.s3] }
            case .linear:
                for ow in 0..<outW {
                    out[oh * outW + ow] = r0[w.i0[ow] * x.s3] * w.w0[ow] + r0[w.i1[ow] * x.s3] * w.w1[ow]
                }
            case .bilinear:
                let r1 = x.row(n, c, h.i1[oh]), wh0 = h.w0[oh], wh1 = h.w1[oh]
                for ow in 0..<outW {
                    let a = w.i0[ow] * x.s3, b = w.i1[ow] * x.s3
                    let top = r0[a] * w.w0[ow] + r0[b] * w.w1[ow]
                    let bottom = r1[a] * w.w0[ow] + r1[b] * w.w1[ow]
                    out[oh * outW + ow] = top * wh0 + bottom * wh1
                }
            }
        }
    }
}

/// The adjoint of `resampleForward`: `gradInput` (contiguous, `inH × inW` planes) is zeroed
/// and accumulates each output gradient times its weights.
func resampleBackward<T: FloatElement>(_ kind: ResampleKind, channels: Int, planes: Int, inH: Int, inW: Int,
                                       h: ResampleAxis<T>, w: ResampleAxis<T>, gradOutput dy: StridedView4<T>,
                                       gradInput: UnsafeMutablePointer<T>) {
    let outH = h.i0.count, outW = w.i0.count
    gradInput.update(repeating: 0, count: planes * inH * inW)
    for p in 0..<planes {
        let n = p / channels, c = p % channels
        let gin = gradInput + p * inH * inW
        for oh in 0..<outH {
            let g = dy.row(n, c, oh)
            let r0 = gin + h.i0[oh] * inW
            switch kind {
            case .nearest:
                for ow in 0..<outW { r0[w.i0[ow]] += g[ow * dy.s3] }
            case .linear:
                for ow in 0..<outW {
                    let v = g[ow * dy.s3]
                    r0[w.i0[ow]] += v * w.w0[ow]
                    r0[w.i1[ow]] += v * w.w1[ow]
                }
            case .bilinear:
                let r1 = gin + h.i1[oh] * inW, wh0 = h.w0[oh], wh1 = h.w1[oh]
                for ow in 0..<outW {
                    let v = g[ow * dy.s3]
                    r0[w.i0[ow]] += wh0 * w.w0[ow] * v
                    r0[w.i1[ow]] += wh0 * w.w1[ow] * v
                    r1[w.i0[ow]] += wh1 * w.w0[ow] * v
                    r1[w.i1[ow]] += wh1 * w.w1[ow] * v
                }
            }
        }
    }
}
