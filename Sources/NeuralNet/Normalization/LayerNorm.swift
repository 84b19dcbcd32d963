import TensorEngine

extension NeuralNet {
    /// `F.layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05)`: normalises
    /// over the trailing `normalized_shape` dims (biased variance), then scales and shifts
    /// elementwise. Recorded as one `NativeLayerNormBackward0` node.
    public static func layerNorm(_ input: Tensor, normalizedShape: [Int], weight: Tensor? = nil, bias: Tensor? = nil,
                                 eps: Double = 1e-5) throws(TensorError) -> Tensor {
        let k = normalizedShape.count
        guard k >= 1 else { throw .runtime("Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one element, but got normalized_shape = []") }
        for (name, t) in [("weight", weight), ("bias", bias)] {
            if let t, t.shape != normalizedShape {
                throw .runtime("Expected \(name) to be of same shape as normalized_shape, but got \(name) of shape \(Shape.format(t.shape)) and normalized_shape = \(Shape.format(normalizedShape))")
            }
        }
        guard input.dim >= k, Array(input.shape.suffix(k)) == normalizedShape else {
            let expected = "[*, " + normalizedShape.map(String.init).joined(separator: ", ") + "]"
            throw .runtime("Given normalized_shape=\(Shape.format(normalizedShape)), expected input with shape \(expected), but got input of size\(Shape.format(input.shape))")
        }
        guard input.isFloatingPoint else {
            throw TensorError(.notImplemented, "\"LayerNormKernelImpl\" not implemented for '\(input.dtype.scalarTypeName)'")
        }
        let groupSize = normalizedShape.reduce(1, *)
        let groups = groupSize == 0 ? 0 : input.numel / groupSize
        let stats = try GroupStatistics(input, groups: groups, groupSize: groupSize, eps: eps)
        let statShape = Array(input.shape.prefix(input.dim - k)) + [Int](repeating: 1, count: k)
        let out = try stats.normalized(input, scale: weight, shift: bias, channelsPerGroup: 1, spatial: groupSize)
        let inputs = [input] + [weight, bias].compactMap { $0 }
        let normDims = Array((input.dim - k)..<input.dim), batchDims = Array(0..<(input.dim - k))
        return Tensor.record("NativeLayerNormBackward0", inputs: inputs, output: out, saved: inputs) {
            (g: Tensor) throws(TensorError) in
            let (mean, rstd) = try stats.tensors(shape: statShape, dtype: input.dtype)
            let xhat = try input.sub(mean).mul(rstd)
            let gw = try weight.map { w throws(TensorError) in try g.mul(w) } ?? g
            var grads: [Tensor?] = [input.requiresGrad ? try normalizedGradient(gw, xhat, rstd, dims: normDims) : nil]
            if let weight {
                grads.append(weight.requiresGrad ? try g.mul(xhat).sumOver(batchDims).reshape(weight.shape) : nil)
            }
            if let bias { grads.append(bias.requiresGrad ? try g.sumOver(batchDims).reshape(bias.shape) : nil) }
            return grads
        }
    }

    /// The gradient through x̂ = (x - mean)·rstd over `dims`, given dL/dx̂:
    /// rstd·(ĝ - mean(ĝ) - x̂·mean(ĝ·x̂)).
    static func normalizedGradient(_ gHat: Tensor, _ xhat: Tensor, _ rstd: Tensor, dims: [Int]) throws(TensorError) -> Tensor {
        let meanG = try gHat.mean(dims: dims, keepdim: true)
        let meanGX = try gHat.mul(xhat).mean(dims: dims, keepdim: true)
        return try gHat.sub(meanG).sub(xhat.mul(meanGX)).mul(rstd)
    }
}

extension Tensor {
    /// Sum over `dims`, or the tensor itself when there are none.
    func sumOver(_ dims: [Int]) throws(TensorError) -> Tensor {
        dims.isEmpty ? self : try sum(dims: dims)
    }
}

/// Mean and 1/√(var + eps) of consecutive groups of a contiguous tensor (layer norm's rows,
/// group norm's groups), accumulated in double.
struct GroupStatistics {
    let mean: [Double]
    let rstd: [Double]

    init(_ input: Tensor, groups: Int, groupSize: Int, eps: Double) throws(TensorError) {
        let x = try input.contiguous().toArray(Double.self)
        var mean = [Double](), rstd = [Double]()
        let isFloat = input.dtype == .float32
        for g in 0..<groups {
            let base = g * groupSize
            var sum = 0.0
            for i in 0..<groupSize { sum += x[base + i] }
            let m = sum / Double(groupSize)
            var squares = 0.0
            for i in 0..<groupSize { squares += (x[base + i] - m) * (x[base + i] - m) }
            let variance = Swift.max(squares / Double(groupSize), 0)
            mean.append(isFloat ? Double(Float(m)) : m)
            rstd.append(isFloat ? Double(1 / (Float(variance) + Float(eps)).squareRoot()) : 1 / (variance + eps).squareRoot())
        }
        self.mean = mean
        self.rstd = rstd
    }

    /// The statistics as tensors of `shape` (one value per group).
    func tensors(shape: [Int], dtype: DType) throws(TensorError) -> (Tensor, Tensor) {
        (try Tensor.from(mean, shape: shape, dtype: dtype), try Tensor.from(rstd, shape: shape, dtype: dtype))
    }

    /// (x - mean)·rstd·scale + shift, where group `g` covers `channelsPerGroup` channels of
    /// `spatial` elements each, and `scale`/`shift` index by channel within the group
    /// (layer norm: one "channel" whose elements index the affine parameters).
    func normalized(_ input: Tensor, scale: Tensor?, shift: Tensor?, channelsPerGroup: Int,
                    spatial: Int) throws(TensorError) -> Tensor {
        func compute<T: BinaryFloatingPoint & TensorElement>(_: T.Type) throws(TensorError) -> Tensor {
            let x = try input.contiguous().toArray(T.self)
            let w = scale?.toArray(T.self), b = shift?.toArray(T.self)
            let perGroup = channelsPerGroup * spatial
            let channels = w?.count ?? b?.count ?? 0
            var y = [T](repeating: 0, count: x.count)
            for g in 0..<mean.count {
                let r = T(rstd[g]), bias = -T(mean[g]) * r
                let firstChannel = channelsPerGroup == 1 ? 0 : (g * channelsPerGroup) % Swift.max(channels, 1)
                for i in 0..<perGroup {
                    let index = g * perGroup + i
                    // Layer norm indexes the parameters by element, group norm by channel.
                    let p = channelsPerGroup == 1 ? i : firstChannel + i / spatial
                    var v = x[index] * r + bias
                    if let w { v *= w[p] }
                    if let b { v += b[p] }
                    y[index] = v
                }
            }
            return try Tensor.from(y, shape: input.shape)
        }
        return input.dtype == .float64 ? try compute(Double.self) : try compute(Float.self)
    }
}
