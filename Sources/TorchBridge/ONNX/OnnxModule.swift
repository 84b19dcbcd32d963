import MiniPython
import NeuralNet
import TensorEngine

/// `torch.onnx`: exporting a model to an ONNX file by tracing its forward once.
///
/// Note [Which exporter torch.onnx.export imitates]
/// Since PyTorch 2.9, `torch.onnx.export` defaults to `dynamo=True`: it captures the model
/// with `torch.export`, prints four pairs of `[torch.onnx] ...` progress lines, saves the file
/// and returns an `ONNXProgram`; `dynamo=False` runs the older TorchScript exporter, which
/// prints nothing (besides a DeprecationWarning) and returns None. The tutor prints and
/// returns what the chosen path does, and for both writes the graph it traces itself:
/// - the model runs in eval mode (Dropout left out, BatchNorm with its running statistics),
///   and each module's training flag is restored afterwards, as the TorchScript exporter
///   does by default (`training=TrainingMode.EVAL`); the dynamo exporter would keep a
///   train-mode Dropout's random mask in the graph, which no deployed model wants;
/// - names follow the dynamo exporter (inputs named after forward's parameters, values after
///   the ops that made them, weights by attribute path), but BatchNorm stays its own node
///   rather than being folded into the preceding convolution;
/// - the opset is 17 unless `opset_version` asks for 18–20 (the dynamo exporter writes 18
///   at least and 20 by default); the nodes written mean the same in all four;
/// - the weights are stored inside the `.onnx` file, as `external_data=False` does (PyTorch's
///   default writes them to a `<file>.data` file next to it).
enum OnnxModule {
    static func make(_ interp: Interpreter) throws(PyError) -> PyModule {
        let module = PyModule(name: "torch.onnx")
        let errors = ONNXErrors.makeModule()
        interp.addLoadedModule(errors, as: "torch.onnx.errors")
        module["errors"] = .object(errors)
        module["OnnxExporterError"] = .object(ONNXErrors.exporterError)
        module["ONNXProgram"] = .object(ONNXProgram.type)
        /// torch.onnx.is_in_onnx_export(): True while `export` runs the model's forward.
        module.addFunction("is_in_onnx_export()") { (interp, _) throws(PyError) in .bool(OpTrace.isTracing(interp)) }
        /// torch.onnx.export(model, args=(), f=None, *, kwargs=None, verbose=None, input_names=None,
        /// output_names=None, opset_version=None, dynamo=True, ..., dynamic_axes=None, ...)
        /// https://docs.pytorch.org/docs/stable/onnx_export.html
        module.addFunction("export(model, args=(), f=None, *, kwargs=None, verbose=None, input_names=None, output_names=None, opset_version=None, dynamo=True, external_data=True, dynamic_shapes=None, custom_translation_table=None, report=False, optimize=True, verify=False, profile=False, dump_exported_program=False, artifacts_dir='.', export_params=True, keep_initializers_as_inputs=False, dynamic_axes=None, training=None, operator_export_type=None, do_constant_folding=True, custom_opsets=None, export_modules_as_functions=False, autograd_inlining=True)") { (interp, args) throws(PyError) in
            try export(args, interp)
        }
        return module
    }

    static func export(_ args: BoundArguments, _ interp: Interpreter) throws(PyError) -> PyValue {
        for option in ["kwargs", "dynamic_shapes", "custom_translation_table", "custom_opsets"] where !args[option].isNone {
            throw TorchErrors.notInTutor("torch.onnx.export with \(option)= (use dynamic_axes= for sizes that vary)")
        }
        guard try interp.isTrue(args["export_params"]) else {
            throw TorchErrors.notInTutor("torch.onnx.export with export_params=False")
        }
        let opset = args["opset_version"].isNone ? 17 : try interp.expectInt(args["opset_version"])
        guard (17...20).contains(opset) else {
            throw TorchErrors.notInTutor("torch.onnx.export with opset_version=\(opset) (the tutor writes opsets 17 to 20)")
        }
        let dynamo = try interp.isTrue(args["dynamo"])
        let model = args["model"]
        let inputs = try exampleInputs(args["args"], interp)
        let inputNames = try names(args["input_names"], interp)
        let outputNames = try names(args["output_names"], interp)
        let dynamicAxes = try dynamicAxesTable(args["dynamic_axes"], interp)

        let progress = dynamo ? Progress(model: try interp.repr(model), interp: interp) : nil
        progress?.start()
        let bytes: [UInt8]
        do throws(PyError) {
            bytes = try trace(model, inputs, opset: opset, inputNames: inputNames, outputNames: outputNames,
                              dynamicAxes: dynamicAxes, interp)
        } catch {
            progress?.fail()
            throw error
        }
        progress?.finish()
        if case .str(let path) = args["f"] {
            try HostFile.create(try HostAccess.resolve(path), with: bytes, shownAs: path)
        } else if !args["f"].isNone {
            throw TorchErrors.notInTutor("torch.onnx.export to a file object (pass a file name)")
        }
        return dynamo ? .object(ONNXProgram(bytes: bytes, opset: opset)) : .none
    }

    /// Runs the model once on the inputs with a tracer recording, and encodes the graph.
    static func trace(_ model: PyValue, _ inputs: [PyTensor], opset: Int, inputNames: [String], outputNames: [String],
                      dynamicAxes: [String: [Int: String]], _ interp: Interpreter) throws(PyError) -> [UInt8] {
        var weights: [(PyObject, String)] = []
        for method in ["named_parameters", "named_buffers"] {
            for pair in try interp.toArray(try interp.callMethod(model, method, Arguments())) {
                let items = try interp.toArray(pair)
                guard items.count == 2, case .str(let name) = items[0], let object = items[1].object else { continue }
                weights.append((object, name))
            }
        }
        let tracer = ONNXTracer(opsetVersion: opset, weights: weights)
        let defaults = try forwardParameterNames(model, interp)
        for (i, input) in inputs.enumerated() {
            let name = i < inputNames.count ? inputNames[i] : (i < defaults.count ? defaults[i] : "input_\(i)")
            tracer.addInput(input, name: name, dynamicAxes: dynamicAxes[name] ?? [:])
        }

        let modules = try interp.toArray(try interp.callMethod(model, "modules", Arguments()))
        var modes: [Bool] = []
        for module in modules { modes.append(try interp.isTrue(try interp.getAttribute(module, "training"))) }
        _ = try interp.callMethod(model, "eval", Arguments())
        defer {
            for (module, mode) in zip(modules, modes) { try? interp.setAttribute(module, "training", .bool(mode)) }
        }
        let result = try OpTrace.tracing(tracer, in: interp) { () throws(PyError) in
            try GradMode.with(false) { () throws(PyError) in try interp.call(model, inputs.map { .object($0) }) }
        }

        let results = ONNXTracer.sequenceItems(result) ?? [result]
        var outputs: [ONNXGraphBuilder.Output] = []
        for (i, value) in results.enumerated() {
            guard value.tensorValue != nil else {
                throw TorchErrors.notInTutor("torch.onnx.export of a model whose forward returns \(value.type.name)")
            }
            let name = i < outputNames.count ? outputNames[i] : nil
            outputs.append(ONNXGraphBuilder.Output(value: try tracer.graphValue(value), name: name,
                                                   dynamicAxes: name.flatMap { dynamicAxes[$0] } ?? [:]))
        }
        return tracer.builder.model(outputs: outputs, producerName: "pytorch-tutor", producerVersion: TorchModule.version)
            .encoded()
    }

    // MARK: - Arguments

    /// `args`: one tensor or a tuple of tensors, all float32.
    static func exampleInputs(_ value: PyValue, _ interp: Interpreter) throws(PyError) -> [PyTensor] {
        let items = value.as(PyTensor.self) != nil ? [value] : try interp.toArray(value)
        var inputs: [PyTensor] = []
        for item in items {
            guard let tensor = item.as(PyTensor.self) else {
                throw TorchErrors.notInTutor("torch.onnx.export with a \(item.type.name) among the example inputs (pass tensors)")
            }
            guard tensor.tensor.dtype == .float32 else {
                throw TorchErrors.notInTutor("torch.onnx.export with \(tensor.tensor.dtype) inputs (the tutor exports float32 models)")
            }
            inputs.append(tensor)
        }
        return inputs
    }

    static func names(_ value: PyValue, _ interp: Interpreter) throws(PyError) -> [String] {
        if value.isNone { return [] }
        var names: [String] = []
        for item in try interp.toArray(value) { names.append(try interp.expectStr(item, "input_names")) }
        return names
    }

    /// `dynamic_axes`: `{name: {axis: dim_name}}`, or `{name: [axis, ...]}`, whose dims PyTorch
    /// names `<name>_dynamic_axes_<k>`.
    static func dynamicAxesTable(_ value: PyValue, _ interp: Interpreter) throws(PyError) -> [String: [Int: String]] {
        guard let dict = value.as(PyDict.self) else {
            if value.isNone { return [:] }
            throw PyError.typeError("dynamic_axes must be a dict, not \(value.type.name)")
        }
        var table: [String: [Int: String]] = [:]
        for (key, axes) in dict.items {
            let name = try interp.expectStr(key, "dynamic_axes")
            var entry: [Int: String] = [:]
            if let inner = axes.as(PyDict.self) {
                for (axis, dimName) in inner.items { entry[try interp.expectInt(axis)] = try interp.expectStr(dimName, "dynamic_axes") }
            } else {
                for (k, axis) in try interp.toArray(axes).enumerated() {
                    entry[try interp.expectInt(axis)] = "\(name)_dynamic_axes_\(k + 1)"
                }
            }
            table[name] = entry
        }
        return table
    }

    /// The parameter names of `model.forward` after `self` (the dynamo exporter's input names).
    static func forwardParameterNames(_ model: PyValue, _ interp: Interpreter) throws(PyError) -> [String] {
        let forward = try interp.getAttribute(model, "forward")
        guard let method = forward.as(PyMethod.self), let function = method.function.as(PyFunction.self) else { return [] }
        return function.signature.parameters.dropFirst().map(\.name)
    }

    /// The `[torch.onnx] ...` lines the dynamo exporter prints.
    struct Progress {
        let model: String
        let interp: Interpreter

        init(model repr: String, interp: Interpreter) {
            let lines = repr.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            model = String(lines.first ?? "") + (lines.count > 1 ? "[...]" : "")
            self.interp = interp
        }

        private var capture: String { "Obtain model graph for `\(model)` with `torch.export.export(..., strict=False)`" }

        func start() { say("\(capture)...") }
        func fail() { say("\(capture)... ❌") }

        func finish() {
            say("\(capture)... ✅")
            for step in ["Run decompositions", "Translate the graph into ONNX", "Optimize the ONNX graph"] {
                say("\(step)...")
                say("\(step)... ✅")
            }
        }

        private func say(_ line: String) { interp.writeStdout("[torch.onnx] \(line)\n") }
    }
}
