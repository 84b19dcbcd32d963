/// Pooling with autograd: max (`MaxPool2DWithIndicesBackward0`), average
/// (`AvgPool2DBackward0`), adaptive average and adaptive max, in 2-d on `(C, H, W)` or
/// `(N, C, H, W)` inputs and in 1-d the way PyTorch builds them (unsqueeze, pool in 2-d,
/// squeeze).
extension Tensor {
    // MARK: - Max pooling

    /// `torch.nn.functional.max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1,
    /// ceil_mode=False, return_indices=True)`; an empty `stride` means the kernel size.
    public func maxPool2dWithIndices(kernel: [Int], stride: [Int] = [], padding: [Int] = [0], dilation: [Int] = [1],
                                     ceilMode: Bool = false) throws(TensorError) -> (Tensor, Tensor) {
        let g = try maxPool2dGeometry(kernel, stride, padding, dilation, ceilMode)
        let (out, indices) = try maxPoolRaw(g, adaptive: false)
        let recorded = try recordMaxPool("MaxPool2DWithIndicesBackward0", "MaxPool2DWithIndicesBackwardBackward0",
                                         out, indices, g)
        return (recorded, indices)
    }

    /// `F.max_pool2d(...)` without indices (computed only when autograd needs them).
    public func maxPool2d(kernel: [Int], stride: [Int] = [], padding: [Int] = [0], dilation: [Int] = [1],
                          ceilMode: Bool = false) throws(TensorError) -> Tensor {
        if Tensor.needsGrad([self]) {
            return try maxPool2dWithIndices(kernel: kernel, stride: stride, padding: padding, dilation: dilation,
                                            ceilMode: ceilMode).0
        }
        let g = try maxPool2dGeometry(kernel, stride, padding, dilation, ceilMode)
        return try maxPoolValues(g)
    }

    private func maxPool2dGeometry(_ kernel: [Int], _ stride: [Int], _ padding: [Int], _ dilation: [Int],
                                   _ ceil: Bool) throws(TensorError) -> PoolGeometry {
        let (k, s, p, d) = try PoolingChecks.pairs("max_pool2d", kernel: kernel, stride: stride, padding: padding, dilation: dilation)
        guard dim == 3 || dim == 4 else { throw .runtime("non-empty 3D or 4D (batch mode) tensor expected for input") }
        let g = try PoolingChecks.geometry2d(self, kernel: k, stride: s, padding: p, dilation: d, ceil: ceil)
        if dtype == .bool { throw TensorError(.notImplemented, "\"max_pool2d\" not implemented for 'Bool'") }
        return g
    }

    /// `F.max_pool1d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False)`.
    public func maxPool1d(kernel: [Int], stride: [Int] = [], padding: [Int] = [0], dilation: [Int] = [1],
                          ceilMode: Bool = false) throws(TensorError) -> Tensor {
        try PoolingChecks.checkMaxPool1d(self, kernel: kernel, stride: stride, padding: padding, dilation: dilation, ceil: ceilMode)
        return try maxPool1dWithIndices(kernel: kernel, stride: stride, padding: padding, dilation: dilation, ceilMode: ceilMode).0
    }

    /// `F.max_pool1d(..., return_indices=True)` (`torch.max_pool1d_with_indices`).
    public func maxPool1dWithIndices(kernel: [Int], stride: [Int] = [], padding: [Int] = [0], dilation: [Int] = [1],
                                     ceilMode: Bool = false) throws(TensorError) -> (Tensor, Tensor) {
        let stride = stride.isEmpty ? kernel : stride
        try PoolingChecks.checkDims1d(self, "max_pool1d")
        for (name, v) in [("kernel_size", kernel), ("stride", stride), ("padding", padding), ("dilation", dilation)] {
            try PoolingChecks.check1d("max_pool1d", name, v)
        }
        let (out, indices) = try unsqueeze(-2).maxPool2dWithIndices(kernel: [1, kernel[0]], stride: [1, stride[0]],
                                                                     padding: [0, padding[0]], dilation: [1, dilation[0]],
                                                                     ceilMode: ceilMode)
        return (try out.squeeze(-2), try indices.squeeze(-2))
    }

    // MARK: - Adaptive max pooling

    /// `F.adaptive_max_pool2d(input, output_size, return_indices=True)`.
    public func adaptiveMaxPool2d(_ size: [Int]) throws(TensorError) -> (Tensor, Tensor) {
        guard dim == 3 || dim == 4 else {
            throw .runtime("adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: \(Shape.format(shape))")
        }
        for i in 1..<dim where shape[i] <= 0 {
            throw .runtime("adaptive_max_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes \(Shape.format(shape)) with dimension \(i) being empty")
        }
        guard size.count == 2 else { throw .runtime("adaptive_max_pool2d(): internal error: output_size.size() must be 2") }
        if size[0] < 0 || size[1] < 0 {
            throw .runtime("Trying to create tensor with negative dimension \(size[0] < 0 ? size[0] : size[1]): \(Shape.format(PoolingChecks.outputShape(self, size[0], size[1])))")
        }
        if !dtype.isFloatingPoint {
            throw TensorError(.notImplemented, "\"adaptive_max_pool2d\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let g = adaptiveGeometry(size)
        let (out, indices) = try maxPoolRaw(g, adaptive: true)
        let recorded = try recordMaxPool("AdaptiveMaxPool2DBackward0", "AdaptiveMaxPool2DBackwardBackward0", out, indices, g)
        return (recorded, indices)
    }

    /// `F.adaptive_max_pool1d(input, output_size, return_indices=True)`.
    public func adaptiveMaxPool1d(_ size: [Int]) throws(TensorError) -> (Tensor, Tensor) {
        try PoolingChecks.checkDims1d(self, "adaptive_max_pool1d")
        try PoolingChecks.check1d("adaptive_max_pool1d", "output_size", size)
        let (out, indices) = try unsqueeze(-2).adaptiveMaxPool2d([1, size[0]])
        return (try out.squeeze(-2), try indices.squeeze(-2))
    }

    // MARK: - Average pooling

    /// `F.avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False,
    /// count_include_pad=True, divisor_override=None)`.
    public func avgPool2d(kernel: [Int], stride: [Int] = [], padding: [Int] = [0], ceilMode: Bool = false,
                          countIncludePad: Bool = true, divisorOverride: Int? = nil) throws(TensorError) -> Tensor {
        let (k, s, p, _) = try PoolingChecks.pairs("avg_pool2d", kernel: kernel, stride: stride, padding: padding, dilation: nil)
        if divisorOverride == 0 { throw .runtime("divisor must be not zero") }
        _ = try normalizeDim(-3)
        let g = try PoolingChecks.geometry2d(self, kernel: k, stride: s, padding: p, dilation: (1, 1), ceil: ceilMode)
        // Integer average pooling exists for int64 only (64-bit sums, truncating division).
        if !dtype.isFloatingPoint && dtype != .int64 {
            throw TensorError(.notImplemented, "\"avg_pool2d\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let options = AvgPoolOptions(countIncludePad: countIncludePad, divisorOverride: divisorOverride)
        let outShape = PoolingChecks.outputShape(self, g.outH, g.outW)
        let out: Tensor
        if dtype == .int64 {
            out = try Tensor(uninitializedShape: outShape, dtype: dtype, zeroed: false)
            avgPoolForwardIntegral(g, options, input: poolView(Int64.self), output: out.basePointer(Int64.self))
        } else {
            let x = try widenedForKernel()
            let raw = try Tensor(uninitializedShape: outShape, dtype: x.dtype, zeroed: false)
            struct Run: FloatVisitor {
                let x: Tensor, out: Tensor, g: PoolGeometry, options: AvgPoolOptions
                func visit<T: FloatElement>(_: T.Type) {
                    avgPoolForward(g, options, input: x.poolView(T.self), output: out.basePointer(T.self))
                }
            }
            try x.dtype.visitFloat(Run(x: x, out: raw, g: g, options: options))
            out = try Tensor.narrowed(raw, to: dtype)
        }
        let inputShape = shape
        return Tensor.record("AvgPool2DBackward0", inputs: [self], output: out, saved: [self]) { (grad: Tensor) throws(TensorError) in
            [try Tensor.avgPoolGradient(grad, g, options, inputShape: inputShape, kernel: kernel, stride: stride,
                                        padding: padding, ceilMode: ceilMode)]
        }
    }

    /// `F.avg_pool1d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True)`.
    public func avgPool1d(kernel: [Int], stride: [Int] = [], padding: [Int] = [0], ceilMode: Bool = false,
                          countIncludePad: Bool = true) throws(TensorError) -> Tensor {
        let stride = stride.isEmpty ? kernel : stride
        try PoolingChecks.checkDims1d(self, "avg_pool1d")
        for (name, v) in [("kernel_size", kernel), ("stride", stride), ("padding", padding)] {
            try PoolingChecks.check1d("avg_pool1d", name, v)
        }
        return try unsqueeze(-2).avgPool2d(kernel: [1, kernel[0]], stride: [1, stride[0]], padding: [0, padding[0]],
                                           ceilMode: ceilMode, countIncludePad: countIncludePad).squeeze(-2)
    }

    /// `avg_pool2d_backward`; its own gradient is `avg_pool2d` again (`AvgPool2DBackwardBackward0`).
    private static func avgPoolGradient(_ grad: Tensor, _ g: PoolGeometry, _ options: AvgPoolOptions, inputShape: [Int],
                                        kernel: [Int], stride: [Int], padding: [Int], ceilMode: Bool) throws(TensorError) -> Tensor {
        let gin = try Tensor(uninitializedShape: inputShape, dtype: grad.dtype, zeroed: false)
        struct Run: FloatVisitor {
            let grad: Tensor, gin: Tensor, g: PoolGeometry, options: AvgPoolOptions
            func visit<T: FloatElement>(_: T.Type) {
                avgPoolBackward(g, options, gradOutput: grad.poolView(T.self), gradInput: gin.basePointer(T.self))
            }
        }
        try grad.dtype.visitFloat(Run(grad: grad, gin: gin, g: g, options: options))
        return record("AvgPool2DBackwardBackward0", inputs: [grad], output: gin) { (gg: Tensor) throws(TensorError) in
            [try gg.avgPool2d(kernel: kernel, stride: stride, padding: padding, ceilMode: ceilMode,
                              countIncludePad: options.countIncludePad, divisorOverride: options.divisorOverride)]
        }
    }

    // MARK: - Adaptive average pooling

    /// `F.adaptive_avg_pool2d(input, output_size)`; an output of 1×1 is the mean over the last
    /// two dimensions (`MeanBackward1`), as in PyTorch.
    public func adaptiveAvgPool2d(_ size: [Int]) throws(TensorError) -> Tensor {
        guard size.count == 2 else { throw .runtime("adaptive_avg_pool2d: output_size must be 2") }
        guard size[0] >= 0 && size[1] >= 0 else {
            throw .runtime("adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {\(size[0]), \(size[1])}")
        }
        if size == [1, 1] { return try mean(dims: [-1, -2], keepdim: true) }
        guard dim == 3 || dim == 4 else {
            throw .runtime("adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got \(Shape.format(shape))")
        }
        for i in [-2, -1] where shape[dim + i] <= 0 {
            throw .runtime("adaptive_avg_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes \(Shape.format(shape)) with dimension \(dim + i) being empty")
        }
        if !dtype.isFloatingPoint {
            throw TensorError(.notImplemented, "\"adaptive_avg_pool2d\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let g = adaptiveGeometry(size)
        let x = try widenedForKernel()
        let raw = try Tensor(uninitializedShape: PoolingChecks.outputShape(self, g.outH, g.outW), dtype: x.dtype, zeroed: false)
        struct Run: FloatVisitor {
            let x: Tensor, out: Tensor, g: PoolGeometry
            func visit<T: FloatElement>(_: T.Type) {
                adaptiveAvgPoolForward(g, input: x.poolView(T.self), output: out.basePointer(T.self))
            }
        }
        try x.dtype.visitFloat(Run(x: x, out: raw, g: g))
        let out = try Tensor.narrowed(raw, to: dtype)
        let inputShape = shape
        return Tensor.record("AdaptiveAvgPool2DBackward0", inputs: [self], output: out, saved: [self]) { (grad: Tensor) throws(TensorError) in
            [try Tensor.adaptiveAvgPoolGradient(grad, g, inputShape: inputShape)]
        }
    }

    /// `F.adaptive_avg_pool1d(input, output_size)`.
    public func adaptiveAvgPool1d(_ size: [Int]) throws(TensorError) -> Tensor {
        try PoolingChecks.checkDims1d(self, "adaptive_avg_pool1d")
        try PoolingChecks.check1d("adaptive_avg_pool1d", "output_size", size)
        return try unsqueeze(-2).adaptiveAvgPool2d([1, size[0]]).squeeze(-2)
    }

    /// `_adaptive_avg_pool2d_backward`; its own gradient is the pooling again.
    private static func adaptiveAvgPoolGradient(_ grad: Tensor, _ g: PoolGeometry, inputShape: [Int]) throws(TensorError) -> Tensor {
        let gin = try Tensor(uninitializedShape: inputShape, dtype: grad.dtype, zeroed: false)
        struct Run: FloatVisitor {
            let grad: Tensor, gin: Tensor, g: PoolGeometry
            func visit<T: FloatElement>(_: T.Type) {
                adaptiveAvgPoolBackward(g, gradOutput: grad.poolView(T.self), gradInput: gin.basePointer(T.self))
            }
        }
        try grad.dtype.visitFloat(Run(grad: grad, gin: gin, g: g))
        let size = [g.outH, g.outW]
        return record("AdaptiveAvgPool2DBackwardBackward0", inputs: [grad], output: gin) { (gg: Tensor) throws(TensorError) in
            [try gg.adaptiveAvgPool2d(size)]
        }
    }

    // MARK: - Shared

    /// The geometry of adaptive pooling of this 3-d or 4-d tensor to `size`.
    private func adaptiveGeometry(_ size: [Int]) -> PoolGeometry {
        PoolGeometry(batch: dim == 4 ? shape[0] : 1, channels: shape[dim - 3], inH: shape[dim - 2], inW: shape[dim - 1],
                     outH: size[0], outW: size[1])
    }

    /// Max or adaptive max pooling without autograd: values and indices.
    private func maxPoolRaw(_ g: PoolGeometry, adaptive: Bool) throws(TensorError) -> (Tensor, Tensor) {
        let outShape = PoolingChecks.outputShape(self, g.outH, g.outW)
        let out = try Tensor(uninitializedShape: outShape, dtype: dtype, zeroed: false)
        let indices = try Tensor(uninitializedShape: outShape, dtype: .int64, zeroed: false)
        try runMaxPool(g, adaptive: adaptive, out, indices)
        return (out, indices)
    }

    /// Max pooling values only (inference: no indices to write).
    private func maxPoolValues(_ g: PoolGeometry) throws(TensorError) -> Tensor {
        let out = try Tensor(uninitializedShape: PoolingChecks.outputShape(self, g.outH, g.outW), dtype: dtype, zeroed: false)
        try runMaxPool(g, adaptive: false, out, nil)
        return out
    }

    private func runMaxPool(_ g: PoolGeometry, adaptive: Bool, _ out: Tensor, _ indices: Tensor?) throws(TensorError) {
        struct Run: DTypeVisitor {
            let x: Tensor, out: Tensor, indices: Tensor?, g: PoolGeometry, adaptive: Bool
            func visit<T: ArithmeticElement>(_: T.Type) {
                maxPoolForward(g, adaptive: adaptive, input: x.poolView(T.self), output: out.basePointer(T.self),
                               indices: indices?.basePointer(Int64.self))
            }
        }
        try dtype.visit(Run(x: self, out: out, indices: indices, g: g, adaptive: adaptive))
    }

    /// Records a max pooling output (node `name`) whose gradient is scattered to `indices`
    /// (node `backwardName` under `create_graph=True`).
    private func recordMaxPool(_ name: String, _ backwardName: String, _ out: Tensor, _ indices: Tensor,
                               _ g: PoolGeometry) throws(TensorError) -> Tensor {
        let inputShape = shape
        return Tensor.record(name, inputs: [self], output: out, saved: [self, indices]) { (grad: Tensor) throws(TensorError) in
            [try Tensor.maxPoolGradient(grad, indices: indices, g, inputShape: inputShape, name: backwardName)]
        }
    }

    /// `max_pool2d_with_indices_backward`. Its own gradient gathers at the indices, as
    /// PyTorch's `max_pool_double_backward` does (view, gather, view).
    private static func maxPoolGradient(_ grad: Tensor, indices: Tensor, _ g: PoolGeometry, inputShape: [Int],
                                        name: String) throws(TensorError) -> Tensor {
        let gin = try Tensor(uninitializedShape: inputShape, dtype: grad.dtype, zeroed: false)
        struct Run: FloatVisitor {
            let grad: Tensor, indices: Tensor, gin: Tensor, g: PoolGeometry
            func visit<T: FloatElement>(_: T.Type) {
                maxPoolBackward(g, gradOutput: grad.poolView(T.self), indices: indices.basePointer(Int64.self),
                                gradInput: gin.basePointer(T.self))
            }
        }
        try grad.dtype.visitFloat(Run(grad: grad, indices: indices, gin: gin, g: g))
        return record(name, inputs: [grad], output: gin) { (gg: Tensor) throws(TensorError) in
            [try gg.flatten(startDim: -2).gather(-1, indices.flatten(startDim: -2)).view(indices.shape)]
        }
    }

    /// This 3-d (`C, H, W`) or 4-d tensor as the pooling kernels' 4-d view (batch stride 0 when 3-d).
    func poolView<T>(_: T.Type) -> StridedView4<T> {
        let p = UnsafePointer(storage.pointer(as: T.self) + offset)
        if dim == 4 { return StridedView4(base: p, s0: strides[0], s1: strides[1], s2: strides[2], s3: strides[3]) }
        return StridedView4(base: p, s0: 0, s1: strides[0], s2: strides[1], s3: strides[2])
    }
}
