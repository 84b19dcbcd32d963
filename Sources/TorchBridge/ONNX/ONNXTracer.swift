import MiniPython
import NeuralNet
import TensorEngine

/// Records one run of a model's forward as an ONNX graph (see Note [Tracing hook]).
///
/// Tensors are told apart by their Python object: the example inputs and every tensor an
/// op computed from them are *traced* and stand for graph values; parameters and buffers
/// become initializers named by their attribute path (`fc1.weight`); any other tensor an op
/// reads (`torch.zeros(3)` made in forward, `self.weight * 2`) was computed without the
/// inputs and is stored as a constant, as PyTorch folds it.
final class ONNXTracer: @unchecked Sendable {
    let builder: ONNXGraphBuilder
    /// The graph value of each tensor object the graph knows.
    private var values: [ObjectIdentifier: String] = [:]
    /// Which of those depend on the inputs.
    private var traced: Set<ObjectIdentifier> = []
    /// The objects behind `values`, kept alive so that their identifiers stay theirs.
    private var retained: [PyObject] = []
    /// Parameters and buffers, by object, with their names.
    private let weightNames: [ObjectIdentifier: String]

    init(opsetVersion: Int, weights: [(PyObject, String)]) {
        builder = ONNXGraphBuilder(opsetVersion: opsetVersion)
        var names: [ObjectIdentifier: String] = [:]
        for (object, name) in weights where names[ObjectIdentifier(object)] == nil {
            names[ObjectIdentifier(object)] = name
            retained.append(object)
        }
        weightNames = names
    }

    /// Declares an example input as a graph input.
    func addInput(_ tensor: PyTensor, name: String, dynamicAxes: [Int: String]) {
        let shape = tensor.tensor.shape.enumerated().map { i, size in
            dynamicAxes[i].map { ONNXDimension.param($0) } ?? .value(size)
        }
        bind(.object(tensor), to: builder.addInput(name, shape: shape))
    }

    /// The graph value holding `value` (a tensor), adding an initializer for a weight or a
    /// constant the first time one is read.
    func graphValue(_ value: PyValue) throws(PyError) -> String {
        guard let object = value.as(PyTensor.self) else {
            throw PyError.typeError("expected a Tensor, got \(value.type.name)")
        }
        let id = ObjectIdentifier(object)
        if let name = values[id] { return name }
        let tensor = object.tensor
        let name = try engine { () throws(TensorError) in
            if let weight = weightNames[id] { return try builder.addInitializer(weight, tensor) }
            return try builder.constant(tensor)
        }
        values[id] = name
        retained.append(object)
        return name
    }

    /// Whether `value` is a tensor computed from the inputs.
    func isTraced(_ value: PyValue) -> Bool {
        guard let object = value.as(PyTensor.self) else { return false }
        return traced.contains(ObjectIdentifier(object))
    }

    /// Makes the tensor object `result` stand for the graph value `name`.
    func bind(_ result: PyValue, to name: String) {
        guard let object = result.as(PyTensor.self) else { return }
        let id = ObjectIdentifier(object)
        values[id] = name
        traced.insert(id)
        retained.append(object)
    }

    /// Called after each native torch call while tracing: lowers the call to nodes if it
    /// read a traced tensor and returned a tensor.
    func record(_ op: String, signature: Signature?, _ raw: Arguments, result: PyValue,
                _ interp: Interpreter) throws(PyError) {
        let arguments = raw.positional + raw.keywords.map(\.value)
        guard arguments.contains(where: { isTraced($0) || containsTraced($0) }) else { return }
        // Iterating a traced tensor would hand out untraced rows.
        guard result.as(PyTensor.self) != nil || containsTensor(result) || op == "__iter__" else { return }
        guard let signature = signature ?? Self.signatures[op] else { throw unsupported(op) }
        try lower(op, try signature.bind(raw), result: result, interp)
    }

    /// The error for an operation the exporter cannot write, in PyTorch's words.
    func unsupported(_ op: String, detail: String? = nil) -> PyError {
        ONNXErrors.unsupportedOperator("aten::" + Self.atenName(op), opset: builder.opsetVersion, detail: detail)
    }

    /// Signatures for the native functions that bind their own arguments, and for the
    /// tensor properties that give tensors.
    private static let signatures: [String: Signature] = [
        "T": Signature("T(self)"), "mT": Signature("mT(self)"), "data": Signature("data(self)"),
        "conv1d": Signature("conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)"),
        "conv2d": Signature("conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)"),
    ]

    /// `add` for `__add__`, `__radd__` and `__iadd__`.
    static func atenName(_ op: String) -> String {
        guard op.hasPrefix("__"), op.hasSuffix("__"), op.count > 4 else { return op }
        var name = String(op.dropFirst(2).dropLast(2))
        for prefix in ["r", "i"] where name.hasPrefix(prefix) && operatorNames.contains(String(name.dropFirst())) {
            name.removeFirst()
        }
        return name
    }

    private static let operatorNames: Set<String> = ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul",
                                                     "and", "or", "xor", "lshift", "rshift"]

    private func containsTraced(_ value: PyValue) -> Bool {
        guard let items = Self.sequenceItems(value) else { return false }
        return items.contains { isTraced($0) }
    }

    private func containsTensor(_ value: PyValue) -> Bool {
        Self.sequenceItems(value)?.contains { $0.as(PyTensor.self) != nil } ?? false
    }

    /// The items of a list or tuple (where `torch.cat` takes its tensors).
    static func sequenceItems(_ value: PyValue) -> [PyValue]? {
        if let tuple = value.as(PyTuple.self) { return tuple.items }
        if let list = value.as(PyList.self) { return list.items }
        return nil
    }
}
