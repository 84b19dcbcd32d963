import TensorEngine

extension NeuralNet {
    /// `F.nll_loss(input, target, weight=None, ignore_index=-100, reduction='mean')`: the
    /// negative log-likelihood of class-index targets, `-w[t]·input[n, t]`, from log-probabilities.
    ///
    /// Shapes as in PyTorch: `(C)` with a 0-d target, `(N, C)` with `(N)`, or
    /// `(N, C, d1, ...)` with `(N, d1, ...)`. With `mean`, the sum is divided by the total
    /// weight of the targets that were not ignored (NaN when there are none).
    /// Records `NllLossBackward0` for 1-d and 2-d inputs and `NllLoss2DBackward0` otherwise
    /// (followed by a view for `reduction='none'` on inputs other than 4-d), as PyTorch does.
    public static func nllLoss(_ input: Tensor, _ target: Tensor, weight: Tensor? = nil, ignoreIndex: Int = -100,
                               reduction: Reduction = .mean) throws(TensorError) -> Tensor {
        guard input.dim >= 1 else { throw .value("Expected 1 or more dimensions (got \(input.dim))") }
        if input.dim != 1 {
            let targetBatch = target.dim == 0 ? 0 : target.shape[0]
            guard input.shape[0] == targetBatch else {
                throw .value("Expected input batch_size (\(input.shape[0])) to match target batch_size (\(targetBatch)).")
            }
        }
        switch input.dim {
        case 1, 2:
            return try NLLLoss.compute(input, target, weight, ignoreIndex, reduction, spatial: false)
        case 4:
            return try NLLLoss.compute(input, target, weight, ignoreIndex, reduction, spatial: true)
        default:
            // Other ranks go through the 4-d form on (N, C, 1, -1), as PyTorch's nll_loss_nd does.
            let n = input.shape[0], c = input.shape[1]
            let expected = [n] + input.shape.dropFirst(2)
            guard Array(target.shape.dropFirst()) == Array(input.shape.dropFirst(2)) else {
                throw .runtime("Expected target size \(Shape.format(expected)), got \(Shape.format(target.shape))")
            }
            let empty = input.numel == 0
            let x4 = try input.contiguous().view(empty ? [n, c, 0, 0] : [n, c, 1, -1])
            let t3 = try target.contiguous().view(target.numel == 0 ? [n, 0, 0] : [n, 1, -1])
            let out = try NLLLoss.compute(x4, t3, weight, ignoreIndex, reduction, spatial: true)
            return reduction == .none ? try out.view(expected) : out
        }
    }
}

/// The kernels behind `nllLoss`, in PyTorch's order of operations so float32 results
/// match bit for bit: a cascade of partial sums over the picked values (8 levels of
/// 16), then one division by the total weight.
enum NLLLoss {
    /// The input seen as `[batch, classes, map]` (map = 1 for 1-d and 2-d inputs).
    struct Layout {
        let batch: Int, classes: Int, map: Int
        var count: Int { batch * map }
    }

    static func compute(_ input: Tensor, _ target: Tensor, _ weight: Tensor?, _ ignoreIndex: Int,
                        _ reduction: Reduction, spatial: Bool) throws(TensorError) -> Tensor {
        let layout: Layout
        if spatial {
            guard target.dim == 3 else {
                throw .runtime("only batches of spatial targets supported (3D tensors) but got targets of dimension: \(target.dim)")
            }
            if let weight, weight.numel != input.shape[1] {
                throw .runtime("weight tensor should be defined either for all or no classes")
            }
            guard input.shape[0] == target.shape[0], input.shape[2] == target.shape[1], input.shape[3] == target.shape[2] else {
                throw .runtime("size mismatch (got input: \(Shape.format(input.shape)) , target: \(Shape.format(target.shape))")
            }
            layout = Layout(batch: input.shape[0], classes: input.shape[1], map: input.shape[2] * input.shape[3])
        } else {
            guard target.dim <= 1 else { throw .runtime("0D or 1D target tensor expected, multi-target not supported") }
            // A 1-d input takes a 0-d target, or (as PyTorch 2.15 accepts) a one-element 1-d one.
            let noBatch = input.dim == 1 && (target.dim == 0 || target.numel == 1)
            guard noBatch || input.shape[0] == target.shape[0] else {
                throw .runtime("size mismatch (got input: \(Shape.format(input.shape)), target: \(Shape.format(target.shape)))")
            }
            let classes = input.shape[input.dim - 1]
            if let weight, weight.dim != 1 || weight.numel != classes {
                throw .runtime("weight tensor should be defined either for all \(classes) classes or no classes but got weight tensor of shape: \(Shape.format(weight.shape))")
            }
            layout = Layout(batch: input.dim == 1 ? 1 : input.shape[0], classes: classes, map: 1)
        }
        guard target.dtype == .int64 || target.dtype == .uint8 else {
            throw .runtime("expected target dtype to be Long or Byte, but got \(target.dtype.scalarTypeName)")
        }
        guard input.isFloatingPoint else {
            let kernel = spatial ? "nll_loss2d_forward_out_frame" : "nll_loss_out_frame"
            throw TensorError(.notImplemented, "\"\(kernel)\" not implemented for '\(input.dtype.scalarTypeName)'")
        }
        if let weight, weight.dtype != input.dtype {
            throw .runtime("expected scalar type \(input.dtype.scalarTypeName) but found \(weight.dtype.scalarTypeName)")
        }
        let perElement = reduction == .none && (spatial || input.dim == 2)
        let outShape = perElement ? (spatial ? [layout.batch, input.shape[2], input.shape[3]] : [layout.batch]) : []
        let targets = target.toArray(Int64.self)
        let name = spatial ? "NllLoss2DBackward0" : "NllLossBackward0"
        if input.dtype == .float64 {
            return try Kernel<Double>(layout: layout, targets: targets, ignoreIndex: Int64(ignoreIndex), weights: weight?.toArray(Double.self))
                .run(input, target, reduction, perElement: perElement, outShape: outShape, name: name)
        }
        return try Kernel<Float>(layout: layout, targets: targets, ignoreIndex: Int64(ignoreIndex), weights: weight?.toArray(Float.self))
            .run(input, target, reduction, perElement: perElement, outShape: outShape, name: name)
    }

    struct Kernel<T: BinaryFloatingPoint & TensorElement> {
        let layout: Layout
        let targets: [Int64]
        let ignoreIndex: Int64
        let weights: [T]?

        /// The class of target `i`, or nil when it is ignored; PyTorch's IndexError when out of range.
        func targetClass(_ i: Int) throws(TensorError) -> Int? {
            let t = targets[i]
            if t == ignoreIndex { return nil }
            guard t >= 0 && t < Int64(layout.classes) else { throw .index("Target \(t) is out of bounds.") }
            return Int(t)
        }

        /// Flat offset of the picked log-probability for target `i`.
        func offset(_ i: Int, _ t: Int) -> Int {
            let b = i / layout.map, e = i % layout.map
            return (b * layout.classes + t) * layout.map + e
        }

        func run(_ input: Tensor, _ target: Tensor, _ reduction: Reduction, perElement: Bool,
                 outShape: [Int], name: String) throws(TensorError) -> Tensor {
            let x = try input.contiguous().toArray(T.self)
            let out: [T], total: T
            if perElement {
                var values = [T](repeating: 0, count: layout.count)
                for i in 0..<layout.count {
                    guard let t = try targetClass(i) else { continue }
                    values[i] = -x[offset(i, t)] * (weights?[t] ?? 1)
                }
                out = values
                total = 0
            } else {
                (out, total) = try reduced(x, reduction)
            }
            let result = try Tensor.from(out, shape: outShape)
            // Like PyTorch, the weight gets no gradient.
            return Tensor.record(name, inputs: [input], output: result, saved: [target]) {
                (g: Tensor) throws(TensorError) in
                let grad = try backward(g, perElement: perElement, reduction: reduction, total: total, shape: input.shape)
                // The gradient is linear in g, and its adjoint is this same loss applied to gg.
                let linear = Tensor.recordLinear(name.replacing("Backward0", with: "BackwardBackward0"), grad, of: g) {
                    (gg: Tensor) throws(TensorError) in
                    try run(gg, target, reduction, perElement: perElement, outShape: outShape, name: name)
                }
                return [linear]
            }
        }

        /// The reduced loss and the total weight, summed as PyTorch's cascade does.
        func reduced(_ x: [T], _ reduction: Reduction) throws(TensorError) -> ([T], T) {
            if targets.isEmpty { return ([reduction == .mean ? .nan : 0], 0) }
            let levels = 8
            let levelPower = Swift.max(4, ceilLog2(layout.count) / levels)
            let levelMask = (1 << levelPower) - 1
            var loss = [T](repeating: 0, count: levels), weightSums = [T](repeating: 0, count: levels)
            var ignored = 0
            for i in 0..<layout.count {
                guard let t = try targetClass(i) else { ignored += 1; continue }
                let value = x[offset(i, t)]
                if let weights {
                    loss[0] -= value * weights[t]
                    weightSums[0] += weights[t]
                } else {
                    loss[0] -= value
                }
                for j in 0..<(levels - 1) {
                    if i & (levelMask << (j * levelPower)) != 0 { break }
                    weightSums[j + 1] += weightSums[j]
                    loss[j + 1] += loss[j]
                    weightSums[j] = 0
                    loss[j] = 0
                }
            }
            let total = weights == nil ? T(layout.count - ignored) : weightSums.reduce(0, +)
            var value = loss.reduce(0, +)
            if reduction == .mean { value /= total }
            return ([value], total)
        }

        /// d loss / d input: `-w[t]·g` at each picked position (divided by the total weight for mean).
        func backward(_ g: Tensor, perElement: Bool, reduction: Reduction, total: T, shape: [Int]) throws(TensorError) -> Tensor {
            var grad = [T](repeating: 0, count: layout.count * layout.classes)
            let gv = try g.contiguous().toArray(T.self)
            if perElement {
                for i in 0..<layout.count {
                    guard let t = try targetClass(i) else { continue }
                    grad[offset(i, t)] = -(weights?[t] ?? 1) * gv[i]
                }
            } else {
                let scaled = -(reduction == .mean ? gv[0] / total : gv[0])
                for i in 0..<layout.count {
                    guard let t = try targetClass(i) else { continue }
                    grad[offset(i, t)] = weights.map { $0[t] * scaled } ?? scaled
                }
            }
            return try Tensor.from(grad, shape: shape)
        }
    }

    /// ⌈log2 x⌉ as ATen's `CeilLog2` (1 for x ≤ 2).
    static func ceilLog2(_ x: Int) -> Int {
        x <= 2 ? 1 : Int.bitWidth - (x - 1).leadingZeroBitCount
    }
}
