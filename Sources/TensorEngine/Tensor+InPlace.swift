/// In-place ops (`add_`, `mul_`, `relu_`, `copy_`, `zero_`, ...) and how they
/// rewrite autograd history.
///
/// Note [In-place autograd]
/// An in-place op is computed out of place on a recorded clone of the old
/// value, written back into this tensor's storage, and this tensor adopts the
/// result's `grad_fn`. Computing from a clone keeps tensors that the new node
/// saved safe from the write. When the tensor is a view of a base that takes
/// part in autograd, the base's history is rewritten too: a `CopySlices` node
/// routes the view region of the base's gradient to the view's new history and
/// the rest to the base's old history, as PyTorch does.
extension Tensor {
    /// PyTorch's checks before writing into a tensor that autograd tracks.
    func checkInPlace() throws(TensorError) {
        guard GradMode.isEnabled else { return }
        if isLeaf && requiresGrad && base == nil {
            throw .runtime("a leaf Variable that requires grad is being used in an in-place operation.")
        }
        if let base, base.isLeaf, base.requiresGrad {
            throw .runtime("a view of a leaf Variable that requires grad is being used in an in-place operation.")
        }
    }

    /// PyTorch's `assert_no_internal_overlap` for the destination of an in-place write:
    /// a broadcast dim (stride 0, size > 1) would write one element several times.
    func checkNoInternalOverlap() throws(TensorError) {
        if zip(shape, strides).contains(where: { $0 > 1 && $1 == 0 }) {
            throw .runtime("unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.")
        }
    }

    /// A tensor object standing for this tensor's current history (shares storage).
    func gradientEdgeSnapshot() -> Tensor {
        let t = Tensor(storage: storage, shape: shape, strides: strides, offset: offset)
        t.requiresGrad = requiresGrad
        t.gradFn = gradFn
        t.outputNr = outputNr
        t.gradAccumulator = gradAccumulator
        if isLeaf && requiresGrad { t.gradAccumulator = gradientEdge.map { $0.node } }
        return t
    }

    /// Whether `from` results may be written into a tensor of dtype `to` (`torch.can_cast`).
    static func canCast(_ from: DType, to: DType) -> Bool {
        from.category <= to.category
    }

    /// Runs `compute` on the current value and writes the result into `self`, which takes over
    /// the result's history (`F.leaky_relu(x, inplace=True)`: grad_fn `LeakyReluBackward1`).
    /// While recording, `compute` sees a copy of the old value, so what it saves for backward
    /// is not overwritten.
    @discardableResult
    public func applyInPlace(others: [Tensor] = [], _ compute: (Tensor) throws(TensorError) -> Tensor) throws(TensorError) -> Tensor {
        try checkInPlace()
        try checkNoInternalOverlap()
        // An integer tensor never requires grad, whatever it is computed from.
        let recording = isFloatingPoint && (Tensor.needsGrad([self] + others) || (GradMode.isEnabled && (base?.requiresGrad ?? false)))
        if !recording {
            let result = try GradMode.with(false) { () throws(TensorError) in try compute(self) }
            try writeBack(result)
            return self
        }
        let old = try gradientEdgeSnapshot().clone()
        let result = try compute(old)
        try writeBack(result)
        try adoptHistory(of: result)
        return self
    }

    private func writeBack(_ result: Tensor) throws(TensorError) {
        guard Tensor.canCast(result.dtype, to: dtype) else {
            throw .runtime("result type \(result.dtype.scalarTypeName) can't be cast to the desired output type \(dtype.scalarTypeName)")
        }
        if result.shape != shape {
            guard let b = try? result.broadcastView(to: shape) else {
                throw .runtime("output with shape \(Shape.format(shape)) doesn't match the broadcast shape \(Shape.format(result.shape))")
            }
            copyConverting(from: b, to: self)
        } else {
            copyConverting(from: result, to: self)
        }
        storage.version += 1
    }

    /// Makes `self` (just overwritten with `result`'s values) continue `result`'s history.
    private func adoptHistory(of result: Tensor) throws(TensorError) {
        guard result.requiresGrad else { return }
        let r = result.shape == shape ? result : try result.expand(shape)
        try rebaseHistory(name: nil, inputs: [r]) { g in [g] }
    }

    /// Installs a new history for `self`: a node `name` over `inputs`, or, with
    /// `name == nil`, the single input's node itself. Handles views of tracked bases.
    func rebaseHistory(name: String?, inputs: [Tensor],
                       backward: @escaping (Tensor) throws(TensorError) -> [Tensor?]) throws(TensorError) {
        let newValue: Tensor
        if let name {
            newValue = Tensor(storage: storage, shape: shape, strides: strides, offset: offset)
            Tensor.record(name, inputs: inputs, output: newValue, backward: backward)
        } else {
            newValue = inputs[0]
        }
        guard newValue.requiresGrad else { return }
        guard let base, base !== self else {
            adopt(newValue)
            return
        }
        guard base.isContiguous else {
            throw TensorError(.notImplemented, "in-place operation on a view of a non-contiguous tensor that requires grad")
        }
        // CopySlices on the base: its view region now comes from newValue.
        let region = (shape, strides, offset - base.offset)
        let baseShape = base.shape
        // The three linear maps between a base-shaped gradient and its view region,
        // each recorded in terms of the others so double backward works too.
        func regionOf(_ g: Tensor) throws(TensorError) -> Tensor {
            let gc = try g.contiguous()
            let out = try gc.makeView(shape: region.0, strides: region.1, offset: gc.offset + region.2).clone(recording: false)
            return Tensor.recordLinear("AsStridedBackward0", out, of: g) { (gg: Tensor) throws(TensorError) in try baseWith(gg) }
        }
        func baseWith(_ g: Tensor) throws(TensorError) -> Tensor {
            let z = try Tensor.zeros(baseShape, dtype: g.dtype)
            copyConverting(from: g, to: z.makeView(shape: region.0, strides: region.1, offset: region.2))
            return Tensor.recordLinear("AsStridedBackwardBackward0", z, of: g) { (gg: Tensor) throws(TensorError) in try regionOf(gg) }
        }
        func outsideRegion(_ g: Tensor) throws(TensorError) -> Tensor {
            let out = try g.contiguous().clone(recording: false)
            fill(out.makeView(shape: region.0, strides: region.1, offset: region.2), with: .int(0))
            return Tensor.recordLinear("CopySlicesBackward", out, of: g) { (gg: Tensor) throws(TensorError) in try outsideRegion(gg) }
        }
        let baseOld = base.gradientEdgeSnapshot()
        let baseNew = Tensor(storage: storage, shape: base.shape, strides: base.strides, offset: base.offset)
        Tensor.record("CopySlices", inputs: [baseOld, newValue], output: baseNew) { (g: Tensor) throws(TensorError) in
            [try outsideRegion(g), try regionOf(g)]
        }
        base.adopt(baseNew)
        // The view itself now reads its history from the updated base.
        let viewNew = Tensor(storage: storage, shape: shape, strides: strides, offset: offset)
        Tensor.record("AsStridedBackward0", inputs: [base], output: viewNew) { (g: Tensor) throws(TensorError) in
            [try baseWith(g)]
        }
        adopt(viewNew)
    }

    private func adopt(_ t: Tensor) {
        requiresGrad = t.requiresGrad
        gradFn = t.gradFn
        outputNr = t.outputNr
    }

    // MARK: - The in-place ops

    @discardableResult public func add_(_ other: Tensor, alpha: Scalar = .int(1)) throws(TensorError) -> Tensor {
        try applyInPlace(others: [other]) { x throws(TensorError) in try x.add(other, alpha: alpha) }
    }
    @discardableResult public func add_(_ s: Scalar) throws(TensorError) -> Tensor {
        try applyInPlace { x throws(TensorError) in try x.add(s) }
    }
    @discardableResult public func sub_(_ other: Tensor, alpha: Scalar = .int(1)) throws(TensorError) -> Tensor {
        try applyInPlace(others: [other]) { x throws(TensorError) in try x.sub(other, alpha: alpha) }
    }
    @discardableResult public func sub_(_ s: Scalar) throws(TensorError) -> Tensor {
        try applyInPlace { x throws(TensorError) in try x.sub(s) }
    }
    @discardableResult public func mul_(_ other: Tensor) throws(TensorError) -> Tensor {
        try applyInPlace(others: [other]) { x throws(TensorError) in try x.mul(other) }
    }
    @discardableResult public func mul_(_ s: Scalar) throws(TensorError) -> Tensor {
        try applyInPlace { x throws(TensorError) in try x.mul(s) }
    }
    @discardableResult public func div_(_ other: Tensor) throws(TensorError) -> Tensor {
        try applyInPlace(others: [other]) { x throws(TensorError) in try x.div(other) }
    }
    @discardableResult public func div_(_ s: Scalar) throws(TensorError) -> Tensor {
        try applyInPlace { x throws(TensorError) in try x.div(s) }
    }
    @discardableResult public func pow_(_ s: Scalar) throws(TensorError) -> Tensor {
        try applyInPlace { x throws(TensorError) in try x.pow(s) }
    }
    @discardableResult public func neg_() throws(TensorError) -> Tensor {
        try applyInPlace { x throws(TensorError) in try x.neg() }
    }
    @discardableResult public func relu_() throws(TensorError) -> Tensor {
        try applyInPlace { x throws(TensorError) in try x.relu() }
    }
    @discardableResult public func sigmoid_() throws(TensorError) -> Tensor {
        try applyInPlace { x throws(TensorError) in try x.sigmoid() }
    }
    @discardableResult public func tanh_() throws(TensorError) -> Tensor {
        try applyInPlace { x throws(TensorError) in try x.tanh() }
    }
    @discardableResult public func exp_() throws(TensorError) -> Tensor {
        try applyInPlace { x throws(TensorError) in try x.exp() }
    }
    @discardableResult public func sqrt_() throws(TensorError) -> Tensor {
        try applyInPlace { x throws(TensorError) in try x.sqrt() }
    }
    @discardableResult public func abs_() throws(TensorError) -> Tensor {
        try applyInPlace { x throws(TensorError) in try x.abs() }
    }
    @discardableResult public func clamp_(min lo: Scalar? = nil, max hi: Scalar? = nil) throws(TensorError) -> Tensor {
        for bound in [lo, hi].compactMap({ $0 }) where !Tensor.canCast(Tensor.resultType(self, bound), to: dtype) {
            throw .runtime("result type \(Tensor.resultType(self, bound).scalarTypeName) can't be cast to the desired output type \(dtype.cppName)")
        }
        return try applyInPlace { x throws(TensorError) in try x.clamp(min: lo, max: hi) }
    }
    @discardableResult public func maskedFill_(_ mask: Tensor, _ value: Scalar) throws(TensorError) -> Tensor {
        try applyInPlace { x throws(TensorError) in try x.maskedFill(mask, value) }
    }
    /// `torch.addcmul(input, t1, t2, value=1)`: `input + value * t1 * t2`, in PyTorch's order
    /// (one fused kernel, so float16 is computed in float32 and rounded once).
    public func addcmul(_ t1: Tensor, _ t2: Tensor, value: Scalar = .int(1)) throws(TensorError) -> Tensor {
        let x = self
        let out = try GradMode.with(false) { () throws(TensorError) in
            try x.inOpmath.add(t1.inOpmath.mul(value).mul(t2.inOpmath)).materialized(Tensor.resultType([x, t1, t2]))
        }
        return Tensor.record("AddcmulBackward0", inputs: [x, t1, t2], output: out, saved: [t1, t2]) { (g: Tensor) throws(TensorError) in
            [try g.sumTo(x.shape), try g.mul(t2).mul(value).sumTo(t1.shape), try g.mul(t1).mul(value).sumTo(t2.shape)]
        }
    }

    /// `torch.addcdiv(input, t1, t2, value=1)`: `input + value * t1 / t2` (fused, as `addcmul`).
    public func addcdiv(_ t1: Tensor, _ t2: Tensor, value: Scalar = .int(1)) throws(TensorError) -> Tensor {
        let x = self
        let out = try GradMode.with(false) { () throws(TensorError) in
            try x.inOpmath.add(t1.inOpmath.mul(value).div(t2.inOpmath)).materialized(Tensor.resultType([x, t1, t2]))
        }
        return Tensor.record("AddcdivBackward0", inputs: [x, t1, t2], output: out, saved: [t1, t2]) { (g: Tensor) throws(TensorError) in
            [try g.sumTo(x.shape), try g.mul(value).div(t2).sumTo(t1.shape),
             try g.mul(value).mul(t1).div(t2.mul(t2)).neg().sumTo(t2.shape)]
        }
    }

    /// `tensor.addcmul_(t1, t2, value)`.
    @discardableResult public func addcmul_(_ t1: Tensor, _ t2: Tensor, value: Scalar = .int(1)) throws(TensorError) -> Tensor {
        try applyInPlace(others: [t1, t2]) { x throws(TensorError) in
            let out = try GradMode.with(false) { () throws(TensorError) in try x.computeFusedPointwise(.addcmul(value), t1, t2) }
            return Tensor.record("AddcmulBackward0", inputs: [x, t1, t2], output: out, saved: [t1, t2]) { (g: Tensor) throws(TensorError) in
                [try g.sumTo(x.shape), try g.mul(t2).mul(value).sumTo(t1.shape), try g.mul(t1).mul(value).sumTo(t2.shape)]
            }
        }
    }

    /// `tensor.addcdiv_(t1, t2, value)`.
    @discardableResult public func addcdiv_(_ t1: Tensor, _ t2: Tensor, value: Scalar = .int(1)) throws(TensorError) -> Tensor {
        try applyInPlace(others: [t1, t2]) { x throws(TensorError) in
            let out = try GradMode.with(false) { () throws(TensorError) in try x.computeFusedPointwise(.addcdiv(value), t1, t2) }
            return Tensor.record("AddcdivBackward0", inputs: [x, t1, t2], output: out, saved: [t1, t2]) { (g: Tensor) throws(TensorError) in
                [try g.sumTo(x.shape), try g.mul(value).div(t2).sumTo(t1.shape),
                 try g.mul(value).mul(t1).div(t2.mul(t2)).neg().sumTo(t2.shape)]
            }
        }
    }

    /// `tensor.lerp_(end, weight)`.
    @discardableResult public func lerp_(_ end: Tensor, _ weight: Scalar) throws(TensorError) -> Tensor {
        try applyInPlace(others: [end]) { x throws(TensorError) in
            let out = try GradMode.with(false) { () throws(TensorError) in try x.computeFusedPointwise(.lerp(weight), end, end) }
            return Tensor.record("LerpBackward0", inputs: [x, end], output: out) { (g: Tensor) throws(TensorError) in
                [try g.mul(.double(1 - weight.doubleValue)).sumTo(x.shape), try g.mul(weight).sumTo(end.shape)]
            }
        }
    }

    /// `tensor.copy_(src)`: broadcasts and converts `src` into this tensor.
    @discardableResult public func copy_(_ src: Tensor) throws(TensorError) -> Tensor {
        _ = try Shape.broadcast(shape, src.shape)
        let b = try src.expand(shape)
        if !Tensor.needsGrad([self, src]) {
            try checkInPlace()
            try checkNoInternalOverlap()
            copyConverting(from: b, to: self)
            storage.version += 1
            return self
        }
        return try applyInPlace(others: [src]) { x throws(TensorError) in
            let out = try GradMode.with(false) { () throws(TensorError) in try b.materialized(self.dtype).clone(recording: false) }
            return Tensor.record("CopyBackwards", inputs: [x, src], output: out) { (g: Tensor) throws(TensorError) in
                [try Tensor.zerosLike(g), try g.sumTo(src.shape).to(src.dtype)]
            }
        }
    }

    /// `tensor.fill_(value)`.
    @discardableResult public func fill_(_ value: Scalar) throws(TensorError) -> Tensor {
        try checkInPlace()
        if Tensor.needsGrad([self]) || (GradMode.isEnabled && (base?.requiresGrad ?? false)) {
            return try applyInPlace { x throws(TensorError) in try x.overwritten(with: value, "FillBackward2") }
        }
        fill(self, with: value)
        storage.version += 1
        return self
    }

    /// `tensor.zero_()`.
    @discardableResult public func zero_() throws(TensorError) -> Tensor {
        try checkInPlace()
        if Tensor.needsGrad([self]) || (GradMode.isEnabled && (base?.requiresGrad ?? false)) {
            return try applyInPlace { x throws(TensorError) in try x.overwritten(with: .int(0), "ZeroBackward0") }
        }
        return try fill_(.int(0))
    }

    /// A tensor shaped like this one filled with `value`, recorded as `name` with a zero gradient.
    private func overwritten(with value: Scalar, _ name: String) throws(TensorError) -> Tensor {
        let out = try Tensor.full(shape, value, dtype: dtype)
        return Tensor.record(name, inputs: [self], output: out) { (g: Tensor) throws(TensorError) in [try Tensor.zerosLike(g)] }
    }
}
