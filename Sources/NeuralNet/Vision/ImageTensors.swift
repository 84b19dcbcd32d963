import TensorEngine

// Conversions between images and tensors, as torchvision's `to_tensor`, `pil_to_tensor`,
// `to_pil_image` and `normalize` compute them. `to_tensor` and `normalize` run once per sample
// in every epoch, so they go straight from bytes to a finished tensor.

extension PixelImage {
    /// `transforms.ToTensor()`: a float32 tensor of shape `[C, H, W]` holding `byte / 255`.
    public func floatTensor() throws(TensorError) -> Tensor {
        let plane = width * height
        var values = [Float](repeating: 0, count: plane * channels)
        for c in 0..<channels {
            for i in 0..<plane { values[c * plane + i] = Float(pixels[i * channels + c]) / 255 }
        }
        return try Tensor.from(values, shape: [channels, height, width])
    }

    /// `transforms.PILToTensor()`: the bytes as a uint8 tensor of shape `[C, H, W]`.
    public func byteTensor() throws(TensorError) -> Tensor {
        try Tensor.from(planes(), shape: [channels, height, width])
    }

    /// The bytes in channel-plane order (CHW), as CIFAR files store them.
    public func planes() -> [UInt8] {
        let plane = width * height
        var out = [UInt8](repeating: 0, count: plane * channels)
        for c in 0..<channels {
            for i in 0..<plane { out[c * plane + i] = pixels[i * channels + c] }
        }
        return out
    }

    /// `transforms.ToPILImage()`: an image from a `[C, H, W]` or `[H, W]` tensor with 1 or 3
    /// channels. Floating-point values become `byte(value * 255)`, truncated and wrapped
    /// modulo 256 exactly as numpy's cast does (so -0.5 gives 129); uint8 values are kept.
    public init(tensor: Tensor) throws(VisionError) {
        let shape = tensor.shape
        guard shape.count == 2 || shape.count == 3 else {
            throw .value("pic should be 2/3 dimensional. Got \(shape.count) dimensions.")
        }
        let c = shape.count == 3 ? shape[0] : 1
        let h = shape[shape.count - 2], w = shape[shape.count - 1]
        guard c <= 4 else { throw .value("pic should not have > 4 channels. Got \(c) channels.") }
        guard c == 1 || c == 3 else { throw .value("images with \(c) channels are not supported in pytorch-tutor (only 1 or 3)") }
        let count = try Self.byteCount(width: w, height: h, channels: c)
        let plane = w * h
        var bytes = [UInt8](repeating: 0, count: count)
        switch tensor.dtype {
        case .uint8:
            let values = tensor.toArray(UInt8.self)
            for ch in 0..<c { for i in 0..<plane { bytes[i * c + ch] = values[ch * plane + i] } }
        case .float32:
            let values = tensor.toArray(Float.self)
            for ch in 0..<c { for i in 0..<plane { bytes[i * c + ch] = Self.wrappedByte(Double(values[ch * plane + i] * 255)) } }
        case .float64:
            let values = tensor.toArray(Double.self)
            for ch in 0..<c { for i in 0..<plane { bytes[i * c + ch] = Self.wrappedByte(values[ch * plane + i] * 255) } }
        default:
            throw VisionError(.value, "Input type \(tensor.dtype.shortName) is not supported")
        }
        self.init(unchecked: w, h, c, bytes)
    }

    /// A C-style float to uint8 cast as numpy performs it on x86: truncate, then keep the low byte.
    static func wrappedByte(_ v: Double) -> UInt8 {
        guard v.isFinite, abs(v) < 9.2e18 else { return 0 }
        return UInt8(truncatingIfNeeded: Int64(v))
    }
}

extension NeuralNet {
    /// `transforms.Normalize`: `(x - mean[c]) / std[c]` for each channel `c` of a float tensor
    /// image `[..., C, H, W]`, with torchvision's checks and errors.
    ///
    /// Computed as torchvision does (the mean and std converted to the tensor's dtype, then a
    /// subtraction and a division), so values, autograd history and in-place semantics match.
    /// One mean or std value applies to every channel.
    public static func normalizeImage(_ x: Tensor, mean: [Double], std: [Double], inplace: Bool) throws(TensorError) -> Tensor {
        guard x.dim >= 2 else { throw .type("Tensor is not a torch image.") }
        guard x.isFloatingPoint else { throw .type("Input tensor should be a float tensor. Got \(x.dtype.name).") }
        guard x.dim >= 3 else {
            throw .value("Expected tensor to be a tensor image of size (..., C, H, W). Got tensor.size() = \(Shape.sizeRepr(x.shape))")
        }
        let m = try Tensor.from(mean, shape: [mean.count, 1, 1], dtype: x.dtype)
        let s = try Tensor.from(std, shape: [std.count, 1, 1], dtype: x.dtype)
        if s.toArray(Double.self).contains(0) {
            throw .value("std evaluated to zero after conversion to \(x.dtype.name), leading to division by zero.")
        }
        if inplace { return try x.sub_(m).div_(s) }
        if x.dtype == .float32 && !x.requiresGrad {
            return try normalizedFloats(x, mean: m.toArray(Float.self), std: s.toArray(Float.self))
        }
        return try x.sub(m).div(s)
    }

    /// The common case (a fresh float32 image from `ToTensor`) in one pass; the same float
    /// subtraction and division as the tensor ops, so the same values.
    private static func normalizedFloats(_ x: Tensor, mean: [Float], std: [Float]) throws(TensorError) -> Tensor {
        let channels = x.shape[x.dim - 3], plane = x.shape[x.dim - 2] * x.shape[x.dim - 1]
        for values in [mean, std] where values.count != 1 && values.count != channels {
            throw .runtime("The size of tensor a (\(channels)) must match the size of tensor b (\(values.count)) at non-singleton dimension \(x.dim - 3)")
        }
        var values = x.toArray(Float.self)
        guard plane > 0 else { return try Tensor.from(values, shape: x.shape) }
        var i = 0
        while i < values.count {
            let c = (i / plane) % channels
            let m = mean.count == 1 ? mean[0] : mean[c], s = std.count == 1 ? std[0] : std[c]
            for j in i..<i + plane { values[j] = (values[j] - m) / s }
            i += plane
        }
        return try Tensor.from(values, shape: x.shape)
    }
}
