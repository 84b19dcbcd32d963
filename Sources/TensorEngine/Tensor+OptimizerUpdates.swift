/// Fused in-place parameter updates of the optimizers: one call per parameter runs PyTorch's
/// whole single-tensor update chain in one pass, with PyTorch's roundings
/// (Note [Optimizer arithmetic]).
///
/// The coefficients are the per-step values PyTorch's `_single_tensor_*` functions compute in
/// Python doubles (bias corrections, decayed learning rates); NeuralNet's optimizers derive
/// them. Updates run without autograd, as under `torch.no_grad()`, and bump the version
/// counter of every tensor they write.
extension Tensor {
    /// One SGD update of this parameter (`_single_tensor_sgd`).
    ///
    /// - Returns: the momentum buffer: `momentumBuffer`, or a new one (the first step's
    ///   gradient) when momentum is non-zero and none was given; nil without momentum.
    public func sgdUpdate_(grad: Tensor, momentumBuffer: Tensor?, _ c: SGDCoefficients) throws(TensorError) -> Tensor? {
        let dtype = try optimizerDType()
        let usesBuffer = c.momentum != 0
        var buffer = momentumBuffer
        if usesBuffer && buffer == nil { buffer = try Tensor(uninitializedShape: shape, dtype: dtype) }
        if !usesBuffer { buffer = nil }
        try checkOptimizerState([buffer])
        try FusedUpdate(param: self, grad: grad, state: [buffer]).run { (n, p, g, state) in
            switch dtype {
            case .float64:
                sgdKernel(SIMD8<Double>.self, n, param: p(Double.self), grad: g(Double.self), buffer: state[0]?(Double.self),
                          bufferIsNew: momentumBuffer == nil, c.scalars(Double.self))
            default:
                sgdKernel(SIMD16<Float>.self, n, param: p(Float.self), grad: g(Float.self), buffer: state[0]?(Float.self),
                          bufferIsNew: momentumBuffer == nil, c.scalars(Float.self))
            }
        }
        return buffer
    }

    /// One Adam or AdamW update of this parameter (`_single_tensor_adam`); `maxExpAvgSq` is
    /// required with amsgrad.
    public func adamUpdate_(grad: Tensor, expAvg: Tensor, expAvgSq: Tensor, maxExpAvgSq: Tensor?,
                            _ c: AdamCoefficients) throws(TensorError) {
        let dtype = try optimizerDType()
        guard !c.amsgrad || maxExpAvgSq != nil else { throw .runtime("adam update: amsgrad needs max_exp_avg_sq") }
        try checkOptimizerState([expAvg, expAvgSq, c.amsgrad ? maxExpAvgSq : nil])
        try FusedUpdate(param: self, grad: grad, state: [expAvg, expAvgSq, c.amsgrad ? maxExpAvgSq : nil]).run { (n, p, g, state) in
            switch dtype {
            case .float64:
                adamKernel(SIMD8<Double>.self, n, param: p(Double.self), grad: g(Double.self), expAvg: state[0]!(Double.self),
                           expAvgSq: state[1]!(Double.self), maxExpAvgSq: state[2]?(Double.self), c.scalars(Double.self))
            default:
                adamKernel(SIMD16<Float>.self, n, param: p(Float.self), grad: g(Float.self), expAvg: state[0]!(Float.self),
                           expAvgSq: state[1]!(Float.self), maxExpAvgSq: state[2]?(Float.self), c.scalars(Float.self))
            }
        }
    }

    /// One RMSprop update of this parameter (`_single_tensor_rmsprop`); `gradAvg` is required
    /// when centered, `momentumBuffer` when momentum > 0.
    public func rmspropUpdate_(grad: Tensor, squareAvg: Tensor, gradAvg: Tensor?, momentumBuffer: Tensor?,
                               _ c: RMSpropCoefficients) throws(TensorError) {
        let dtype = try optimizerDType()
        guard !c.centered || gradAvg != nil else { throw .runtime("rmsprop update: centered needs grad_avg") }
        guard c.momentum <= 0 || momentumBuffer != nil else { throw .runtime("rmsprop update: momentum needs momentum_buffer") }
        let state = [squareAvg, c.centered ? gradAvg : nil, c.momentum > 0 ? momentumBuffer : nil]
        try checkOptimizerState(state)
        try FusedUpdate(param: self, grad: grad, state: state).run { (n, p, g, state) in
            switch dtype {
            case .float64:
                rmspropKernel(SIMD8<Double>.self, n, param: p(Double.self), grad: g(Double.self), squareAvg: state[0]!(Double.self),
                              gradAvg: state[1]?(Double.self), buffer: state[2]?(Double.self), c.scalars(Double.self))
            default:
                rmspropKernel(SIMD16<Float>.self, n, param: p(Float.self), grad: g(Float.self), squareAvg: state[0]!(Float.self),
                              gradAvg: state[1]?(Float.self), buffer: state[2]?(Float.self), c.scalars(Float.self))
            }
        }
    }

    /// One Adagrad update of this parameter (`_single_tensor_adagrad`, dense gradients).
    public func adagradUpdate_(grad: Tensor, sum: Tensor, _ c: AdagradCoefficients) throws(TensorError) {
        let dtype = try optimizerDType()
        try checkOptimizerState([sum])
        try FusedUpdate(param: self, grad: grad, state: [sum]).run { (n, p, g, state) in
            switch dtype {
            case .float64:
                adagradKernel(SIMD8<Double>.self, n, param: p(Double.self), grad: g(Double.self), sum: state[0]!(Double.self), c.scalars(Double.self))
            default:
                adagradKernel(SIMD16<Float>.self, n, param: p(Float.self), grad: g(Float.self), sum: state[0]!(Float.self), c.scalars(Float.self))
            }
        }
    }

    // MARK: - Checks

    private func optimizerDType() throws(TensorError) -> DType {
        guard dtype.isFloatingPoint else {
            throw .runtime("optimizers update floating-point parameters only, got one of dtype \(dtype.scalarTypeName)")
        }
        return dtype
    }

    /// Every state tensor must have the parameter's shape (PyTorch would fail to broadcast).
    private func checkOptimizerState(_ state: [Tensor?]) throws(TensorError) {
        for case let t? in state where t.shape != shape {
            throw .runtime("optimizer state of shape \(Shape.format(t.shape)) does not match its parameter of shape \(Shape.format(shape))")
        }
    }
}

/// Runs a kernel over a parameter, its gradient and its state tensors as contiguous buffers
/// of the parameter's dtype, copying through temporaries where a tensor is strided or of
/// another dtype, and splitting long tensors across threads (each element is independent).
private struct FusedUpdate {
    let param: Tensor, grad: Tensor, state: [Tensor?]

    func run(_ body: (Int, TypedPointer, TypedPointer, [TypedPointer?]) -> Void) throws(TensorError) {
        if grad.shape != param.shape {
            throw .runtime("gradient of shape \(Shape.format(grad.shape)) does not match its parameter of shape \(Shape.format(param.shape))")
        }
        let dtype = param.dtype
        let written = [param] + state
        let working = try written.map { (t) throws(TensorError) -> Tensor? in try t.map { (t) throws(TensorError) in try t.materialized(dtype) } }
        let g = try grad.materialized(dtype)
        let n = param.numel
        parallelRanges(n) { start, end in
            body(end - start, TypedPointer(working[0]!, start), TypedPointer(g, start),
                 working.dropFirst().map { $0.map { TypedPointer($0, start) } })
        }
        for (original, copy) in zip(written, working) {
            guard let original, let copy else { continue }
            if copy !== original { copyConverting(from: copy, to: original) }
            original.storage.version += 1
        }
    }
}

/// A contiguous buffer's start, typed on demand by the dtype branch of a kernel call.
private struct TypedPointer {
    let tensor: Tensor, start: Int

    init(_ tensor: Tensor, _ start: Int) {
        self.tensor = tensor
        self.start = start
    }

    func callAsFunction<T: TensorElement>(_: T.Type) -> UnsafeMutablePointer<T> { tensor.basePointer(T.self) + start }
}
