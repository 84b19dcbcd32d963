/// An error raised by the engine, carrying PyTorch's wording.
///
/// `kind` says which Python exception the bridge raises; `message` is the text
/// after `ExceptionType: ` in the traceback.
public struct TensorError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// `RuntimeError`: shape mismatches, autograd misuse, most PyTorch errors.
        case runtime = "RuntimeError"
        /// `IndexError`: an index out of range.
        case index = "IndexError"
        /// `TypeError`: a wrong argument type or an unsupported dtype combination.
        case type = "TypeError"
        /// `ValueError`: a well-typed but invalid value.
        case value = "ValueError"
        /// `torch.OutOfMemoryError`: an allocation above the engine's memory limit.
        case outOfMemory = "OutOfMemoryError"
        /// `NotImplementedError`: a PyTorch feature the tutor does not have.
        case notImplemented = "NotImplementedError"
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public static func runtime(_ message: String) -> TensorError { TensorError(.runtime, message) }
    public static func index(_ message: String) -> TensorError { TensorError(.index, message) }
    public static func type(_ message: String) -> TensorError { TensorError(.type, message) }
    public static func value(_ message: String) -> TensorError { TensorError(.value, message) }

    public var description: String { "\(kind.rawValue): \(message)" }
}
