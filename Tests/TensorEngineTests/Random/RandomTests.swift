import Foundation
import Testing
@testable import TensorEngine

// Fixtures: Tests/TensorEngineTests/Fixtures/random/random.json, written by
// make_random_fixtures.py beside it with real PyTorch. Each case seeds a generator
// and runs ops in order; every op's output must match bit for bit.

// MARK: - Fixture format

struct RandomFixture: Decodable {
    var torch: String
    var cases: [RandomCase]
}

struct RandomCase: Decodable, Sendable, CustomTestStringConvertible {
    var name: String
    var seed: Int64?
    var generator: Bool
    var ops: [RandomOp]
    var testDescription: String { name }
}

/// A JSON number kept both as an exact Int64 (when integral) and as a Double.
struct FixtureNumber: Decodable, Sendable {
    var int: Int64?
    var double: Double
    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let i = try? c.decode(Int64.self) {
            int = i
            double = Double(i)
        } else {
            int = nil
            double = try c.decode(Double.self)
        }
    }
}

struct RandomOp: Decodable, Sendable {
    var op: String
    var dtype: String?
    var n: Int?
    var low: FixtureNumber?
    var high: FixtureNumber?
    var mean: Double?
    var std: Double?
    var contiguous: Bool?
    var p: Double?
    var lam: Double?
    var probs: [String]?
    var rowLength: Int?
    var k: Int?
    var replacement: Bool?
    var seed: Int64?
    var out: [String]?
    var bits: String?
    var digest: String?
    var count: Int?
}

enum RandomFixtures {
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/random/random.json")

    static let all: [RandomCase] = {
        guard let data = try? Data(contentsOf: url),
              let fixture = try? JSONDecoder().decode(RandomFixture.self, from: data) else { return [] }
        return fixture.cases
    }()
}

// MARK: - Exact encodings (mirroring the generator script)

func hex32(_ x: Float) -> String { hexString(UInt64(x.bitPattern), digits: 8) }
func hex64(_ x: Double) -> String { hexString(x.bitPattern, digits: 16) }
func hexString(_ v: UInt64, digits: Int) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: digits - s.count) + s
}
func float32(hex: String) -> Float { Float(bitPattern: UInt32(hex, radix: 16)!) }
func float64(hex: String) -> Double { Double(bitPattern: UInt64(hex, radix: 16)!) }

/// 64-bit FNV-1a over little-endian bytes, as `fnv1a` in the script.
struct FNV1a {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add(_ value: UInt64, bytes: Int) {
        for k in 0..<bytes {
            hash = (hash ^ ((value >> (8 * UInt64(k))) & 0xff)) &* 0x100_0000_01b3
        }
    }
    var hex: String { hexString(hash, digits: 16) }
}

/// An op's output in every form a fixture may hold.
struct Produced {
    var strings: [String]
    var digest: String

    init(f32 values: [Float]) {
        strings = values.map(hex32)
        var h = FNV1a(); for v in values { h.add(UInt64(v.bitPattern), bytes: 4) }; digest = h.hex
    }
    init(f64 values: [Double]) {
        strings = values.map(hex64)
        var h = FNV1a(); for v in values { h.add(v.bitPattern, bytes: 8) }; digest = h.hex
    }
    init(i64 values: [Int64]) {
        strings = values.map { String($0) }
        var h = FNV1a(); for v in values { h.add(UInt64(bitPattern: v), bytes: 8) }; digest = h.hex
    }
    init(bools values: [Bool]) {
        strings = [String(values.map { $0 ? "1" : "0" })]
        var h = FNV1a(); for v in values { h.add(v ? 1 : 0, bytes: 1) }; digest = h.hex
    }
    init(bytes values: [UInt8]) {
        strings = []
        var h = FNV1a(); for v in values { h.add(UInt64(v), bytes: 1) }; digest = h.hex
    }
}

// MARK: - Running a case

struct RandomCaseRunner {
    let g: Generator
    var saved: [UInt8] = []

    init(_ c: RandomCase) {
        g = Generator()
        if let seed = c.seed { g.manualSeed(UInt64(bitPattern: seed)) }
    }

    /// Runs one op; returns nil for ops without output.
    mutating func run(_ op: RandomOp) throws -> Produced? {
        let n = op.n ?? 0
        let isFloat32 = op.dtype == "float32"
        switch op.op {
        case "uniform":
            let lo = op.low!.double, hi = op.high!.double
            return isFloat32 ? Produced(f32: try g.uniformFloat32(count: n, low: lo, high: hi))
                : Produced(f64: try g.uniformFloat64(count: n, low: lo, high: hi))
        case "normal":
            let mean = op.mean!, std = op.std!, contiguous = op.contiguous ?? true
            return isFloat32 ? Produced(f32: try g.normalFloat32(count: n, mean: mean, std: std, contiguous: contiguous))
                : Produced(f64: try g.normalFloat64(count: n, mean: mean, std: std, contiguous: contiguous))
        case "randint":
            return Produced(i64: try g.randint(count: n, low: op.low!.int!, high: op.high!.int!))
        case "randperm":
            return Produced(i64: try g.randperm(n))
        case "random_int64":
            return Produced(i64: [g.randomInt64()])
        case "bernoulli_scalar":
            return Produced(bools: try g.bernoulliScalar(count: n, p: op.p!))
        case "dropout_mask":
            return Produced(bools: try g.bernoulliScalar(count: n, p: 1 - op.p!))
        case "bernoulli_probs":
            return isFloat32 ? Produced(bools: try g.bernoulliFloat32Probs(op.probs!.map { float32(hex: $0) }))
                : Produced(bools: try g.bernoulliFloat64Probs(op.probs!.map { float64(hex: $0) }))
        case "exponential":
            let values = try g.exponential(count: n, lambda: op.lam!)
            return isFloat32 ? Produced(f32: values.map { Float($0) }) : Produced(f64: values)
        case "multinomial":
            let k = op.k!, repl = op.replacement!
            let picks = isFloat32
                ? try g.multinomial(probs: op.probs!.map { float32(hex: $0) }, rowLength: op.rowLength, numSamples: k, replacement: repl)
                : try g.multinomial(probs: op.probs!.map { float64(hex: $0) }, rowLength: op.rowLength, numSamples: k, replacement: repl)
            return Produced(i64: picks)
        case "manual_seed":
            g.manualSeed(UInt64(bitPattern: op.seed!))
            return nil
        case "initial_seed":
            return Produced(i64: []).with(strings: [String(g.initialSeed)])
        case "state_digest":
            return Produced(bytes: g.stateBytes())
        case "save_state":
            saved = g.stateBytes()
            return nil
        case "restore_state":
            try g.setStateBytes(saved)
            return nil
        case "dataloader_epoch":
            return Produced(i64: try g.dataLoaderShuffleOrder(n: n))
        default:
            Issue.record("unknown fixture op \(op.op)")
            return nil
        }
    }
}

extension Produced {
    func with(strings: [String]) -> Produced { var p = self; p.strings = strings; return p }
}

// MARK: - Tests

@Suite struct RandomTests {
    @Test func fixturesLoad() {
        #expect(RandomFixtures.all.count > 300, "missing or unreadable \(RandomFixtures.url.path)")
    }

    @Test(arguments: RandomFixtures.all)
    func matchesPyTorch(_ c: RandomCase) throws {
        var runner = RandomCaseRunner(c)
        for (index, op) in c.ops.enumerated() {
            guard let produced = try runner.run(op) else { continue }
            let label = "\(c.name), op \(index) (\(op.op))"
            if let out = op.out {
                #expect(produced.strings == out, "\(label)")
                if produced.strings != out, let i = zip(produced.strings, out).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                    Issue.record("\(label): first mismatch at \(i): \(produced.strings[i]) vs torch \(out[i])")
                }
            }
            if let bits = op.bits { #expect(produced.strings == [bits], "\(label)") }
            if let digest = op.digest { #expect(produced.digest == digest, "\(label) (digest of \(op.count ?? 0) values)") }
        }
    }

    // MARK: Generator basics

    @Test func mt19937FirstOutputs() {
        var engine = MT19937(seed: 5489)
        #expect(engine.random() == 3_499_211_612)   // std::mt19937 reference value
        var zero = MT19937(seed: 0)
        #expect(zero.random() == 2_357_136_044)
    }

    @Test func defaultConstructorSeed() {
        #expect(Generator().initialSeed == 67_280_421_310_721)
    }

    @Test func manualSeedDropsHighBits() throws {
        let a = Generator(seed: UInt64(1 << 32) + 7), b = Generator(seed: UInt64(7))
        #expect(try a.uniformFloat32(count: 10) == b.uniformFloat32(count: 10))
        #expect(a.initialSeed == UInt64(1 << 32) + 7)
        let negative = Generator(seed: UInt64(bitPattern: -1))
        #expect(negative.initialSeed == UInt64.max)
    }

    @Test func rand3MatchesPyTorchDocsExample() throws {
        let g = Generator(seed: UInt64(0))
        #expect(try g.uniformFloat32(count: 3) == [0.49625658988952637, 0.7682217955589294, 0.08847743272781372])
    }

    @Test func stateCopyRestoresStreamAndCache() throws {
        let g = Generator(seed: UInt64(3))
        _ = try g.normalFloat32(count: 1)
        let snapshot = g.getState()
        #expect(snapshot.nextDoubleNormalSample != nil)
        let first = try g.normalFloat32(count: 5)
        try g.setState(snapshot)
        #expect(try g.normalFloat32(count: 5) == first)
    }

    @Test func defaultGeneratorIsUsableAndReseedable() throws {
        let s = Generator.default.seed()
        #expect(Generator.default.initialSeed == s)
        let g = Generator(seed: s)
        #expect(try Generator.default.uniformFloat32(count: 4) == g.uniformFloat32(count: 4))
    }

    @Test func stateBytesRejectBadInput() {
        let g = Generator(seed: UInt64(0))
        #expect(throws: TensorError.runtime("Expected a CPUGeneratorImplState of size 5056 but found the input RNG state size to be 100")) {
            try g.setStateBytes([UInt8](repeating: 0, count: 100))
        }
        var bytes = g.stateBytes()
        for k in 8..<12 { bytes[k] = 0 }   // left = 0
        #expect(throws: TensorError.runtime("Invalid mt19937 state")) { try g.setStateBytes(bytes) }
        var state = g.getState()
        state.engine.left = 5
        state.engine.next = 622            // would read past word 623
        #expect(throws: TensorError.runtime("Invalid mt19937 state")) { try g.setState(state) }
    }

    // MARK: Errors (PyTorch's wording)

    @Test func argumentErrors() {
        let g = Generator(seed: UInt64(0))
        #expect(throws: TensorError.runtime("Trying to create tensor with negative dimension -1: [-1]")) { try g.randperm(-1) }
        #expect(throws: TensorError.runtime("random_ expects 'from' to be less than 'to', but got from=5 >= to=2")) {
            try g.randint(count: 3, low: 5, high: 2)
        }
        #expect(throws: TensorError.runtime("uniform_ expects to return a [from, to) range, but found from=1 > to=0")) {
            try g.uniformFloat32(count: 3, low: 1, high: 0)
        }
        #expect(throws: TensorError.runtime("to is out of bounds for float")) { try g.uniformFloat32(count: 3, low: 0, high: Double.infinity) }
        #expect(throws: TensorError.runtime("uniform_ expects to-from <= std::numeric_limits<Float>::max(), but found to=3e+38 and from=-3e+38 which result in to-from to exceed the limit")) {
            try g.uniformFloat32(count: 3, low: -3e38, high: 3e38)
        }
        #expect(throws: TensorError.runtime("normal expects std >= 0.0, but found std -1")) { try g.normalFloat32(count: 3, std: -1) }
        #expect(throws: TensorError.runtime("normal expects std >= 0.0, but found std nan")) { try g.normalFloat64(count: 3, std: Double.nan) }
        #expect(throws: TensorError.runtime("bernoulli_ expects p to be in [0, 1], but got p=1.5")) { try g.bernoulliScalar(count: 3, p: 1.5) }
        #expect(throws: Generator.bernoulliProbabilityError) { try g.bernoulliFloat32Probs([0.5, .nan]) }
        #expect(throws: TensorError.runtime("exponential_ expects lambda > 0.0, but found lambda=0")) { try g.exponential(count: 3, lambda: 0) }
        #expect(throws: TensorError.runtime("probability tensor contains either `inf`, `nan` or element < 0")) {
            try g.multinomial(probs: [Float(0.5), -0.1], numSamples: 1, replacement: false)
        }
        #expect(throws: TensorError.runtime("invalid multinomial distribution (sum of probabilities <= 0)")) {
            try g.multinomial(probs: [Float(0), 0], numSamples: 1, replacement: false)
        }
        #expect(throws: TensorError.runtime("cannot sample n_sample <= 0 samples")) {
            try g.multinomial(probs: [Double(1), 1], numSamples: 0, replacement: true)
        }
        #expect(throws: TensorError.runtime("cannot sample n_sample > prob_dist.size(-1) samples without replacement")) {
            try g.multinomial(probs: [Double(1), 1], numSamples: 3, replacement: false)
        }
        #expect(throws: TensorError.runtime("invalid multinomial distribution (encountering probability entry < 0)")) {
            try g.multinomial(probs: [Double(1), -1], numSamples: 2, replacement: true)
        }
        #expect(throws: TensorError.runtime("invalid multinomial distribution (encountering probability entry = infinity or NaN)")) {
            try g.multinomial(probs: [Double(1), .infinity], numSamples: 2, replacement: true)
        }
    }

    @Test func absurdSizesThrowInsteadOfTrapping() {
        let g = Generator(seed: UInt64(0))
        #expect(throws: TensorError.self) { try g.uniformFloat32(count: Int.max) }
        #expect(throws: TensorError.self) { try g.randperm(Int.max / 4) }
        #expect(throws: TensorError.self) { try g.multinomial(probs: [Float(1), 2], numSamples: Int.max, replacement: true) }
    }

    @Test func bernoulliProbsConsumesDrawsBeforeTheBadEntry() throws {
        let g = Generator(seed: UInt64(0)), reference = Generator(seed: UInt64(0))
        #expect(throws: TensorError.self) { try g.bernoulliFloat32Probs([0.5, 0.5, 2]) }
        _ = reference.random(); _ = reference.random()
        #expect(g.random() == reference.random())
    }

    @Test func cppNumberFormatting() {
        #expect(cppDescription(1) == "1")
        #expect(cppDescription(-0.1) == "-0.1")
        #expect(cppDescription(3e38) == "3e+38")
        #expect(cppDescription(.nan) == "nan")
        #expect(cppDescription(0.30000000000000004) == "0.3")
    }
}
