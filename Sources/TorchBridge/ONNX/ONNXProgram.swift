import MiniPython

/// `torch.onnx.ONNXProgram`: what the default (dynamo) exporter returns, holding the
/// encoded model. `save(destination)` writes it (again) to a file.
final class ONNXProgram: PyObject, @unchecked Sendable {
    let bytes: [UInt8]
    let opset: Int

    init(bytes: [UInt8], opset: Int) {
        self.bytes = bytes
        self.opset = opset
        super.init(type: ONNXProgram.type)
    }

    static let type: PyType = {
        let type = PyType(name: "ONNXProgram", module: "torch.onnx", base: .object, isBaseType: false)
        /// ONNXProgram.save(destination, *, include_initializers=True, keep_initializers_as_inputs=False, external_data=None)
        type.addMethod("save(self, destination, *, include_initializers=True, keep_initializers_as_inputs=False, external_data=None)") { (interp, args) throws(PyError) in
            guard let program = args[0].as(ONNXProgram.self) else { throw PyError.typeError("save() needs an ONNXProgram") }
            let path = try interp.expectStr(args["destination"], "destination")
            try HostFile.create(try HostAccess.resolve(path), with: program.bytes, shownAs: path)
            return .none
        }
        type.addMethod("__repr__(self)") { (_, args) throws(PyError) in
            guard let program = args[0].as(ONNXProgram.self) else { return .str("ONNXProgram()") }
            return .str("ONNXProgram(model=<ir_version=\(program.opset <= 18 ? 8 : 9), opset_imports={'': \(program.opset)}, "
                        + "producer_name='pytorch-tutor', \(program.bytes.count) bytes>)")
        }
        return type
    }()
}
