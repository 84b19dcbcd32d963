#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Note [Half-precision sampling]
// PyTorch 2.15 samples float16 through float32 and rounds each value to half:
//
//   uniform   the float32 sampler (one draw per element) with half(from) and half(to)
//   normal    numel >= 16 and contiguous: the float32 `normal_fill_16` transform (Note
//             [Two normal samplers]) on ⌈numel / 16⌉·16 uniforms drawn up front; the
//             last block's 16 results overwrite the last 16 slots, so with a partial
//             block the slots before it come from the full blocks. Otherwise
//             `normal_distribution<double>` per element.

extension Generator {
    /// `torch.rand(count, dtype=torch.float16)` / `uniform_(low, high)` in float16.
    public func uniformFloat16(count: Int, low: Double = 0, high: Double = 1) throws(TensorError) -> [Float16] {
        try checkCount(count)
        guard low <= high else {
            throw .runtime("uniform_ expects to return a [from, to) range, but found from=\(cppDescription(low)) > to=\(cppDescription(high))")
        }
        let from = Float(Float16.from(double: low)), span = Float(Float16.from(double: high)) - from
        return withState { s in
            (0..<count).map { _ in Float16(from.addingProduct(s.uniformUnitFloat(), span)) }
        }
    }

    /// `torch.randn(count, dtype=torch.float16)` / `normal_(mean, std)` in float16.
    public func normalFloat16(count: Int, mean: Double = 0, std: Double = 1, contiguous: Bool = true) throws(TensorError) -> [Float16] {
        try checkCount(count)
        guard std >= 0 else { throw .runtime("normal expects std >= 0.0, but found std \(cppDescription(std))") }
        if count >= 16 && contiguous {
            let padded = (count + 15) / 16 * 16
            let values = withState { s in s.normalFillFloat32(count: padded, mean: Float(mean), std: Float(std)) }
            return (values.prefix(count - 16) + values.suffix(16)).map { Float16($0) }
        }
        return withState { s in (0..<count).map { _ in Float16.from(double: s.boxMullerDouble(mean: mean, std: std)) } }
    }
}
