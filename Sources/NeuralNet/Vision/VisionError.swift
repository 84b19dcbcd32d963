/// An error from the vision readers and image kernels, with the wording the learner sees.
///
/// NeuralNet knows nothing of Python; TorchBridge maps each kind to an exception class.
public struct VisionError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// A file that is not there (`FileNotFoundError`).
        case fileNotFound = "FileNotFoundError"
        /// A file that exists but cannot be read (`OSError`).
        case io = "OSError"
        /// Bytes that do not have the expected format: truncated, wrong sizes, bad checksums
        /// (`RuntimeError`).
        case corrupt = "RuntimeError"
        /// A well-typed but invalid argument to an image operation (`ValueError`).
        case value = "ValueError"
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public static func corrupt(_ message: String) -> VisionError { VisionError(.corrupt, message) }
    public static func value(_ message: String) -> VisionError { VisionError(.value, message) }

    public var description: String { "\(kind.rawValue): \(message)" }
}
