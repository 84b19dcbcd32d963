import MiniPython
import TensorEngine

/// Pooling: `F.max_pool1d/2d`, `F.avg_pool1d/2d`, `F.adaptive_avg_pool1d/2d`,
/// `F.adaptive_max_pool1d/2d`, and their `torch.` spellings (`torch.max_pool2d`,
/// `torch.avg_pool1d`, `torch.adaptive_max_pool1d`, ...).
/// https://pytorch.org/docs/stable/nn.functional.html#pooling-functions
extension FunctionalModule {
    static func addPooling(to module: PyModule) {
        for dims in [1, 2] {
            /// torch.nn.functional.max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1,
            /// ceil_mode=False, return_indices=False)
            module.addFunction("max_pool\(dims)d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False)") { (interp, args) throws(PyError) in
                try maxPool(interp, args, dims: dims, indices: try args.bool("return_indices"))
            }
            module.addFunction("max_pool\(dims)d_with_indices(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False)") { (interp, args) throws(PyError) in
                try maxPool(interp, args, dims: dims, indices: true)
            }
            /// torch.nn.functional.adaptive_max_pool2d(input, output_size, return_indices=False)
            module.addFunction("adaptive_max_pool\(dims)d(input, output_size, return_indices=False)") { (interp, args) throws(PyError) in
                try adaptiveMaxPool(interp, args, dims: dims, indices: try args.bool("return_indices"))
            }
            module.addFunction("adaptive_max_pool\(dims)d_with_indices(input, output_size, return_indices=False)") { (interp, args) throws(PyError) in
                try adaptiveMaxPool(interp, args, dims: dims, indices: true)
            }
        }
        /// torch.nn.functional.avg_pool1d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True)
        module.addFunction("avg_pool1d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True)") { (interp, args) throws(PyError) in
            try avgPool(interp, args, dims: 1)
        }
        /// torch.nn.functional.avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False,
        /// count_include_pad=True, divisor_override=None)
        module.addFunction("avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None)") { (interp, args) throws(PyError) in
            try avgPool(interp, args, dims: 2)
        }
        /// torch.nn.functional.adaptive_avg_pool1d(input, output_size)
        module.addFunction("adaptive_avg_pool1d(input, output_size)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), size = try args.ints("output_size", interp)
            return .tensor(try engine { try x.adaptiveAvgPool1d(size) })
        }
        /// torch.nn.functional.adaptive_avg_pool2d(input, output_size); `None` keeps a size.
        module.addFunction("adaptive_avg_pool2d(input, output_size)") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), size = try adaptiveSize(args, interp, x)
            return .tensor(try engine { try x.adaptiveAvgPool2d(size) })
        }
    }

    /// `torch.max_pool1d`, `torch.max_pool2d`, `torch.max_pool1d_with_indices`, `torch.avg_pool1d`,
    /// `torch.adaptive_avg_pool1d`, `torch.adaptive_max_pool1d`.
    static let poolingTorchOps: [TorchOp] = {
        var ops: [TorchOp] = []
        for dims in [1, 2] {
            ops.append(.function("max_pool\(dims)d", signature: "input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False") { (interp, args) throws(PyError) in
                try maxPool(interp, args, dims: dims, indices: false)
            })
        }
        ops.append(.function("max_pool1d_with_indices", signature: "input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False") { (interp, args) throws(PyError) in
            try maxPool(interp, args, dims: 1, indices: true)
        })
        ops.append(.function("avg_pool1d", signature: "input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True") { (interp, args) throws(PyError) in
            try avgPool(interp, args, dims: 1)
        })
        ops.append(.function("adaptive_avg_pool1d", signature: "input, output_size") { (interp, args) throws(PyError) in
            let x = try args.tensor(0), size = try args.ints("output_size", interp)
            return .tensor(try engine { try x.adaptiveAvgPool1d(size) })
        })
        ops.append(.function("adaptive_max_pool1d", signature: "input, output_size") { (interp, args) throws(PyError) in
            try adaptiveMaxPool(interp, args, dims: 1, indices: true)
        })
        return ops
    }()

    private static func maxPool(_ interp: Interpreter, _ args: BoundArguments, dims: Int, indices: Bool) throws(PyError) -> PyValue {
        let x = try args.tensor(0), k = try args.ints("kernel_size", interp), s = try args.intsOrEmpty("stride", interp)
        let p = try args.ints("padding", interp), d = try args.ints("dilation", interp), ceil = try args.bool("ceil_mode")
        if indices {
            let (values, idx) = try engine {
                dims == 1 ? try x.maxPool1dWithIndices(kernel: k, stride: s, padding: p, dilation: d, ceilMode: ceil)
                          : try x.maxPool2dWithIndices(kernel: k, stride: s, padding: p, dilation: d, ceilMode: ceil)
            }
            return pair(values, idx)
        }
        return .tensor(try engine {
            dims == 1 ? try x.maxPool1d(kernel: k, stride: s, padding: p, dilation: d, ceilMode: ceil)
                      : try x.maxPool2d(kernel: k, stride: s, padding: p, dilation: d, ceilMode: ceil)
        })
    }

    private static func avgPool(_ interp: Interpreter, _ args: BoundArguments, dims: Int) throws(PyError) -> PyValue {
        let x = try args.tensor(0), k = try args.ints("kernel_size", interp), s = try args.intsOrEmpty("stride", interp)
        let p = try args.ints("padding", interp), ceil = try args.bool("ceil_mode")
        let includePad = try args.bool("count_include_pad")
        if dims == 1 {
            return .tensor(try engine { try x.avgPool1d(kernel: k, stride: s, padding: p, ceilMode: ceil, countIncludePad: includePad) })
        }
        let divisor = try args.optionalInt("divisor_override", interp)
        return .tensor(try engine {
            try x.avgPool2d(kernel: k, stride: s, padding: p, ceilMode: ceil, countIncludePad: includePad, divisorOverride: divisor)
        })
    }

    private static func adaptiveMaxPool(_ interp: Interpreter, _ args: BoundArguments, dims: Int, indices: Bool) throws(PyError) -> PyValue {
        let x = try args.tensor(0)
        let size = dims == 1 ? try args.ints("output_size", interp) : try adaptiveSize(args, interp, x)
        let (values, idx) = try engine { dims == 1 ? try x.adaptiveMaxPool1d(size) : try x.adaptiveMaxPool2d(size) }
        return indices ? pair(values, idx) : .tensor(values)
    }

    /// `output_size` of the 2-d adaptive pools: an int, or a tuple where `None` keeps the
    /// input's size (PyTorch's `_list_with_default`).
    private static func adaptiveSize(_ args: BoundArguments, _ interp: Interpreter, _ x: Tensor) throws(PyError) -> [Int] {
        let v = args["output_size"]
        guard IntArgs.isSequence(v) else {
            let n = try args.ints("output_size", interp)
            return n + n
        }
        let items = try interp.toArray(v)
        guard x.dim > items.count else { throw PyError.valueError("Input dimension should be at least \(items.count + 1)") }
        var out: [Int] = []
        for (item, size) in zip(items, x.shape.suffix(items.count)) {
            out.append(item.isNone ? size : try IntArgs.int(item, interp, args.functionName, "output_size"))
        }
        return out
    }
}
