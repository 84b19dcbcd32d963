/// Upsampling (`F.interpolate`'s ATen ops) with autograd: nearest (`UpsampleNearest2DBackward0`),
/// nearest-exact, linear (1-d) and bilinear (2-d), on `(N, C, W)` and `(N, C, H, W)` inputs.
extension Tensor {
    /// The interpolation modes the engine implements.
    public enum UpsampleMode: String, Sendable {
        case nearest
        case nearestExact = "nearest-exact"
        /// `linear` on 3-d inputs, `bilinear` on 4-d inputs.
        case linear
    }

    /// `torch._C._nn.upsample_{nearest,linear}{1,2}d(input, output_size, [align_corners,] scale_factors)`:
    /// exactly one of `outputSize` and `scaleFactors`, one entry per spatial dimension.
    public func upsample(_ mode: UpsampleMode, outputSize: [Int]?, scaleFactors: [Double]?,
                         alignCorners: Bool = false) throws(TensorError) -> Tensor {
        guard (outputSize == nil) != (scaleFactors == nil) else {
            throw .runtime("Must specify exactly one of output_size and scale_factors")
        }
        let spatial = dim - 2
        var size: [Int] = []
        if let outputSize {
            guard outputSize.count == spatial else { throw .runtime("It is expected output_size equals to \(Swift.max(spatial, 1)), but got size \(outputSize.count)") }
            size = outputSize
        } else if let scaleFactors {
            guard scaleFactors.count == spatial else { throw .runtime("It is expected output_size equals to \(Swift.max(spatial, 1)), but got size \(scaleFactors.count)") }
            for (i, s) in scaleFactors.enumerated() {
                let v = Double(shape[i + 2]) * s
                guard v.isFinite, v.magnitude < 9.2e18 else {
                    throw .runtime("value cannot be converted to type int64_t without overflow")
                }
                size.append(Int(v))
            }
        }
        let names = spatial == 1 ? ["W"] : ["H", "W"]
        guard spatial == 1 || spatial == 2 else {
            throw .runtime("It is expected input_size equals to 4, but got size \(dim)")
        }
        let inSizes = Array(shape.suffix(spatial))
        if inSizes.contains(where: { $0 <= 0 }) || size.contains(where: { $0 <= 0 }) {
            let input = zip(names, inSizes).map { "\($0): \($1)" }.joined(separator: ", ")
            let output = zip(names, size).map { "\($0): \($1)" }.joined(separator: ", ")
            let joiner = spatial == 1 ? " and output" : " output"
            throw .runtime("Input and output sizes should be greater than 0, but got input (\(input))\(joiner) (\(output))")
        }
        // Floating point, and uint8 images except for 1-d linear, as PyTorch's CPU kernels.
        if !dtype.isFloatingPoint && !(dtype == .uint8 && (mode != .linear || spatial == 2)) {
            // The name of the CPU kernel that rejects the dtype.
            let kernel = spatial == 2 ? (mode == .linear ? "upsample_bilinear2d" : "upsample_nearest2d") + "_channels_last"
                : "compute_indices_weights_" + (mode == .linear ? "linear" : "nearest")
            throw TensorError(.notImplemented, "\"\(kernel)\" not implemented for '\(dtype.scalarTypeName)'")
        }
        if dtype == .uint8 && mode == .linear {
            throw TensorError(.notImplemented, "bilinear upsampling of uint8 images is not available in pytorch-tutor (convert to float first)")
        }
        let scales = scaleFactors ?? []
        func scale(_ i: Int) -> Double? { i < scales.count ? scales[i] : nil }
        let x = try widenedForKernel()
        let raw = try Tensor(uninitializedShape: Array(shape.prefix(2)) + size, dtype: x.dtype, zeroed: false)
        let inputShape = shape
        struct Run: FloatVisitor {
            let x: Tensor, out: Tensor, mode: UpsampleMode, size: [Int], scales: [Double?], alignCorners: Bool
            func visit<T: FloatElement>(_: T.Type) {
                let (kind, h, w): (ResampleKind, ResampleAxis<T>, ResampleAxis<T>) = Tensor.resampleAxes(
                    mode, inSizes: Array(x.shape.dropFirst(2)), size: size, scales: scales, alignCorners: alignCorners)
                let view = x.dim == 3 ? x.convView(T.self) : x.poolView(T.self)
                resampleForward(kind, channels: x.shape[1], planes: x.shape[0] * x.shape[1], h: h, w: w, input: view,
                                output: out.basePointer(T.self))
            }
        }
        let scaleList = (0..<spatial).map(scale)
        if raw.numel > 0 {
            try x.dtype.visitFloat(Run(x: x, out: raw, mode: mode, size: size, scales: scaleList, alignCorners: alignCorners))
        }
        let out = try Tensor.narrowed(raw, to: dtype)
        let node = Tensor.upsampleNodeName(mode, spatial: spatial)
        return Tensor.record(node + "Backward0", inputs: [self], output: out) { (g: Tensor) throws(TensorError) in
            [try Tensor.upsampleBackward(g, mode, inputShape: inputShape, size: size, scales: scaleList,
                                         alignCorners: alignCorners, name: node + "BackwardBackward0") { (gg: Tensor) throws(TensorError) in
                try gg.upsample(mode, outputSize: scaleFactors == nil ? size : nil, scaleFactors: scaleFactors,
                                alignCorners: alignCorners)
            }]
        }
    }

    /// PyTorch's node name stem: `UpsampleNearest2D`, `UpsampleNearestExact1D`, `UpsampleBilinear2D`...
    private static func upsampleNodeName(_ mode: UpsampleMode, spatial: Int) -> String {
        switch mode {
        case .nearest: "UpsampleNearest\(spatial)D"
        case .nearestExact: "UpsampleNearestExact\(spatial)D"
        case .linear: spatial == 1 ? "UpsampleLinear1D" : "UpsampleBilinear2D"
        }
    }

    /// The source positions and weights along H (identity for 1-d) and W.
    fileprivate static func resampleAxes<T: FloatElement>(_ mode: UpsampleMode, inSizes: [Int], size: [Int], scales: [Double?],
                                                          alignCorners: Bool) -> (ResampleKind, ResampleAxis<T>, ResampleAxis<T>) {
        let spatial = inSizes.count
        func axis(_ i: Int) -> ResampleAxis<T> {
            switch mode {
            case .nearest: .nearest(input: inSizes[i], output: size[i], scale: scales[i], exact: false)
            case .nearestExact: .nearest(input: inSizes[i], output: size[i], scale: scales[i], exact: true)
            case .linear: .linear(input: inSizes[i], output: size[i], scale: scales[i], alignCorners: alignCorners)
            }
        }
        let w = axis(spatial - 1)
        let h = spatial == 2 ? axis(0) : ResampleAxis<T>(i0: [0], i1: [0], w0: [1], w1: [0])
        let kind: ResampleKind = mode == .linear ? (spatial == 1 ? .linear : .bilinear) : .nearest
        return (kind, h, w)
    }

    /// The gradient of an upsampling; its own gradient is the upsampling again (`forward`).
    private static func upsampleBackward(_ g: Tensor, _ mode: UpsampleMode, inputShape: [Int], size: [Int], scales: [Double?],
                                         alignCorners: Bool, name: String,
                                         forward: @escaping (Tensor) throws(TensorError) -> Tensor) throws(TensorError) -> Tensor {
        let wide = try g.widenedForKernel()
        let raw = try Tensor(uninitializedShape: inputShape, dtype: wide.dtype, zeroed: false)
        struct Run: FloatVisitor {
            let g: Tensor, gin: Tensor, mode: UpsampleMode, size: [Int], scales: [Double?], alignCorners: Bool
            func visit<T: FloatElement>(_: T.Type) {
                let inSizes = Array(gin.shape.dropFirst(2))
                let (kind, h, w): (ResampleKind, ResampleAxis<T>, ResampleAxis<T>) = Tensor.resampleAxes(
                    mode, inSizes: inSizes, size: size, scales: scales, alignCorners: alignCorners)
                let view = g.dim == 3 ? g.convView(T.self) : g.poolView(T.self)
                resampleBackward(kind, channels: gin.shape[1], planes: gin.shape[0] * gin.shape[1],
                                 inH: inSizes.count == 2 ? inSizes[0] : 1, inW: inSizes[inSizes.count - 1], h: h, w: w,
                                 gradOutput: view, gradInput: gin.basePointer(T.self))
            }
        }
        if raw.numel > 0 {
            try wide.dtype.visitFloat(Run(g: wide, gin: raw, mode: mode, size: size, scales: scales, alignCorners: alignCorners))
        }
        let gin = try narrowed(raw, to: g.dtype)
        return record(name, inputs: [g], output: gin) { (gg: Tensor) throws(TensorError) in [try forward(gg)] }
    }
}
