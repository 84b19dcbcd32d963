import TensorEngine

// Note [Tensor resizing]
// torchvision resizes tensor images with `F.interpolate`. With `antialias=True` (its default)
// bilinear and bicubic use the same separable, scale-stretched filters as PIL (Note [PIL
// resampling]) but in float: weights `filter((j + xmin - center + 0.5) * invscale)` normalised
// by their sum, width pass first, then height. Without antialias, bilinear samples the source at
// `(i + 0.5) * scale - 0.5` (clamped at 0) from its two neighbours; nearest takes
// `floor(i * scale)`.

extension NeuralNet {
    /// A float tensor image `[..., H, W]` resized to `height` x `width`.
    ///
    /// - Parameter mode: "nearest", "bilinear" or "bicubic" (bicubic only with antialias).
    public static func resizeImage(_ x: Tensor, height: Int, width: Int, mode: String,
                                   antialias: Bool) throws(TensorError) -> Tensor {
        guard x.dim >= 2 else { throw .type("Tensor is not a torch image.") }
        guard height > 0, width > 0 else {
            throw .runtime("Input and output sizes should be greater than 0, but got output (H: \(height), W: \(width))")
        }
        guard x.dtype == .float32 else {
            throw TensorError(.notImplemented, "resizing \(x.dtype.name) tensor images is not available in pytorch-tutor (convert to float first)")
        }
        let h = x.shape[x.dim - 2], w = x.shape[x.dim - 1]
        guard h > 0, w > 0 else { throw .runtime("Input and output sizes should be greater than 0") }
        let planes = x.numel / (h * w)
        let source = x.toArray(Float.self)
        let rows: AxisWeights, columns: AxisWeights
        switch (mode, antialias) {
        case ("nearest", _):
            rows = AxisWeights(nearest: h, out: height)
            columns = AxisWeights(nearest: w, out: width)
        case ("bilinear", false):
            rows = AxisWeights(linear: h, out: height)
            columns = AxisWeights(linear: w, out: width)
        case ("bilinear", true), ("bicubic", true):
            let filter: ResamplingFilter = mode == "bilinear" ? .bilinear : .bicubic
            rows = AxisWeights(filter: filter, in: h, out: height)
            columns = AxisWeights(filter: filter, in: w, out: width)
        default:
            throw TensorError(.notImplemented, "\(mode) resizing of tensor images\(antialias ? "" : " without antialias") is not available in pytorch-tutor")
        }
        var wide = [Float](repeating: 0, count: planes * h * width)
        for p in 0..<planes {
            for y in 0..<h {
                let row = (p * h + y) * w
                for xx in 0..<width {
                    let (start, weights) = columns.taps[xx]
                    var t = source[row + start] * weights[0]
                    for j in 1..<weights.count { t += source[row + start + j] * weights[j] }
                    wide[(p * h + y) * width + xx] = t
                }
            }
        }
        var out = [Float](repeating: 0, count: planes * height * width)
        for p in 0..<planes {
            for yy in 0..<height {
                let (start, weights) = rows.taps[yy]
                for xx in 0..<width {
                    var t = wide[(p * h + start) * width + xx] * weights[0]
                    for j in 1..<weights.count { t += wide[(p * h + start + j) * width + xx] * weights[j] }
                    out[(p * height + yy) * width + xx] = t
                }
            }
        }
        return try Tensor.from(out, shape: Array(x.shape.dropLast(2)) + [height, width])
    }
}

/// For each output index along one axis: the first input index and the weights of the inputs
/// from there on (at least one).
struct AxisWeights {
    var taps: [(start: Int, weights: [Float])]

    init(nearest inSize: Int, out outSize: Int) {
        let scale = Float(inSize) / Float(outSize)
        taps = (0..<outSize).map { i in (min(Int((Float(i) * scale).rounded(.down)), inSize - 1), [1]) }
    }

    init(linear inSize: Int, out outSize: Int) {
        let scale = Float(inSize) / Float(outSize)
        taps = (0..<outSize).map { i in
            let src = max((Float(i) + 0.5) * scale - 0.5, 0)
            let i0 = min(Int(src), inSize - 1)
            let lambda = src - Float(i0)
            return i0 < inSize - 1 ? (i0, [1 - lambda, lambda]) : (i0, [1])
        }
    }

    init(filter: ResamplingFilter, in inSize: Int, out outSize: Int) {
        let scale = Float(inSize) / Float(outSize)
        let support = Float(filter.support) * (scale >= 1 ? scale : 1)
        let invscale: Float = scale >= 1 ? 1 / scale : 1
        taps = (0..<outSize).map { i in
            let center = scale * (Float(i) + 0.5)
            let start = max(Int(center - support + 0.5), 0)
            let count = max(min(Int(center + support + 0.5), inSize) - start, 1)
            var weights = (0..<count).map { j in Float(filter.weight(Double((Float(j + start) - center + 0.5) * invscale))) }
            let total = weights.reduce(0, +)
            if total != 0 { weights = weights.map { $0 / total } }
            return (start, weights)
        }
    }
}
