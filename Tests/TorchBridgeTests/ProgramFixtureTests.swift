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
        try expectRecordedOutput(name, in: programsDirectory)
    }
}
