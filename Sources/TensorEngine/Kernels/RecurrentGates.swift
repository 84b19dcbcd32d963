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
    let small = tanhPolynomial(x)
    let signed = unsafeBitCast(unsafeBitCast(large, to: SIMD16<UInt32>.self) | (bits & signBit), to: SIMD16<Float>.self)
    return signed.replacing(with: small, where: a .< 0.625)
}

/// tanh(x) for |x| < 0.625: the odd polynomial of Cephes' tanhf.
@inline(__always)
func tanhPolynomial(_ x: SIMD16<Float>) -> SIMD16<Float> {
    let z = x * x
    var p = SIMD16<Float>(repeating: -5.704_988_727_45e-3)
    p = SIMD16<Float>(repeating: 2.063_908_879_54e-2).addingProduct(p, z)
    p = SIMD16<Float>(repeating: -5.373_971_555_31e-2).addingProduct(p, z)
    p = SIMD16<Float>(repeating: 0.133_314_422_036).addingProduct(p, z)
    p = SIMD16<Float>(repeating: -0.333_332_819_422).addingProduct(p, z)
    return x.addingProduct(p * z, x)
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

// MARK: - LSTM gates with one division per block

/// Adds the biases to the pre-activations of `blocks` LSTM blocks (64 floats each: i, f, g, o)
/// in place and writes e = e^{-|x|} for the sigmoid gates and e^{-2|x|} for the tanh gate g
/// to `e` (same layout), for `lstmGateActivations`. Separate from it so that the optimizer
/// inlines `VectorMath.exp` (it does not inline four of them into one loop).
@inline(never)
func lstmGateExponentials(_ gates: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, blocks: Int,
                          into e: UnsafeMutablePointer<Float>) {
    let signBit = SIMD16<UInt32>(repeating: 0x8000_0000)
    for k in 0..<blocks &* 4 {
        let v = k &* 16
        let x = loadVector(gates + v) + loadVector(bias + v)
        storeVector(x, gates + v)
        let minusAbs = unsafeBitCast(unsafeBitCast(x, to: SIMD16<UInt32>.self) | signBit, to: SIMD16<Float>.self)
        storeVector(VectorMath.exp(k & 3 == 2 ? minusAbs + minusAbs : minusAbs), e + v)
    }
}

/// The gate activations of `blocks` LSTM blocks in place, from `lstmGateExponentials`'
/// e-values: sigmoid(x) = (x ≥ 0 ? 1 : e) / (1 + e), and tanh(x) = sign(x)·(1 - e) / (1 + e)
/// for |x| ≥ 0.625, else `gateTanh`'s polynomial. The four denominators of a block all lie in
/// (1, 2], so one division by their product gives each reciprocal by multiplication
/// (RecurrentKernelTests measures the extra roundings).
@inline(never)
func lstmGateActivations(_ gates: UnsafeMutablePointer<Float>, blocks: Int, exponentials e: UnsafePointer<Float>) {
    let one = SIMD16<Float>(repeating: 1)
    let signBit = SIMD16<UInt32>(repeating: 0x8000_0000)
    for b in 0..<blocks {
        let v = gates + b &* 64, ev = e + b &* 64
        let (xi, xf, xg, xo) = (loadVector(v), loadVector(v + 16), loadVector(v + 32), loadVector(v + 48))
        let (ei, ef, eg, eo) = (loadVector(ev), loadVector(ev + 16), loadVector(ev + 32), loadVector(ev + 48))
        let (di, df, dg, dOut) = (one + ei, one + ef, one + eg, one + eo)
        let (dif, dgo) = (di * df, dg * dOut)
        let product = dif * dgo
        // The divisions that remain: one per block, or one per gate where a NaN would
        // otherwise spread to the other gates of its unit.
        let (ri, rf, rg, ro): (SIMD16<Float>, SIMD16<Float>, SIMD16<Float>, SIMD16<Float>)
        if any(product .!= product) {
            (ri, rf, rg, ro) = (one / di, one / df, one / dg, one / dOut)
        } else {
            let r = one / product
            let (rif, rgo) = (dgo * r, dif * r)
            (ri, rf, rg, ro) = (df * rif, di * rif, dOut * rgo, dg * rgo)
        }
        storeVector(one.replacing(with: ei, where: xi .< 0) * ri, v)
        storeVector(one.replacing(with: ef, where: xf .< 0) * rf, v + 16)
        storeVector(one.replacing(with: eo, where: xo .< 0) * ro, v + 48)
        let gBits = unsafeBitCast(xg, to: SIMD16<UInt32>.self)
        let large = unsafeBitCast(unsafeBitCast((one - eg) * rg, to: SIMD16<UInt32>.self) | (gBits & signBit),
                                  to: SIMD16<Float>.self)
        let absG = unsafeBitCast(gBits & ~signBit, to: SIMD16<Float>.self)
        storeVector(large.replacing(with: tanhPolynomial(xg), where: absG .< 0.625), v + 32)
    }
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
