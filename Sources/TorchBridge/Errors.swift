import MiniPython
import TensorEngine

/// The one place where engine errors become Python exceptions.
///
/// The engine throws ``TensorError`` values carrying PyTorch's wording; the bridge maps
/// each kind to the exception class PyTorch raises:
///
/// | `TensorError.Kind` | Python exception |
/// |---|---|
/// | `.runtime` | `RuntimeError` |
/// | `.index` | `IndexError` |
/// | `.type` | `TypeError` |
/// | `.value` | `ValueError` |
/// | `.notImplemented` | `NotImplementedError` |
/// | `.outOfMemory` | `torch.OutOfMemoryError` (a `RuntimeError` subclass) |
extension PyError {
    /// The Python exception for an engine error.
    public init(_ error: TensorError) {
        let type: PyType
        switch error.kind {
        case .runtime: type = .runtimeError
        case .index: type = .indexError
        case .type: type = .typeError
        case .value: type = .valueError
        case .notImplemented: type = .notImplementedError
        case .outOfMemory: type = TorchErrors.outOfMemoryError
        }
        self.init(type: type, message: error.message)
    }
}

/// Runs engine code, turning its ``TensorError`` into the matching Python exception.
///
/// ```swift
/// let y = try engine { try x.exp() }
/// ```
/// The closure is untyped-throwing so that one-line bodies need no `throws(TensorError)`
/// annotation (closures do not infer typed throws from context in Swift 6); only engine
/// errors and Python errors reach it.
@inline(__always)
func engine<T>(_ body: () throws -> T) throws(PyError) -> T {
    do {
        return try body()
    } catch let error as TensorError {
        throw PyError(error)
    } catch let error as PyError {
        throw error
    } catch {
        throw PyError.runtimeError("\(error)")
    }
}

/// Exception classes that live in the `torch` module.
enum TorchErrors {
    /// `torch.OutOfMemoryError` (PyTorch: `torch.cuda.OutOfMemoryError`, also exported as
    /// `torch.OutOfMemoryError`): a `RuntimeError` subclass.
    static let outOfMemoryError: PyType = {
        let type = PyType(name: "OutOfMemoryError", module: "torch", base: .runtimeError)
        PyType.registerExceptionType(type)
        return type
    }()

    /// PyTorch's `Torch not compiled with CUDA enabled` (an `AssertionError`).
    static var noCUDA: PyError {
        PyError(type: .assertionError, message: "Torch not compiled with CUDA enabled")
    }

    /// A feature of PyTorch the tutor does not have.
    static func notInTutor(_ what: String) -> PyError {
        PyError.notImplementedError("\(what) is not available in pytorch-tutor")
    }
}
