/// The names the profiler gives ops: PyTorch's dispatcher names (`aten::add`), with the
/// callees PyTorch's composite ops show nested inside them (`aten::linear` runs
/// `aten::addmm`), so a profile of the tutor reads like a profile of PyTorch.
enum OpNames {
    /// The profiled name of a Python-visible function or method, or nil for names PyTorch
    /// does not dispatch as ops (`size`, `dim`, `backward`, `__repr__`, ...).
    static func aten(_ name: String) -> (name: String, inner: [String])? {
        if let composite = composites[name] { return composite }
        if name.hasPrefix("__") {
            return operators[name].map { ("aten::" + $0, []) }
        }
        if name.hasPrefix("_") || notOps.contains(name) { return nil }
        return ("aten::" + name, [])
    }

    /// Composite ops and the chain of callees PyTorch records inside them.
    static let composites: [String: (name: String, inner: [String])] = [
        "linear": ("aten::linear", ["aten::addmm"]),
        "conv1d": ("aten::conv1d", ["aten::convolution", "aten::_convolution"]),
        "conv2d": ("aten::conv2d", ["aten::convolution", "aten::_convolution"]),
        "conv_transpose2d": ("aten::conv_transpose2d", ["aten::convolution", "aten::_convolution"]),
        "relu": ("aten::relu", ["aten::clamp_min"]),
        "max_pool2d": ("aten::max_pool2d", ["aten::max_pool2d_with_indices"]),
        "softmax": ("aten::softmax", ["aten::_softmax"]),
        "log_softmax": ("aten::log_softmax", ["aten::_log_softmax"]),
        "cross_entropy": ("aten::cross_entropy_loss", []),
        "nll_loss": ("aten::nll_loss_nd", ["aten::nll_loss", "aten::nll_loss_forward"]),
        "batch_norm": ("aten::batch_norm", ["aten::_batch_norm_impl_index", "aten::native_batch_norm"]),
        "layer_norm": ("aten::layer_norm", ["aten::native_layer_norm"]),
    ]

    /// Tensor operators and the ops they dispatch to.
    static let operators: [String: String] = [
        "__add__": "add", "__radd__": "add", "__iadd__": "add_",
        "__sub__": "sub", "__rsub__": "rsub", "__isub__": "sub_",
        "__mul__": "mul", "__rmul__": "mul", "__imul__": "mul_",
        "__truediv__": "div", "__rtruediv__": "div", "__itruediv__": "div_",
        "__floordiv__": "floor_divide", "__rfloordiv__": "floor_divide", "__mod__": "remainder",
        "__matmul__": "matmul", "__rmatmul__": "matmul",
        "__pow__": "pow", "__rpow__": "pow", "__ipow__": "pow_",
        "__neg__": "neg", "__abs__": "abs", "__invert__": "bitwise_not",
        "__and__": "__and__", "__or__": "__or__", "__xor__": "__xor__",
        "__lt__": "lt", "__le__": "le", "__gt__": "gt", "__ge__": "ge", "__eq__": "eq", "__ne__": "ne",
    ]

    /// The input shapes of a composite's callee, given the composite's: `addmm` takes the
    /// bias first and the weight transposed; the convolutions take more (non-tensor) arguments.
    static func calleeShapes(_ callee: String, _ shapes: [[Int]]) -> [[Int]] {
        func padded(_ count: Int) -> [[Int]] { shapes + Array(repeating: [], count: max(0, count - shapes.count)) }
        switch callee {
        case "aten::addmm" where shapes.count == 3: return [shapes[2], shapes[0], shapes[1].reversed(), [], []]
        case "aten::convolution": return padded(9)
        case "aten::_convolution": return padded(13)
        default: return shapes
        }
    }

    /// The ops whose schema ends in `alpha`.
    static let withAlpha: Set<String> = ["aten::add", "aten::add_", "aten::sub", "aten::sub_", "aten::rsub"]

    /// Methods that read metadata or drive Python, which PyTorch never dispatches as ops.
    static let notOps: Set<String> = [
        "size", "dim", "ndimension", "numel", "nelement", "stride", "storage_offset", "element_size",
        "is_contiguous", "is_floating_point", "is_complex", "is_signed", "get_device", "tolist", "numpy",
        "backward", "register_hook", "retain_grad", "requires_grad_", "type", "cpu", "cuda",
        "data_ptr", "storage", "untyped_storage", "apply_", "map_", "dim_order",
    ]
}
