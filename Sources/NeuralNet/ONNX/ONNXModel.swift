/// An ONNX model as written to a `.onnx` file: the subset of `onnx.proto`'s `ModelProto`
/// that exported feed-forward networks use.
///
/// Field names follow `onnx.proto` (`irVersion` is `ir_version`); ``ONNXModel/encoded()``
/// writes the protobuf bytes.
public struct ONNXModel: Sendable {
    /// `ir_version`: the file format revision (8 goes with opsets up to 18).
    public var irVersion: Int
    /// The version of the default operator set (`opset_import` for domain "").
    public var opsetVersion: Int
    public var producerName: String
    public var producerVersion: String
    public var graph: ONNXGraph
}

/// `GraphProto`: nodes in execution order, the weights, and the typed inputs and outputs.
public struct ONNXGraph: Sendable {
    public var name: String
    public var nodes: [ONNXNode]
    public var initializers: [ONNXTensor]
    public var inputs: [ONNXValueInfo]
    public var outputs: [ONNXValueInfo]
}

/// `NodeProto`: one operator call, reading and writing values by name.
public struct ONNXNode: Sendable, Equatable {
    public var opType: String
    public var name: String
    public var inputs: [String]
    public var outputs: [String]
    public var attributes: [ONNXAttribute]
}

/// `AttributeProto`: a named constant argument of a node (`kernel_shape`, `alpha`...).
public struct ONNXAttribute: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case int(Int)
        case float(Float)
        case ints([Int])
        case string(String)
    }

    public var name: String
    public var value: Value

    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }
}

/// `TensorProto` with its data as `raw_data` (little-endian element bytes).
public struct ONNXTensor: Sendable, Equatable {
    /// `TensorProto.DataType` values the exporter writes.
    public enum DataType: Int, Sendable {
        case float = 1
        case int64 = 7
    }

    public var name: String
    public var dims: [Int]
    public var dataType: DataType
    public var rawData: [UInt8]

    /// A float32 tensor with `values` in row-major order.
    public init(name: String, dims: [Int], floats values: [Float]) {
        self.name = name
        self.dims = dims
        self.dataType = .float
        rawData = []
        rawData.reserveCapacity(values.count * 4)
        for v in values {
            let bits = v.bitPattern
            for shift in stride(from: 0, to: 32, by: 8) { rawData.append(UInt8(truncatingIfNeeded: bits >> UInt32(shift))) }
        }
    }

    /// An int64 tensor (shape arguments of `Reshape`).
    public init(name: String, dims: [Int], int64s values: [Int]) {
        self.name = name
        self.dims = dims
        self.dataType = .int64
        rawData = []
        for v in values {
            let bits = UInt64(bitPattern: Int64(v))
            for shift in stride(from: 0, to: 64, by: 8) { rawData.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        }
    }
}

/// One dimension of a graph input or output: a fixed size, a named size that may vary
/// between runs (`dynamic_axes`), or unknown.
public enum ONNXDimension: Sendable, Equatable {
    case value(Int)
    case param(String)
    case unknown
}

/// `ValueInfoProto` of a float32 tensor: its name and shape.
public struct ONNXValueInfo: Sendable, Equatable {
    public var name: String
    public var shape: [ONNXDimension]
}
