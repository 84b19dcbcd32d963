/// Note [Half precision in kernels]
/// PyTorch's CPU kernels compute most float16 ops in float ("opmath") and round only the
/// result: convolution, average and adaptive average pooling, upsampling forward and
/// backward. Those run float16 tensors here as float32 copies and convert the result
/// back. Kernels PyTorch runs in the element type itself (the pooling and padding
/// gradients, fold, which add into a float16 buffer) stay in float16, so the rounding
/// matches. The same path runs the few integer cases PyTorch allows in such ops
/// (nearest upsampling of uint8 images), where the round trip through float32 is exact.
extension Tensor {
    /// This tensor as a contiguous float32 copy unless it is float32 or float64 (no autograd).
    func widenedForKernel() throws(TensorError) -> Tensor {
        guard dtype != .float32 && dtype != .float64 else { return self }
        let wide = try Tensor(uninitializedShape: shape, dtype: .float32, zeroed: false)
        copyConverting(from: self, to: wide)
        return wide
    }

    /// `result` converted back to `dtype` after `widenedForKernel` (no autograd).
    static func narrowed(_ result: Tensor, to dtype: DType) throws(TensorError) -> Tensor {
        guard result.dtype != dtype else { return result }
        let narrow = try Tensor(uninitializedShape: result.shape, dtype: dtype, zeroed: false)
        copyConverting(from: result, to: narrow)
        return narrow
    }
}
