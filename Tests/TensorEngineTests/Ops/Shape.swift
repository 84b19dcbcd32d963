import Testing
@testable import TensorEngine

extension OpFixtureTests {
    /// Views and copies: `view`/`reshape` (including the view-compatibility error), flatten, permutes,
    /// squeeze/unsqueeze, expand, repeat, flip, cat/stack, split/chunk/unbind, narrow.
    @Suite struct Shape {
        static let cases = OpFixtures.load("shape")
        static let known: [String: String] = [:]

        @Test func fixturesLoaded() { #expect(Self.cases.count >= 100) }

        @Test(arguments: cases) func conformance(_ c: OpCase) { OpFixtures.check(c, known: Self.known) }
    }
}

extension OpRegistry {
    static let shape: [String: OpFn] = [
        "view": { x, a in T(try x[0].view(a.ints("shape")!)) },
        "reshape": { x, a in T(try x[0].reshape(a.ints("shape")!)) },
        "flatten": { x, a in T(try x[0].flatten(startDim: a.int("start") ?? 0, endDim: a.int("end") ?? -1)) },
        "unflatten": { x, a in T(try x[0].unflatten(a.int("dim")!, a.ints("sizes")!)) },
        "permute": { x, a in T(try x[0].permute(a.ints("dims")!)) },
        "transpose": { x, a in T(try x[0].transpose(a.int("d0")!, a.int("d1")!)) },
        "t": { x, _ in T(try x[0].t()) },
        "T": { x, _ in T(try x[0].reversedDims()) },
        "mT": { x, _ in T(try x[0].matrixTranspose()) },
        "squeeze": { x, a in T(try a.int("dim").map { d in try x[0].squeeze(d) } ?? x[0].squeeze()) },
        "unsqueeze": { x, a in T(try x[0].unsqueeze(a.int("dim")!)) },
        "expand": { x, a in T(try x[0].expand(a.ints("sizes")!)) },
        "expand_as": { x, _ in T(try x[0].expandAs(x[1])) },
        "repeat": { x, a in T(try x[0].repeatTiles(a.ints("sizes")!)) },
        "flip": { x, a in T(try x[0].flip(a.ints("dims")!)) },
        "cat": { x, a in T(try Tensor.cat(x, dim: a.int("dim") ?? 0)) },
        "stack": { x, a in T(try Tensor.stack(x, dim: a.int("dim") ?? 0)) },
        "split": { x, a in
            switch a.intOrInts("size")! {
            case .left(let n): return Ts(try x[0].split(n, dim: a.int("dim") ?? 0))
            case .right(let sizes): return Ts(try x[0].split(sizes: sizes, dim: a.int("dim") ?? 0))
            }
        },
        "chunk": { x, a in Ts(try x[0].chunk(a.int("chunks")!, dim: a.int("dim") ?? 0)) },
        "unbind": { x, a in Ts(try x[0].unbind(a.int("dim") ?? 0)) },
        "narrow": { x, a in T(try x[0].narrow(a.int("dim")!, start: a.int("start")!, length: a.int("length")!)) },
    ]
}
