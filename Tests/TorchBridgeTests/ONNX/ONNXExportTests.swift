import Foundation
import Testing
import MiniPython

/// `torch.onnx.export`: the files it writes, read back with ``ReadModel`` (no Python or
/// onnx package needed), what it prints and returns, and its errors. The models come from
/// `Fixtures/onnx/export_models.py`, whose files `verify_onnx.py` also runs with onnxruntime.
@Suite struct ONNXExportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/onnx")

    /// Runs export_models.py with its files going to a scratch folder and reads them back.
    func exportedModels() throws -> [String: ReadModel] {
        let folder = (FileManager.default.fileExists(atPath: ".build") ? ".build/" : "") + "onnx-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let program = try String(contentsOf: Self.fixtures.appendingPathComponent("export_models.py"), encoding: .utf8)
            .replacingOccurrences(of: "OUT = ''", with: "OUT = '\(folder)/'")
        let result = runPython(program)
        #expect(result.error == nil, "raised \(result.error ?? "")")
        var models: [String: ReadModel] = [:]
        for name in ["small_cnn", "mixed_mlp", "pools_and_shapes"] {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name).onnx")))
            models[name] = try ReadModel(bytes)
        }
        return models
    }

    /// `name [dims]` for each initializer.
    func initializers(_ model: ReadModel) -> [String] {
        model.initializers.map { "\($0.name) \($0.dims)" }
    }

    @Test func filesHaveTheTracedGraph() throws {
        let models = try exportedModels()
        for model in models.values {
            #expect(model.irVersion == 8)
            #expect(model.opsets.map(\.domain) == [""] && model.opsets.map(\.version) == [17])
            #expect(model.producerName == "pytorch-tutor")
            #expect(model.graphName == "main_graph")
            #expect(model.inputs.map(\.name) == ["x"] && model.outputs.map(\.name) == ["out"])
            #expect((model.inputs + model.outputs).allSatisfy { $0.elemType == 1 })
            for tensor in model.initializers {
                let count = tensor.dims.reduce(1, *)
                #expect(tensor.rawData.count == count * (tensor.dataType == 7 ? 8 : 4), "\(tensor.name)")
            }
        }

        let cnn = try #require(models["small_cnn"])
        #expect(cnn.nodes.map(\.opType) == ["Conv", "BatchNormalization", "Relu", "MaxPool", "Reshape", "Gemm"])
        #expect(initializers(cnn) == ["conv1.weight [4, 1, 3, 3]", "conv1.bias [4]", "bn.weight [4]", "bn.bias [4]",
                                      "bn.running_mean [4]", "bn.running_var [4]", "val_1 [2]", "fc1.weight [10, 64]",
                                      "fc1.bias [10]"])
        #expect(cnn.inputs[0].dims == ["batch", "1", "8", "8"] && cnn.outputs[0].dims == ["batch", "10"])
        #expect(cnn.nodes[0].inputs == ["x", "conv1.weight", "conv1.bias"])
        #expect(cnn.nodes[0].ints["pads"] == [1, 1, 1, 1] && cnn.nodes[0].ints["kernel_shape"] == [3, 3])
        #expect(cnn.nodes[1].attributes["epsilon"]?.float == 1e-5 && cnn.nodes[1].attributes["momentum"]?.float == 0.9)
        #expect(cnn.nodes[3].ints["kernel_shape"] == [2, 2] && cnn.nodes[3].ints["strides"] == [2, 2])
        // x.view(x.size(0), -1) with a dynamic batch: copy dim 0 from the input.
        let shape = try #require(cnn.initializers.first { $0.name == "val_1" })
        #expect(shape.dataType == 7)
        #expect(shape.rawData == [UInt8](repeating: 0, count: 8) + [UInt8](repeating: 0xff, count: 8))
        #expect(cnn.nodes.last?.attributes["transB"]?.int == 1 && cnn.nodes.last?.outputs == ["out"])
        #expect(cnn.nodes.map(\.name) == ["node_conv2d", "node_batch_norm", "node_relu", "node_max_pool2d", "node_view", "node_out"])

        let mlp = try #require(models["mixed_mlp"])
        #expect(mlp.nodes.map(\.opType) == ["Flatten", "Gemm", "BatchNormalization", "Div", "Erf", "Add", "Mul", "Mul",
                                            "LeakyRelu", "Sigmoid", "Mul", "Concat", "Tanh", "Sub", "Gemm", "Add", "LogSoftmax"])
        #expect(initializers(mlp) == ["fc1.weight [8, 12]", "fc1.bias [8]", "bn1.weight [8]", "bn1.bias [8]",
                                      "bn1.running_mean [8]", "bn1.running_var [8]", "val_1 []", "val_4 []", "val_7 []",
                                      "val_8 []", "val_9 []", "fc2.weight [5, 16]", "val_10 []"])
        #expect(mlp.inputs[0].dims == ["batch", "3", "4"] && mlp.outputs[0].dims == ["batch", "5"])
        #expect(mlp.nodes[8].attributes["alpha"]?.float == 0.1 && mlp.nodes[11].attributes["axis"]?.int == 1)
        #expect(mlp.nodes[14].inputs == ["sub", "fc2.weight"], "Linear without bias: Gemm without C")

        let pools = try #require(models["pools_and_shapes"])
        #expect(pools.nodes.map(\.opType) == ["Conv", "Relu", "AveragePool", "GlobalAveragePool", "Flatten", "AveragePool",
                                              "Reshape", "Transpose", "Transpose", "MatMul", "Add", "MatMul", "Add", "Reshape",
                                              "Concat", "Gemm", "Mul", "Mul", "Mul", "Add", "Mul", "Tanh", "Add", "Mul", "Mul",
                                              "Softmax"])
        #expect(pools.nodes[0].ints["pads"] == [1, 1, 2, 2], "padding='same' with an even kernel pads one more after")
        #expect(pools.nodes[5].ints["kernel_shape"] == [2, 2], "adaptive pooling 4x4 -> 2x2")
        #expect(initializers(pools).contains("shift [6]") && initializers(pools).contains("val_4 [6, 6]"))
        #expect(pools.inputs[0].dims == ["2", "3", "8", "8"] && pools.outputs[0].dims == ["2", "4"])
    }

    @Test func printsAndReturnsLikeTheDefaultExporter() throws {
        let folder = (FileManager.default.fileExists(atPath: ".build") ? ".build/" : "") + "onnx-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let capture = "Obtain model graph for `Sequential([...]` with `torch.export.export(..., strict=False)`"
        expectOutput("""
            import os
            import torch
            from torch import nn
            m = nn.Sequential(nn.Linear(3, 2), nn.Dropout(0.2))
            p = torch.onnx.export(m, (torch.randn(1, 3),), '\(folder)/a.onnx')
            print(type(p).__name__, m.training, m[1].training)
            p.save('\(folder)/b.onnx')
            print(os.path.getsize('\(folder)/a.onnx') == os.path.getsize('\(folder)/b.onnx') > 100)
            m.eval()
            print(torch.onnx.export(m, torch.randn(1, 3), '\(folder)/c.onnx', dynamo=False), m.training)
            """, """
            [torch.onnx] \(capture)...
            [torch.onnx] \(capture)... ✅
            [torch.onnx] Run decompositions...
            [torch.onnx] Run decompositions... ✅
            [torch.onnx] Translate the graph into ONNX...
            [torch.onnx] Translate the graph into ONNX... ✅
            [torch.onnx] Optimize the ONNX graph...
            [torch.onnx] Optimize the ONNX graph... ✅
            ONNXProgram True True
            True
            None False

            """)
    }

    @Test func unsupportedOperationsRaiseUnsupportedOperatorError() {
        func exporting(_ forward: String) -> String {
            """
            import torch
            from torch import nn
            import torch.nn.functional as F
            class Net(nn.Module):
                def __init__(self):
                    super().__init__()
                    self.fc = nn.Linear(4, 4)
                def forward(self, x):
                    \(forward)
            torch.onnx.export(Net(), torch.randn(2, 4), None, dynamo=False)
            """
        }
        expectError(exporting("return torch.exp(self.fc(x))"), "UnsupportedOperatorError",
                    "Exporting the operator 'aten::exp' to ONNX opset version 17 is not supported")
        expectError(exporting("return self.fc(x)[:, 0]"), "UnsupportedOperatorError",
                    "Exporting the operator 'aten::getitem' to ONNX opset version 17 is not supported")
        expectError(exporting("return F.dropout(self.fc(x), 0.5)"), "UnsupportedOperatorError",
                    "dropout with training=True draws a random mask on every call; pass training=self.training so that the exported (eval) model skips it")
        expectOutput("""
            import torch
            try:
                torch.onnx.export(torch.nn.Tanh(), torch.randn(2), None, dynamo=False, opset_version=11)
            except NotImplementedError as e:
                print(e)
            class Net(torch.nn.Module):
                def forward(self, x):
                    return x.exp()
            try:
                torch.onnx.export(Net(), torch.randn(2), None, dynamo=False)
            except torch.onnx.errors.UnsupportedOperatorError as e:
                print(isinstance(e, RuntimeError), isinstance(e, torch.onnx.OnnxExporterError))
            """, """
            torch.onnx.export with opset_version=11 (the tutor writes opsets 17 to 20) is not available in pytorch-tutor
            True True

            """)
    }

    @Test func identityAndTupleOutputsGetTheirNames() throws {
        let folder = (FileManager.default.fileExists(atPath: ".build") ? ".build/" : "") + "onnx-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = runPython("""
            import torch
            from torch import nn
            class Two(nn.Module):
                def forward(self, a, b):
                    print(torch.onnx.is_in_onnx_export())
                    return a, torch.relu(a.T.T + b).data
            print(torch.onnx.is_in_onnx_export())
            torch.onnx.export(Two(), (torch.randn(2, 3), torch.randn(3)), '\(folder)/two.onnx', dynamo=False,
                              output_names=['same', 'sum'], dynamic_axes={'a': [0]})
            """)
        #expect(result.error == nil, "raised \(result.error ?? "")")
        #expect(result.stdout == "False\nTrue\n")
        let model = try ReadModel([UInt8](Data(contentsOf: URL(fileURLWithPath: "\(folder)/two.onnx"))))
        #expect(model.inputs.map(\.name) == ["a", "b"])
        #expect(model.inputs[0].dims == ["a_dynamic_axes_1", "3"] && model.inputs[1].dims == ["3"])
        #expect(model.nodes.map(\.opType) == ["Transpose", "Transpose", "Add", "Relu", "Identity"])
        #expect(model.outputs.map(\.name) == ["same", "sum"])
        #expect(model.outputs[1].dims == ["a_dynamic_axes_1", "3"])
    }
}
