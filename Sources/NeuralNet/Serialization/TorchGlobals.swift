import TensorEngine

/// The Python globals a `.pt` pickle may name, and what `weights_only` says about the rest.
///
/// The tutor rebuilds a fixed set (``supported``). Others are refused when the unpickler
/// reads them: under `weights_only=True` with PyTorch's own `UnpicklingError`, otherwise
/// (where PyTorch would import and call them) with a `NotImplementedError` that says why.
enum TorchGlobals {
    static let orderedDict = "collections.OrderedDict"
    static let rebuildTensor = "torch._utils._rebuild_tensor_v2"
    static let rebuildParameter = "torch._utils._rebuild_parameter"
    static let size = "torch.Size"
    static let device = "torch.device"
    /// `builtins.set`, which protocol 2 pickles name `__builtin__.set`.
    static let set = "builtins.set"

    /// The legacy storage classes `torch.save` names, with their dtypes.
    static let storageDTypes: [String: String] = [
        "FloatStorage": "float32", "DoubleStorage": "float64", "LongStorage": "int64", "IntStorage": "int32",
        "ByteStorage": "uint8", "BoolStorage": "bool", "HalfStorage": "float16", "BFloat16Storage": "bfloat16",
        "ShortStorage": "int16", "CharStorage": "int8", "ComplexFloatStorage": "complex64",
        "ComplexDoubleStorage": "complex128",
    ]

    /// `torch.<name>` dtypes a pickle may hold as values.
    static let dtypeNames: Set<String> = [
        "float32", "float64", "float16", "bfloat16", "int64", "int32", "int16", "int8", "uint8", "bool",
        "complex32", "complex64", "complex128", "uint16", "uint32", "uint64",
    ]

    /// The engine dtype for a dtype name, if the engine has it.
    static func engineDType(_ name: String) -> DType? {
        DType.allCases.first { $0.shortName == name }
    }

    /// The storage class name for an engine dtype.
    static func storageName(_ dtype: DType) -> String {
        switch dtype {
        case .float32: "FloatStorage"
        case .float64: "DoubleStorage"
        case .int64: "LongStorage"
        case .int32: "IntStorage"
        case .uint8: "ByteStorage"
        case .bool: "BoolStorage"
        case .int16: "ShortStorage"
        case .int8: "CharStorage"
        case .float16: "HalfStorage"
        }
    }

    static func isSupported(_ module: String, _ name: String) -> Bool {
        if module == "torch" && (storageDTypes[name] != nil || dtypeNames.contains(name)) { return true }
        return [orderedDict, rebuildTensor, rebuildParameter, size, device, set].contains("\(module).\(name)")
    }

    /// Refuses a global the tutor cannot rebuild, with the error PyTorch's `weights_only`
    /// unpickler raises for it (or, when it would load it, a `NotImplementedError`).
    static func check(_ module: String, _ name: String, weightsOnly: Bool) throws(SerializationError) {
        if isSupported(module, name) { return }
        let path = "\(module).\(name)"
        // Without weights_only any global may be named: the decoder turns NEWOBJ of a class
        // into a ``TorchObject`` and refuses every other use (``notRebuilt(_:)``).
        guard weightsOnly else { return }
        if ["sys", "os", "posix", "nt"].contains(module) {
            throw .unpickling("Trying to load unsupported GLOBAL \(path) whose module \(module) is blocked.")
        }
        if weightsOnlyAllows(module, name) {
            throw .notImplemented("torch.load: \(path) is not available in pytorch-tutor")
        }
        let shown = module == "builtins" ? name : path
        throw .unpickling("Unsupported global: GLOBAL \(shown) was not an allowed global by default. Please use `torch.serialization.add_safe_globals([\(shown)])` or the `torch.serialization.safe_globals([\(shown)])` context manager to allowlist this global if you trust this class/function.")
    }

    /// The refusal of a global the tutor does not call (it never runs functions a file names).
    static func notRebuilt(_ path: String) -> SerializationError {
        .notImplemented("torch.load in pytorch-tutor rebuilds tensors, containers, numbers and objects of classes, not \(path) objects (save a state_dict() rather than the object itself)")
    }

    /// Roughly PyTorch's `_get_allowed_globals()`: what `weights_only=True` accepts even
    /// though the tutor cannot rebuild it (sparse and quantized tensors, complex numbers...).
    private static func weightsOnlyAllows(_ module: String, _ name: String) -> Bool {
        switch module {
        case "torch", "torch.cuda": return true
        case "torch._utils": return name.hasPrefix("_rebuild")
        default:
            return ["collections.Counter", "torch.nn.parameter.Parameter", "torch.serialization._get_layout",
                    "_codecs.encode", "builtins.bytearray", "builtins.complex",
                    "torch._tensor._rebuild_from_type_v2"].contains("\(module).\(name)")
        }
    }

    // MARK: - weights_only messages

    private static let unsafeMessage = "In PyTorch 2.6, we changed the default value of the `weights_only` argument in `torch.load` from `False` to `True`. Re-running `torch.load` with `weights_only` set to `False` will likely succeed, but it can result in arbitrary code execution. Do it only if you got the file from a trusted source."
    private static let docsMessage = "\n\nCheck the documentation of torch.load to learn more about types accepted by default with weights_only https://pytorch.org/docs/stable/generated/torch.load.html."

    /// An unpickling error as `torch.load(weights_only=True)` reports it: wrapped in the
    /// explanation PyTorch gives (its terminal bold codes left out).
    static func weightsOnlyMessage(_ message: String) -> String {
        if message.contains("was not an allowed global by default.") {
            return "Weights only load failed. This file can still be loaded, to do so you have two options, do those steps only if you trust the source of the checkpoint. \n\t(1) \(unsafeMessage)\n\t(2) Alternatively, to load with `weights_only=True` please check the recommended steps in the following error message.\n\tWeightsUnpickler error: \(message)\(docsMessage)"
        }
        var text = "Weights only load failed. \(unsafeMessage)\n"
        if !message.contains("is blocked.") {
            text += "Please file an issue with the following so that we can make `weights_only=True` compatible with your use case: WeightsUnpickler error: "
        }
        return text + "\n\n" + message + docsMessage
    }
}
