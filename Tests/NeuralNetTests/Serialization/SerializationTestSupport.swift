import Foundation
import Testing
import TensorEngine
@testable import NeuralNet

/// The `.pt` files written by real PyTorch (`Fixtures/serialization/make_serialization_fixtures.py`)
/// and their expected contents (`expected.json`).
enum SerializationFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/serialization")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// The expected description of each fixture, by file name.
    static func expected() throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent("expected.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

/// Compares a loaded ``TorchValue`` with a description written by `describe()` in the fixture
/// script, including which tensors share a storage and which are the same object.
struct DescriptionMatcher {
    private var storages: [Int: ObjectIdentifier] = [:]
    private var objects: [Int: ObjectIdentifier] = [:]
    private(set) var problems: [String] = []

    mutating func match(_ value: TorchValue, _ description: Any, at path: String = "") {
        guard let d = description as? [String: Any], let kind = d.keys.first(where: { $0 != "attributes" }) else {
            return fail(path, "bad description")
        }
        let body = d[kind]
        switch (kind, value) {
        case ("none", .none): break
        case ("bool", .bool(let b)): expect(path, (body as? Bool) == b, "\(b) != \(String(describing: body))")
        case ("int", .int(let i)): expect(path, (body as? String) == String(i), "\(i) != \(String(describing: body))")
        case ("int", .bigInt(let negative, let magnitude)):
            expect(path, (body as? String) == Self.decimal(negative, magnitude), "big int differs")
        case ("float", .float(let f)): expect(path, (body as? String) == Self.pythonRepr(f), "\(f) != \(String(describing: body))")
        case ("str", .string(let s)): expect(path, (body as? String) == s, "\(s) != \(String(describing: body))")
        case ("dtype", .dtype(let name)): expect(path, (body as? String) == name, "dtype \(name)")
        case ("size", .size(let dims)): expect(path, (body as? [Int]) == dims, "size \(dims)")
        case ("device", .device(let text)): expect(path, (body as? String) == text, "device \(text)")
        case ("tuple", .tuple(let items)), ("list", .list(let items)): matchAll(items, body, path)
        case ("set", .set(let items)):
            let sorted = items.sorted { Self.sortKey($0) < Self.sortKey($1) }
            matchAll(sorted, body, path)
        case ("dict", .dict(let dict)), ("ordered", .dict(let dict)):
            expect(path, dict.isOrdered == (kind == "ordered"), "isOrdered \(dict.isOrdered)")
            guard let pairs = body as? [[Any]], pairs.count == dict.items.count else { return fail(path, "\(dict.items.count) items") }
            for (i, (pair, item)) in zip(pairs, dict.items).enumerated() {
                match(item.key, pair[0], at: "\(path)[key \(i)]")
                match(item.value, pair[1], at: "\(path)[\(Self.label(item.key))]")
            }
            let attributes = d["attributes"] as? [String: Any] ?? [:]
            expect(path, Set(attributes.keys) == Set(dict.attributes.map(\.name)), "attributes \(dict.attributes.map(\.name))")
            for (name, item) in dict.attributes { if let a = attributes[name] { match(item, a, at: "\(path).\(name)") } }
        case ("tensor", .tensor(let tensor, let isParameter)):
            matchTensor(tensor, isParameter, body as? [String: Any] ?? [:], path)
        default:
            fail(path, "expected \(kind), got \(value)")
        }
    }

    private mutating func matchAll(_ items: [TorchValue], _ body: Any?, _ path: String) {
        guard let list = body as? [Any], list.count == items.count else { return fail(path, "\(items.count) items") }
        for (i, (item, d)) in zip(items, list).enumerated() { match(item, d, at: "\(path)[\(i)]") }
    }

    private mutating func matchTensor(_ t: Tensor, _ isParameter: Bool, _ d: [String: Any], _ path: String) {
        expect(path, d["dtype"] as? String == t.dtype.shortName, "dtype \(t.dtype)")
        expect(path, d["shape"] as? [Int] == t.shape, "shape \(t.shape)")
        expect(path, d["stride"] as? [Int] == t.strides, "strides \(t.strides)")
        expect(path, d["offset"] as? Int == t.offset, "offset \(t.offset)")
        expect(path, d["requires_grad"] as? Bool == t.requiresGrad, "requires_grad \(t.requiresGrad)")
        expect(path, d["parameter"] as? Bool == isParameter, "parameter \(isParameter)")
        let values = (d["values"] as? [Any] ?? []).map { v -> Double in
            if let text = v as? String { return Double(text) ?? .nan }
            return (v as? NSNumber)?.doubleValue ?? .nan
        }
        expect(path, values == t.toArray(Double.self), "values \(t.toArray(Double.self))")
        if let index = d["storage"] as? Int {
            let id = ObjectIdentifier(t.storage)
            expect(path, (storages[index] ?? id) == id, "storage \(index) not shared")
            expect(path, storages.allSatisfy { $0.key == index || $0.value != id }, "storage shared with another")
            storages[index] = id
        }
        if let index = d["object"] as? Int {
            let id = ObjectIdentifier(t)
            expect(path, (objects[index] ?? id) == id, "object \(index) not the same tensor")
            expect(path, objects.allSatisfy { $0.key == index || $0.value != id }, "same tensor as another object")
            objects[index] = id
        }
    }

    private mutating func expect(_ path: String, _ ok: Bool, _ message: @autoclosure () -> String) {
        if !ok { fail(path, message()) }
    }

    private mutating func fail(_ path: String, _ message: String) { problems.append("\(path): \(message)") }

    private static func label(_ key: TorchValue) -> String {
        switch key {
        case .string(let s): s
        case .int(let i): String(i)
        default: "?"
        }
    }

    private static func sortKey(_ v: TorchValue) -> Double {
        if case .int(let i) = v { return Double(i) }
        return 0
    }

    /// `repr(float)` for the values the fixtures hold.
    static func pythonRepr(_ f: Double) -> String {
        if f.isNaN { return "nan" }
        if f.isInfinite { return f < 0 ? "-inf" : "inf" }
        return "\(f)"
    }

    /// The decimal digits of a sign-and-magnitude integer.
    static func decimal(_ negative: Bool, _ magnitude: [UInt64]) -> String {
        var limbs = magnitude
        var digits: [Character] = []
        while limbs.contains(where: { $0 != 0 }) {
            var remainder: UInt64 = 0
            for i in limbs.indices.reversed() {
                let (q, r) = UInt64(10).dividingFullWidth((remainder, limbs[i]))
                limbs[i] = q
                remainder = r
            }
            digits.append(Character(String(remainder)))
        }
        return (negative ? "-" : "") + (digits.isEmpty ? "0" : String(digits.reversed()))
    }
}
