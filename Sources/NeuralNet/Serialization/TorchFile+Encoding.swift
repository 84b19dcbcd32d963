import TensorEngine

/// Turns a ``TorchValue`` into the graph `torch.save` pickles: tensors become
/// `_rebuild_tensor_v2` calls over persistent storage ids, parameters wrap them in
/// `_rebuild_parameter`, OrderedDicts are `OrderedDict()` plus SETITEMS (and BUILD of their
/// attributes).
///
/// Each storage gets one key ("0", "1", ... in order of first use) and is saved whole, with
/// the tensor's offset and strides, so views and tensors sharing a storage share it again
/// after loading. A `Tensor` object met twice becomes one node, pickled once.
struct TorchEncoder {
    typealias Ref = PickleGraph.Ref

    private(set) var graph = PickleGraph()
    /// The storages to write, with their keys, in key order.
    private(set) var storages: [(key: String, storage: Storage)] = []
    private var storageKeys: [ObjectIdentifier: String] = [:]
    private var tensorNodes: [TensorIdentity: Ref] = [:]
    private var globals: [String: Ref] = [:]

    private struct TensorIdentity: Hashable {
        let tensor: ObjectIdentifier
        let isParameter: Bool
    }

    mutating func node(_ value: TorchValue, depth: Int) throws(SerializationError) -> Ref {
        guard depth <= TorchFile.maxDepth else {
            throw .notImplemented("torch.save: the object nests more than \(TorchFile.maxDepth) levels deep, deeper than pytorch-tutor saves")
        }
        switch value {
        case .none: return graph.add(.none)
        case .bool(let b): return graph.add(.bool(b))
        case .int(let i): return graph.add(.int(i))
        case .bigInt(let negative, let magnitude): return graph.add(.long(try Self.twosComplement(negative, magnitude)))
        case .float(let d): return graph.add(.float(d))
        case .string(let s): return graph.add(.string(s))
        case .tuple(let items): return graph.add(.tuple(try nodes(items, depth)))
        case .list(let items): return graph.add(.list(try nodes(items, depth)))
        case .set(let items):
            let list = graph.add(.list(try nodes(items, depth)))
            return call(TorchGlobals.set, [list])
        case .dict(let dict): return try self.dict(dict, depth)
        case .tensor(let tensor, let isParameter): return tensorNode(tensor, isParameter: isParameter)
        case .dtype(let name): return global("torch.\(name)")
        case .size(let dims): return call(TorchGlobals.size, [graph.add(.tuple(dims.map { graph.add(.int($0)) }))])
        case .device(let text):
            let parts = text.split(separator: ":", maxSplits: 1)
            var args = [graph.add(.string(String(parts.first ?? "cpu")))]
            if parts.count == 2, let index = Int(parts[1]) { args.append(graph.add(.int(index))) }
            return call(TorchGlobals.device, args)
        case .object(let object):
            // A class node of its own: `global(_:)` splits paths at their last dot.
            let key = "\(object.module)\n\(object.name)"
            let callable = globals[key] ?? graph.add(.global(module: object.module, name: object.name))
            globals[key] = callable
            let arguments = graph.add(.tuple(try nodes(object.arguments, depth)))
            let state = try object.state.map { (state) throws(SerializationError) in try node(state, depth: depth + 1) }
            return graph.add(.call(PickleGraph.Call(callable: callable, arguments: arguments, state: state, isNewObject: true)))
        }
    }

    private mutating func nodes(_ values: [TorchValue], _ depth: Int) throws(SerializationError) -> [Ref] {
        var refs: [Ref] = []
        refs.reserveCapacity(values.count)
        for v in values { refs.append(try node(v, depth: depth + 1)) }
        return refs
    }

    private mutating func dict(_ dict: TorchDict, _ depth: Int) throws(SerializationError) -> Ref {
        var items: [(key: Ref, value: Ref)] = []
        items.reserveCapacity(dict.items.count)
        for (key, value) in dict.items { items.append((try node(key, depth: depth + 1), try node(value, depth: depth + 1))) }
        guard dict.isOrdered else { return graph.add(.dict(items)) }
        var state: Ref?
        if !dict.attributes.isEmpty {
            var attributes: [(key: Ref, value: Ref)] = []
            for (name, value) in dict.attributes {
                attributes.append((graph.add(.string(name)), try node(value, depth: depth + 2)))
            }
            state = graph.add(.dict(attributes))
        }
        let callable = global(TorchGlobals.orderedDict)
        return graph.add(.call(PickleGraph.Call(callable: callable, arguments: graph.add(.tuple([])),
                                                dictItems: items, state: state)))
    }

    /// `_rebuild_tensor_v2(('storage', torch.FloatStorage, key, 'cpu', numel), offset, size,
    /// stride, requires_grad, OrderedDict())`, inside `_rebuild_parameter(data,
    /// requires_grad, OrderedDict())` for a parameter (whose data does not require grad).
    private mutating func tensorNode(_ tensor: Tensor, isParameter: Bool) -> Ref {
        let identity = TensorIdentity(tensor: ObjectIdentifier(tensor), isParameter: isParameter)
        if let ref = tensorNodes[identity] { return ref }
        let storage = tensor.storage
        let key: String
        if let existing = storageKeys[ObjectIdentifier(storage)] {
            key = existing
        } else {
            key = String(storages.count)
            storageKeys[ObjectIdentifier(storage)] = key
            storages.append((key, storage))
        }
        let id = graph.add(.tuple([graph.add(.string("storage")), global("torch.\(TorchGlobals.storageName(storage.dtype))"),
                                   graph.add(.string(key)), graph.add(.string("cpu")), graph.add(.int(storage.count))]))
        let rebuilt = call(TorchGlobals.rebuildTensor, [
            graph.add(.persistent(id: id)), graph.add(.int(tensor.offset)),
            graph.add(.tuple(tensor.shape.map { graph.add(.int($0)) })),
            graph.add(.tuple(tensor.strides.map { graph.add(.int($0)) })),
            graph.add(.bool(tensor.requiresGrad && !isParameter)), call(TorchGlobals.orderedDict, []),
        ])
        let ref = isParameter
            ? call(TorchGlobals.rebuildParameter, [rebuilt, graph.add(.bool(tensor.requiresGrad)), call(TorchGlobals.orderedDict, [])])
            : rebuilt
        tensorNodes[identity] = ref
        return ref
    }

    private mutating func call(_ path: String, _ args: [Ref]) -> Ref {
        let callable = global(path)
        return graph.add(.call(PickleGraph.Call(callable: callable, arguments: graph.add(.tuple(args)))))
    }

    /// One node per global, named as protocol 2 names it (`builtins` is `__builtin__`).
    private mutating func global(_ path: String) -> Ref {
        if let ref = globals[path] { return ref }
        let dot = path.lastIndex(of: ".") ?? path.startIndex
        var module = String(path[..<dot])
        if module == "builtins" { module = "__builtin__" }
        let ref = graph.add(.global(module: module, name: String(path[path.index(after: dot)...])))
        globals[path] = ref
        return ref
    }

    /// Sign and magnitude limbs as LONG1's shortest little-endian two's complement bytes.
    static func twosComplement(_ negative: Bool, _ magnitude: [UInt64]) throws(SerializationError) -> [UInt8] {
        var bytes: [UInt8] = []
        for limb in magnitude { bytes.appendLittleEndian(limb, width: 8) }
        bytes.append(0)
        if negative {
            var carry = true
            for i in bytes.indices {
                let (sum, overflow) = (~bytes[i]).addingReportingOverflow(carry ? 1 : 0)
                bytes[i] = sum
                carry = carry && overflow
            }
        }
        while bytes.count > 1, let last = bytes.last,
              (last == 0 && bytes[bytes.count - 2] & 0x80 == 0) || (last == 0xFF && bytes[bytes.count - 2] & 0x80 != 0) {
            bytes.removeLast()
        }
        guard bytes.count <= 255 else {
            throw .notImplemented("torch.save in pytorch-tutor stores ints of up to 2040 bits")
        }
        return bytes
    }
}
