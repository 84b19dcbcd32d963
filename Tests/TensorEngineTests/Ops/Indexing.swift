import Testing
@testable import TensorEngine

extension OpFixtureTests {
    /// Basic and advanced indexing (int tensors, bool masks, mixed with slices/None/ellipsis,
    /// adjacent and non-adjacent index dims), index assignment, gather/scatter, index_select, masked_select, nonzero.
    @Suite struct Indexing {
        static let cases = OpFixtures.load("indexing")
        static let known: [String: String] = [:]

        @Test func fixturesLoaded() { #expect(Self.cases.count >= 100) }

        @Test(arguments: cases) func conformance(_ c: OpCase) { OpFixtures.check(c, known: Self.known) }
    }
}

extension OpRegistry {
    /// Decodes a subscript: `{"int": i}`, `{"slice": [a, b, c]}`, `"None"`, `"..."`, `{"t": k}` (input k).
    static func subscriptItems(_ x: [Tensor], _ a: Args) -> [TensorIndex] {
        (a.json["idx"]?.array ?? []).map { item in
            if item.string == "None" { return .newAxis }
            if item.string == "..." { return .ellipsis }
            if let i = item["int"]?.int { return .int(i) }
            if let s = item["slice"] {
                let p = s.array
                return .slice(start: p[0].int, stop: p[1].int, step: p[2].int)
            }
            return .tensor(x[item["t"]!.int!])
        }
    }

    static let indexing: [String: OpFn] = [
        "index": { x, a in T(try x[0].index(subscriptItems(x, a))) },
        "index_put": { x, a in
            try x[0].indexPut(subscriptItems(x, a), x[a.int("value")!])
            return T(x[0])
        },
        "select": { x, a in T(try x[0].select(a.int("dim")!, a.int("i")!)) },
        "slice": { x, a in T(try x[0].slice(a.int("dim")!, start: a.int("start"), end: a.int("end"), step: a.int("step") ?? 1)) },
        "gather": { x, a in T(try x[0].gather(a.int("dim")!, x[1])) },
        "scatter": { x, a in T(try x[0].scatter(a.int("dim")!, x[1], x[2])) },
        "scatter_": { x, a in T(try x[0].scatter_(a.int("dim")!, x[1], x[2])) },
        "scatter_add": { x, a in T(try x[0].scatterAdd(a.int("dim")!, x[1], x[2])) },
        "index_select": { x, a in T(try x[0].indexSelect(a.int("dim")!, x[1])) },
        "masked_select": { x, _ in T(try x[0].maskedSelect(x[1])) },
        "nonzero": { x, _ in T(try x[0].nonzero()) },
    ]
}
