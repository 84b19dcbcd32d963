import Testing
@testable import NeuralNet

/// The pickle writer matches CPython's protocol 2 output; the reader handles what it writes
/// and fails on bad input with CPython's or PyTorch's wording.
@Suite struct PickleTests {
    static func hex(_ s: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var i = s.startIndex
        while i < s.endIndex {
            let j = s.index(i, offsetBy: 2)
            bytes.append(UInt8(s[i..<j], radix: 16) ?? 0)
            i = j
        }
        return bytes
    }

    static func unpickle(_ bytes: [UInt8], weightsOnly: Bool = false) throws(SerializationError) -> (PickleGraph, PickleGraph.Ref) {
        var unpickler = Unpickler(bytes, weightsOnly: weightsOnly) { (_, _) throws(SerializationError) in }
        return try unpickler.load()
    }

    /// `pickle.dumps(v, protocol=2).hex()` from CPython 3.11.
    @Test func writesWhatCPythonWrites() {
        var g = PickleGraph()
        // {'a': [1, 2.5, None, True]}
        let list = g.add(.list([g.add(.int(1)), g.add(.float(2.5)), g.add(.none), g.add(.bool(true))]))
        var root = g.add(.dict([(g.add(.string("a")), list)]))
        #expect(Pickler.pickle(g, root: root) == Self.hex("80027d710058010000006171015d7102284b014740040000000000004e8865732e"))

        // (1, 2, 3, 4)
        g = PickleGraph()
        root = g.add(.tuple((1...4).map { g.add(.int($0)) }))
        #expect(Pickler.pickle(g, root: root) == Self.hex("8002284b014b024b034b047471002e"))

        // [(), (1,), 'x', -1, 300, 70000, -70000, 2**40, -2**63, 2**64, False]
        g = PickleGraph()
        var items = [g.add(.tuple([])), g.add(.tuple([g.add(.int(1))])), g.add(.string("x"))]
        items += [-1, 300, 70000, -70000, 1 << 40, Int.min].map { g.add(.int($0)) }
        items += [g.add(.long([0, 0, 0, 0, 0, 0, 0, 0, 1])), g.add(.bool(false))]
        root = g.add(.list(items))
        #expect(Pickler.pickle(g, root: root) == Self.hex("80025d710028294b0185710158010000007871024affffffff4d2c014a701101004a90eefeff8a060000000000018a0800000000000000808a0900000000000000000189652e"))

        // {1: 'one', -2: (3,)}
        g = PickleGraph()
        root = g.add(.dict([(g.add(.int(1)), g.add(.string("one"))), (g.add(.int(-2)), g.add(.tuple([g.add(.int(3))])))]))
        #expect(Pickler.pickle(g, root: root) == Self.hex("80027d7100284b0158030000006f6e6571014afeffffff4b03857102752e"))
    }

    @Test func sharedNodesAreWrittenOnceAndReadBackShared() throws {
        var g = PickleGraph()
        let inner = g.add(.list([g.add(.int(7))]))
        let root = g.add(.tuple([inner, inner, g.add(.string("s")), g.add(.string("s"))]))
        let (back, top) = try Self.unpickle(Pickler.pickle(g, root: root))
        guard case .tuple(let items) = back[top] else { Issue.record("not a tuple"); return }
        #expect(items[0] == items[1])
        #expect(items[2] == items[3])
    }

    @Test func longIntsDecodeToSixtyFourBitsWhenTheyFit() {
        #expect(Self.int(Unpickler.long([])) == 0)
        #expect(Self.int(Unpickler.long([0xFF])) == -1)
        #expect(Self.int(Unpickler.long([0x80, 0])) == 128)
        #expect(Self.int(Unpickler.long([0, 0, 0, 0, 0, 0, 0, 0x80])) == Int.min)
        #expect(Self.int(Unpickler.long([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0])) == Int.max)
        #expect(Self.int(Unpickler.long([0, 0, 0, 0, 0, 0, 0, 0x80, 0])) == nil)
        #expect(Self.int(Unpickler.long([0, 0, 0, 0, 0, 0, 0, 0x80, 0xFF])) == Int.min)
    }

    static func int(_ node: PickleGraph.Node) -> Int? {
        if case .int(let i) = node { return i }
        return nil
    }

    @Test func badPicklesRaiseCPythonsErrors() {
        let cases: [([UInt8], SerializationError)] = [
            ([], .endOfFile("Ran out of input")),
            ([0x80, 0x02, 0x4B, 0x01], .endOfFile("Ran out of input")),
            ([0x00], .unpickling("invalid load key, '\\x00'.")),
            (Array("hello".utf8), .unpickling("Memo value not found at index 101")),
            (Array("x".utf8), .unpickling("invalid load key, 'x'.")),
            ([0x95, 0, 0, 0, 0, 0, 0, 0, 0], .unpickling("pickle opcode 0x95 is not supported by pytorch-tutor (it reads the protocol 2 pickles torch.save writes)")),
            ([0x2E], .unpickling("unpickling stack underflow")),
            ([0x74, 0x2E], .unpickling("could not find MARK")),
            ([0x58, 9, 0, 0, 0, 0x61], .unpickling("pickle data was truncated")),
            ([0x4B, 1, 0x61, 0x2E], .unpickling("unpickling stack underflow")),
            ([0x5D, 0x4B, 1, 0x4B, 2, 0x73, 0x2E], .unpickling("Can only SETITEM for dict, collections.OrderedDict, collections.Counter, but got <class 'list'>")),
            ([0x4B, 1, 0x4B, 2, 0x61, 0x2E], .unpickling("Can only append to lists, but got <class 'int'>")),
            ([0x4B, 1, 0x4E, 0x62, 0x2E], .unpickling("Can only build Tensor, Parameter, OrderedDict or types allowlisted via `add_safe_globals`, but got <class 'int'>")),
            ([0x58, 2, 0, 0, 0, 0xC3, 0x28, 0x2E], .unpickling("'utf-8' codec can't decode the pickled string")),
            ([0x80, 9], .value("unsupported pickle protocol: 9")),
        ]
        for (bytes, error) in cases {
            #expect(throws: error, "\(bytes)") { try Self.unpickle(bytes) }
        }
        #expect(throws: SerializationError.endOfFile("")) { try Self.unpickle([], weightsOnly: true) }
        #expect(throws: SerializationError.unpickling("Unsupported operand 255")) { try Self.unpickle([0xFF], weightsOnly: true) }
    }

    /// Appending to a list one item at a time stays linear (nodes are taken out of the
    /// graph while they change, so their arrays are not copied).
    @Test func manyAppendsStayFast() throws {
        var bytes: [UInt8] = [0x80, 0x02, 0x5D]
        for _ in 0..<200_000 { bytes += [0x4B, 1, 0x61] }
        bytes.append(0x2E)
        let clock = ContinuousClock()
        let start = clock.now
        let (graph, root) = try Self.unpickle(bytes)
        #expect(clock.now - start < .seconds(20))
        guard case .list(let items) = graph[root] else { Issue.record("not a list"); return }
        #expect(items.count == 200_000)
    }
}
