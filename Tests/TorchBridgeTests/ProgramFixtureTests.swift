import Foundation
import Testing
import TorchBridge

/// The programs in Fixtures/programs print exactly what real PyTorch printed for them
/// (recorded by Fixtures/make_fixtures.py with torch 2.15). Serialized: the programs seed
/// the process-wide default generator.
@Suite(.serialized)
struct ProgramFixtureTests {
    @Test(arguments: fixturePrograms())
    func program(_ name: String) throws {
        let source = try String(contentsOf: programsDirectory.appendingPathComponent(name + ".py"), encoding: .utf8)
        let expected = try String(contentsOf: programsDirectory.appendingPathComponent(name + ".out"), encoding: .utf8)
        let result = runPython(source)
        #expect(result.error == nil, "\(name).py raised \(result.error ?? "")")
        let got = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, (g, w)) in zip(got, want).enumerated() where g != w {
            Issue.record("\(name).py line \(i + 1):\n  got:      \(g)\n  expected: \(w)")
            return
        }
        #expect(got.count == want.count, "\(name).py printed \(got.count) lines, expected \(want.count)")
    }
}
