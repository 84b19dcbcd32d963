// Gate activations and lane helpers of the fused recurrent kernels (LSTMKernels.swift,
// GRUKernels.swift).

// Note [Gate activations]
// An LSTM cell update evaluates five activations per unit and step, as many as its GEMM has
// multiply-adds per 25 hidden units, so the double-evaluated VectorMath.sigmoid/tanh
// (correctly rounded) would cost about as much as the GEMM. These work in float on
// VectorMath.exp (≤ 1 ulp) and stay within 2 ulp (RecurrentKernelTests measures them):
// plenty against the 1e-5 agreement asked of the layer (oneDNN's kernels are not
// correctly rounded either).
//
// They run in small out-of-line loops over pointers: the optimizer inlines `VectorMath.exp`
// into a function this small but not into the cell update, and an out-of-line call taking
// a SIMD16 passes it in four xmm registers and splits the arithmetic into 128-bit pieces.

/// 1 / (1 + e^-x) as (x ≥ 0 ? 1 : e) / (1 + e) with e = e^-|x|, which never overflows.
@inline(__always)
func gateSigmoid(_ x: SIMD16<Float>) -> SIMD16<Float> {
    let one = SIMD16<Float>(repeating: 1)
    let minusAbs = unsafeBitCast(unsafeBitCast(x, to: SIMD16<UInt32>.self) | 0x8000_0000, to: SIMD16<Float>.self)
    let e = VectorMath.exp(minusAbs)
    return one.replacing(with: e, where: x .< 0) / (one + e)
}

/// tanh(x): for |x| < 0.625 the odd polynomial of Cephes' tanhf (no cancellation near 0),
/// else sign(x)·(1 - 2 / (e^{2|x|} + 1)), exactly ±1 once e^{2|x|} overflows.
@inline(__always)
func gateTanh(_ x: SIMD16<Float>) -> SIMD16<Float> {
    let one = SIMD16<Float>(repeating: 1)
    let signBit = SIMD16<UInt32>(repeating: 0x8000_0000)
    let bits = unsafeBitCast(x, to: SIMD16<UInt32>.self)
    let a = unsafeBitCast(bits & ~signBit, to: SIMD16<Float>.self)
    let e = VectorMath.exp(a + a)
    let large = one - (one + one) / (e + one)
    let z = x * x
    var p = SIMD16<Float>(repeating: -5.704_988_727_45e-3)
    p = SIMD16<Float>(repeating: 2.063_908_879_54e-2).addingProduct(p, z)
    p = SIMD16<Float>(repeating: -5.373_971_555_31e-2).addingProduct(p, z)
    p = SIMD16<Float>(repeating: 0.133_314_422_036).addingProduct(p, z)
    p = SIMD16<Float>(repeating: -0.333_332_819_422).addingProduct(p, z)
    let small = x.addingProduct(p * z, x)
    let signed = unsafeBitCast(unsafeBitCast(large, to: SIMD16<UInt32>.self) | (bits & signBit), to: SIMD16<Float>.self)
    return signed.replacing(with: small, where: a .< 0.625)
}

/// `gateSigmoid` in place on `count` vectors of 16 floats, `stride` floats apart.
@inline(never)
func sigmoidVectors(_ p: UnsafeMutablePointer<Float>, stride: Int, count: Int) {
    for k in 0..<count {
        let v = p + k &* stride
        storeVector(gateSigmoid(loadVector(v)), v)
    }
}

/// `gateTanh` of `count` vectors of 16 floats at `x` (`strideX` apart), written to `y`
/// (`strideY` apart; may be `x`).
@inline(never)
func tanhVectors(_ x: UnsafeMutablePointer<Float>, stride strideX: Int, count: Int,
                 into y: UnsafeMutablePointer<Float>, stride strideY: Int) {
    for k in 0..<count { storeVector(gateTanh(loadVector(x + k &* strideX)), y + k &* strideY) }
}

// MARK: - Lane helpers

/// 16 floats from `p`.
@inline(__always)
func loadVector(_ p: UnsafePointer<Float>) -> SIMD16<Float> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD16<Float>.self)
}

@inline(__always)
func loadVector(_ p: UnsafeMutablePointer<Float>) -> SIMD16<Float> { loadVector(UnsafePointer(p)) }

/// The first `lanes` floats from `p`, zeros after (the tail block of an H-wide row).
@inline(__always)
func loadVector(_ p: UnsafePointer<Float>, _ lanes: Int) -> SIMD16<Float> {
    if lanes == 16 { return loadVector(p) }
    var v = SIMD16<Float>()
    for j in 0..<lanes { v[j] = p[j] }
    return v
}

@inline(__always)
func loadVector(_ p: UnsafeMutablePointer<Float>, _ lanes: Int) -> SIMD16<Float> { loadVector(UnsafePointer(p), lanes) }

@inline(__always)
func storeVector(_ v: SIMD16<Float>, _ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD16<Float>.self)
}

/// Stores the first `lanes` floats of `v`.
@inline(__always)
func storeVector(_ v: SIMD16<Float>, _ p: UnsafeMutablePointer<Float>, _ lanes: Int) {
    if lanes == 16 { return storeVector(v, p) }
    for j in 0..<lanes { p[j] = v[j] }
}
