import MiniPython
import NeuralNet
import TensorEngine

/// The operations the exporter writes, and how their Python arguments become the arguments
/// of ``ONNXGraphBuilder``'s lowering functions. Anything else that reads a traced tensor
/// raises `UnsupportedOperatorError`.
extension ONNXTracer {
    func lower(_ op: String, _ args: BoundArguments, result: PyValue, _ interp: Interpreter) throws(PyError) {
        guard let out = result.tensorValue else { throw unsupported(op) }
        let b = builder
        let name: String
        switch op {
        case "linear":
            name = b.linear(try graphValue(args[0]), weight: try graphValue(args[1]), bias: try optionalValue(args["bias"]),
                            outputShape: out.shape)
        case "conv1d", "conv2d":
            name = try convolution(op, args, out, interp)
        case "max_pool1d", "max_pool2d":
            guard !(try args.bool("return_indices")) else { throw unsupported(op + "_with_indices") }
            let dims = op == "max_pool1d" ? 1 : 2
            let kernel = try sizes(args, "kernel_size", dims, interp)
            let stride = try poolStride(args, kernel: kernel, interp)
            name = b.maxPool(try graphValue(args[0]), kernel: kernel, stride: stride,
                             padding: try sizes(args, "padding", dims, interp), dilation: try sizes(args, "dilation", dims, interp),
                             ceilMode: try args.bool("ceil_mode"), name: op, outputShape: out.shape)
        case "avg_pool1d", "avg_pool2d":
            if args.signature.index(of: "divisor_override") != nil, !args["divisor_override"].isNone {
                throw unsupported(op, detail: "divisor_override")
            }
            let dims = op == "avg_pool1d" ? 1 : 2
            let kernel = try sizes(args, "kernel_size", dims, interp)
            let stride = try poolStride(args, kernel: kernel, interp)
            name = b.averagePool(try graphValue(args[0]), kernel: kernel, stride: stride,
                                 padding: try sizes(args, "padding", dims, interp), ceilMode: try args.bool("ceil_mode"),
                                 countIncludePad: try args.bool("count_include_pad"), name: op, outputShape: out.shape)
        case "adaptive_avg_pool1d", "adaptive_avg_pool2d":
            name = try adaptiveAveragePool(op, args, out)
        case "batch_norm":
            name = try batchNorm(args, out, interp)
        case "relu", "relu_":
            name = b.elementwise("Relu", try graphValue(args[0]), name: "relu")
        case "leaky_relu", "leaky_relu_":
            let slope = try args.double("negative_slope", interp)
            name = b.elementwise("LeakyRelu", try graphValue(args[0]), [ONNXAttribute("alpha", .float(Float(slope)))], name: "leaky_relu")
        case "sigmoid", "sigmoid_":
            name = b.elementwise("Sigmoid", try graphValue(args[0]), name: "sigmoid")
        case "tanh", "tanh_":
            name = b.elementwise("Tanh", try graphValue(args[0]), name: "tanh")
        case "gelu":
            let mode = try interp.expectStr(args["approximate"], "approximate")
            name = b.gelu(try graphValue(args[0]), tanhApproximation: mode == "tanh")
        case "softmax", "log_softmax":
            guard args["dtype"].isNone else { throw unsupported(op, detail: "dtype") }
            let rank = args[0].tensorValue?.dim ?? 0
            let dim = try args.optionalInt("dim", interp) ?? FunctionalModule.implicitSoftmaxDim(rank)
            name = b.elementwise(op == "softmax" ? "Softmax" : "LogSoftmax", try graphValue(args[0]),
                                 [ONNXAttribute("axis", .int(dim))], name: op)
        case "dropout", "dropout1d", "dropout2d", "dropout3d", "alpha_dropout", "feature_alpha_dropout":
            guard !(try args.bool("training")) else {
                throw ONNXErrors.unsupported("\(op) with training=True draws a random mask on every call; "
                    + "pass training=self.training so that the exported (eval) model skips it")
            }
            name = try graphValue(args[0])
        case "contiguous", "clone", "detach", "data":
            name = try graphValue(args[0])
        case "add", "add_", "__add__", "__radd__", "__iadd__", "sub", "sub_", "subtract", "__sub__", "__isub__":
            let opType = op.contains("add") ? "Add" : "Sub"
            var other = try operand(args[1])
            if args.signature.index(of: "alpha") != nil, try args.double("alpha", interp) != 1 {
                let alpha = b.scalar(Float(try args.double("alpha", interp)))
                other = b.binary("Mul", other, alpha, name: "mul", outputShape: args[1].tensorValue?.shape ?? [])
            }
            name = b.binary(opType, try graphValue(args[0]), other, name: opType.lowercased(), outputShape: out.shape)
        case "rsub", "__rsub__":
            name = b.binary("Sub", try operand(args[1]), try graphValue(args[0]), name: "sub", outputShape: out.shape)
        case "mul", "mul_", "multiply", "__mul__", "__rmul__", "__imul__":
            name = b.binary("Mul", try graphValue(args[0]), try operand(args[1]), name: "mul", outputShape: out.shape)
        case "div", "div_", "divide", "true_divide", "__truediv__", "__itruediv__", "__div__":
            if args.signature.index(of: "rounding_mode") != nil, !args["rounding_mode"].isNone {
                throw unsupported(op, detail: "rounding_mode")
            }
            name = b.binary("Div", try graphValue(args[0]), try operand(args[1]), name: "div", outputShape: out.shape)
        case "__rtruediv__":
            name = b.binary("Div", try operand(args[1]), try graphValue(args[0]), name: "div", outputShape: out.shape)
        case "matmul", "mm", "bmm", "__matmul__":
            name = b.matmul(try graphValue(args[0]), try graphValue(args[1]), name: "matmul", outputShape: out.shape)
        case "__rmatmul__":
            name = b.matmul(try graphValue(args[1]), try graphValue(args[0]), name: "matmul", outputShape: out.shape)
        case "cat", "concat", "concatenate":
            var inputs: [String] = []
            for item in Self.sequenceItems(args[0]) ?? [] { inputs.append(try graphValue(item)) }
            let dim = try args.int("dim", interp)
            name = b.concat(inputs, axis: dim < 0 ? dim + out.dim : dim, outputShape: out.shape)
        case "view", "reshape":
            let input = args[0].tensorValue?.shape ?? []
            let target = try IntArgs.size(args.varArgs, interp, op)
            name = b.reshape(try graphValue(args[0]), target: target, name: op, inputShape: input, outputShape: out.shape)
        case "flatten":
            name = try flatten(args, out, interp)
        case "t", "T", "mT", "transpose", "permute":
            let rank = args[0].tensorValue?.dim ?? 0
            var perm = Array((0..<rank).reversed())
            if op == "mT", rank >= 2 {
                perm = Array(0..<rank)
                perm.swapAt(rank - 1, rank - 2)
            } else if op == "transpose" {
                let a = try args.int("dim0", interp), c = try args.int("dim1", interp)
                perm = Array(0..<rank)
                perm.swapAt(a < 0 ? a + rank : a, c < 0 ? c + rank : c)
            } else if op == "permute" {
                perm = try IntArgs.varDims(args.varArgs, keyword: nil, interp, "permute").map { $0 < 0 ? $0 + rank : $0 }
            }
            guard perm.sorted() == Array(0..<rank) else { throw unsupported(op) }
            name = b.transpose(try graphValue(args[0]), permutation: perm, name: op)
        default:
            throw unsupported(op)
        }
        bind(result, to: name)
    }

    // MARK: - Argument helpers

    /// A tensor operand, or a Python number as a float32 constant.
    private func operand(_ value: PyValue) throws(PyError) -> String {
        switch value {
        case .int, .float, .bool:
            return builder.scalar(Float(try Scalars.expect(value, "onnx", "other").doubleValue))
        default:
            return try graphValue(value)
        }
    }

    private func optionalValue(_ value: PyValue) throws(PyError) -> String? {
        value.isNone ? nil : try graphValue(value)
    }

    /// A size argument as `dims` ints (`2` gives `[2, 2]` for 2-d ops).
    private func sizes(_ args: BoundArguments, _ name: String, _ dims: Int, _ interp: Interpreter) throws(PyError) -> [Int] {
        let list = try args.ints(name, interp)
        return list.count == 1 ? Array(repeating: list[0], count: dims) : list
    }

    /// A pooling stride; `None` or `[]` means the kernel size.
    private func poolStride(_ args: BoundArguments, kernel: [Int], _ interp: Interpreter) throws(PyError) -> [Int] {
        let stride = try args.intsOrEmpty("stride", interp)
        if stride.isEmpty { return kernel }
        return stride.count == 1 ? Array(repeating: stride[0], count: kernel.count) : stride
    }

    private func convolution(_ op: String, _ args: BoundArguments, _ out: Tensor, _ interp: Interpreter) throws(PyError) -> String {
        guard let weight = args[1].tensorValue else { throw unsupported(op) }
        let dims = op == "conv1d" ? 1 : 2
        let kernel = Array(weight.shape.dropFirst(2))
        let dilation = try sizes(args, "dilation", dims, interp)
        var pads: [Int]
        if case .str(let mode) = args["padding"] {
            // 'same' pads d·(k−1) in total, the odd one after, as PyTorch does.
            let totals = mode == "same" ? zip(kernel, dilation).map { k, d in d * (k - 1) } : Array(repeating: 0, count: dims)
            pads = totals.map { $0 / 2 } + totals.map { $0 - $0 / 2 }
        } else {
            let p = try sizes(args, "padding", dims, interp)
            pads = p + p
        }
        return builder.convolution(try graphValue(args[0]), weight: try graphValue(args[1]), bias: try optionalValue(args["bias"]),
                                   kernel: kernel, stride: try sizes(args, "stride", dims, interp), pads: pads,
                                   dilation: dilation, groups: try args.int("groups", interp), name: op, outputShape: out.shape)
    }

    /// Adaptive average pooling to size 1 is `GlobalAveragePool`; to sizes that divide the
    /// input evenly, an `AveragePool` whose windows tile it.
    private func adaptiveAveragePool(_ op: String, _ args: BoundArguments, _ out: Tensor) throws(PyError) -> String {
        guard let x = args[0].tensorValue else { throw unsupported(op) }
        let spatialIn = Array(x.shape.suffix(op == "adaptive_avg_pool1d" ? 1 : 2))
        let spatialOut = Array(out.shape.suffix(spatialIn.count))
        if spatialOut.allSatisfy({ $0 == 1 }) {
            return builder.globalAveragePool(try graphValue(args[0]), name: op, outputShape: out.shape)
        }
        guard zip(spatialIn, spatialOut).allSatisfy({ $1 > 0 && $0 % $1 == 0 }) else {
            throw unsupported(op, detail: "an output size that does not divide the input size")
        }
        let kernel = zip(spatialIn, spatialOut).map { $0 / $1 }
        return builder.averagePool(try graphValue(args[0]), kernel: kernel, stride: kernel,
                                   padding: Array(repeating: 0, count: kernel.count), ceilMode: false,
                                   countIncludePad: false, name: op, outputShape: out.shape)
    }

    /// `F.batch_norm` with running statistics; missing affine parameters become ones and zeros.
    private func batchNorm(_ args: BoundArguments, _ out: Tensor, _ interp: Interpreter) throws(PyError) -> String {
        guard !(try args.bool("training")), !args["running_mean"].isNone, !args["running_var"].isNone else {
            throw ONNXErrors.unsupported("batch_norm that normalises with the statistics of the batch "
                + "(track_running_stats=False) cannot be exported; the exporter writes eval-mode BatchNorm")
        }
        let channels = out.dim > 1 ? out.shape[1] : 1
        let scale = args["weight"].isNone
            ? try graphValue(.tensor(try engine { try Tensor.ones([channels]) })) : try graphValue(args["weight"])
        let bias = args["bias"].isNone
            ? try graphValue(.tensor(try engine { try Tensor.zeros([channels]) })) : try graphValue(args["bias"])
        return builder.batchNorm(try graphValue(args[0]), scale: scale, bias: bias, mean: try graphValue(args["running_mean"]),
                                 variance: try graphValue(args["running_var"]), epsilon: try args.double("eps", interp),
                                 momentum: try args.double("momentum", interp))
    }

    /// `flatten(1)` (what `nn.Flatten` does) is ONNX's `Flatten`; other ranges a `Reshape`.
    private func flatten(_ args: BoundArguments, _ out: Tensor, _ interp: Interpreter) throws(PyError) -> String {
        guard let x = args[0].tensorValue else { throw unsupported("flatten") }
        let rank = max(x.dim, 1)
        var start = try args.int("start_dim", interp), end = try args.int("end_dim", interp)
        if start < 0 { start += rank }
        if end < 0 { end += rank }
        if start == 1 && end == rank - 1 && x.dim >= 2 {
            return builder.flatten(try graphValue(args[0]), axis: 1, outputShape: out.shape)
        }
        var target = out.shape
        if start < target.count { target[start] = -1 }
        return builder.reshape(try graphValue(args[0]), target: target, name: "flatten", inputShape: x.shape, outputShape: out.shape)
    }
}
