/// The hyper-parameters of one `aten::convolution` call, one value per spatial dimension.
struct ConvSpec: Sendable {
    var stride: [Int]
    var padding: [Int]
    var dilation: [Int]
    var transposed: Bool
    var outputPadding: [Int]
    var groups: Int

    /// Number of spatial dimensions (1 or 2).
    var spatial: Int { stride.count }
}

/// PyTorch's argument and shape checks for `aten::convolution`, in PyTorch's order,
/// with its wording (`_convolution`, `check_shape_forward`, and the CPU kernels' shape checks).
enum ConvolutionChecks {
    /// Expands `stride=2` to `[2, 2]`, or rejects a list of the wrong length.
    static func expand(_ values: [Int], _ name: String, _ dims: Int) throws(TensorError) -> [Int] {
        if values.count == 1 { return Array(repeating: values[0], count: dims) }
        guard values.count == dims else {
            throw .runtime("expected \(name) to be a single integer value or a list of \(dims) values to match the convolution dimensions, but got \(name)=\(Shape.format(values))")
        }
        return values
    }

    /// Validates the arguments of `torch.convolution` for batched input; returns the expanded parameters.
    static func spec(input: Tensor, weight: Tensor, bias: Tensor?, stride: [Int], padding: [Int], dilation: [Int],
                     transposed: Bool, outputPadding: [Int], groups: Int) throws(TensorError) -> ConvSpec {
        let dims = weight.dim - 2
        guard dims > 0 else { throw .runtime("weight should have at least three dimensions") }
        guard groups > 0 else { throw .runtime("non-positive groups is not supported") }
        let spec = ConvSpec(stride: try expand(stride, "stride", dims), padding: try expand(padding, "padding", dims),
                            dilation: try expand(dilation, "dilation", dims), transposed: transposed,
                            outputPadding: try expand(outputPadding, "output_padding", dims), groups: groups)
        try checkShape(input: input, weight: weight.shape, bias: bias, spec)
        guard dims <= 2 else {
            throw TensorError(.notImplemented, "pytorch-tutor supports 1-d and 2-d convolutions (\(dims)-d convolution is not available)")
        }
        return spec
    }

    /// PyTorch's `check_shape_forward`.
    private static func checkShape(input: Tensor, weight w: [Int], bias: Tensor?, _ p: ConvSpec) throws(TensorError) {
        if p.padding.contains(where: { $0 < 0 }) { throw .runtime("negative padding is not supported") }
        if p.outputPadding.contains(where: { $0 < 0 }) { throw .runtime("negative output_padding is not supported") }
        if p.stride.contains(where: { $0 <= 0 }) { throw .runtime("non-positive stride is not supported") }
        if p.dilation.contains(where: { $0 < 0 }) { throw .runtime("dilation should be greater than zero") }
        let k = input.dim, g = p.groups
        guard w.count == k else {
            throw .runtime("Expected \(w.count)-dimensional input for \(w.count)-dimensional weight \(Shape.format(w)), but got \(k)-dimensional input of size \(Shape.format(input.shape)) instead")
        }
        guard w[0] >= g else {
            throw .runtime("Given groups=\(g), expected weight to be at least \(g) at dimension 0, but got weight of size \(Shape.format(w)) instead")
        }
        guard w[0] % g == 0 else {
            throw .runtime("Given groups=\(g), expected weight to be divisible by \(g) at dimension 0, but got weight of size [\(Shape.format(w))] instead")
        }
        if p.transposed {
            guard input.shape[1] == w[0] else {
                throw .runtime("Given transposed=1, weight of size \(Shape.format(w)), expected input\(Shape.format(input.shape)) to have \(w[0]) channels, but got \(input.shape[1]) channels instead")
            }
            let outChannels = try (Sized(w[1]) * Sized(g)).value()
            if let bias, bias.dim != 1 || bias.shape[0] != outChannels {
                throw .runtime("Given transposed=1, weight of size \(Shape.format(w)), expected bias to be 1-dimensional with \(outChannels) elements, but got bias of size \(Shape.format(bias.shape)) instead")
            }
            return
        }
        let channels = try (Sized(w[1]) * Sized(g)).value()
        guard input.shape[1] == channels else {
            throw .runtime("Given groups=\(g), weight of size \(Shape.format(w)), expected input\(Shape.format(input.shape)) to have \(channels) channels, but got \(input.shape[1]) channels instead")
        }
        if let bias, bias.dim != 1 || bias.shape[0] != w[0] {
            throw .runtime("Given weight of size \(Shape.format(w)), expected bias to be 1-dimensional with \(w[0]) elements, but got bias of size \(Shape.format(bias.shape)) instead")
        }
        var padded: [Int] = [], kernel: [Int] = []
        var fits = true
        for d in 2..<k {
            let size = try (Sized(input.shape[d]) + 2 * Sized(p.padding[d - 2])).value()
            let extent = try (Sized(p.dilation[d - 2]) * Sized(w[d] - 1) + 1).value()
            padded.append(size)
            kernel.append(extent)
            if size < extent { fits = false }
        }
        if !fits {
            throw .runtime("Calculated padded input size per channel: (\(padded.map(String.init).joined(separator: " x "))). Kernel size: (\(kernel.map(String.init).joined(separator: " x "))). Kernel size can't be greater than actual input size")
        }
    }

    /// The 2-d geometry of a validated call, with 1-d shapes viewed as height 1 (as PyTorch's
    /// `view1d_as_2d`), plus the checks of the CPU kernels that run after that view.
    /// Returns nil for PyTorch's "empty" case (zero batch or zero channels), where the output
    /// is only shaped.
    static func geometry(input: [Int], weight: [Int], _ p: ConvSpec) throws(TensorError) -> (ConvGeometry?, output: [Int]) {
        let x = p.spatial == 1 ? [input[0], input[1], 1, input[2]] : input
        let w = p.spatial == 1 ? [weight[0], weight[1], 1, weight[2]] : weight
        let stride = p.spatial == 1 ? [1] + p.stride : p.stride
        let padding = p.spatial == 1 ? [0] + p.padding : p.padding
        let dilation = p.spatial == 1 ? [1] + p.dilation : p.dilation
        let outputPadding = p.spatial == 1 ? [0] + p.outputPadding : p.outputPadding
        let batch = x[0], groups = p.groups
        let outChannels = p.transposed ? try (Sized(w[1]) * Sized(groups)).value() : w[0]
        let empty = x.contains(0)
        if empty && batch != 0 && x[1] != 0 {
            throw .runtime("Only zero batch or zero channel inputs are supported, but got input shape: \(Shape.format(x))")
        }
        var size = [0, 0]
        for d in 0..<2 {
            let extent = Sized(dilation[d]) * Sized(w[d + 2] - 1) + 1
            if p.transposed {
                size[d] = try ((Sized(x[d + 2]) - 1) * Sized(stride[d]) - 2 * Sized(padding[d]) + extent + Sized(outputPadding[d])).value()
            } else {
                size[d] = try ((Sized(x[d + 2]) + 2 * Sized(padding[d]) - extent) / Sized(stride[d]) + 1).value()
            }
        }
        // PyTorch's empty-input path broadcasts the input against the weight, so an input
        // without channels gives an output without channels.
        let channels = empty && !p.transposed && x[1] == 0 ? 0 : outChannels
        let output = p.spatial == 1 ? [batch, channels, size[1]] : [batch, channels, size[0], size[1]]
        if empty {
            if size.contains(where: { $0 < 0 }) { throw transposedTooSmall(x, size) }
            return (nil, output)
        }
        if !p.transposed, dilation.contains(0) {
            throw .runtime("dilation should be greater than zero, but got \(Shape.format(dilation))")
        }
        if w[2] <= 0 || w[3] <= 0 {
            throw .runtime("kernel size should be greater than zero, but got kernel_height: \(w[2]) kernel_width: \(w[3])")
        }
        if p.transposed {
            if dilation.contains(0) {
                throw .runtime("dilation should be greater than zero, but got dilation_height: \(dilation[0]), dilation_width: \(dilation[1])")
            }
            if !((outputPadding[1] < stride[1] || outputPadding[1] < dilation[1]) && (outputPadding[0] < stride[0] || outputPadding[0] < dilation[0])) {
                throw .runtime("output padding must be smaller than either stride or dilation, but got output_padding_height: \(outputPadding[0]) output_padding_width: \(outputPadding[1]) stride_height: \(stride[0]) stride_width: \(stride[1]) dilation_height: \(dilation[0]) dilation_width: \(dilation[1])")
            }
            if size[0] < 1 || size[1] < 1 { throw transposedTooSmall(x, size) }
        }
        // The regular-direction geometry: a transposed convolution's output is the regular input.
        let g = ConvGeometry(batch: batch, inChannels: p.transposed ? outChannels : x[1],
                             outChannels: p.transposed ? x[1] : outChannels, groups: groups,
                             inH: p.transposed ? size[0] : x[2], inW: p.transposed ? size[1] : x[3],
                             outH: p.transposed ? x[2] : size[0], outW: p.transposed ? x[3] : size[1],
                             kH: w[2], kW: w[3], strideH: stride[0], strideW: stride[1],
                             padH: padding[0], padW: padding[1], dilH: dilation[0], dilW: dilation[1])
        try checkScratch(g)
        return (g, output)
    }

    private static func transposedTooSmall(_ x: [Int], _ size: [Int]) -> TensorError {
        .runtime("Given input size per channel: (\(x[2]) x \(x[3])). Calculated output size per channel: (\(size[0]) x \(size[1])). Output size is too small")
    }

    /// The dtype checks of the CPU kernels, which run after the shape checks.
    static func checkTypes(input: Tensor, weight: Tensor, bias: Tensor?, transposed: Bool) throws(TensorError) {
        guard weight.dtype == input.dtype else {
            throw .runtime("expected scalar type \(input.dtype.scalarTypeName) but found \(weight.dtype.scalarTypeName)")
        }
        if let bias, bias.dtype != input.dtype {
            throw .runtime("expected scalar type \(input.dtype.scalarTypeName) but found \(bias.dtype.scalarTypeName)")
        }
        // PyTorch's CPU kernels: regular convolutions of every integer type, transposed ones
        // of int64 only, none of bool.
        if input.dtype == .bool || (transposed && !input.dtype.isFloatingPoint && input.dtype != .int64) {
            let kernel = transposed ? "slow_conv_transpose2d_out_cpu" : "slow_conv2d_cpu"
            throw TensorError(.notImplemented, "\"\(kernel)\" not implemented for '\(input.dtype.scalarTypeName)'")
        }
    }

    /// Rejects geometries whose working buffers would not fit in memory, before any
    /// kernel sizes them (huge paddings or kernels on small inputs).
    private static func checkScratch(_ g: ConvGeometry) throws(TensorError) {
        func s(_ v: Int) -> Sized { Sized(v) }
        let paddedH = s(g.inH) + 2 * s(g.padH) + s(g.kH - 1) * s(g.dilH)
        let paddedW = s(g.inW) + 2 * s(g.padW) + s(g.kW - 1) * s(g.dilW)
        let plane = paddedH * paddedW
        let depth = s(g.inPerGroup) * s(g.kH) * s(g.kW)
        let elements = s(g.inPerGroup) * plane + depth * s(g.outH) * s(g.outW) + s(g.outPerGroup) * plane
            + s(g.outChannels) * depth
        let bytes = try (elements * 16).value()
        try MemoryLimit.reserve(bytes)
        MemoryLimit.release(bytes)
    }
}
