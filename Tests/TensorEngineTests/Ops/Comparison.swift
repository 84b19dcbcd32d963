import Testing
@testable import TensorEngine

extension OpFixtureTests {
    /// Comparisons (NaN, mixed dtypes, scalars), `where`, `clamp`, `masked_fill`, logical ops, closeness.
    @Suite struct Comparison {
        static let cases = OpFixtures.load("comparison")
        static let known: [String: String] = [:]

        @Test func fixturesLoaded() { #expect(Self.cases.count >= 100) }

        @Test(arguments: cases) func conformance(_ c: OpCase) { OpFixtures.check(c, known: Self.known) }
    }
}

extension OpRegistry {
    static let comparison: [String: OpFn] = [
        "eq": { x, _ in T(try x[0].eq(x[1])) }, "ne": { x, _ in T(try x[0].ne(x[1])) },
        "lt": { x, _ in T(try x[0].lt(x[1])) }, "le": { x, _ in T(try x[0].le(x[1])) },
        "gt": { x, _ in T(try x[0].gt(x[1])) }, "ge": { x, _ in T(try x[0].ge(x[1])) },
        "eq_s": { x, a in T(try x[0].eq(a.scalar("s")!)) }, "ne_s": { x, a in T(try x[0].ne(a.scalar("s")!)) },
        "lt_s": { x, a in T(try x[0].lt(a.scalar("s")!)) }, "le_s": { x, a in T(try x[0].le(a.scalar("s")!)) },
        "gt_s": { x, a in T(try x[0].gt(a.scalar("s")!)) }, "ge_s": { x, a in T(try x[0].ge(a.scalar("s")!)) },
        "where": { x, _ in T(try Tensor.whereSelect(x[0], x[1], x[2])) },
        "where_s": { x, a in T(try Tensor.whereSelect(x[0], x[1], a.scalar("s")!)) },
        "clamp": { x, a in T(try x[0].clamp(min: a.scalar("min"), max: a.scalar("max"))) },
        "clamp_t": { x, _ in T(try x[0].clamp(min: x[1], max: x[2])) },
        "masked_fill": { x, a in T(try x[0].maskedFill(x[1], a.scalar("value")!)) },
        "logical_and": { x, _ in T(try x[0].logicalAnd(x[1])) },
        "logical_or": { x, _ in T(try x[0].logicalOr(x[1])) },
        "logical_xor": { x, _ in T(try x[0].logicalXor(x[1])) },
        "logical_not": { x, _ in T(try x[0].logicalNot()) },
        "bitwise_not": { x, _ in T(try x[0].bitwiseNot()) },
        "isnan": { x, _ in T(try x[0].isnan()) },
        "isinf": { x, _ in T(try x[0].isinf()) },
        "isfinite": { x, _ in T(try x[0].isfinite()) },
        "equal": { x, _ in [.bool(try x[0].equal(x[1]))] },
        "allclose": { x, a in
            [.bool(try x[0].allclose(x[1], rtol: a.double("rtol") ?? 1e-5, atol: a.double("atol") ?? 1e-8,
                                     equalNaN: a.bool("equal_nan") ?? false))]
        },
        "isclose": { x, a in
            T(try x[0].isclose(x[1], rtol: a.double("rtol") ?? 1e-5, atol: a.double("atol") ?? 1e-8,
                               equalNaN: a.bool("equal_nan") ?? false))
        },
    ]
}
