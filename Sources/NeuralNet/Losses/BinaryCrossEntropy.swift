import TensorEngine

extension NeuralNet {
    /// `F.binary_cross_entropy(input, target, weight=None, reduction='mean')`:
    /// `-w·(y·log x + (1 - y)·log(1 - x))` for probabilities `x`, each log clamped at -100
    /// as in PyTorch (so 0 and 1 give a finite loss). Input and target must have the same
    /// shape and dtype and lie in [0, 1]; `weight` broadcasts to the target's shape.
    public static func binaryCrossEntropy(_ input: Tensor, _ target: Tensor, weight: Tensor? = nil,
                                          reduction: Reduction = .mean) throws(TensorError) -> Tensor {
        guard target.shape == input.shape else {
            throw .value("Using a target size (\(Shape.sizeRepr(target.shape))) that is different to the input size (\(Shape.sizeRepr(input.shape))) is deprecated. Please ensure they have the same size.")
        }
        let w = try weight.map { w throws(TensorError) in try w.expand(BinaryCrossEntropy.broadcastWeight(w, to: target.shape)) }
        guard target.dtype == input.dtype else {
            throw .runtime("Found dtype \(target.dtype.scalarTypeName) but expected \(input.dtype.scalarTypeName)")
        }
        guard input.isFloatingPoint else {
            throw TensorError(.notImplemented, "\"binary_cross_entropy\" not implemented for '\(input.dtype.scalarTypeName)'")
        }
        try BinaryCrossEntropy.checkRange(input, target)
        let out = try GradMode.with(false) { () throws(TensorError) in
            let logOneMinus = try input.neg().log1p().clamp(min: .int(-100))
            let logX = try input.log().clamp(min: .int(-100))
            var loss = try target.sub(.int(1)).mul(logOneMinus).sub(target.mul(logX))
            if let w { loss = try loss.mul(w) }
            return try reduction.apply(loss)
        }
        let count = Double(input.numel)
        // As in PyTorch, the weight gets no gradient.
        return Tensor.record("BinaryCrossEntropyBackward0", inputs: [input, target], output: out, saved: [input, target]) {
            (g: Tensor) throws(TensorError) in
            let full = g.shape == input.shape ? g : try g.expand(input.shape)
            func finish(_ grad: Tensor) throws(TensorError) -> Tensor {
                let weighted = try w.map { w throws(TensorError) in try grad.mul(w) } ?? grad
                return reduction == .mean ? try weighted.div(.double(count)) : weighted
            }
            var grads: [Tensor?] = [nil, nil]
            if input.requiresGrad {
                // g·(x - y) / max((1 - x)·x, 1e-12)
                let denominator = try input.rsub(.int(1)).mul(input).clamp(min: .double(1e-12))
                grads[0] = try finish(full.mul(input.sub(target)).div(denominator))
            }
            if target.requiresGrad {
                // -logit(x)·g
                grads[1] = try finish(input.div(input.rsub(.int(1))).log().neg().mul(full))
            }
            return grads
        }
    }

    /// `F.binary_cross_entropy_with_logits(input, target, weight=None, reduction='mean',
    /// pos_weight=None)`: binary cross-entropy of `sigmoid(input)`, computed stably as
    /// `(1 - y)·x - log σ(x)` (with `log σ(x)` scaled by `1 + (pos_weight - 1)·y`).
    public static func binaryCrossEntropyWithLogits(_ input: Tensor, _ target: Tensor, weight: Tensor? = nil,
                                                    reduction: Reduction = .mean,
                                                    posWeight: Tensor? = nil) throws(TensorError) -> Tensor {
        guard target.shape == input.shape else {
            throw .value("Target size (\(Shape.sizeRepr(target.shape))) must be the same as input size (\(Shape.sizeRepr(input.shape)))")
        }
        let resultType = DType.promote(input.dtype, target.dtype)
        guard !target.dtype.isIntegral && target.dtype != .bool else {
            throw .runtime("result type \(resultType.scalarTypeName) can't be cast to the desired output type \(target.dtype.scalarTypeName)")
        }
        let out = try GradMode.with(false) { () throws(TensorError) in
            var logSigmoid = try BinaryCrossEntropy.logSigmoid(input)
            if let posWeight { logSigmoid = try logSigmoid.mul(posWeight.sub(.int(1)).mul(target).add(.int(1))) }
            var loss = try target.rsub(.int(1)).mul(input).sub(logSigmoid)
            if let weight { loss = try loss.mul(weight) }
            return try reduction.apply(loss)
        }
        let count = Double(input.numel)
        // As in PyTorch, weight and pos_weight get no gradient.
        return Tensor.record("BinaryCrossEntropyWithLogitsBackward0", inputs: [input, target], output: out,
                             saved: [input, target]) {
            (g: Tensor) throws(TensorError) in
            let full = g.shape == input.shape ? g : try g.expand(input.shape)
            func finish(_ grad: Tensor) throws(TensorError) -> Tensor {
                let weighted = try weight.map { w throws(TensorError) in try grad.mul(w) } ?? grad
                return reduction == .mean ? try weighted.div(.double(count)) : weighted
            }
            var grads: [Tensor?] = [nil, nil]
            if input.requiresGrad {
                if let posWeight {
                    let t = try posWeight.mul(target)
                    grads[0] = try finish(t.add(.int(1)).sub(target).mul(input.sigmoid()).sub(t).mul(full))
                } else {
                    grads[0] = try finish(input.sigmoid().sub(target).mul(full))
                }
            }
            if target.requiresGrad {
                if let posWeight {
                    let negative = try BinaryCrossEntropy.logSigmoid(input.neg())
                    grads[1] = try finish(negative.sub(BinaryCrossEntropy.logSigmoid(input).mul(posWeight)).mul(full))
                } else {
                    grads[1] = try finish(input.neg().mul(full))
                }
            }
            return grads
        }
    }
}

enum BinaryCrossEntropy {
    /// PyTorch's per-element check, in element order: the input is checked before the target.
    static func checkRange(_ input: Tensor, _ target: Tensor) throws(TensorError) {
        let x = input.toArray(Double.self), y = target.toArray(Double.self)
        for (a, b) in zip(x, y) {
            guard a >= 0 && a <= 1 else { throw .runtime("all elements of input should be between 0 and 1") }
            guard b >= 0 && b <= 1 else { throw .runtime("all elements of target should be between 0 and 1") }
        }
    }

    /// `torch.broadcast_shapes(target.size(), weight.size())`, with its error wording.
    static func broadcastWeight(_ weight: Tensor, to shape: [Int]) throws(TensorError) -> [Int] {
        do {
            return try Shape.broadcast(shape, weight.shape)
        } catch {
            // The first mismatching dim counted from the right.
            var k = 1
            while k < Swift.min(shape.count, weight.dim) {
                let a = weight.shape[weight.dim - k], b = shape[shape.count - k]
                if a != 1 && b != 1 && a != b { break }
                k += 1
            }
            throw .runtime("Attempting to broadcast a dimension of length \(weight.shape[weight.dim - k]) at -\(k)! Mismatching argument at index 1 had \(Shape.sizeRepr(weight.shape)); but expected shape should be broadcastable to \(Shape.format(shape))")
        }
    }

    /// log σ(x) = min(x, 0) - log1p(e^{-|x|}), stable for large |x|.
    static func logSigmoid(_ x: Tensor) throws(TensorError) -> Tensor {
        try x.clamp(max: .int(0)).sub(x.abs().neg().exp().log1p())
    }
}
