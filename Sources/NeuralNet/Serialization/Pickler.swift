/// Writes a ``PickleGraph`` as protocol 2 pickle data, the way CPython's pickler writes what
/// `torch.save` gives it.
///
/// Every object except None, bools, ints, floats and the empty tuple (singletons or
/// immediates in CPython) is memoized (BINPUT) when first written, so a node reached twice
/// (a tensor stored under two keys) is written once and fetched (BINGET) afterwards;
/// unpickling then yields one shared object, as in PyTorch. Equal strings are written once
/// too: CPython memoizes by identity, and the strings of checkpoints (interned literals,
/// one-character keys, storage keys) are mostly the same object when they are equal.
/// Lists and dicts are memoized before their items and filled in batches of 1000
/// (APPENDS, SETITEMS), as CPython does. `.long` nodes must hold at most 255 bytes (LONG1).
struct Pickler {
    private let graph: PickleGraph
    private var output: [UInt8] = [PickleOpcode.proto.rawValue, 2]
    private var memo: [PickleGraph.Ref: Int] = [:]
    private var globals: [String: Int] = [:]
    private var strings: [String: Int] = [:]

    private static let batchSize = 1000

    /// The pickle of `root` and everything it reaches.
    static func pickle(_ graph: PickleGraph, root: PickleGraph.Ref) -> [UInt8] {
        var pickler = Pickler(graph: graph)
        pickler.write(root)
        pickler.emit(.stop)
        return pickler.output
    }

    private init(graph: PickleGraph) { self.graph = graph }

    private mutating func write(_ ref: PickleGraph.Ref) {
        if let index = memo[ref] { return get(index) }
        switch graph[ref] {
        case .none: emit(.none)
        case .bool(let b): emit(b ? .newTrue : .newFalse)
        case .int(let i): writeInt(i)
        case .long(let bytes):
            emit(.long1)
            output.append(UInt8(truncatingIfNeeded: bytes.count))
            output.append(contentsOf: bytes)
        case .float(let d):
            emit(.binFloat)
            for shift in stride(from: 56, through: 0, by: -8) { output.append(UInt8(truncatingIfNeeded: d.bitPattern >> UInt64(shift))) }
        case .string(let s):
            if let index = strings[s] { return get(index) }
            writeString(s)
            put(ref)
            strings[s] = memo[ref]
        case .tuple(let items):
            writeTuple(items)
            if !items.isEmpty { put(ref) }
        case .list(let items):
            emit(.emptyList)
            put(ref)
            writeBatches(items.map { [$0] }, single: .append, many: .appends)
        case .dict(let items):
            emit(.emptyDict)
            put(ref)
            writeBatches(items.map { [$0.key, $0.value] }, single: .setItem, many: .setItems)
        case .global(let module, let name):
            let key = module + "\n" + name
            if let index = globals[key] { return get(index) }
            emit(.global)
            output.append(contentsOf: Array((key + "\n").utf8))
            put(ref)
            globals[key] = memo[ref]
        case .call(let call):
            write(call.callable)
            write(call.arguments)
            emit(call.isNewObject ? .newObj : .reduce)
            put(ref)
            writeBatches(call.dictItems.map { [$0.key, $0.value] }, single: .setItem, many: .setItems)
            if let state = call.state {
                write(state)
                emit(.build)
            }
        case .persistent(let id):
            write(id)
            emit(.binPersID)
        }
    }

    private mutating func writeInt(_ i: Int) {
        switch i {
        case 0...0xFF:
            emit(.binInt1)
            output.append(UInt8(i))
        case 0...0xFFFF:
            emit(.binInt2)
            output.appendLittleEndian(i, width: 2)
        case Int(Int32.min)...Int(Int32.max):
            emit(.binInt)
            output.appendLittleEndian(i, width: 4)
        default:
            // The shortest two's complement form, as Python's `encode_long`.
            var bytes = (0..<8).map { UInt8(truncatingIfNeeded: i >> (8 * $0)) }
            while bytes.count > 1, let last = bytes.last,
                  (last == 0 && bytes[bytes.count - 2] & 0x80 == 0) || (last == 0xFF && bytes[bytes.count - 2] & 0x80 != 0) {
                bytes.removeLast()
            }
            emit(.long1)
            output.append(UInt8(bytes.count))
            output.append(contentsOf: bytes)
        }
    }

    private mutating func writeString(_ s: String) {
        emit(.binUnicode)
        output.appendLittleEndian(s.utf8.count, width: 4)
        output.append(contentsOf: s.utf8)
    }

    private mutating func writeTuple(_ items: [PickleGraph.Ref]) {
        switch items.count {
        case 0: emit(.emptyTuple)
        case 1...3:
            for item in items { write(item) }
            emit([.tuple1, .tuple2, .tuple3][items.count - 1])
        default:
            emit(.mark)
            for item in items { write(item) }
            emit(.tuple)
        }
    }

    /// Items of a list (one ref each) or dict (key and value) in batches, as CPython batches them.
    private mutating func writeBatches(_ items: [[PickleGraph.Ref]], single: PickleOpcode, many: PickleOpcode) {
        var start = 0
        while start < items.count {
            let batch = items[start..<min(start + Self.batchSize, items.count)]
            if batch.count == 1 {
                for ref in batch[batch.startIndex] { write(ref) }
                emit(single)
            } else {
                emit(.mark)
                for item in batch { for ref in item { write(ref) } }
                emit(many)
            }
            start += Self.batchSize
        }
    }

    private mutating func emit(_ op: PickleOpcode) { output.append(op.rawValue) }

    private mutating func put(_ ref: PickleGraph.Ref) {
        let index = memo.count
        memo[ref] = index
        if index < 256 {
            emit(.binPut)
            output.append(UInt8(index))
        } else {
            emit(.longBinPut)
            output.appendLittleEndian(index, width: 4)
        }
    }

    private mutating func get(_ index: Int) {
        if index < 256 {
            emit(.binGet)
            output.append(UInt8(index))
        } else {
            emit(.longBinGet)
            output.appendLittleEndian(index, width: 4)
        }
    }
}
