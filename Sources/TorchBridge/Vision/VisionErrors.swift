import MiniPython
import NeuralNet

extension PyError {
    /// The Python exception for an error of the vision readers and image kernels.
    init(_ error: VisionError) {
        let type: PyType
        switch error.kind {
        case .fileNotFound: type = .fileNotFoundError
        case .io: type = .osError
        case .corrupt: type = .runtimeError
        case .value: type = .valueError
        }
        self.init(type: type, message: error.message)
    }
}

/// Runs vision code, turning its ``VisionError`` into the matching Python exception.
func vision<T>(_ body: () throws(VisionError) -> T) throws(PyError) -> T {
    do {
        return try body()
    } catch {
        throw PyError(error)
    }
}
