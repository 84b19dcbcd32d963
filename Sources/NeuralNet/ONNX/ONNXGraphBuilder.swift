import TensorEngine

/// Collects the nodes, weights and values of an ONNX graph while a model's forward runs once
/// (tracing), then hands out the finished ``ONNXModel``.
///
/// Values are named as PyTorch's default (`torch.export`-based) exporter names them: a node's
/// output is called after the operation that made it (`linear`, `relu`, `relu_1`...), the node
/// itself `node_<output>`, weights by their attribute path (`fc1.weight`), and constants and
/// the intermediate values of multi-node patterns `val_<n>`.
///
/// Every value also carries its shape, where a dimension named in `dynamic_axes` stays
/// symbolic as it flows through the graph (see Note [Symbolic dimensions]).
public final class ONNXGraphBuilder {
    /// The version of the default operator set the nodes are written for.
    public let opsetVersion: Int
    private(set) var nodes: [ONNXNode] = []
    private(set) var initializers: [ONNXTensor] = []
    private var inputs: [ONNXValueInfo] = []
    private var shapes: [String: [ONNXDimension]] = [:]
    private var taken: Set<String> = []
    private var counter = 0

    public init(opsetVersion: Int) {
        self.opsetVersion = opsetVersion
    }

    // MARK: - Values

    /// Declares a graph input.
    public func addInput(_ name: String, shape: [ONNXDimension]) -> String {
        taken.insert(name)
        shapes[name] = shape
        inputs.append(ONNXValueInfo(name: name, shape: shape))
        return name
    }

    /// Adds a weight (parameter or buffer) under its own name, as float32.
    public func addInitializer(_ name: String, _ tensor: Tensor) throws(TensorError) -> String {
        try store(tensor, as: unique(name))
    }

    /// Adds a tensor the forward pass computed without any input (a constant), as float32.
    public func constant(_ tensor: Tensor) throws(TensorError) -> String {
        try store(tensor, as: freshName())
    }

    private func store(_ tensor: Tensor, as name: String) throws(TensorError) -> String {
        let values = try tensor.to(.float32).contiguous().toArray(Float.self)
        initializers.append(ONNXTensor(name: name, dims: tensor.shape, floats: values))
        shapes[name] = tensor.shape.map { .value($0) }
        return name
    }

    /// A 0-d float32 constant (the `2.0` of `x * 2.0`).
    public func scalar(_ value: Float) -> String {
        let name = freshName()
        initializers.append(ONNXTensor(name: name, dims: [], floats: [value]))
        shapes[name] = []
        return name
    }

    /// A 1-d int64 constant (the shape argument of `Reshape`).
    func int64s(_ values: [Int]) -> String {
        let name = freshName()
        initializers.append(ONNXTensor(name: name, dims: [values.count], int64s: values))
        shapes[name] = [.value(values.count)]
        return name
    }

    /// The shape of a value, with its symbolic dimensions.
    public func shape(of value: String) -> [ONNXDimension] { shapes[value] ?? [] }

    // MARK: - Nodes

    /// Adds a node whose output is named after `name` (made unique) and has `shape`.
    @discardableResult
    func node(_ opType: String, _ inputs: [String], _ attributes: [ONNXAttribute] = [],
              name: String, shape: [ONNXDimension]) -> String {
        let output = unique(name)
        nodes.append(ONNXNode(opType: opType, name: "node_" + output, inputs: inputs, outputs: [output],
                              attributes: attributes))
        shapes[output] = shape
        return output
    }

    /// Adds a node inside a multi-node pattern: its output is a fresh `val_<n>`.
    func step(_ opType: String, _ inputs: [String], _ attributes: [ONNXAttribute] = [],
              shape: [ONNXDimension]) -> String {
        let output = freshName()
        nodes.append(ONNXNode(opType: opType, name: "node_\(opType)_\(counter)", inputs: inputs, outputs: [output],
                              attributes: attributes))
        shapes[output] = shape
        return output
    }

    // MARK: - Finishing

    /// One graph output: the traced value, the name asked for (`output_names`), and the
    /// dims to name (`dynamic_axes`).
    public struct Output {
        public var value: String
        public var name: String?
        public var dynamicAxes: [Int: String]

        public init(value: String, name: String?, dynamicAxes: [Int: String]) {
            self.value = value
            self.name = name
            self.dynamicAxes = dynamicAxes
        }
    }

    /// The finished model: outputs renamed as asked, and nodes no output depends on left out.
    public func model(outputs: [Output], producerName: String, producerVersion: String) -> ONNXModel {
        var infos: [ONNXValueInfo] = []
        for output in outputs {
            var name = output.value
            let producedHere = nodes.contains { $0.outputs.contains(output.value) }
            let alreadyOutput = infos.contains { $0.name == output.value }
            if let wanted = output.name, wanted != output.value {
                if producedHere && !alreadyOutput && !taken.contains(wanted) {
                    rename(output.value, to: wanted)
                    name = wanted
                } else {
                    name = node("Identity", [output.value], name: wanted, shape: shape(of: output.value))
                }
            } else if !producedHere || alreadyOutput {
                name = node("Identity", [output.value], name: output.value, shape: shape(of: output.value))
            }
            var dims = shape(of: name)
            for (axis, param) in output.dynamicAxes where axis < dims.count { dims[axis] = .param(param) }
            infos.append(ONNXValueInfo(name: name, shape: dims))
        }
        let live = liveNodes(for: infos.map(\.name))
        let used = Set(live.flatMap(\.inputs))
        let graph = ONNXGraph(name: "main_graph", nodes: live, initializers: initializers.filter { used.contains($0.name) },
                              inputs: inputs, outputs: infos)
        // IR 8 is the file format of opsets up to 18; opsets 19 and 20 came with IR 9.
        return ONNXModel(irVersion: opsetVersion <= 18 ? 8 : 9, opsetVersion: opsetVersion, producerName: producerName,
                         producerVersion: producerVersion, graph: graph)
    }

    /// The nodes the outputs depend on, in their original order.
    private func liveNodes(for outputs: [String]) -> [ONNXNode] {
        var needed = Set(outputs)
        var keep = [Bool](repeating: false, count: nodes.count)
        for i in nodes.indices.reversed() where nodes[i].outputs.contains(where: needed.contains) {
            keep[i] = true
            needed.formUnion(nodes[i].inputs)
        }
        return nodes.indices.filter { keep[$0] }.map { nodes[$0] }
    }

    private func rename(_ old: String, to new: String) {
        taken.insert(new)
        shapes[new] = shapes[old]
        for i in nodes.indices {
            nodes[i].inputs = nodes[i].inputs.map { $0 == old ? new : $0 }
            if nodes[i].outputs.contains(old) {
                nodes[i].outputs = nodes[i].outputs.map { $0 == old ? new : $0 }
                nodes[i].name = "node_" + new
            }
        }
    }

    // MARK: - Names

    /// `base`, or `base_1`, `base_2`... if taken (the scheme of torch.fx node names).
    private func unique(_ base: String) -> String {
        var name = base, n = 0
        while taken.contains(name) {
            n += 1
            name = "\(base)_\(n)"
        }
        taken.insert(name)
        return name
    }

    private func freshName() -> String {
        counter += 1
        return unique("val_\(counter)")
    }
}
