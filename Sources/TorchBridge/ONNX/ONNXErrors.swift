import MiniPython

/// `torch.onnx.errors`: the exporter's exception classes and their wording.
enum ONNXErrors {
    /// `torch.onnx.errors.OnnxExporterError`, the base of the exporter's errors.
    static let exporterError: PyType = {
        let type = PyType(name: "OnnxExporterError", module: "torch.onnx.errors", base: .runtimeError)
        PyType.registerExceptionType(type)
        return type
    }()

    /// `torch.onnx.errors.UnsupportedOperatorError`: an operation the exporter cannot write.
    static let unsupportedOperatorError: PyType = {
        let type = PyType(name: "UnsupportedOperatorError", module: "torch.onnx.errors", base: exporterError)
        PyType.registerExceptionType(type)
        return type
    }()

    /// PyTorch's message for an `aten::` operator with no ONNX form (`detail` says which
    /// use of a supported operator is the problem).
    static func unsupportedOperator(_ name: String, opset: Int, detail: String? = nil) -> PyError {
        let message = "Exporting the operator '\(name)' to ONNX opset version \(opset) is not supported"
        return PyError(type: unsupportedOperatorError, message: detail.map { message + " (\($0))" } ?? message)
    }

    /// An `UnsupportedOperatorError` with its own explanation.
    static func unsupported(_ message: String) -> PyError {
        PyError(type: unsupportedOperatorError, message: message)
    }

    /// The `torch.onnx.errors` module.
    static func makeModule() -> PyModule {
        let module = PyModule(name: "torch.onnx.errors")
        module["OnnxExporterError"] = .object(exporterError)
        module["UnsupportedOperatorError"] = .object(unsupportedOperatorError)
        return module
    }
}
