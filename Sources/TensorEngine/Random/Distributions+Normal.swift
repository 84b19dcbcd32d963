#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Note [Two normal samplers]
// PyTorch's CPU `normal_kernel` picks one of two algorithms
// (aten/src/ATen/native/cpu/DistributionTemplates.h):
//
// * Contiguous tensors with numel >= 16 use `normal_fill`: first draw one uniform
//   per element (float32: 24-bit `random()`; float64: 53-bit `random64()`), then
//   transform each block of 16 in place: for j in 0..<8, u1 = 1 - d[j], u2 = d[j+8],
//   radius = sqrt(-2 log u1), theta = 2π u2, d[j] = radius cos θ · std + mean and
//   d[j+8] = radius sin θ · std + mean. If numel % 16 != 0, 16 *fresh* uniforms
//   are drawn, transformed, and written over the last 16 slots (so those slots
//   take the second draw). float32 runs the AVX2 code with the Cephes polynomials
//   (Note [Cephes AVX math emulation]); float64 uses glibc log/cos/sin with the
//   final `* std + mean` fused.
//
// * numel < 16, or any non-contiguous tensor, uses `normal_distribution<double>`
//   element by element: Box–Muller on two double uniforms, u1 then u2,
//   r = sqrt(-2 log1p(-u2)), θ = 2π u1; it returns r cos θ and caches r sin θ in
//   the generator. The cache outlives the call: `randn(1); rand(1); randn(1)`
//   returns the cached sine the second time. Output is `fma(z, std, mean)` in double,
//   then rounded to the tensor's dtype (with the double mean and std, even for float32).

extension Generator {
    /// `torch.randn(count)` / `torch.empty(count).normal_(mean, std)` in float32.
    ///
    /// - Parameters:
    ///   - contiguous: pass `false` for a non-contiguous destination; PyTorch then uses the
    ///     element-wise Box–Muller path whatever the size.
    /// - Throws: `normal expects std >= 0.0, but found std …`.
    public func normalFloat32(count: Int, mean: Double = 0, std: Double = 1, contiguous: Bool = true) throws(TensorError) -> [Float] {
        try checkCount(count)
        try checkStd(std)
        if count >= 16 && contiguous {
            return withState { s in s.normalFillFloat32(count: count, mean: Float(mean), std: Float(std)) }
        }
        return withState { s in (0..<count).map { _ in Float(s.boxMullerDouble(mean: mean, std: std)) } }
    }

    /// `torch.randn(count, dtype=torch.float64)` / `normal_(mean, std)` in float64.
    public func normalFloat64(count: Int, mean: Double = 0, std: Double = 1, contiguous: Bool = true) throws(TensorError) -> [Double] {
        try checkCount(count)
        try checkStd(std)
        if count >= 16 && contiguous {
            return withState { s in s.normalFillFloat64(count: count, mean: mean, std: std) }
        }
        return withState { s in (0..<count).map { _ in s.boxMullerDouble(mean: mean, std: std) } }
    }

    private func checkStd(_ std: Double) throws(TensorError) {
        guard std >= 0 else { throw .runtime("normal expects std >= 0.0, but found std \(cppDescription(std))") }
    }
}

extension GeneratorState {
    /// `normal_fill_AVX2`: see Note [Two normal samplers].
    mutating func normalFillFloat32(count: Int, mean: Float, std: Float) -> [Float] {
        var data = (0..<count).map { _ in uniformUnitFloat() }
        var block = [Float](repeating: 0, count: 16)
        var i = 0
        while i + 16 <= count {
            for k in 0..<16 { block[k] = data[i + k] }
            Self.normalFill16(&block, mean: mean, std: std)
            for k in 0..<16 { data[i + k] = block[k] }
            i += 16
        }
        if count % 16 != 0 {
            for k in 0..<16 { block[k] = uniformUnitFloat() }
            Self.normalFill16(&block, mean: mean, std: std)
            for k in 0..<16 { data[count - 16 + k] = block[k] }
        }
        return data
    }

    /// `normal_fill_16_AVX2` on one block of 16 uniforms.
    static func normalFill16(_ d: inout [Float], mean: Float, std: Float) {
        let twoPi = Float(2 * Double.pi)
        for j in 0..<8 {
            let u1 = 1 - d[j]
            let u2 = d[j + 8]
            let radius = (-2 * CephesMath.log(u1)).squareRoot()
            let (sinTheta, cosTheta) = CephesMath.sincos(twoPi * u2)
            d[j] = mean.addingProduct(radius * cosTheta, std)
            d[j + 8] = mean.addingProduct(radius * sinTheta, std)
        }
    }

    /// `normal_fill<double>` with glibc `log`, `cos`, `sin`.
    mutating func normalFillFloat64(count: Int, mean: Double, std: Double) -> [Double] {
        var data = (0..<count).map { _ in uniformUnitDouble() }
        func fill16(_ base: Int) {
            for j in 0..<8 {
                let u1 = 1 - data[base + j]
                let u2 = data[base + j + 8]
                let radius = (-2 * log(u1)).squareRoot()
                let theta = 2 * Double.pi * u2
                data[base + j] = mean.addingProduct(radius * cos(theta), std)
                data[base + j + 8] = mean.addingProduct(radius * sin(theta), std)
            }
        }
        var i = 0
        while i + 16 <= count {
            fill16(i)
            i += 16
        }
        if count % 16 != 0 {
            for k in 0..<16 { data[count - 16 + k] = uniformUnitDouble() }
            fill16(count - 16)
        }
        return data
    }

    /// `normal_distribution<double>`: one value, from the cache when it holds one.
    mutating func boxMullerDouble(mean: Double, std: Double) -> Double {
        let z: Double
        if let cached = nextDoubleNormalSample {
            nextDoubleNormalSample = nil
            z = cached
        } else {
            let u1 = uniformUnitDouble()
            let u2 = uniformUnitDouble()
            let r = (-2 * log1p(-u2)).squareRoot()
            let theta = 2 * Double.pi * u1
            nextDoubleNormalSample = r * sin(theta)
            z = r * cos(theta)
        }
        return mean.addingProduct(z, std)
    }
}
