import TensorEngine

extension NeuralNet {
    /// `F.embedding(input, weight, padding_idx=None, max_norm=None, norm_type=2.0,
    /// scale_grad_by_freq=False)`: the rows of `weight` picked by the integer `input`, shaped
    /// `input.shape + [embedding_dim]`.
    ///
    /// The gradient (`EmbeddingBackward0`) adds each output row's gradient into its weight
    /// row, skipping `paddingIndex` (which must already be normalised to 0..<rows); with
    /// `scaleGradByFreq` it is divided by how often the index occurs. With `maxNorm`, the
    /// picked rows whose `normType` norm exceeds it are first rescaled in place.
    public static func embedding(_ input: Tensor, weight: Tensor, paddingIndex: Int? = nil, maxNorm: Double? = nil,
                                 normType: Double = 2, scaleGradByFreq: Bool = false) throws(TensorError) -> Tensor {
        guard weight.dim == 2 else { throw .runtime("'weight' must be 2-D") }
        guard input.dtype == .int64 || input.dtype == .int32 else {
            throw .runtime("Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got \(input.dtype.legacyTypeName) instead (while checking arguments for embedding)")
        }
        let flat = try input.contiguous().reshape([-1])
        if let maxNorm { try renormalize(weight, rows: flat, maxNorm: maxNorm, normType: normType) }
        let rows = try GradMode.with(false) { () throws(TensorError) in try weight.indexSelect(0, flat) }
        let out = try GradMode.with(false) { () throws(TensorError) in try rows.view(input.shape + [weight.shape[1]]) }
        let weightShape = weight.shape
        return Tensor.record("EmbeddingBackward0", inputs: [weight], output: out, saved: [input]) { (g: Tensor) throws(TensorError) in
            let scale = EmbeddingGradient.scales(flat.toArray(Int64.self), paddingIndex: paddingIndex, byFrequency: scaleGradByFreq)
            let grad = try EmbeddingGradient.accumulate(g, indices: flat, scales: scale, weightShape: weightShape)
            // Linear in g; the adjoint picks the same rows again.
            return [Tensor.recordLinear("EmbeddingBackwardBackward0", grad, of: g) { (gg: Tensor) throws(TensorError) in
                try gg.indexSelect(0, flat).mul(Tensor.from(scale, shape: [scale.count, 1], dtype: gg.dtype)).view(g.shape)
            }]
        }
    }

    /// PyTorch's `embedding_renorm_`: each distinct picked row whose norm exceeds `maxNorm`
    /// is scaled by `maxNorm / (norm + 1e-7)`, in place and without recording.
    static func renormalize(_ weight: Tensor, rows: Tensor, maxNorm: Double, normType: Double) throws(TensorError) {
        try GradMode.with(false) { () throws(TensorError) in
            var seen = Set<Int64>()
            for i in rows.toArray(Int64.self) where seen.insert(i).inserted {
                guard i >= 0 && i < Int64(weight.shape[0]) else { throw .index("index out of range in self") }
                let row = try weight.select(0, Int(i))
                let norm = try row.norm(p: normType).item().doubleValue
                if norm > maxNorm { try row.mul_(.double(maxNorm / (norm + 1e-7))) }
            }
        }
    }
}

/// The dense weight gradient of `embedding`, summed row by row in index order as PyTorch's
/// CPU kernel does (`grad_weight[k] += scale·grad[i]`).
enum EmbeddingGradient {
    /// Per-index factors: 0 for the padding index, 1/count with `byFrequency`, else 1.
    static func scales(_ indices: [Int64], paddingIndex: Int?, byFrequency: Bool) -> [Double] {
        var counts: [Int64: Int] = [:]
        if byFrequency { for i in indices { counts[i, default: 0] += 1 } }
        return indices.map { i in
            if let paddingIndex, i == Int64(paddingIndex) { return 0 }
            return byFrequency ? 1 / Double(counts[i] ?? 1) : 1
        }
    }

    static func accumulate(_ g: Tensor, indices: Tensor, scales: [Double], weightShape: [Int]) throws(TensorError) -> Tensor {
        func compute<T: BinaryFloatingPoint & TensorElement>(_: T.Type) throws(TensorError) -> Tensor {
            let rows = indices.toArray(Int64.self), width = weightShape[1]
            let grad = try g.contiguous().toArray(T.self)
            var out = [T](repeating: 0, count: weightShape[0] * width)
            for (i, k) in rows.enumerated() where scales[i] != 0 {
                let dst = Int(k) * width, src = i * width
                if scales[i] == 1 {
                    for j in 0..<width { out[dst + j] += grad[src + j] }
                } else {
                    let s = T(scales[i])
                    for j in 0..<width { out[dst + j] = out[dst + j].addingProduct(s, grad[src + j]) }
                }
            }
            return try Tensor.from(out, shape: weightShape)
        }
        return g.dtype == .float64 ? try compute(Double.self) : try compute(Float.self)
    }
}
