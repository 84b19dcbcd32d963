import Testing
@testable import TensorEngine

extension OpFixtureTests {
    /// Error type and exact message for misuse across all op families:
    /// `Dimension out of range`, out-of-bounds indices, view/shape/broadcast/matmul errors, dtype errors.
    @Suite struct Errors {
        static let cases = OpFixtures.load("errors")
        static let known: [String: String] = [:]

        @Test func fixturesLoaded() { #expect(Self.cases.count >= 60) }

        @Test(arguments: cases) func conformance(_ c: OpCase) { OpFixtures.check(c, known: Self.known) }
    }
}
