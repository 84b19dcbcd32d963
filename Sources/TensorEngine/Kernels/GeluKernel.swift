/// Exact (erf-based) GELU in float32 as PyTorch computes it on a contiguous
/// float32 tensor of more than one element.
///
/// Note [GELU through oneDNN]
/// For such tensors PyTorch's CPU `gelu` hands the work to oneDNN, whose
/// AVX-512 kernel does not call erf at all: it approximates erf(|x|/√2) with
/// one of 25 degree-5 minimax polynomials in |x|, picked by the exponent and
/// the top two mantissa bits of |x|, then returns (x · (1 + ±p)) · 0.5.
/// Its error near x = -3 (about 3e-7 in erf) is visible at four printed
/// decimals (`gelu(-3)` prints -0.0041 where the exact value rounds to
/// -0.0040). A single element or a strided tensor goes through PyTorch's own
/// loop with libm's erf instead (the generic `.gelu` path in
/// ElementwiseKernels). Bit-for-bit equal to torch 2.15 on all inputs tested
/// (Tests/TensorEngineTests/Fixtures/gelu/gelu.json).
enum GeluKernel {
    /// Coefficients by degree (0...5), 25 polynomials each; index 23 is the
    /// constant 1 used beyond `rightBound`, index 24 the identity (reached by NaN).
    static let coefficients: [UInt32] = [
        // degree 0
        0xa6f2_cb94, 0x3282_7792, 0x3381_cc0c, 0x3452_3d4a, 0x351a_c44d, 0x35f3_6d88, 0x36ee_8229, 0x37b8_a3bb,
        0x3867_a213, 0x3940_033b, 0x3a2a_5a1d, 0x3ae3_5863, 0x3b78_28f2, 0x3c08_b14b, 0x3c51_5ed3, 0xbb50_3236,
        0xbd8d_8e5e, 0xbe8a_bcd9, 0xbf0c_19a2, 0xbecc_b328, 0x3e17_6ced, 0x3f47_0d99, 0x3f7a_bb28, 0x3f80_0000,
        0x0000_0000,
        // degree 1
        0x3f4c_422a, 0x3f4c_421f, 0x3f4c_4207, 0x3f4c_41cb, 0x3f4c_413b, 0x3f4c_3fad, 0x3f4c_3a2f, 0x3f4c_2d40,
        0x3f4c_146a, 0x3f4b_c341, 0x3f4a_d08c, 0x3f48_f8cf, 0x3f45_fac7, 0x3f40_4e07, 0x3f3b_980f, 0x3f48_dff3,
        0x3f78_b21b, 0x3fbb_0704, 0x4001_9c32, 0x3fe5_36d6, 0x3f81_331e, 0x3e6c_8684, 0x3c98_f936, 0x0000_0000,
        0x3f80_0000,
        // degree 2
        0xb621_73f4, 0x3735_e4cf, 0x37f2_ff89, 0x388c_23be, 0x3917_535c, 0x39ab_2ab0, 0x3a60_fadb, 0x3af9_b960,
        0x3b6e_5491, 0x3c0a_4ec5, 0x3ca5_aa8c, 0x3d21_38d9, 0x3d87_37d4, 0x3ddf_b660, 0x3e0f_27ab, 0x3d94_004b,
        0xbe0e_fdeb, 0xbf1d_96c3, 0xbf89_db58, 0xbf6d_9897, 0xbef6_9fb8, 0xbdc4_f8a8, 0xbbde_6422, 0x0000_0000,
        0x0000_0000,
        // degree 3
        0xbe08_1a19, 0xbe08_4570, 0xbe08_639b, 0xbe08_9837, 0xbe08_f409, 0xbe09_ab95, 0xbe0b_66d0, 0xbe0e_400a,
        0xbe12_4df8, 0xbe1b_de02, 0xbe2f_19c9, 0xbe49_31bf, 0xbe68_5fbc, 0xbe89_c95f, 0xbe96_cbca, 0xbe80_44aa,
        0xbe05_50f2, 0x3dcf_d6a1, 0x3e94_c826, 0x3e79_345f, 0x3dec_ec91, 0x3ca4_6568, 0x3aa1_e00a, 0x0000_0000,
        0x0000_0000,
        // degree 4
        0xba3d_61db, 0x39f0_97a3, 0x3a58_45dc, 0x3ab1_fa35, 0x3b0c_efb8, 0x3b65_3ab6, 0x3bca_e527, 0x3c22_1712,
        0x3c6c_5840, 0x3cc0_a703, 0x3d1d_cc19, 0x3d63_656d, 0x3d95_5907, 0x3dbf_9910, 0x3dd5_3f69, 0x3db7_dcef,
        0x3d63_9ebe, 0xba6e_de48, 0xbd22_be69, 0xbd04_1cf1, 0xbc64_f5ab, 0xbb09_7a32, 0xb8eb_f380, 0x0000_0000,
        0x0000_0000,
        // degree 5
        0x3cb7_d80c, 0x3c9b_6050, 0x3c97_8d11, 0x3c92_e850, 0x3c8d_058b, 0x3c84_8454, 0x3c6c_d623, 0x3c4c_824b,
        0x3c2a_7935, 0x3be0_b390, 0x3b06_51ac, 0xbb23_2f53, 0xbbd4_2fa0, 0xbc2c_5366, 0xbc49_2c9e, 0xbc2a_7aa6,
        0xbbd5_5d04, 0xba82_3a76, 0x3b10_2aa8, 0x3ae2_5a7e, 0x3a31_f792, 0x38b8_4375, 0x3689_bb5a, 0x0000_0000,
        0x0000_0000,
    ]
    static let polynomialCount = 25
    /// Above this |x| (≈ 5.54) erf(|x|/√2) is 1 in float32.
    static let rightBound = Float(bitPattern: 0x40b1_5cee)

    /// `out[i] = gelu(x[i])` for `n` contiguous floats.
    static func apply(_ n: Int, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
        coefficients.withUnsafeBufferPointer { raw in
            let c = UnsafeRawPointer(raw.baseAddress!).assumingMemoryBound(to: Float.self)
            for i in 0..<n {
                let v = x[i]
                let magnitude = v.bitPattern & 0x7fff_ffff
                let a = Float(bitPattern: magnitude)
                // Exponent and two mantissa bits, shifted so the smallest normal ranges map to 1.
                var index = Int(Int32(bitPattern: magnitude &+ 0xc21f_ffff) >> 21)
                index = Swift.min(Swift.max(index, 1), 24)
                if a > rightBound { index = 23 }
                var p = c[5 * polynomialCount + index]
                for degree in stride(from: 4, through: 0, by: -1) {
                    p = c[degree * polynomialCount + index].addingProduct(p, a)
                }
                if v.sign == .minus { p = -p }
                out[i] = (v * (p + 1)) * 0.5
            }
        }
    }
}
