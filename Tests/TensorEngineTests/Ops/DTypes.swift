import Testing
@testable import TensorEngine

extension OpFixtureTests {
    /// int8, int16 and float16: creation, conversions, promotion with every dtype, wrapping
    /// integer arithmetic, float16 ops rounded per op (scalars at float32 precision for
    /// `*`, `/`), reductions, products, the vectorised float16 `arange`.
    @Suite struct DTypes {
        static let cases = OpFixtures.load("dtypes")
        static let known: [String: String] = [:]

        @Test func fixturesLoaded() { #expect(Self.cases.count >= 150) }

        @Test(arguments: cases) func conformance(_ c: OpCase) { OpFixtures.check(c, known: Self.known) }
    }
}

extension OpRegistry {
    static let dtypes: [String: OpFn] = [
        "arange_f": { _, a in
            T(try Tensor.arange(.double(a.double("start")!), .double(a.double("end")!), step: .double(a.double("step")!), dtype: a.dtype("dtype")))
        },
    ]
}
