/// Convolutions with autograd: `torch.convolution` (the one ATen op behind every
/// convolution, `ConvolutionBackward0`) and the functional forms `conv1d`, `conv2d`,
/// `conv_transpose1d` and `conv_transpose2d` with their unbatched inputs and
/// `padding='same'`.
extension Tensor {
    /// How `F.conv1d` / `F.conv2d` pad: explicit sizes, or PyTorch's `'same'` and `'valid'`.
    public enum ConvPadding: Sendable, Equatable {
        case explicit([Int])
        case same
        case valid
    }

    /// `torch.convolution(input, weight, bias, stride, padding, dilation, transposed, output_padding, groups)`
    /// for batched 1-d and 2-d inputs.
    public static func convolution(_ input: Tensor, weight: Tensor, bias: Tensor?, stride: [Int], padding: [Int],
                                   dilation: [Int], transposed: Bool, outputPadding: [Int],
                                   groups: Int) throws(TensorError) -> Tensor {
        let spec = try ConvolutionChecks.spec(input: input, weight: weight, bias: bias, stride: stride, padding: padding,
                                              dilation: dilation, transposed: transposed, outputPadding: outputPadding,
                                              groups: groups)
        return try convolution(input, weight, bias, spec)
    }

    /// `F.conv1d` (`dims` 1) and `F.conv2d` (`dims` 2): input `(N, C, *)` or unbatched `(C, *)`.
    public static func conv(_ input: Tensor, weight: Tensor, bias: Tensor?, stride: [Int], padding: ConvPadding,
                            dilation: [Int], groups: Int, dims: Int) throws(TensorError) -> Tensor {
        if let bias, bias.dtype != input.dtype {
            throw .runtime("Input type (\(input.dtype.cppName)) and bias type (\(bias.dtype.cppName)) should be the same")
        }
        let (x, batched) = try batchify(input, dims: dims, name: "conv\(dims)d")
        let stride = broadcast(stride, dims), dilation = broadcast(dilation, dims)
        let out: Tensor
        switch padding {
        case .explicit(let p):
            out = try convolution(x, weight: weight, bias: bias, stride: stride, padding: broadcast(p, dims),
                                  dilation: dilation, transposed: false, outputPadding: [0], groups: groups)
        case .valid:
            out = try convolution(x, weight: weight, bias: bias, stride: stride, padding: [0], dilation: dilation,
                                  transposed: false, outputPadding: [0], groups: groups)
        case .same:
            out = try convolutionSame(x, weight: weight, bias: bias, stride: stride, dilation: dilation, groups: groups)
        }
        return batched ? out : try out.squeeze(0)
    }

    /// `F.conv_transpose1d` (`dims` 1) and `F.conv_transpose2d` (`dims` 2).
    public static func convTranspose(_ input: Tensor, weight: Tensor, bias: Tensor?, stride: [Int], padding: [Int],
                                     outputPadding: [Int], groups: Int, dilation: [Int], dims: Int) throws(TensorError) -> Tensor {
        let (x, batched) = try batchify(input, dims: dims, name: "conv_transpose\(dims)d")
        let out = try convolution(x, weight: weight, bias: bias, stride: broadcast(stride, dims),
                                  padding: broadcast(padding, dims), dilation: broadcast(dilation, dims), transposed: true,
                                  outputPadding: broadcast(outputPadding, dims), groups: groups)
        return batched ? out : try out.squeeze(0)
    }

    /// One value for every spatial dimension, as PyTorch's `int[2] stride=1` arguments
    /// are filled in before the call (a list of another length is passed on and rejected).
    private static func broadcast(_ values: [Int], _ dims: Int) -> [Int] {
        values.count == 1 ? Array(repeating: values[0], count: dims) : values
    }

    /// Adds the batch dimension to an unbatched input, as PyTorch's `batchify`.
    private static func batchify(_ input: Tensor, dims: Int, name: String) throws(TensorError) -> (Tensor, Bool) {
        guard input.dim == dims + 1 || input.dim == dims + 2 else {
            throw .runtime("Expected \(dims + 1)D (unbatched) or \(dims + 2)D (batched) input to \(name), but got input of size: \(Shape.format(input.shape))")
        }
        return input.dim == dims + 2 ? (input, true) : (try input.unsqueeze(0), false)
    }

    /// `padding='same'`: the total padding `dilation·(k - 1)` split evenly, with the odd
    /// element on the right done by padding the input first (PyTorch's `_convolution_same`).
    private static func convolutionSame(_ input: Tensor, weight: Tensor, bias: Tensor?, stride: [Int], dilation: [Int],
                                        groups: Int) throws(TensorError) -> Tensor {
        let k = weight.dim
        guard k > 2 else { throw .runtime("weight should have at least three dimensions") }
        guard groups > 0 else { throw .runtime("non-positive groups is not supported") }
        let dims = k - 2
        guard k == input.dim else {
            throw .runtime("Expected \(k)-dimensional input for \(k)-dimensional weight\(Shape.format(weight.shape)), but got \(input.dim)-dimensional input of size \(Shape.format(input.shape)) instead")
        }
        guard stride.count == dims || stride.count == 1 else { throw .runtime("stride cannot broadcast to \(dims) dimensions") }
        guard dilation.count == dims || dilation.count == 1 else { throw .runtime("dilation cannot broadcast to \(dims) dimensions") }
        if stride.contains(where: { $0 != 1 }) { throw .runtime("padding='same' is not supported for strided convolutions") }
        var left: [Int] = [], right: [Int] = []
        for i in 0..<dims {
            let d = dilation.count == 1 ? dilation[0] : dilation[i]
            let total = try (Sized(d) * Sized(weight.shape[i + 2] - 1)).value()
            left.append(total / 2)
            right.append(total - total / 2)
        }
        let zeros = Array(repeating: 0, count: dims)
        if left == right {
            return try convolution(input, weight: weight, bias: bias, stride: stride, padding: left, dilation: dilation,
                                   transposed: false, outputPadding: zeros, groups: groups)
        }
        // F.pad order: last dimension first.
        var pad = Array(repeating: 0, count: 2 * dims)
        for i in 0..<dims {
            let delta = right[i] - left[i], at = 2 * (dims - 1 - i)
            if delta > 0 {
                pad[at + 1] = delta
            } else {
                pad[at] = delta
                left[i] = right[i]
            }
        }
        let padded = try input.constantPad(pad, value: .int(0))
        return try convolution(padded, weight: weight, bias: bias, stride: stride, padding: left, dilation: dilation,
                               transposed: false, outputPadding: zeros, groups: groups)
    }

    // MARK: - The recorded op

    static func convolution(_ input: Tensor, _ weight: Tensor, _ bias: Tensor?, _ spec: ConvSpec) throws(TensorError) -> Tensor {
        let (geometry, outShape) = try ConvolutionChecks.geometry(input: input.shape, weight: weight.shape, spec)
        let out: Tensor
        if let geometry {
            try ConvolutionChecks.checkTypes(input: input, weight: weight, bias: bias, transposed: spec.transposed)
            out = spec.transposed
                ? try ConvolutionPass.inputGradient(input, weight: weight, bias: bias, geometry, shape: outShape)
                : try ConvolutionPass.forward(input, weight: weight, bias: bias, geometry, shape: outShape)
        } else {
            out = try Tensor(uninitializedShape: outShape, dtype: input.dtype)
            if let bias, out.numel > 0 {
                copyConverting(from: try bias.detach().reshape([1, -1] + Array(repeating: 1, count: spec.spatial))
                    .broadcastView(to: outShape), to: out)
            }
        }
        let inputs = bias.map { [input, weight, $0] } ?? [input, weight]
        return record("ConvolutionBackward0", inputs: inputs, output: out, saved: [input, weight]) { (g: Tensor) throws(TensorError) in
            let grads = try convolutionBackward(g, input: input, weight: weight, spec: spec, geometry: geometry,
                                                needs: [input.requiresGrad, weight.requiresGrad, bias?.requiresGrad ?? false])
            return bias == nil ? Array(grads.prefix(2)) : grads
        }
    }

    /// The gradients of `convolution(input, weight, bias)` for output gradient `g`, those
    /// `needs` asks for (input, weight, bias). Recorded as `ConvolutionBackwardBackward0` under
    /// `create_graph=True`, so second derivatives (gradient penalties) work.
    static func convolutionBackward(_ g: Tensor, input: Tensor, weight: Tensor, spec: ConvSpec,
                                    geometry: ConvGeometry?, needs: [Bool]) throws(TensorError) -> [Tensor?] {
        let reduceDims = [0] + Array(2..<(2 + spec.spatial))
        var gx: Tensor?, gw: Tensor?, gb: Tensor?
        if let geometry {
            if needs[0] {
                gx = spec.transposed
                    ? try ConvolutionPass.forward(g, weight: weight, bias: nil, geometry, shape: input.shape)
                    : try ConvolutionPass.inputGradient(g, weight: weight, bias: nil, geometry, shape: input.shape)
            }
            if needs[1] {
                let withBias = needs[2] && !spec.transposed
                let (w, b) = spec.transposed
                    ? try ConvolutionPass.weightGradient(input, input: g, geometry, shape: weight.shape, bias: false)
                    : try ConvolutionPass.weightGradient(g, input: input, geometry, shape: weight.shape, bias: withBias)
                gw = w
                gb = b
            }
        } else {
            if needs[0] { gx = try Tensor.zeros(input.shape, dtype: input.dtype) }
            if needs[1] { gw = try Tensor.zeros(weight.shape, dtype: weight.dtype) }
            // An input without channels gave an output without channels: the bias got no gradient.
            let biasCount = spec.transposed ? weight.shape[1] * spec.groups : weight.shape[0]
            if needs[2] && g.shape[1] != biasCount { gb = try Tensor.zeros([biasCount], dtype: g.dtype) }
        }
        if needs[2] && gb == nil { gb = try GradMode.with(false) { () throws(TensorError) in try g.sum(dims: reduceDims) } }
        let present = [gx, gw, gb]
        record("ConvolutionBackwardBackward0", inputs: [g, input, weight], outputs: present.compactMap { $0 },
               saved: [g, input, weight]) { (grads: [Tensor]) throws(TensorError) in
            var next = grads.makeIterator()
            let gg = present.map { $0 == nil ? nil : next.next() }
            return try convolutionDoubleBackward(g, input: input, weight: weight, spec: spec, geometry: geometry,
                                                 ggx: gg[0], ggw: gg[1], ggb: gg[2])
        }
        return present
    }

    /// Gradients of `convolutionBackward`'s outputs with respect to (g, input, weight), given the
    /// gradients `ggx`, `ggw`, `ggb` of its input, weight and bias outputs. Every output of the
    /// backward pass is linear in `g` and in one of input or weight, so each term is again a
    /// convolution or a weight gradient.
    private static func convolutionDoubleBackward(_ g: Tensor, input: Tensor, weight: Tensor, spec: ConvSpec,
                                                  geometry: ConvGeometry?, ggx: Tensor?, ggw: Tensor?,
                                                  ggb: Tensor?) throws(TensorError) -> [Tensor?] {
        let outSpatial = Array(g.shape.dropFirst(2)), inSpatial = Array(input.shape.dropFirst(2))
        // Regular: gx = convT(g, w), gw = wgrad(g, x). Transposed: gx = conv(g, w), gw = wgrad(x, g).
        func forward(_ a: Tensor, _ w: Tensor, _ b: Tensor?) throws(TensorError) -> Tensor {
            try convolution(a, w, b, spec.regular)
        }
        func adjoint(_ a: Tensor, _ w: Tensor, _ b: Tensor?, to size: [Int]) throws(TensorError) -> Tensor {
            try convolution(a, w, b, spec.adjoint(input: Array(a.shape.dropFirst(2)), weight: w.shape, output: size))
        }
        var dg: Tensor?
        func add(_ t: Tensor) throws(TensorError) { dg = try dg.map { (d) throws(TensorError) in try d.add(t) } ?? t }
        if let ggx { try add(spec.transposed ? adjoint(ggx, weight, nil, to: outSpatial) : forward(ggx, weight, nil)) }
        if let ggw {
            try add(spec.transposed ? adjoint(input, ggw, ggb, to: outSpatial) : forward(input, ggw, ggb))
        } else if let ggb {
            try add(ggb.reshape([1, -1] + Array(repeating: 1, count: spec.spatial)).expand(g.shape))
        }
        let dw = try ggx.map { (ggx) throws(TensorError) in
            try convolutionBackward(g, input: ggx, weight: weight, spec: spec, geometry: geometry,
                                    needs: [false, true, false])[1]
        }
        let dx = try ggw.map { (ggw) throws(TensorError) in
            spec.transposed ? try forward(g, ggw, nil) : try adjoint(g, ggw, nil, to: inSpatial)
        }
        return [dg, dx, dw ?? nil]
    }
}

extension ConvSpec {
    /// The same convolution in the regular direction.
    var regular: ConvSpec {
        ConvSpec(stride: stride, padding: padding, dilation: dilation, transposed: false,
                 outputPadding: Array(repeating: 0, count: spatial), groups: groups)
    }

    /// The transposed convolution that maps spatial size `input` back to `output` (the
    /// output padding absorbs the remainder the regular direction rounded away).
    func adjoint(input: [Int], weight: [Int], output: [Int]) -> ConvSpec {
        var extra: [Int] = []
        for d in 0..<spatial {
            let kernel = weight[2 + d]
            extra.append(output[d] - ((input[d] - 1) * stride[d] - 2 * padding[d] + dilation[d] * (kernel - 1) + 1))
        }
        return ConvSpec(stride: stride, padding: padding, dilation: dilation, transposed: true,
                        outputPadding: extra, groups: groups)
    }
}
