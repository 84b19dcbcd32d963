import TensorEngine

/// Turns an unpickled graph into a ``TorchValue``: runs the few calls a `.pt` pickle makes
/// (`_rebuild_tensor_v2`, `_rebuild_parameter`, `OrderedDict`, `torch.Size`, ...) and loads
/// the storages their persistent ids name.
///
/// Storages are loaded once per record and shared, so views and tensors saved from one
/// storage share it again; a call reached twice yields the same `Tensor` object. The walk
/// stops at ``TorchFile/maxDepth``, at containers that contain themselves, and when shared
/// containers would expand to far more values than the pickle has objects (a few bytes of
/// memo references can describe billions of them).
struct TorchDecoder {
    typealias Ref = PickleGraph.Ref

    let graph: PickleGraph
    let archive: TorchArchive
    let byteOrder: ByteOrder
    let mapLocation: TorchFile.LocationMap
    private var storages: [String: Storage] = [:]
    private var tensors: [Ref: TorchValue] = [:]
    private var onPath: Set<Ref> = []
    private var budget: Int

    init(graph: PickleGraph, archive: TorchArchive, byteOrder: ByteOrder, mapLocation: TorchFile.LocationMap) {
        self.graph = graph
        self.budget = 64 * graph.nodes.count + 100_000
        self.archive = archive
        self.byteOrder = byteOrder
        self.mapLocation = mapLocation
    }

    mutating func value(_ ref: Ref, depth: Int) throws(SerializationError) -> TorchValue {
        guard depth <= TorchFile.maxDepth else {
            throw .notImplemented("torch.load: the object in this file nests more than \(TorchFile.maxDepth) levels deep, deeper than pytorch-tutor loads")
        }
        budget -= 1
        guard budget >= 0 else {
            throw .notImplemented("torch.load: the shared objects in this file expand to more values than pytorch-tutor loads")
        }
        if let tensor = tensors[ref] { return tensor }
        guard onPath.insert(ref).inserted else {
            throw .notImplemented("torch.load: this file holds a container that contains itself, which pytorch-tutor cannot load")
        }
        defer { onPath.remove(ref) }
        switch graph[ref] {
        case .none: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .long(let bytes): return Self.bigInt(bytes)
        case .float(let d): return .float(d)
        case .string(let s): return .string(s)
        case .tuple(let items): return .tuple(try values(items, depth))
        case .list(let items): return .list(try values(items, depth))
        case .dict(let items): return .dict(TorchDict(try pairs(items, depth)))
        case .global(let module, let name):
            if module == "torch", TorchGlobals.dtypeNames.contains(name) { return .dtype(name) }
            if !TorchGlobals.isSupported(module, name) { throw TorchGlobals.notRebuilt("\(module).\(name)") }
            throw .notImplemented("torch.load: pytorch-tutor cannot return \(module).\(name) itself as a value")
        case .persistent:
            throw .notImplemented("torch.load: bare storages (torch.save of tensor.untyped_storage()) are not available in pytorch-tutor; save the tensor instead")
        case .call(let call):
            let result = try self.call(call, depth)
            if case .tensor = result { tensors[ref] = result }
            return result
        }
    }

    private mutating func values(_ refs: [Ref], _ depth: Int) throws(SerializationError) -> [TorchValue] {
        var out: [TorchValue] = []
        out.reserveCapacity(refs.count)
        for ref in refs { out.append(try value(ref, depth: depth + 1)) }
        return out
    }

    private mutating func pairs(_ items: [(key: Ref, value: Ref)], _ depth: Int) throws(SerializationError) -> [(key: TorchValue, value: TorchValue)] {
        var out: [(key: TorchValue, value: TorchValue)] = []
        out.reserveCapacity(items.count)
        for item in items { out.append((try value(item.key, depth: depth + 1), try value(item.value, depth: depth + 1))) }
        return out
    }

    // MARK: - Calls

    private mutating func call(_ call: PickleGraph.Call, _ depth: Int) throws(SerializationError) -> TorchValue {
        guard case .global(let module, let name) = graph[call.callable] else {
            throw .unpickling("Trying to call reduce for unrecognized function \(graph.typeName(call.callable))")
        }
        let path = "\(module).\(name)"
        guard case .tuple(let args) = graph[call.arguments] else {
            throw .unpickling("\(path) expects a tuple of arguments, not \(graph.typeName(call.arguments))")
        }
        if path == TorchGlobals.orderedDict { return try orderedDict(args, call, depth) }
        if !TorchGlobals.isSupported(module, name) {
            guard call.isNewObject, call.dictItems.isEmpty else { throw TorchGlobals.notRebuilt(path) }
            let state = try call.state.map { (ref) throws(SerializationError) in try value(ref, depth: depth + 1) }
            return .object(TorchObject(module: module, name: name, arguments: try values(args, depth), state: state))
        }
        guard call.dictItems.isEmpty, call.state == nil else {
            throw .unpickling("Can only build Tensor, Parameter, OrderedDict or types allowlisted via `add_safe_globals`, but got <class '\(path)'>")
        }
        switch path {
        case TorchGlobals.rebuildTensor: return try rebuildTensor(args, depth)
        case TorchGlobals.rebuildParameter:
            guard args.count == 3, case .tensor(let data, false) = try value(args[0], depth: depth + 1),
                  case .bool(let requiresGrad) = graph[args[1]] else {
                throw .runtime("_rebuild_parameter() expects (data: Tensor, requires_grad: bool, backward_hooks)")
            }
            let parameter = try engine { () throws(TensorError) in
                let p = try Tensor.viewing(data.storage, offset: data.offset, shape: data.shape, strides: data.strides)
                return try p.requiresGrad_(requiresGrad)
            }
            return .tensor(parameter, isParameter: true)
        case TorchGlobals.size:
            guard args.count == 1, let dims = ints(args[0]) else { throw .runtime("torch.Size() expects a tuple of ints") }
            return .size(dims)
        case TorchGlobals.device:
            switch args.map({ graph[$0] }) {
            case let nodes where nodes.count == 1: if case .string(let s) = nodes[0] { return .device(s) }
            case let nodes where nodes.count == 2:
                if case .string(let s) = nodes[0], case .int(let i) = nodes[1] { return .device("\(s):\(i)") }
            default: break
            }
            throw .runtime("torch.device() expects a device string and an optional index")
        case TorchGlobals.set:
            guard args.count == 1, case .list(let items) = graph[args[0]] else { throw .runtime("set() expects a list") }
            return .set(try values(items, depth))
        default:
            throw .unpickling("Trying to call reduce for unrecognized function \(path)")
        }
    }

    /// `OrderedDict()` or `OrderedDict(pairs)`, then SETITEMS, then BUILD of its attributes
    /// (`state_dict()` stores `_metadata` that way).
    private mutating func orderedDict(_ args: [Ref], _ call: PickleGraph.Call, _ depth: Int) throws(SerializationError) -> TorchValue {
        var dict = TorchDict(isOrdered: true)
        if let first = args.first {
            guard args.count == 1, case .list(let items) = graph[first] else {
                throw .runtime("OrderedDict() expects no argument or a list of pairs")
            }
            for item in items {
                guard case .tuple(let pair) = graph[item], pair.count == 2 else {
                    throw .runtime("OrderedDict() expects a list of pairs")
                }
                dict.items.append((try value(pair[0], depth: depth + 1), try value(pair[1], depth: depth + 1)))
            }
        }
        dict.items += try pairs(call.dictItems, depth)
        if let state = call.state {
            switch graph[state] {
            case .none: break
            case .dict(let items):
                for (key, item) in items {
                    guard case .string(let name) = graph[key] else {
                        throw .unpickling("attribute name must be string, not '\(graph.typeName(key))'")
                    }
                    dict.attributes.append((name, try value(item, depth: depth + 1)))
                }
            default:
                throw .unpickling("state is not a dictionary")
            }
        }
        return .dict(dict)
    }

    // MARK: - Tensors

    /// `_rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])`.
    private mutating func rebuildTensor(_ args: [Ref], _ depth: Int) throws(SerializationError) -> TorchValue {
        guard args.count == 6 || args.count == 7 else {
            throw .runtime("_rebuild_tensor_v2() takes 6 or 7 arguments, got \(args.count)")
        }
        guard case .persistent(let id) = graph[args[0]] else {
            throw .runtime("_rebuild_tensor_v2() expects a storage, got \(graph.typeName(args[0]))")
        }
        guard case .int(let offset) = graph[args[1]], let shape = ints(args[2]), let strides = ints(args[3]),
              case .bool(let requiresGrad) = graph[args[4]] else {
            throw .runtime("_rebuild_tensor_v2() expects (storage, offset: int, size: tuple, stride: tuple, requires_grad: bool, backward_hooks)")
        }
        if args.count == 7, case .dict(let metadata) = graph[args[6]], !metadata.isEmpty {
            throw .notImplemented("torch.load: tensors with conjugate or negative bits are not available in pytorch-tutor")
        }
        let storage = try self.storage(id)
        let tensor = try engine { () throws(TensorError) in
            let t = try Tensor.viewing(storage, offset: offset, shape: shape, strides: strides)
            return requiresGrad ? try t.requiresGrad_(true) : t
        }
        return .tensor(tensor, isParameter: false)
    }

    /// The storage a persistent id `('storage', torch.FloatStorage, key, location, numel)` names.
    private mutating func storage(_ id: Ref) throws(SerializationError) -> Storage {
        guard case .tuple(let fields) = graph[id] else {
            throw .unpickling("persistent_load id must be tuple or int, but got <class '\(graph.typeName(id))'>")
        }
        guard let first = fields.first, case .string("storage") = graph[first] else {
            throw .unpickling("Only persistent_load of storage is allowed, but got <class '\(fields.first.map { graph.typeName($0) } ?? "NoneType")'>")
        }
        guard fields.count == 5, case .global(let module, let typeName) = graph[fields[1]],
              case .string(let key) = graph[fields[2]], case .string(let location) = graph[fields[3]],
              case .int(let numel) = graph[fields[4]], numel >= 0 else {
            throw .runtime("a storage's persistent id must be ('storage', storage type, key, location, numel)")
        }
        guard module == "torch", let dtypeName = TorchGlobals.storageDTypes[typeName] else {
            throw .notImplemented("torch.load: \(module).\(typeName) records are not available in pytorch-tutor")
        }
        guard let dtype = TorchGlobals.engineDType(dtypeName) else {
            throw .notImplemented("dtype torch.\(dtypeName) is not supported by pytorch-tutor (supported: float32, float64, int64, int32, uint8, bool)")
        }
        try restore(location)
        let cacheKey = "\(key)/\(dtypeName)"
        if let cached = storages[cacheKey] { return cached }
        let name = "data/\(key)"
        let bytes = try archive.record(name)
        let (expected, overflow) = numel.multipliedReportingOverflow(by: dtype.itemSize)
        guard !overflow, bytes.count == expected else {
            throw .runtime("record size (\(bytes.count) bytes) does not match expected size (\(overflow ? "?" : String(expected)) bytes = \(overflow ? "?" : String(expected)) elements * 1 bytes/element) for dtype Byte")
        }
        let storage = try engine { () throws(TensorError) in try Storage.fromBytes(bytes, dtype: dtype, byteOrder: byteOrder) }
        storages[cacheKey] = storage
        return storage
    }

    /// Checks that a storage saved at `location` can live where `map_location` sends it.
    private func restore(_ location: String) throws(SerializationError) {
        let target: String
        switch mapLocation {
        case .function: return
        case .saved: target = location
        case .device(let device): target = device
        case .table(let table): target = table[location] ?? location
        }
        if target == "cpu" { return }
        if target.hasPrefix("cuda") {
            throw .runtime("Attempting to deserialize object on a CUDA device but torch.cuda.is_available() is False. If you are running on a CPU-only machine, please use torch.load with map_location=torch.device('cpu') to map your storages to the CPU.")
        }
        if target == "meta" { throw .notImplemented("torch.load onto the meta device is not available in pytorch-tutor") }
        if target == "mps" { throw .runtime("torch.UntypedStorage(): Storage device not recognized: mps") }
        throw .runtime("don't know how to restore data location of torch.storage.UntypedStorage (tagged with \(target))")
    }

    // MARK: - Helpers

    /// A tuple (or list) of ints.
    private func ints(_ ref: Ref) -> [Int]? {
        let items: [Ref]
        switch graph[ref] {
        case .tuple(let t): items = t
        case .list(let l): items = l
        default: return nil
        }
        var out: [Int] = []
        for item in items {
            guard case .int(let i) = graph[item] else { return nil }
            out.append(i)
        }
        return out
    }

    /// LONG1 bytes (little-endian two's complement) as sign and magnitude limbs.
    static func bigInt(_ bytes: [UInt8]) -> TorchValue {
        let negative = (bytes.last ?? 0) & 0x80 != 0
        var magnitude = bytes
        if negative {
            // Two's complement negation: invert, then add one.
            var carry = true
            for i in magnitude.indices {
                let (sum, overflow) = (~magnitude[i]).addingReportingOverflow(carry ? 1 : 0)
                magnitude[i] = sum
                carry = carry && overflow
            }
        }
        var limbs: [UInt64] = []
        for start in stride(from: 0, to: magnitude.count, by: 8) {
            var limb: UInt64 = 0
            for (i, b) in magnitude[start..<min(start + 8, magnitude.count)].enumerated() { limb |= UInt64(b) << (8 * UInt64(i)) }
            limbs.append(limb)
        }
        while limbs.last == 0 { limbs.removeLast() }
        return .bigInt(negative: negative, magnitude: limbs)
    }

    /// Runs engine code, wrapping its errors.
    private func engine<T>(_ body: () throws(TensorError) -> T) throws(SerializationError) -> T {
        do { return try body() } catch { throw .engine(error) }
    }
}
