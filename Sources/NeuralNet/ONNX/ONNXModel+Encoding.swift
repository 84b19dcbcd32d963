/// The protobuf encoding of ``ONNXModel``, with the field numbers of `onnx.proto`.
extension ONNXModel {
    /// The bytes of a `.onnx` file.
    public func encoded() -> [UInt8] {
        var w = ProtobufWriter()
        w.int(1, irVersion)
        w.string(2, producerName)
        w.string(3, producerVersion)
        w.message(7) { graph.encode(into: &$0) }
        w.message(8) { opset in
            opset.string(1, "")
            opset.int(2, opsetVersion)
        }
        return w.bytes
    }
}

extension ONNXGraph {
    func encode(into w: inout ProtobufWriter) {
        for node in nodes { w.message(1) { node.encode(into: &$0) } }
        w.string(2, name)
        for tensor in initializers { w.message(5) { tensor.encode(into: &$0) } }
        for input in inputs { w.message(11) { input.encode(into: &$0) } }
        for output in outputs { w.message(12) { output.encode(into: &$0) } }
    }
}

extension ONNXNode {
    func encode(into w: inout ProtobufWriter) {
        for input in inputs { w.string(1, input) }
        for output in outputs { w.string(2, output) }
        w.string(3, name)
        w.string(4, opType)
        for attribute in attributes { w.message(5) { attribute.encode(into: &$0) } }
    }
}

extension ONNXAttribute {
    /// `AttributeProto`: the value goes in the field of its kind, and `type` (field 20)
    /// names that kind (`AttributeType` FLOAT 1, INT 2, STRING 3, INTS 7).
    func encode(into w: inout ProtobufWriter) {
        w.string(1, name)
        switch value {
        case .float(let f):
            w.float(2, f)
            w.int(20, 1)
        case .int(let i):
            w.int(3, i)
            w.int(20, 2)
        case .string(let s):
            w.string(4, s)
            w.int(20, 3)
        case .ints(let list):
            for i in list { w.int(8, i) }
            w.int(20, 7)
        }
    }
}

extension ONNXTensor {
    func encode(into w: inout ProtobufWriter) {
        for d in dims { w.int(1, d) }
        w.int(2, dataType.rawValue)
        w.string(8, name)
        w.data(9, rawData)
    }
}

extension ONNXValueInfo {
    /// `ValueInfoProto { name, type: TypeProto { tensor_type: { elem_type: FLOAT, shape } } }`.
    func encode(into w: inout ProtobufWriter) {
        w.string(1, name)
        w.message(2) { type in
            type.message(1) { tensorType in
                tensorType.int(1, ONNXTensor.DataType.float.rawValue)
                tensorType.message(2) { shapeProto in
                    for dim in shape {
                        shapeProto.message(1) { d in
                            switch dim {
                            case .value(let v): d.int(1, v)
                            case .param(let p): d.string(2, p)
                            case .unknown: break
                            }
                        }
                    }
                }
            }
        }
    }
}
