// Note [Cephes AVX math emulation]
// For float32 `randn`/`normal_` with 16 or more contiguous elements, PyTorch runs
// `normal_fill_16_AVX2` (aten/src/ATen/native/cpu/DistributionTemplates.h), which
// calls `log256_ps` and `sincos256_ps` from aten/src/ATen/native/cpu/avx_mathfun.h:
// Cephes polynomials on 8 lanes. libtorch is built with GCC and `-mfma`, and GCC
// contracts `a*b + c` into one fused multiply-add wherever the intrinsics allow it.
// The contractions below were read off the disassembly of the AVX2 `normal_kernel`;
// with them every value matches torch, without them about 1% are one ulp off.
// Swift never contracts on its own, so each FMA is spelled out with
// `addingProduct`, and every other step rounds to float, exactly like one lane.
// AVX-512 machines use this AVX2 code too (`normal_stub` has no AVX-512 entry).

/// Scalar, lane-exact emulations of PyTorch's AVX2 Cephes `log256_ps` and `sincos256_ps`.
enum CephesMath {
    // Constants of avx_mathfun.h, rounded to float as the `_ps256_*` tables are.
    static let sqrtHalf: Float = 0.707106781186547524
    static let logP: [Float] = [
        7.0376836292e-2, -1.1514610310e-1, 1.1676998740e-1, -1.2420140846e-1, 1.4249322787e-1,
        -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1,
    ]
    static let logQ1: Float = -2.12194440e-4
    static let logQ2: Float = 0.693359375
    static let minusDP1: Float = -0.78515625
    static let minusDP2: Float = -2.4187564849853515625e-4
    static let minusDP3: Float = -3.77489497744594108e-8
    static let sinP: (Float, Float, Float) = (-1.9515295891e-4, 8.3321608736e-3, -1.6666654611e-1)
    static let cosP: (Float, Float, Float) = (2.443315711809948e-005, -1.388731625493765e-003, 4.166664568298827e-002)
    static let fourOverPi: Float = 1.27323954473516
    static let minNormPos = Float(bitPattern: 0x0080_0000)

    /// One lane of `log256_ps` for a positive argument (the `randn` caller passes `1 - u` in (0, 1]).
    static func log(_ input: Float) -> Float {
        // _mm256_max_ps(x, min_norm_pos): returns the second operand when x is NaN.
        var x = input > minNormPos ? input : minNormPos
        let exponentBits = Int32(bitPattern: x.bitPattern >> 23) - 0x7f
        var e = Float(exponentBits) + 1
        x = Float(bitPattern: (x.bitPattern & ~0x7f80_0000) | Float(0.5).bitPattern)
        let below = x < sqrtHalf
        let tmp: Float = below ? x : 0
        x = x - 1
        e = e - (below ? 1 : 0)
        x = x + tmp
        let z = x * x
        var y = logP[0]
        for k in 1...8 { y = logP[k].addingProduct(y, x) }   // fma(y, x, p_k)
        y = y * x
        y = (e * logQ1).addingProduct(y, z)                   // fma(y, z, e*q1)
        y = y.addingProduct(-z, 0.5)                          // fma(-z, 0.5, y)
        x = x + y
        return x.addingProduct(e, logQ2)                      // fma(e, q2, x)
    }

    /// One lane of `sincos256_ps`: returns `(sin x, cos x)`.
    static func sincos(_ input: Float) -> (sin: Float, cos: Float) {
        let signIn = input.bitPattern & 0x8000_0000
        var x = Float(bitPattern: input.bitPattern & 0x7fff_ffff)
        // _mm256_cvttps_epi32 truncates; out-of-range lanes give INT32_MIN.
        let scaled = x * fourOverPi
        var j: Int32 = scaled.isFinite && scaled < 2_147_483_648 ? Int32(scaled) : Int32.min
        j = (j &+ 1) & ~1
        let y = Float(j)
        let swapSignSin = UInt32(bitPattern: (j & 4) << 29)
        let useCosPolyForSin = (j & 2) != 0
        x = x.addingProduct(y, minusDP1)
        x = x.addingProduct(y, minusDP2)
        x = x.addingProduct(y, minusDP3)
        let signCos = UInt32(bitPattern: (~(j &- 2) & 4) << 29)
        let signSin = signIn ^ swapSignSin

        let z = x * x
        var c = cosP.1.addingProduct(cosP.0, z)       // fma(c0, z, c1)
        c = cosP.2.addingProduct(c, z)                // fma(., z, c2)
        c = (-(z * 0.5)).addingProduct(c * z, z)      // fma(c*z, z, -z*0.5)
        c = c + 1
        var s = sinP.1.addingProduct(sinP.0, z)
        s = sinP.2.addingProduct(s, z)
        s = x.addingProduct(x, s * z)                 // fma(x, s*z, x)

        // The blend adds +0 to the chosen polynomial (andnot/and then add).
        let sinValue = (useCosPolyForSin ? c : s) + 0
        let cosValue = (useCosPolyForSin ? s : c) + 0
        return (Float(bitPattern: sinValue.bitPattern ^ signSin),
                Float(bitPattern: cosValue.bitPattern ^ signCos))
    }
}
