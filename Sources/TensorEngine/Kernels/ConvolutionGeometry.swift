/// The sizes of one 2-d convolution in its regular (not transposed) direction:
///
///     input  [batch, inChannels, inH, inW]
///   * weight [outChannels, inChannels / groups, kH, kW]
///   = output [batch, outChannels, outH, outW]
///
/// with `out = (in + 2·pad - dil·(k - 1) - 1) / stride + 1` (or larger, for the input of a
/// transposed convolution with `output_padding`). A 1-d convolution is the case
/// `inH = kH = 1`. A transposed convolution is described by the regular convolution it
/// is the adjoint of: its input plays `output` and its output plays `input`.
struct ConvGeometry: Equatable {
    var batch: Int
    var inChannels: Int
    var outChannels: Int
    var groups: Int
    var inH: Int
    var inW: Int
    var outH: Int
    var outW: Int
    var kH: Int
    var kW: Int
    var strideH: Int
    var strideW: Int
    var padH: Int
    var padW: Int
    var dilH: Int
    var dilW: Int

    var inPerGroup: Int { inChannels / groups }
    var outPerGroup: Int { outChannels / groups }
    /// Reduction length of the forward product: one group's input channels times the kernel area.
    var depth: Int { inPerGroup * kH * kW }
    /// Height and width of the zero-padded input.
    var paddedH: Int { inH + 2 * padH }
    var paddedW: Int { inW + 2 * padW }
    var unitStride: Bool { strideH == 1 && strideW == 1 }
}

/// A read-only 4-d strided view (sizes are in the geometry), so kernels accept
/// transposed or sliced tensors without a contiguous copy.
struct StridedView4<T> {
    let base: UnsafePointer<T>
    let s0: Int, s1: Int, s2: Int, s3: Int

    @inline(__always)
    subscript(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> T {
        base[a &* s0 &+ b &* s1 &+ c &* s2 &+ d &* s3]
    }

    /// Pointer to element `[a, b, c, 0]`.
    @inline(__always)
    func row(_ a: Int, _ b: Int, _ c: Int) -> UnsafePointer<T> { base + (a &* s0 &+ b &* s1 &+ c &* s2) }
}
