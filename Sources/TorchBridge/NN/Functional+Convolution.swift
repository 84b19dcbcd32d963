import MiniPython
import TensorEngine

/// Convolutions and sliding blocks: `F.conv1d`, `F.conv2d`, `F.conv_transpose1d`,
/// `F.conv_transpose2d`, `F.unfold`, `F.fold`, and their `torch.` spellings
/// (`torch.conv2d`, `torch.convolution`, ...).
/// https://pytorch.org/docs/stable/nn.functional.html#convolution-functions
extension FunctionalModule {
    static func addConvolution(to module: PyModule) {
        for dims in [1, 2] {
            let name = "conv\(dims)d"
            let signature = Signature(convSignature(name))
            /// torch.nn.functional.conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)
            module.addRawFunction(name) { (interp, raw) throws(PyError) in
                try conv(interp, signature.bind(raw), raw, dims: dims)
            }
            module.addFunction(convTransposeSignature(dims)) { (interp, args) throws(PyError) in
                try convTranspose(interp, args, dims: dims)
            }
        }
        /// torch.nn.functional.unfold(input, kernel_size, dilation=1, padding=0, stride=1)
        module.addFunction("unfold(input, kernel_size, dilation=1, padding=0, stride=1)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0)
            let k = try args.pair("kernel_size", interp), d = try args.pair("dilation", interp)
            let p = try args.pair("padding", interp), s = try args.pair("stride", interp)
            return .tensor(try engine { try x.unfold(kernel: k, dilation: d, padding: p, stride: s) })
        }
        /// torch.nn.functional.fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1)
        module.addFunction("fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), size = try args.pair("output_size", interp)
            let k = try args.pair("kernel_size", interp), d = try args.pair("dilation", interp)
            let p = try args.pair("padding", interp), s = try args.pair("stride", interp)
            return .tensor(try engine { try x.fold(outputSize: size, kernel: k, dilation: d, padding: p, stride: s) })
        }
    }

    /// `torch.conv1d`, `torch.conv2d`, `torch.conv_transpose1d`, `torch.conv_transpose2d`, `torch.convolution`.
    static let convolutionTorchOps: [TorchOp] = {
        var ops: [TorchOp] = []
        for dims in [1, 2] {
            ops.append(.function("conv\(dims)d", signature: convParameters) { (interp, args) throws(PyError) in
                try conv(interp, args, nil, dims: dims)
            })
            ops.append(.function("conv_transpose\(dims)d", signature: convTransposeParameters) { (interp, args) throws(PyError) in
                try convTranspose(interp, args, dims: dims)
            })
        }
        /// torch.convolution(input, weight, bias, stride, padding, dilation, transposed, output_padding, groups)
        ops.append(.function("convolution", signature: "input, weight, bias, stride, padding, dilation, transposed, output_padding, groups") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), w = try args.tensor(1), b = try args.optionalTensor("bias")
            let stride = try args.ints("stride", interp), padding = try args.ints("padding", interp)
            let dilation = try args.ints("dilation", interp), outputPadding = try args.ints("output_padding", interp)
            let transposed = try args.bool("transposed"), groups = try args.int("groups", interp)
            return .tensor(try engine {
                try Tensor.convolution(x, weight: w, bias: b, stride: stride, padding: padding, dilation: dilation,
                                       transposed: transposed, outputPadding: outputPadding, groups: groups)
            })
        })
        return ops
    }()

    private static let convParameters = "input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1"

    private static func convSignature(_ name: String) -> String { "\(name)(\(convParameters))" }

    private static let convTransposeParameters =
        "input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1"

    private static func convTransposeSignature(_ dims: Int) -> String {
        "conv_transpose\(dims)d(\(convTransposeParameters))"
    }

    /// `F.conv1d` / `F.conv2d`. `raw` (the call as written) lets a wrongly typed size argument
    /// report PyTorch's two-overload message (tuple padding or string padding).
    private static func conv(_ interp: Interpreter, _ args: BoundArguments, _ raw: Arguments?, dims: Int) throws(PyError) -> PyValue {
        let x = try args.tensor(0), w = try args.tensor(1), b = try args.optionalTensor("bias")
        let padding: Tensor.ConvPadding
        let stride: [Int], dilation: [Int], groups: Int
        do throws(PyError) {
            stride = try args.ints("stride", interp)
            dilation = try args.ints("dilation", interp)
            groups = try args.int("groups", interp)
            if case .str(let mode) = args["padding"] {
                switch mode {
                case "same": padding = .same
                case "valid": padding = .valid
                default: throw PyError.runtimeError("Invalid padding string: '\(mode)'")
                }
            } else {
                padding = .explicit(try args.ints("padding", interp))
            }
        } catch {
            throw error.matches(.typeError) ? overloadError(args, raw) : error
        }
        return .tensor(try engine {
            try Tensor.conv(x, weight: w, bias: b, stride: stride, padding: padding, dilation: dilation, groups: groups, dims: dims)
        })
    }

    private static func convTranspose(_ interp: Interpreter, _ args: BoundArguments, dims: Int) throws(PyError) -> PyValue {
        let x = try args.tensor(0), w = try args.tensor(1), b = try args.optionalTensor("bias")
        let stride = try args.ints("stride", interp), padding = try args.ints("padding", interp)
        let outputPadding = try args.ints("output_padding", interp), groups = try args.int("groups", interp)
        let dilation = try args.ints("dilation", interp)
        return .tensor(try engine {
            try Tensor.convTranspose(x, weight: w, bias: b, stride: stride, padding: padding, outputPadding: outputPadding,
                                     groups: groups, dilation: dilation, dims: dims)
        })
    }

    /// PyTorch's message for arguments that fit neither `conv2d` overload. Without the call
    /// as written (`torch.conv2d`), the arguments that differ from their defaults are listed
    /// as keywords.
    private static func overloadError(_ args: BoundArguments, _ raw: Arguments?) -> PyError {
        let name = args.functionName
        var given: [String]
        if let raw {
            given = raw.positional.map(Scalars.typeName) + raw.keywords.map { "\($0.name)=\(Scalars.typeName($0.value))" }
        } else {
            given = [Scalars.typeName(args[0]), Scalars.typeName(args[1])]
            let defaults: [(String, PyValue)] = [("bias", .none), ("stride", PyValue(1)), ("padding", PyValue(0)),
                                                 ("dilation", PyValue(1)), ("groups", PyValue(1))]
            for (parameter, value) in defaults {
                let v = args[parameter]
                let isDefault: Bool
                switch (v, value) {
                case (.none, .none): isDefault = true
                case (.int(let a), .int(let b)): isDefault = a == b
                default: isDefault = false
                }
                if !isDefault { given.append("\(parameter)=\(Scalars.typeName(v))") }
            }
        }
        let common = "Tensor input, Tensor weight, Tensor bias = None, tuple of ints stride = 1"
        return PyError.typeError("""
            \(name)() received an invalid combination of arguments - got (\(given.joined(separator: ", "))), but expected one of:
             * (\(common), tuple of ints padding = 0, tuple of ints dilation = 1, int groups = 1)
             * (\(common), str padding = "valid", tuple of ints dilation = 1, int groups = 1)

            """)
    }
}
