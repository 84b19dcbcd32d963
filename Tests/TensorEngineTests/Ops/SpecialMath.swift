import Testing
@testable import TensorEngine

extension OpFixtureTests {
    /// `erfinv`, `erfc`, `logit`, `logaddexp`, `hypot`, `nan_to_num`, `nansum`/`nanmean`,
    /// `logcumsumexp`, `diff`, `searchsorted`, `bucketize`, `histc`.
    @Suite struct SpecialMath {
        static let cases = OpFixtures.load("special")
        static let known: [String: String] = [:]

        @Test func fixturesLoaded() { #expect(Self.cases.count >= 50) }

        @Test(arguments: cases) func conformance(_ c: OpCase) { OpFixtures.check(c, known: Self.known) }
    }
}

extension OpRegistry {
    static let special: [String: OpFn] = [
        "erfinv": { x, _ in T(try x[0].erfinv()) },
        "erfc": { x, _ in T(try x[0].erfc()) },
        "logit": { x, a in T(try x[0].logit(eps: a.double("eps"))) },
        "logaddexp": { x, _ in T(try x[0].logaddexp(x[1])) },
        "hypot": { x, _ in T(try x[0].hypot(x[1])) },
        "nan_to_num": { x, a in T(try x[0].nanToNum(nan: a.double("nan"), posinf: a.double("posinf"), neginf: a.double("neginf"))) },
        "nansum": { x, a in T(try x[0].nansum(dims: a.ints("dims"), keepdim: a.bool("keepdim") ?? false)) },
        "nanmean": { x, a in T(try x[0].nanmean(dims: a.ints("dims"), keepdim: a.bool("keepdim") ?? false)) },
        "logcumsumexp": { x, a in T(try x[0].logcumsumexp(dim: a.int("dim")!)) },
        "diff": { x, a in
            let prepend = a.bool("prepend") == true ? x[1] : nil
            let append = a.bool("append") == true ? x.last : nil
            return T(try x[0].diff(n: a.int("n") ?? 1, dim: a.int("dim") ?? -1, prepend: prepend, append: append))
        },
        "searchsorted": { x, a in
            T(try Tensor.searchsorted(x[0], x[1], right: a.bool("right") ?? false, outInt32: a.bool("int32") ?? false))
        },
        "bucketize": { x, a in T(try x[0].bucketize(x[1], right: a.bool("right") ?? false)) },
        "histc": { x, a in T(try x[0].histc(bins: a.int("bins") ?? 100, min: a.double("min") ?? 0, max: a.double("max") ?? 0)) },
    ]
}
