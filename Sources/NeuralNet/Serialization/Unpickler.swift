/// Reads pickle data into a ``PickleGraph``: a stack machine over the opcodes of
/// ``PickleOpcode``, as CPython's `_pickle.c` and PyTorch's `weights_only` unpickler run it.
///
/// It never calls anything: REDUCE and BUILD only record the call, which `TorchFile`
/// interprets afterwards. Globals are checked as they are read (`checkGlobal`), so a file
/// naming a forbidden global fails at the same point as in PyTorch. Every malformed input
/// becomes an error in CPython's or PyTorch's wording (`weightsOnly` picks which).
struct Unpickler {
    typealias GlobalCheck = (_ module: String, _ name: String) throws(SerializationError) -> Void

    private var input: ByteCursor
    private let weightsOnly: Bool
    private let checkGlobal: GlobalCheck
    private var graph = PickleGraph()
    private var stack: [PickleGraph.Ref] = []
    private var metastack: [[PickleGraph.Ref]] = []
    private var memo: [Int: PickleGraph.Ref] = [:]

    init(_ data: [UInt8], weightsOnly: Bool, checkGlobal: @escaping GlobalCheck) {
        self.input = ByteCursor(data)
        self.weightsOnly = weightsOnly
        self.checkGlobal = checkGlobal
    }

    /// Runs the pickle to its STOP opcode.
    ///
    /// - Returns: the graph and the index of the unpickled object.
    mutating func load() throws(SerializationError) -> (graph: PickleGraph, root: PickleGraph.Ref) {
        while true {
            guard let byte = input.byte() else { throw .endOfFile(weightsOnly ? "" : "Ran out of input") }
            guard let op = PickleOpcode(rawValue: byte) else { throw unknownOpcode(byte) }
            if op == .stop { return (graph, try pop()) }
            try run(op)
        }
    }

    // MARK: - Opcodes

    private mutating func run(_ op: PickleOpcode) throws(SerializationError) {
        switch op {
        case .proto:
            guard let version = input.byte() else { throw truncated }
            if version > 5 { throw .value("unsupported pickle protocol: \(version)") }
        case .mark:
            metastack.append(stack)
            stack = []
        case .none: push(.none)
        case .newTrue: push(.bool(true))
        case .newFalse: push(.bool(false))
        case .binInt:
            guard let v = input.unsigned(4) else { throw truncated }
            push(.int(Int(Int32(truncatingIfNeeded: v))))
        case .binInt1:
            guard let v = input.byte() else { throw truncated }
            push(.int(Int(v)))
        case .binInt2:
            guard let v = input.u16() else { throw truncated }
            push(.int(v))
        case .long1:
            guard let n = input.byte(), let bytes = input.take(Int(n)) else { throw truncated }
            push(Self.long(Array(bytes)))
        case .binFloat:
            guard let bytes = input.take(8) else { throw truncated }
            push(.float(Double(bitPattern: bytes.reduce(0) { $0 << 8 | UInt64($1) })))
        case .binUnicode:
            guard let n = input.u32(), let bytes = input.take(n) else { throw truncated }
            push(.string(try Self.text(bytes)))
        case .shortBinString:
            guard let n = input.byte(), let bytes = input.take(Int(n)) else { throw truncated }
            push(.string(try Self.text(bytes)))
        case .emptyTuple: push(.tuple([]))
        case .tuple1, .tuple2, .tuple3:
            let n = Int(op.rawValue - PickleOpcode.tuple1.rawValue) + 1
            guard stack.count >= n else { throw underflow }
            let items = Array(stack.suffix(n))
            stack.removeLast(n)
            push(.tuple(items))
        case .tuple: push(.tuple(try popMark()))
        case .emptyList: push(.list([]))
        case .emptyDict: push(.dict([]))
        case .append:
            let item = try pop()
            try appendItems([item], "append to")
        case .appends:
            let items = try popMark()
            try appendItems(items, "extend")
        case .setItem:
            let value = try pop(), key = try pop()
            try setItems([key, value], "SETITEM")
        case .setItems:
            try setItems(try popMark(), "SETITEMS")
        case .global:
            guard let module = input.line(), let name = input.line() else { throw truncated }
            let (m, n) = Self.python3Name(try Self.text(module), try Self.text(name))
            try checkGlobal(m, n)
            push(.global(module: m, name: n))
        case .reduce, .newObj:
            let arguments = try pop(), callable = try pop()
            push(.call(PickleGraph.Call(callable: callable, arguments: arguments, isNewObject: op == .newObj)))
        case .build:
            let state = try pop()
            let target = try top()
            guard case .call = graph[target], case .call(var call) = graph.take(target) else {
                throw .unpickling("Can only build Tensor, Parameter, OrderedDict or types allowlisted via `add_safe_globals`, but got <class '\(graph.typeName(target))'>")
            }
            call.state = state
            graph[target] = .call(call)
        case .binPersID:
            let id = try pop()
            push(.persistent(id: id))
        case .binGet, .longBinGet:
            guard let index = op == .binGet ? input.byte().map(Int.init) : input.u32() else { throw truncated }
            guard let ref = memo[index] else { throw .unpickling("Memo value not found at index \(index)") }
            stack.append(ref)
        case .binPut, .longBinPut:
            guard let index = op == .binPut ? input.byte().map(Int.init) : input.u32() else { throw truncated }
            memo[index] = try top()
        case .stop:
            break
        }
    }

    private mutating func appendItems(_ items: [PickleGraph.Ref], _ verb: String) throws(SerializationError) {
        let target = try top()
        // Checked before taking the node out, which leaves `.none` in its place.
        guard case .list = graph[target], case .list(var list) = graph.take(target) else {
            throw .unpickling("Can only \(verb) lists, but got <class '\(graph.typeName(target))'>")
        }
        list.append(contentsOf: items)
        graph[target] = .list(list)
    }

    /// SETITEM(S) on a dict, or on the result of a call (`OrderedDict()`).
    private mutating func setItems(_ flat: [PickleGraph.Ref], _ opcode: String) throws(SerializationError) {
        guard flat.count % 2 == 0 else { throw .unpickling("odd number of items for SETITEMS") }
        let pairs = stride(from: 0, to: flat.count, by: 2).map { (key: flat[$0], value: flat[$0 + 1]) }
        let target = try top()
        switch graph[target] {
        case .dict:
            guard case .dict(var items) = graph.take(target) else { return }
            items.append(contentsOf: pairs)
            graph[target] = .dict(items)
        case .call:
            guard case .call(var call) = graph.take(target) else { return }
            call.dictItems.append(contentsOf: pairs)
            graph[target] = .call(call)
        default:
            throw .unpickling("Can only \(opcode) for dict, collections.OrderedDict, collections.Counter, but got <class '\(graph.typeName(target))'>")
        }
    }

    // MARK: - Stack

    private mutating func push(_ node: PickleGraph.Node) { stack.append(graph.add(node)) }

    private mutating func pop() throws(SerializationError) -> PickleGraph.Ref {
        guard let ref = stack.popLast() else { throw underflow }
        return ref
    }

    private func top() throws(SerializationError) -> PickleGraph.Ref {
        guard let ref = stack.last else { throw underflow }
        return ref
    }

    private mutating func popMark() throws(SerializationError) -> [PickleGraph.Ref] {
        guard let below = metastack.popLast() else { throw .unpickling("could not find MARK") }
        defer { stack = below }
        return stack
    }

    // MARK: - Values and errors

    /// LONG1's bytes as an int when they fit in 64 bits.
    static func long(_ bytes: [UInt8]) -> PickleGraph.Node {
        guard let last = bytes.last else { return .int(0) }
        let negative = last & 0x80 != 0
        let fill: UInt8 = negative ? 0xFF : 0
        if bytes.count > 8 {
            guard bytes[8...].allSatisfy({ $0 == fill }), (bytes[7] & 0x80 != 0) == negative else { return .long(bytes) }
        }
        var value: UInt64 = 0
        for i in 0..<8 { value |= UInt64(i < bytes.count ? bytes[i] : fill) << (8 * UInt64(i)) }
        return .int(Int(Int64(bitPattern: value)))
    }

    private static func text(_ bytes: ArraySlice<UInt8>) throws(SerializationError) -> String {
        guard let s = String(validating: bytes, as: UTF8.self) else {
            throw .unpickling("'utf-8' codec can't decode the pickled string")
        }
        return s
    }

    /// Protocol 2 pickles name Python 2 modules; Python 3 reads them under their new names.
    private static func python3Name(_ module: String, _ name: String) -> (String, String) {
        switch module {
        case "__builtin__": ("builtins", name)
        case "copy_reg": ("copyreg", name)
        default: (module, name)
        }
    }

    private var truncated: SerializationError { .unpickling("pickle data was truncated") }
    private var underflow: SerializationError { .unpickling("unpickling stack underflow") }

    private func unknownOpcode(_ byte: UInt8) -> SerializationError {
        if weightsOnly { return .unpickling("Unsupported operand \(byte)") }
        if PickleOpcode.isPickleOpcode(byte) {
            return .unpickling("pickle opcode 0x\(String(byte, radix: 16)) is not supported by pytorch-tutor (it reads the protocol 2 pickles torch.save writes)")
        }
        let shown = (0x20..<0x7F).contains(byte) && byte != 0x27 && byte != 0x5C
            ? String(UnicodeScalar(byte)) : "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
        return .unpickling("invalid load key, '\(shown)'.")
    }
}
