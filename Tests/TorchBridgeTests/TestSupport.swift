import Foundation
import Testing
import MiniPython
import TensorEngine
import TorchBridge

/// Runs `source` in a fresh interpreter with `torch` installed and returns its stdout, plus
/// the uncaught exception's `Type: message` line if it raised.
///
/// Grad mode is set per thread for the run, so parallel tests in other suites are unaffected.
func runPython(_ source: String) -> (stdout: String, error: String?) {
    let interp = Interpreter()
    TorchBridge.install(into: interp)
    var out = ""
    interp.writeStdout = { out += $0 }
    interp.writeStderr = { _ in }
    var failure: String?
    GradMode.with(true) {
        do throws(PyError) {
            try interp.execute(source, filename: "test.py")
        } catch {
            failure = error.description
        }
    }
    return (out, failure)
}

/// Runs `directory/name.py` and expects the stdout recorded beside it in `name.out`, line by
/// line (the first differing line is reported).
func expectRecordedOutput(_ name: String, in directory: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let source = try String(contentsOf: directory.appendingPathComponent(name + ".py"), encoding: .utf8)
    let expected = try String(contentsOf: directory.appendingPathComponent(name + ".out"), encoding: .utf8)
    let result = runPython(source)
    #expect(result.error == nil, "\(name).py raised \(result.error ?? "")", sourceLocation: sourceLocation)
    let got = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    for (i, (g, w)) in zip(got, want).enumerated() where g != w {
        Issue.record("\(name).py line \(i + 1):\n  got:      \(g)\n  expected: \(w)", sourceLocation: sourceLocation)
        return
    }
    #expect(got.count == want.count, "\(name).py printed \(got.count) lines, expected \(want.count)", sourceLocation: sourceLocation)
}

/// The folder of the PyTorch-recorded program fixtures.
let programsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/programs")

/// The names of the fixture programs (`creation`, `printing`, ...).
func fixturePrograms() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: programsDirectory.path)) ?? []
    return names.filter { $0.hasSuffix(".py") }.map { String($0.dropLast(3)) }.sorted()
}

/// Expects `source` to print `expected`, pointing failures at the caller.
func expectOutput(_ source: String, _ expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let result = runPython(source)
    #expect(result.error == nil, "raised \(result.error ?? "")", sourceLocation: sourceLocation)
    #expect(result.stdout == expected, sourceLocation: sourceLocation)
}

/// Expects `source` to raise `Type: message` (only the type when `message` is nil).
func expectError(_ source: String, _ type: String, _ message: String? = nil,
                 sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let result = runPython(source)
    guard let error = result.error else {
        Issue.record("expected \(type), got no exception", sourceLocation: sourceLocation)
        return
    }
    #expect(error.hasPrefix(type + ":") || error == type, "got \(error)", sourceLocation: sourceLocation)
    if let message { #expect(error == "\(type): \(message)", sourceLocation: sourceLocation) }
}
