import Testing
import TensorEngine
@testable import NeuralNet

/// What `TorchFile.save` writes, `TorchFile.load` reads back unchanged: values, dtypes,
/// layouts, storage sharing and object identity.
@Suite struct TorchFileRoundTripTests {
    static func roundTrip(_ value: TorchValue) throws -> TorchValue {
        try TorchFile.load(try TorchFile.save(value, archiveName: "archive"))
    }

    @Test(arguments: DType.allCases)
    func everyDTypeRoundTrips(_ dtype: DType) throws {
        let t = try Tensor.from([0.0, 1, 2, 3, 4, 5], shape: [2, 3], dtype: dtype)
        guard case .tensor(let back, false) = try Self.roundTrip(.tensor(t, isParameter: false)) else {
            Issue.record("not a tensor")
            return
        }
        #expect(back.dtype == dtype && back.shape == [2, 3] && back.strides == [3, 1])
        #expect(back.toArray(Double.self) == t.toArray(Double.self))
    }

    @Test func viewsKeepTheirStorageOffsetAndStrides() throws {
        let base = try Tensor.from((0..<12).map(Float.init), shape: [3, 4])
        let view = try base.narrow(0, start: 1, length: 2).t()
        let value = TorchValue.list([.tensor(base, isParameter: false), .tensor(view, isParameter: false),
                                     .tensor(base, isParameter: false)])
        guard case .list(let items) = try Self.roundTrip(value),
              case .tensor(let b, _) = items[0], case .tensor(let v, _) = items[1], case .tensor(let same, _) = items[2] else {
            Issue.record("wrong structure")
            return
        }
        #expect(v.offset == view.offset)
        #expect(v.strides == view.strides)
        #expect(v.shape == view.shape)
        #expect(v.storage === b.storage)
        #expect(same === b)
        #expect(v.toArray(Float.self) == view.toArray(Float.self))
    }

    @Test func parametersAndGradFlagsRoundTrip() throws {
        let weight = try Tensor.ones([2]).requiresGrad_(true)
        let frozen = try Tensor.ones([2])
        let leaf = try Tensor.zeros([1]).requiresGrad_(true)
        let value = TorchValue.tuple([.tensor(weight, isParameter: true), .tensor(frozen, isParameter: true),
                                      .tensor(leaf, isParameter: false)])
        guard case .tuple(let items) = try Self.roundTrip(value),
              case .tensor(let w, true) = items[0], case .tensor(let f, true) = items[1],
              case .tensor(let l, false) = items[2] else {
            Issue.record("wrong structure")
            return
        }
        #expect(w.requiresGrad && !f.requiresGrad && l.requiresGrad)
    }

    @Test func checkpointValuesRoundTrip() throws {
        let metadata = TorchDict([(.string(""), .dict(TorchDict([(.string("version"), .int(1))])))], isOrdered: true)
        let state = TorchDict([(.string("w"), .tensor(try Tensor.ones([2, 2]), isParameter: false))], isOrdered: true,
                              attributes: [("_metadata", .dict(metadata))])
        let value = TorchValue.dict(TorchDict([
            (.string("epoch"), .int(3)), (.string("model_state_dict"), .dict(state)), (.string("loss"), .float(0.5)),
            (.string("ints"), .list([.int(Int.min), .int(Int.max), .bigInt(negative: true, magnitude: [0, 1]),
                                     .bigInt(negative: false, magnitude: [UInt64.max, UInt64.max])])),
            (.string("misc"), .tuple([.none, .bool(true), .string("héllo"), .float(-.infinity), .set([.int(1), .int(2)])])),
            (.string("torch"), .list([.dtype("float16"), .size([2, 3]), .device("cpu"), .device("cuda:1")])),
            (.int(7), .dict(TorchDict())),
        ]))
        let back = try Self.roundTrip(value)
        #expect(Self.text(back) == Self.text(value))
        guard case .dict(let top) = back, case .dict(let sd) = top.items[1].value else {
            Issue.record("wrong structure")
            return
        }
        #expect(sd.isOrdered && sd.attributes.map(\.name) == ["_metadata"])
    }

    /// A readable rendering for comparisons (tensors by dtype, shape and values).
    static func text(_ v: TorchValue) -> String {
        switch v {
        case .none: "None"
        case .bool(let b): "\(b)"
        case .int(let i): "\(i)"
        case .bigInt(let n, let m): "big(\(n), \(m))"
        case .float(let f): "\(f)"
        case .string(let s): "'\(s)'"
        case .tuple(let items): "(" + items.map(text).joined(separator: ", ") + ")"
        case .list(let items): "[" + items.map(text).joined(separator: ", ") + "]"
        case .set(let items): "{" + items.map(text).joined(separator: ", ") + "}"
        case .dict(let d):
            (d.isOrdered ? "O" : "") + "{" + d.items.map { text($0.key) + ": " + text($0.value) }.joined(separator: ", ") + "}"
                + d.attributes.map { ".\($0.name)=\(text($0.value))" }.joined()
        case .tensor(let t, let p): "\(p ? "P" : "T")(\(t.dtype) \(t.shape) \(t.toArray(Double.self)) \(t.requiresGrad))"
        case .dtype(let d): "dtype(\(d))"
        case .size(let s): "Size(\(s))"
        case .device(let d): "device(\(d))"
        case .object(let o):
            "\(o.module).\(o.name)(" + o.arguments.map(text).joined(separator: ", ") + ")" + (o.state.map { "<" + text($0) + ">" } ?? "")
        }
    }

    @Test func objectsRoundTripAsNewObjWithTheirState() throws {
        let weight = try Tensor.ones([2])
        let inner = TorchValue.object(TorchObject(module: "torch.nn.modules.linear", name: "Linear",
                                                  state: .dict(TorchDict([(.string("w"), .tensor(weight, isParameter: true))]))))
        let value = TorchValue.object(TorchObject(module: "__main__", name: "Net", arguments: [.int(1)],
                                                  state: .dict(TorchDict([(.string("fc"), inner), (.string("again"), .tensor(weight, isParameter: true))]))))
        let bytes = try TorchFile.save(value, archiveName: "net")
        let back = try TorchFile.load(bytes, options: .init(weightsOnly: false))
        #expect(Self.text(back) == Self.text(value))
        guard case .object(let net) = back, case .dict(let state)? = net.state,
              case .object(let fc) = state.items[0].value, case .dict(let fcState)? = fc.state,
              case .tensor(let a, _) = fcState.items[0].value, case .tensor(let b, _) = state.items[1].value else {
            Issue.record("wrong structure: \(Self.text(back))")
            return
        }
        #expect(a === b)
        #expect(throws: SerializationError.self) { try TorchFile.load(bytes) }
    }

    @Test func archiveNamesFollowPyTorch() {
        #expect(TorchFile.archiveName(forPath: "lin.pt") == "lin")
        #expect(TorchFile.archiveName(forPath: "my.model.pth") == "my.model")
        #expect(TorchFile.archiveName(forPath: "runs/exp1/best.pt") == "best")
        #expect(TorchFile.archiveName(forPath: "weights") == "weights")
        #expect(TorchFile.archiveName(forPath: "a.") == "a")
        #expect(TorchFile.archiveName(forPath: ".pt") == nil)
        #expect(TorchFile.archiveName(forPath: "dir/") == nil)
        #expect(TorchFile.archiveName(forPath: "") == nil)
    }

    @Test func recordsComeInPyTorchsOrder() throws {
        let t = try Tensor.ones([1])
        let bytes = try TorchFile.save(.list([.tensor(t, isParameter: false), .tensor(try Tensor.zeros([1]), isParameter: false)]),
                                       archiveName: "ck")
        #expect(try ZipReader(bytes).entries.map(\.name) == [
            "ck/data.pkl", "ck/.format_version", "ck/.storage_alignment", "ck/byteorder", "ck/data/0", "ck/data/1",
            "ck/version", "ck/.data/serialization_id",
        ])
    }

    @Test func nestingIsLimited() throws {
        var deep = TorchValue.int(0)
        for _ in 0..<TorchFile.maxDepth { deep = .list([deep]) }
        _ = try Self.roundTrip(deep)
        #expect(throws: SerializationError.self) { try TorchFile.save(.list([deep]), archiveName: "a") }
        #expect(throws: SerializationError.notImplemented("torch.save in pytorch-tutor stores ints of up to 2040 bits")) {
            try TorchFile.save(.bigInt(negative: false, magnitude: [UInt64](repeating: .max, count: 32)), archiveName: "a")
        }
    }
}
