/// Padding: `constant_pad_nd` (`F.pad(mode='constant')`, negative pads crop).
extension Tensor {
    /// `torch.constant_pad_nd(input, pad, value)`: `pad` lists (before, after) pairs starting
    /// from the last dimension; negative amounts remove elements.
    public func constantPad(_ pad: [Int], value: Scalar) throws(TensorError) -> Tensor {
        guard pad.count % 2 == 0 else { throw .runtime("Length of pad must be even but instead it equals \(pad.count)") }
        let padDims = pad.count / 2, lead = dim - padDims
        guard lead >= 0 else {
            throw .runtime("Length of pad should be no more than twice the number of dimensions of the input. Pad length is \(pad.count) while the input has \(dim) dimensions.")
        }
        // The part of the input that survives negative padding, and where it lands.
        var cropOffset = offset, cropShape = shape
        var newShape = shape
        for d in lead..<dim {
            let before = pad[2 * (dim - d - 1)], after = pad[2 * (dim - d - 1) + 1]
            let size = try (Sized(shape[d]) + Sized(before) + Sized(after)).value()
            guard size >= 0 else {
                throw .runtime("The input size \(shape[d]), plus negative padding \(before) and \(after) resulted in a negative output size, which is invalid. Check dimension \(d) of your input.")
            }
            newShape[d] = size
            let cutBefore = Swift.max(0, -before), cutAfter = Swift.max(0, -after)
            cropShape[d] = Swift.max(0, shape[d] - cutBefore - cutAfter)
            cropOffset += cutBefore * strides[d]
        }
        let out = try Tensor(uninitializedShape: newShape, dtype: dtype, zeroed: false)
        fill(out, with: value)
        var interiorOffset = 0
        for d in lead..<dim {
            interiorOffset += Swift.max(0, pad[2 * (dim - d - 1)]) * out.strides[d]
        }
        if !cropShape.contains(0) {
            let source = Tensor(storage: storage, shape: cropShape, strides: strides, offset: cropOffset)
            let interior = Tensor(storage: out.storage, shape: cropShape, strides: out.strides, offset: interiorOffset)
            copyConverting(from: source, to: interior)
        }
        let negated = pad.map { -$0 }
        return Tensor.record("ConstantPadNdBackward0", inputs: [self], output: out) { (g: Tensor) throws(TensorError) in
            [try g.constantPad(negated, value: .int(0))]
        }
    }
}
