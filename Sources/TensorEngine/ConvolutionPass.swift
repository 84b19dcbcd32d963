/// The three convolution passes on tensors, without autograd: dtype dispatch and
/// output allocation around the kernels of `ConvolutionKernels.swift`. Integer
/// convolutions (which PyTorch allows) run in float64 and convert back, exact for
/// any result below 2^53; float16 runs in float32 (Note [Half precision in kernels]).
enum ConvolutionPass {
    /// The forward pass of `g`: `[batch, outChannels, (outH,) outW]` in `shape`.
    static func forward(_ x: Tensor, weight: Tensor, bias: Tensor?, _ g: ConvGeometry,
                        shape: [Int]) throws(TensorError) -> Tensor {
        try run(x.dtype, [x, weight] + (bias.map { [$0] } ?? [])) { (t, ops) throws(TensorError) in
            try forward(t, ops[0], ops[1], ops.count > 2 ? ops[2] : nil, g, shape)
        }
    }

    /// The input gradient of `g` (the forward pass of a transposed convolution), plus `bias`.
    static func inputGradient(_ dy: Tensor, weight: Tensor, bias: Tensor?, _ g: ConvGeometry,
                              shape: [Int]) throws(TensorError) -> Tensor {
        try run(dy.dtype, [dy, weight] + (bias.map { [$0] } ?? [])) { (t, ops) throws(TensorError) in
            try inputGradient(t, ops[0], ops[1], ops.count > 2 ? ops[2] : nil, g, shape)
        }
    }

    /// The weight gradient of `g` and, when `bias` is set, the bias gradient (sums of `dy`).
    static func weightGradient(_ dy: Tensor, input x: Tensor, _ g: ConvGeometry, shape: [Int],
                               bias: Bool) throws(TensorError) -> (Tensor, Tensor?) {
        var biasGrad: Tensor?
        let w = try run(dy.dtype, [dy, x]) { (t, ops) throws(TensorError) in
            let (w, b) = try weightGradient(t, ops[0], ops[1], g, shape, bias)
            biasGrad = b
            return w
        }
        if let b = biasGrad, b.dtype != dy.dtype { biasGrad = try b.to(dy.dtype) }
        return (w, biasGrad)
    }

    // MARK: - Dispatch

    private enum Kind { case float, double }

    /// Runs `body` in the kernels' element type: float32 and float64 as they are, float16
    /// in float32 and integers in float64, with the result converted back.
    private static func run(_ dtype: DType, _ operands: [Tensor],
                            _ body: (Kind, [Tensor]) throws(TensorError) -> Tensor) throws(TensorError) -> Tensor {
        switch dtype {
        case .float32: return try body(.float, operands)
        case .float64: return try body(.double, operands)
        case .float16:
            let wide = try operands.map { (t) throws(TensorError) in try t.widenedForKernel() }
            return try Tensor.narrowed(try body(.float, wide), to: dtype)
        default:
            let converted = try GradMode.with(false) { () throws(TensorError) in try operands.map { (t) throws(TensorError) in try t.to(.float64) } }
            let result = try body(.double, converted)
            return try GradMode.with(false) { () throws(TensorError) in try result.to(dtype) }
        }
    }

    private static func forward(_ kind: Kind, _ x: Tensor, _ w: Tensor, _ b: Tensor?, _ g: ConvGeometry,
                                _ shape: [Int]) throws(TensorError) -> Tensor {
        let out = try Tensor(uninitializedShape: shape, dtype: x.dtype, zeroed: false)
        func typed<T: ConvElement>(_: T.Type) {
            withExtendedLifetime((x, w, b)) {
                convolutionForward(g, input: x.convView(T.self), weight: w.convView(T.self), bias: b?.vectorView(T.self),
                                   output: out.basePointer(T.self))
            }
        }
        if kind == .float { typed(Float.self) } else { typed(Double.self) }
        return out
    }

    private static func inputGradient(_ kind: Kind, _ dy: Tensor, _ w: Tensor, _ b: Tensor?, _ g: ConvGeometry,
                                      _ shape: [Int]) throws(TensorError) -> Tensor {
        let out = try Tensor(uninitializedShape: shape, dtype: dy.dtype, zeroed: false)
        func typed<T: ConvElement>(_: T.Type) {
            withExtendedLifetime((dy, w, b)) {
                convolutionBackwardInput(g, gradOutput: dy.convView(T.self), weight: w.convView(T.self),
                                         bias: b?.vectorView(T.self), gradInput: out.basePointer(T.self))
            }
        }
        if kind == .float { typed(Float.self) } else { typed(Double.self) }
        return out
    }

    private static func weightGradient(_ kind: Kind, _ dy: Tensor, _ x: Tensor, _ g: ConvGeometry, _ shape: [Int],
                                       _ bias: Bool) throws(TensorError) -> (Tensor, Tensor?) {
        let out = try Tensor(uninitializedShape: shape, dtype: dy.dtype, zeroed: false)
        let b = bias ? try Tensor(uninitializedShape: [g.outChannels], dtype: dy.dtype, zeroed: false) : nil
        func typed<T: ConvElement>(_: T.Type) {
            withExtendedLifetime((dy, x)) {
                convolutionBackwardWeight(g, gradOutput: dy.convView(T.self), input: x.convView(T.self),
                                          gradWeight: out.basePointer(T.self), gradBias: b?.basePointer(T.self))
            }
        }
        if kind == .float { typed(Float.self) } else { typed(Double.self) }
        return (out, b)
    }
}

extension Tensor {
    /// This 3-d (`N, C, L`) or 4-d tensor as the kernels' 4-d strided view (a 3-d tensor gets height 1).
    func convView<T>(_: T.Type) -> StridedView4<T> {
        let p = UnsafePointer(storage.pointer(as: T.self) + offset)
        if dim == 4 { return StridedView4(base: p, s0: strides[0], s1: strides[1], s2: strides[2], s3: strides[3]) }
        return StridedView4(base: p, s0: strides[0], s1: strides[1], s2: 0, s3: strides[2])
    }

    /// This 1-d tensor as a pointer and a stride.
    func vectorView<T>(_: T.Type) -> (pointer: UnsafePointer<T>, stride: Int) {
        (UnsafePointer(storage.pointer(as: T.self) + offset), strides[0])
    }
}
