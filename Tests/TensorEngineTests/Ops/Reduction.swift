import Testing
@testable import TensorEngine

extension OpFixtureTests {
    /// Reductions over all/some dims with keepdim, NaN and ties in max/min/argmax,
    /// statistics, softmax family, cumsum, and sorting (`sort`, `argsort`, `topk`, `unique`).
    @Suite struct Reduction {
        static let cases = OpFixtures.load("reduction")
        static let known: [String: String] = [:]

        @Test func fixturesLoaded() { #expect(Self.cases.count >= 150) }

        @Test(arguments: cases) func conformance(_ c: OpCase) { OpFixtures.check(c, known: Self.known) }
    }
}

extension OpRegistry {
    static let reduction: [String: OpFn] = [
        "sum": { x, a in T(try x[0].sum(dims: a.ints("dims"), keepdim: a.bool("keepdim") ?? false, dtype: a.dtype("dtype"))) },
        "mean": { x, a in T(try x[0].mean(dims: a.ints("dims"), keepdim: a.bool("keepdim") ?? false)) },
        "prod": { x, a in T(try x[0].prod(dim: a.int("dim"), keepdim: a.bool("keepdim") ?? false)) },
        "max_all": { x, _ in T(try x[0].max()) },
        "min_all": { x, _ in T(try x[0].min()) },
        "max_dim": { x, a in let r = try x[0].max(dim: a.int("dim")!, keepdim: a.bool("keepdim") ?? false); return Ts([r.values, r.indices]) },
        "min_dim": { x, a in let r = try x[0].min(dim: a.int("dim")!, keepdim: a.bool("keepdim") ?? false); return Ts([r.values, r.indices]) },
        "argmax": { x, a in T(try x[0].argmax(dim: a.int("dim"), keepdim: a.bool("keepdim") ?? false)) },
        "argmin": { x, a in T(try x[0].argmin(dim: a.int("dim"), keepdim: a.bool("keepdim") ?? false)) },
        "amax": { x, a in T(try x[0].amax(dims: a.ints("dims")!, keepdim: a.bool("keepdim") ?? false)) },
        "all": { x, a in T(try x[0].all(dim: a.int("dim"), keepdim: a.bool("keepdim") ?? false)) },
        "any": { x, a in T(try x[0].any(dim: a.int("dim"), keepdim: a.bool("keepdim") ?? false)) },
        "std": { x, a in
            T(try x[0].std(dims: a.ints("dims"), correction: a.double("correction") ?? 1, keepdim: a.bool("keepdim") ?? false))
        },
        "var": { x, a in
            T(try x[0].variance(dims: a.ints("dims"), correction: a.double("correction") ?? 1, keepdim: a.bool("keepdim") ?? false))
        },
        "norm": { x, a in T(try x[0].norm(p: a.double("p") ?? 2, dims: a.ints("dims"), keepdim: a.bool("keepdim") ?? false)) },
        "cumsum": { x, a in T(try x[0].cumsum(dim: a.int("dim")!)) },
        "logsumexp": { x, a in T(try x[0].logsumexp(dims: a.ints("dims")!, keepdim: a.bool("keepdim") ?? false)) },
        "softmax": { x, a in T(try x[0].softmax(dim: a.int("dim")!)) },
        "log_softmax": { x, a in T(try x[0].logSoftmax(dim: a.int("dim")!)) },
        "sort": { x, a in
            let r = try x[0].sort(dim: a.int("dim") ?? -1, descending: a.bool("descending") ?? false)
            return Ts([r.values, r.indices])
        },
        "argsort": { x, a in T(try x[0].argsort(dim: a.int("dim") ?? -1, descending: a.bool("descending") ?? false)) },
        "topk": { x, a in
            let r = try x[0].topk(a.int("k")!, dim: a.int("dim") ?? -1, largest: a.bool("largest") ?? true, sorted: a.bool("sorted") ?? true)
            return Ts([r.values, r.indices])
        },
        "unique": { x, a in
            let r = try x[0].unique(sorted: a.bool("sorted") ?? true, returnInverse: a.bool("inverse") ?? false,
                                    returnCounts: a.bool("counts") ?? false)
            return Ts([r.values] + [r.inverse, r.counts].compactMap { $0 })
        },
    ]
}
