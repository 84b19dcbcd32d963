import Foundation
import Testing
@testable import TensorEngine

/// Decoding of Fixtures/functional.json (format in make_functional_fixtures.py).
indirect enum JSON: Sendable, Decodable {
    case null, bool(Bool), number(Double), string(String), array([JSON]), object([String: JSON])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSON].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSON].self)) }
    }

    subscript(_ key: String) -> JSON? {
        if case .object(let o) = self, let v = o[key] { if case .null = v { return nil }; return v }
        return nil
    }
    var array: [JSON] { if case .array(let a) = self { a } else { [] } }
    var object: [String: JSON] { if case .object(let o) = self { o } else { [:] } }
    var string: String? { if case .string(let s) = self { s } else { nil } }
    var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    var double: Double? {
        switch self {
        case .number(let d): d
        case .string(let s): Double(s)
        default: nil
        }
    }
    var int: Int? { double.map { Int($0) } }
}

/// One recorded call; the test shows it by its id.
struct FixtureCase: Sendable, CustomTestStringConvertible {
    let id: String
    let json: JSON
    var testDescription: String { id }
    /// The op name: the part of the id before the slash.
    var op: String { String(id.prefix { $0 != "/" }) }
}

enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func load() -> [FixtureCase] {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent("functional.json")),
              let cases = try? JSONDecoder().decode([JSON].self, from: data) else { return [] }
        return cases.map { FixtureCase(id: $0["id"]?.string ?? "?", json: $0) }
    }

    static func dtype(_ name: String?) -> DType {
        DType.allCases.first { $0.shortName == name } ?? .float32
    }

    /// A tensor from `{dt, sh, v}`; a leaf requiring grad when `rg` is set.
    static func tensor(_ spec: JSON) throws -> Tensor {
        let dtype = dtype(spec["dt"]?.string), shape = spec["sh"]?.array.compactMap(\.int) ?? []
        let values = spec["v"]?.array ?? []
        let t: Tensor
        switch dtype {
        case .float32, .float64: t = try Tensor.from(values.map { $0.double ?? .nan }, shape: shape, dtype: dtype)
        case .bool: t = try Tensor.from(values.map { $0.bool ?? false }, shape: shape)
        default: t = try Tensor.from(values.map { Int64($0.double ?? 0) }, shape: shape, dtype: dtype)
        }
        return spec["rg"]?.bool == true ? try t.requiresGrad_() : t
    }

    /// Expects `t` to have the spec's dtype, shape and values: exactly when `ulps` is 0,
    /// otherwise within `ulps` units in the last place of the dtype, measured against the
    /// largest magnitude in the expected tensor (so values that cancel to near zero are
    /// judged at the tensor's scale). NaNs compare equal.
    static func expectMatches(_ t: Tensor?, _ spec: JSON, ulps: Double, _ what: String,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        guard let t else {
            Issue.record("\(what): missing", sourceLocation: sourceLocation)
            return
        }
        let expected = try? tensor(spec)
        #expect(t.dtype == expected?.dtype, "\(what): dtype", sourceLocation: sourceLocation)
        #expect(t.shape == expected?.shape, "\(what): shape \(t.shape)", sourceLocation: sourceLocation)
        guard let expected, t.shape == expected.shape else { return }
        let ulp = t.dtype == .float64 ? Double(Double.ulpOfOne) : Double(Float.ulpOfOne)
        let got = t.toArray(Double.self), want = expected.toArray(Double.self)
        let scale = Swift.max(want.lazy.filter(\.isFinite).map { Swift.abs($0) }.max() ?? 1, 1e-30)
        var worst = 0.0, worstIndex = 0
        for (i, (g, w)) in zip(got, want).enumerated() {
            if g == w || (g.isNaN && w.isNaN) { continue }
            let error = Swift.abs(g - w) / (scale * ulp)
            if !(error <= worst) { worst = error; worstIndex = i }
        }
        if ulps == 0 {
            #expect(worst == 0, "\(what): not bit-exact (\(worst) ulps at \(worstIndex): got \(got[worstIndex]), want \(want[worstIndex]))",
                    sourceLocation: sourceLocation)
        } else {
            #expect(worst <= ulps, "\(what): \(worst) ulps at \(worstIndex): got \(got[worstIndex]), want \(want[worstIndex])",
                    sourceLocation: sourceLocation)
        }
    }
}
