import TensorEngine

/// An error reading or writing a `.pt` file, carrying PyTorch's (or CPython's) wording.
///
/// Each case names the Python exception TorchBridge raises for it; the associated text is
/// the message after `ExceptionType: `.
public enum SerializationError: Error, Equatable, CustomStringConvertible {
    /// `RuntimeError`: a damaged or foreign archive, a bad tensor record, an unavailable device.
    case runtime(String)
    /// `_pickle.UnpicklingError`: bad pickle data, or a global that `weights_only` refuses.
    case unpickling(String)
    /// `EOFError`: the pickle data ends before its STOP opcode.
    case endOfFile(String)
    /// `ValueError`: a well-formed record with an impossible value (an unknown byte order).
    case value(String)
    /// `NotImplementedError`: valid PyTorch content that the tutor cannot represent.
    case notImplemented(String)
    /// An engine error while rebuilding tensors (out of memory, an invalid layout).
    case engine(TensorError)

    public var description: String {
        switch self {
        case .runtime(let m): "RuntimeError: \(m)"
        case .unpickling(let m): "UnpicklingError: \(m)"
        case .endOfFile(let m): "EOFError: \(m)"
        case .value(let m): "ValueError: \(m)"
        case .notImplemented(let m): "NotImplementedError: \(m)"
        case .engine(let e): e.description
        }
    }

    /// The text PyTorch appends to every zip-level (miniz) failure.
    static let minizAdvice = "This is an internal miniz error. If you are seeing this error, there is a high likelihood that your checkpoint file is corrupted. This can happen if the checkpoint was not saved properly, was transferred incorrectly, or the file was modified after saving."

    /// PyTorch's error for an archive it cannot open, e.g. "failed finding central directory".
    static func archive(_ reason: String) -> SerializationError {
        .runtime("PytorchStreamReader failed reading zip archive: \(reason). \(minizAdvice)")
    }

    /// PyTorch's error for a record that is listed but cannot be read.
    static func record(_ name: String, _ reason: String) -> SerializationError {
        .runtime("PytorchStreamReader failed reading file \(name): \(reason). \(minizAdvice)")
    }

    /// PyTorch's error for a record that is missing.
    static func missingRecord(_ name: String) -> SerializationError {
        .runtime("PytorchStreamReader failed locating file \(name): file not found. \(minizAdvice)")
    }
}
