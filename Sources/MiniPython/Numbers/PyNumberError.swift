/// An error raised by a numeric operation; the interpreter maps `kind` to the Python
/// exception class and uses `message` (CPython 3.11's exact wording) as its text.
public struct PyNumberError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The Python exception class this error corresponds to.
    public enum Kind: String, Sendable, Equatable {
        /// `ZeroDivisionError`
        case zeroDivision = "ZeroDivisionError"
        /// `OverflowError`
        case overflow = "OverflowError"
        /// `ValueError`
        case value = "ValueError"
        /// `TypeError`
        case type = "TypeError"
        /// `MemoryError` (used when a result would exceed `PyIntValue.maxBitLength`)
        case memory = "MemoryError"
    }

    /// Exception class.
    public var kind: Kind
    /// Exception message, e.g. `integer division or modulo by zero`.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// `ZeroDivisionError: message`.
    public var description: String { message.isEmpty ? kind.rawValue : "\(kind.rawValue): \(message)" }

    static func zeroDivision(_ m: String) -> PyNumberError { PyNumberError(.zeroDivision, m) }
    static func overflow(_ m: String) -> PyNumberError { PyNumberError(.overflow, m) }
    static func value(_ m: String) -> PyNumberError { PyNumberError(.value, m) }
    static func type(_ m: String) -> PyNumberError { PyNumberError(.type, m) }

    static let intTooLargeForFloat = PyNumberError(.overflow, "int too large to convert to float")
    static let negativeShift = PyNumberError(.value, "negative shift count")
    static let tooManyDigits = PyNumberError(.overflow, "too many digits in integer")
    static let memory = PyNumberError(.memory, "")
    static let floatRange = PyNumberError(.overflow, "(34, 'Numerical result out of range')")
}
