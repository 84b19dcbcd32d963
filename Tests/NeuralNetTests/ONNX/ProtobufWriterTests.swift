import Testing
import TensorEngine
@testable import NeuralNet

/// The protobuf encodings byte for byte (300 is `ac 02` as in the wire-format docs; -1 takes
/// ten bytes), and the graph builder's names, shapes and dead-node removal.
@Suite struct ProtobufWriterTests {
    @Test func varintsFloatsAndLengthDelimitedFields() {
        var w = ProtobufWriter()
        w.int(1, 8)
        w.int(2, 300)
        w.int(3, -1)
        w.float(4, 1)
        w.string(5, "ab")
        w.message(6) { $0.int(1, 0) }
        #expect(w.bytes == [0x08, 0x08,
                            0x10, 0xac, 0x02,
                            0x18, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01,
                            0x25, 0x00, 0x00, 0x80, 0x3f,
                            0x2a, 0x02, 0x61, 0x62,
                            0x32, 0x02, 0x08, 0x00])
    }

    @Test func tensorsStoreLittleEndianRawData() {
        let floats = ONNXTensor(name: "w", dims: [2], floats: [1, -2])
        #expect(floats.rawData == [0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x00, 0xc0])
        let ints = ONNXTensor(name: "s", dims: [2], int64s: [0, -1])
        #expect(ints.rawData == [UInt8](repeating: 0, count: 8) + [UInt8](repeating: 0xff, count: 8))
    }

    @Test func builderNamesValuesAndDropsDeadNodes() throws {
        let b = ONNXGraphBuilder(opsetVersion: 17)
        let x = b.addInput("x", shape: [.param("batch"), .value(4)])
        let w = try b.addInitializer("fc.weight", try Tensor.ones([3, 4]))
        let y = b.linear(x, weight: w, bias: nil, outputShape: [2, 3])
        _ = b.elementwise("Sigmoid", x, name: "sigmoid")
        let r1 = b.elementwise("Relu", y, name: "relu")
        let r2 = b.elementwise("Relu", r1, name: "relu")
        #expect([y, r1, r2] == ["linear", "relu", "relu_1"])
        #expect(b.shape(of: r2) == [.param("batch"), .value(3)])
        let model = b.model(outputs: [.init(value: r2, name: "out", dynamicAxes: [:])], producerName: "t", producerVersion: "1")
        #expect(model.graph.nodes.map(\.opType) == ["Gemm", "Relu", "Relu"])
        #expect(model.graph.nodes.map(\.name) == ["node_linear", "node_relu", "node_out"])
        #expect(model.graph.outputs == [ONNXValueInfo(name: "out", shape: [.param("batch"), .value(3)])])
        #expect(model.graph.initializers.map(\.name) == ["fc.weight"])
    }

    @Test func reshapeCopiesSymbolicDims() {
        let b = ONNXGraphBuilder(opsetVersion: 17)
        let x = b.addInput("x", shape: [.param("n"), .value(4), .value(2)])
        let y = b.reshape(x, target: [5, -1], name: "view", inputShape: [5, 4, 2], outputShape: [5, 8])
        #expect(b.shape(of: y) == [.param("n"), .value(8)])
        let z = b.reshape(y, target: [-1], name: "view", inputShape: [5, 8], outputShape: [40])
        #expect(b.shape(of: z) == [.unknown])
    }
}
