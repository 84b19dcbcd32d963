import Testing
@testable import TensorEngine

extension OpFixtureTests {
    /// Factories, `torch.tensor` inference, conversions, `clone`/`contiguous`/`item`/`tolist`.
    @Suite struct Creation {
        static let cases = OpFixtures.load("creation")
        static let known: [String: String] = [:]

        @Test func fixturesLoaded() { #expect(Self.cases.count >= 100) }

        @Test(arguments: cases) func conformance(_ c: OpCase) { OpFixtures.check(c, known: Self.known) }
    }
}

extension OpRegistry {
    static let creation: [String: OpFn] = [
        "zeros": { _, a in T(try Tensor.zeros(a.ints("shape")!, dtype: a.dtype("dtype") ?? .float32)) },
        "ones": { _, a in T(try Tensor.ones(a.ints("shape")!, dtype: a.dtype("dtype") ?? .float32)) },
        "full": { _, a in T(try Tensor.full(a.ints("shape")!, a.scalar("value")!, dtype: a.dtype("dtype"))) },
        "arange": { _, a in
            T(try Tensor.arange(a.scalar("start")!, a.scalar("end")!, step: a.scalar("step")!, dtype: a.dtype("dtype")))
        },
        "linspace": { _, a in
            T(try Tensor.linspace(a.double("start")!, a.double("end")!, steps: a.int("steps")!, dtype: a.dtype("dtype") ?? .float32))
        },
        "eye": { _, a in T(try Tensor.eye(a.int("n")!, a.int("m"), dtype: a.dtype("dtype") ?? .float32)) },
        "zeros_like": { x, a in T(try Tensor.zerosLike(x[0], dtype: a.dtype("dtype"))) },
        "ones_like": { x, a in T(try Tensor.onesLike(x[0], dtype: a.dtype("dtype"))) },
        "full_like": { x, a in T(try Tensor.fullLike(x[0], a.scalar("value")!, dtype: a.dtype("dtype"))) },
        "tensor": { _, a in T(try Tensor.from(nested: a.nested("data")!, dtype: a.dtype("dtype"))) },
        "to": { x, a in T(try x[0].to(a.dtype("dtype")!)) },
        "clone": { x, _ in T(try x[0].clone()) },
        "contiguous": { x, _ in T(try x[0].contiguous()) },
        "detach": { x, _ in T(x[0].detach()) },
        "item": { x, _ in [.scalar(try x[0].item())] },
        "tolist": { x, _ in [.nested(x[0].tolist())] },
        "one_hot": { x, a in T(try x[0].oneHot(numClasses: a.int("n")!)) },
    ]
}
