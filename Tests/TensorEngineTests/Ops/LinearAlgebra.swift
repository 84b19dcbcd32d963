import Testing
@testable import TensorEngine

extension OpFixtureTests {
    /// `mm`, `bmm`, `mv`, `dot`, `outer`, `matmul` (every rank pair, batch broadcasting), `addmm`, and their errors.
    @Suite struct LinearAlgebra {
        static let cases = OpFixtures.load("linalg")
        static let known: [String: String] = [:]

        @Test func fixturesLoaded() { #expect(Self.cases.count >= 50) }

        @Test(arguments: cases) func conformance(_ c: OpCase) { OpFixtures.check(c, known: Self.known) }
    }
}

extension OpRegistry {
    static let linalg: [String: OpFn] = [
        "mm": { x, _ in T(try x[0].mm(x[1])) },
        "bmm": { x, _ in T(try x[0].bmm(x[1])) },
        "mv": { x, _ in T(try x[0].mv(x[1])) },
        "dot": { x, _ in T(try x[0].dot(x[1])) },
        "outer": { x, _ in T(try x[0].outer(x[1])) },
        "matmul": { x, _ in T(try x[0].matmul(x[1])) },
        "addmm": { x, a in
            T(try Tensor.addmm(x[0], x[1], x[2], beta: a.scalar("beta") ?? .int(1), alpha: a.scalar("alpha") ?? .int(1)))
        },
    ]
}
