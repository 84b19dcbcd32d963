import TensorEngine

// Note [Symbolic dimensions]
// A dimension named in `dynamic_axes` (the batch, usually) may have another size when the
// exported graph runs, so the graph must not bake in the size the example input had. Each
// value's shape keeps such dims as `.param(name)`: an op's output takes the symbol from the
// input dim it comes from (the batch dim of a convolution from its input's, a broadcast dim
// from the operand that has it). Where the traced code passes a shape (`x.view(x.size(0), -1)`),
// `Reshape` gets 0 ("copy this dim from the input") at the positions of symbolic input dims
// that keep their size, so the graph still works for other batch sizes. A dim computed from
// a symbolic one in any other way becomes `.unknown`.

/// How PyTorch operations become ONNX nodes (opset 17 semantics). Each function takes the
/// names of the input values, the operation's arguments as the engine saw them, and the
/// shape of the result the engine computed, and returns the name of the output value.
extension ONNXGraphBuilder {
    /// `F.linear`: `Gemm(x, W, b, transB=1)` for 2-d inputs; `MatMul(x, Transpose(W)) + b`
    /// for inputs with more dims (Gemm takes matrices only).
    public func linear(_ x: String, weight: String, bias: String?, outputShape: [Int]) -> String {
        let out = carried(outputShape, from: x, leading: outputShape.count - 1)
        if shape(of: x).count == 2 {
            return node("Gemm", [x, weight] + (bias.map { [$0] } ?? []),
                        [ONNXAttribute("alpha", .float(1)), ONNXAttribute("beta", .float(1)), ONNXAttribute("transB", .int(1))],
                        name: "linear", shape: out)
        }
        let w = shape(of: weight)
        let transposed = step("Transpose", [weight], [ONNXAttribute("perm", .ints([1, 0]))], shape: w.reversed())
        guard let bias else { return node("MatMul", [x, transposed], name: "linear", shape: out) }
        let product = step("MatMul", [x, transposed], shape: out)
        return node("Add", [product, bias], name: "linear", shape: out)
    }

    /// `F.conv1d`/`conv2d` with zero padding: `Conv`. `pads` holds the padding before each
    /// spatial dim, then after each (they differ for `padding='same'` with an even kernel).
    public func convolution(_ x: String, weight: String, bias: String?, kernel: [Int], stride: [Int], pads: [Int],
                            dilation: [Int], groups: Int, name: String, outputShape: [Int]) -> String {
        node("Conv", [x, weight] + (bias.map { [$0] } ?? []),
             [ONNXAttribute("dilations", .ints(dilation)), ONNXAttribute("group", .int(groups)),
              ONNXAttribute("kernel_shape", .ints(kernel)), ONNXAttribute("pads", .ints(pads)),
              ONNXAttribute("strides", .ints(stride))],
             name: name, shape: carried(outputShape, from: x, leading: 1))
    }

    /// `F.max_pool2d`: `MaxPool`.
    public func maxPool(_ x: String, kernel: [Int], stride: [Int], padding: [Int], dilation: [Int], ceilMode: Bool,
                        name: String, outputShape: [Int]) -> String {
        node("MaxPool", [x],
             [ONNXAttribute("ceil_mode", .int(ceilMode ? 1 : 0)), ONNXAttribute("dilations", .ints(dilation)),
              ONNXAttribute("kernel_shape", .ints(kernel)), ONNXAttribute("pads", .ints(padding + padding)),
              ONNXAttribute("strides", .ints(stride))],
             name: name, shape: carried(outputShape, from: x, leading: 2))
    }

    /// `F.avg_pool2d` (and adaptive pooling whose windows tile the input exactly): `AveragePool`.
    public func averagePool(_ x: String, kernel: [Int], stride: [Int], padding: [Int], ceilMode: Bool,
                            countIncludePad: Bool, name: String, outputShape: [Int]) -> String {
        node("AveragePool", [x],
             [ONNXAttribute("ceil_mode", .int(ceilMode ? 1 : 0)), ONNXAttribute("count_include_pad", .int(countIncludePad ? 1 : 0)),
              ONNXAttribute("kernel_shape", .ints(kernel)), ONNXAttribute("pads", .ints(padding + padding)),
              ONNXAttribute("strides", .ints(stride))],
             name: name, shape: carried(outputShape, from: x, leading: 2))
    }

    /// `F.adaptive_avg_pool2d(x, 1)`: `GlobalAveragePool`.
    public func globalAveragePool(_ x: String, name: String, outputShape: [Int]) -> String {
        node("GlobalAveragePool", [x], name: name, shape: carried(outputShape, from: x, leading: 2))
    }

    /// `F.batch_norm` with running statistics: `BatchNormalization` (ONNX's momentum is the
    /// weight of the old statistic, PyTorch's that of the new one).
    public func batchNorm(_ x: String, scale: String, bias: String, mean: String, variance: String,
                          epsilon: Double, momentum: Double) -> String {
        node("BatchNormalization", [x, scale, bias, mean, variance],
             [ONNXAttribute("epsilon", .float(Float(epsilon))), ONNXAttribute("momentum", .float(Float(1 - momentum))),
              ONNXAttribute("training_mode", .int(0))],
             name: "batch_norm", shape: shape(of: x))
    }

    /// An op applied elementwise, or along one axis without changing the shape (`Relu`,
    /// `LeakyRelu`, `Softmax`...).
    public func elementwise(_ opType: String, _ x: String, _ attributes: [ONNXAttribute] = [], name: String) -> String {
        node(opType, [x], attributes, name: name, shape: shape(of: x))
    }

    /// `F.gelu`: ONNX has no Gelu before opset 20, so the formula as nodes:
    /// x · ½ (1 + erf(x / √2)), or with `tanh` x · ½ (1 + tanh(√(2/π) (x + 0.044715 x³))).
    public func gelu(_ x: String, tanhApproximation: Bool) -> String {
        let s = shape(of: x)
        let inner: String
        if tanhApproximation {
            let square = step("Mul", [x, x], shape: s)
            let cube = step("Mul", [square, x], shape: s)
            let scaledCube = step("Mul", [cube, scalar(0.044715)], shape: s)
            let sum = step("Add", [x, scaledCube], shape: s)
            let scaled = step("Mul", [sum, scalar(Float((2 / Double.pi).squareRoot()))], shape: s)
            inner = step("Tanh", [scaled], shape: s)
        } else {
            let scaled = step("Div", [x, scalar(Float(2.0.squareRoot()))], shape: s)
            inner = step("Erf", [scaled], shape: s)
        }
        let onePlus = step("Add", [inner, scalar(1)], shape: s)
        let product = step("Mul", [x, onePlus], shape: s)
        return node("Mul", [product, scalar(0.5)], name: "gelu", shape: s)
    }

    /// `Add`, `Sub`, `Mul`, `Div` with NumPy broadcasting, as in PyTorch.
    public func binary(_ opType: String, _ a: String, _ b: String, name: String, outputShape: [Int]) -> String {
        node(opType, [a, b], name: name, shape: broadcast(outputShape, a, b))
    }

    /// `torch.matmul` / `@`: `MatMul` (same broadcasting rules).
    public func matmul(_ a: String, _ b: String, name: String, outputShape: [Int]) -> String {
        node("MatMul", [a, b], name: name, shape: carried(outputShape, from: a, leading: max(outputShape.count - 1, 0)))
    }

    /// `torch.cat`: `Concat` along `axis` (not negative).
    public func concat(_ values: [String], axis: Int, outputShape: [Int]) -> String {
        var out = carried(outputShape, from: values[0], leading: outputShape.count)
        if axis < out.count { out[axis] = .value(outputShape[axis]) }
        return node("Concat", values, [ONNXAttribute("axis", .int(axis))], name: "cat", shape: out)
    }

    /// `Tensor.t()`, `transpose`, `permute`: `Transpose`.
    public func transpose(_ x: String, permutation: [Int], name: String) -> String {
        let s = shape(of: x)
        return node("Transpose", [x], [ONNXAttribute("perm", .ints(permutation))], name: name,
                    shape: permutation.map { $0 < s.count ? s[$0] : .unknown })
    }

    /// `torch.flatten(x, 1)` and `nn.Flatten()`: `Flatten` (which always makes a matrix).
    public func flatten(_ x: String, axis: Int, outputShape: [Int]) -> String {
        var out = carried(outputShape, from: x, leading: axis == 1 ? 1 : 0)
        if out.count == 2, shape(of: x).dropFirst(axis).contains(where: { !$0.isValue }) { out[1] = .unknown }
        return node("Flatten", [x], [ONNXAttribute("axis", .int(axis))], name: "flatten", shape: out)
    }

    /// `view`, `reshape` and other flattens: `Reshape` to `target` (the sizes the code
    /// passed, `-1` included), with symbolic dims copied (see Note [Symbolic dimensions]).
    public func reshape(_ x: String, target: [Int], name: String, inputShape: [Int], outputShape: [Int]) -> String {
        let input = shape(of: x)
        var sizes = target.count == outputShape.count ? target : outputShape
        var out = outputShape.map { ONNXDimension.value($0) }
        var copied = 0, symbolic = 0
        for (i, dim) in input.enumerated() where !dim.isValue {
            symbolic += 1
            if i < sizes.count, i < inputShape.count, sizes[i] == inputShape[i] {
                sizes[i] = 0
                out[i] = dim
                copied += 1
            }
        }
        if copied < symbolic {
            if let free = sizes.firstIndex(of: -1) { out[free] = .unknown }
        }
        return node("Reshape", [x, int64s(sizes)], [ONNXAttribute("allowzero", .int(0))], name: name, shape: out)
    }

    // MARK: - Shapes

    /// `concrete`, with the first `leading` dims taken from `source` where their sizes agree.
    private func carried(_ concrete: [Int], from source: String, leading: Int) -> [ONNXDimension] {
        let input = shape(of: source)
        return concrete.enumerated().map { i, size in
            if i < leading, i < input.count, !input[i].isValue { return input[i] }
            return .value(size)
        }
    }

    /// The broadcast shape of `a` and `b`, keeping the symbolic dims of either.
    private func broadcast(_ concrete: [Int], _ a: String, _ b: String) -> [ONNXDimension] {
        var out = concrete.map { ONNXDimension.value($0) }
        for operand in [shape(of: b), shape(of: a)] {
            let offset = concrete.count - operand.count
            for (i, dim) in operand.enumerated() where !dim.isValue && offset + i >= 0 { out[offset + i] = dim }
        }
        return out
    }
}

extension ONNXDimension {
    /// Whether the size is fixed.
    var isValue: Bool {
        if case .value = self { return true }
        return false
    }
}
