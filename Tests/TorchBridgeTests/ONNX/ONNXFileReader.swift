/// Reads back the `.onnx` files the exporter writes, without Python: a minimal protobuf
/// decoder and the few `onnx.proto` messages the tests look at.

/// One protobuf field value as it appears on the wire.
enum WireValue {
    case varint(UInt64)
    case bytes([UInt8])
    case fixed32(UInt32)
    case fixed64(UInt64)

    var int: Int? { if case .varint(let v) = self { return Int(truncatingIfNeeded: v) } else { return nil } }
    var data: [UInt8]? { if case .bytes(let b) = self { return b } else { return nil } }
    var string: String? { data.map { String(decoding: $0, as: UTF8.self) } }
    var float: Float? { if case .fixed32(let v) = self { return Float(bitPattern: v) } else { return nil } }
}

struct WireError: Error {}

/// The fields of one message, in order.
func decodeMessage(_ bytes: [UInt8]) throws -> [(field: Int, value: WireValue)] {
    var fields: [(Int, WireValue)] = []
    var i = 0
    func varint() throws -> UInt64 {
        var result: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard i < bytes.count, shift < 64 else { throw WireError() }
            let byte = bytes[i]
            i += 1
            result |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }
    func take(_ n: Int) throws -> [UInt8] {
        guard n >= 0, i + n <= bytes.count else { throw WireError() }
        defer { i += n }
        return Array(bytes[i..<i + n])
    }
    func little(_ raw: [UInt8]) -> UInt64 { raw.reversed().reduce(0) { $0 << 8 | UInt64($1) } }
    while i < bytes.count {
        let key = try varint()
        let field = Int(key >> 3)
        switch key & 7 {
        case 0: fields.append((field, .varint(try varint())))
        case 1: fields.append((field, .fixed64(little(try take(8)))))
        case 2: fields.append((field, .bytes(try take(Int(try varint())))))
        case 5: fields.append((field, .fixed32(UInt32(little(try take(4))))))
        default: throw WireError()
        }
    }
    return fields
}

/// What the tests check of a `ModelProto`.
struct ReadModel {
    struct Node { var opType: String; var name: String; var inputs: [String]; var outputs: [String]; var attributes: [String: WireValue]; var ints: [String: [Int]] }
    struct Initializer { var name: String; var dims: [Int]; var dataType: Int; var rawData: [UInt8] }
    struct Value { var name: String; var elemType: Int; var dims: [String] }

    var irVersion = 0
    var producerName = ""
    var opsets: [(domain: String, version: Int)] = []
    var graphName = ""
    var nodes: [Node] = []
    var initializers: [Initializer] = []
    var inputs: [Value] = []
    var outputs: [Value] = []

    init(_ bytes: [UInt8]) throws {
        for (field, value) in try decodeMessage(bytes) {
            switch field {
            case 1: irVersion = value.int ?? -1
            case 2: producerName = value.string ?? ""
            case 7: try readGraph(value.data ?? [])
            case 8:
                let opset = try decodeMessage(value.data ?? [])
                opsets.append((opset.first { $0.field == 1 }?.value.string ?? "", opset.first { $0.field == 2 }?.value.int ?? -1))
            default: break
            }
        }
    }

    private mutating func readGraph(_ bytes: [UInt8]) throws {
        for (field, value) in try decodeMessage(bytes) {
            let body = value.data ?? []
            switch field {
            case 1: nodes.append(try Self.node(body))
            case 2: graphName = value.string ?? ""
            case 5: initializers.append(try Self.initializer(body))
            case 11: inputs.append(try Self.valueInfo(body))
            case 12: outputs.append(try Self.valueInfo(body))
            default: break
            }
        }
    }

    private static func node(_ bytes: [UInt8]) throws -> Node {
        var node = Node(opType: "", name: "", inputs: [], outputs: [], attributes: [:], ints: [:])
        for (field, value) in try decodeMessage(bytes) {
            switch field {
            case 1: node.inputs.append(value.string ?? "")
            case 2: node.outputs.append(value.string ?? "")
            case 3: node.name = value.string ?? ""
            case 4: node.opType = value.string ?? ""
            case 5:
                let attribute = try decodeMessage(value.data ?? [])
                let name = attribute.first { $0.field == 1 }?.value.string ?? ""
                node.ints[name] = attribute.filter { $0.field == 8 }.compactMap { $0.value.int }
                if let single = attribute.first(where: { [2, 3, 4].contains($0.field) }) { node.attributes[name] = single.value }
            default: break
            }
        }
        return node
    }

    private static func initializer(_ bytes: [UInt8]) throws -> Initializer {
        var tensor = Initializer(name: "", dims: [], dataType: 0, rawData: [])
        for (field, value) in try decodeMessage(bytes) {
            switch field {
            case 1: tensor.dims.append(value.int ?? -1)
            case 2: tensor.dataType = value.int ?? -1
            case 8: tensor.name = value.string ?? ""
            case 9: tensor.rawData = value.data ?? []
            default: break
            }
        }
        return tensor
    }

    /// `ValueInfoProto`: dims as text, `"4"` for a size and `"batch"` for a named one.
    private static func valueInfo(_ bytes: [UInt8]) throws -> Value {
        var info = Value(name: "", elemType: 0, dims: [])
        for (field, value) in try decodeMessage(bytes) where field == 1 || field == 2 {
            if field == 1 { info.name = value.string ?? ""; continue }
            let tensorType = try decodeMessage(value.data ?? []).first { $0.field == 1 }?.value.data ?? []
            for (f, v) in try decodeMessage(tensorType) {
                if f == 1 { info.elemType = v.int ?? -1 }
                if f == 2 {
                    for (_, dim) in try decodeMessage(v.data ?? []) {
                        let d = try decodeMessage(dim.data ?? []).first
                        info.dims.append(d.map { $0.field == 1 ? String($0.value.int ?? -1) : $0.value.string ?? "" } ?? "?")
                    }
                }
            }
        }
        return info
    }
}
