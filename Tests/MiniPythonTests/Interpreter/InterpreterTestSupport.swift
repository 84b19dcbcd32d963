import Testing
import MiniPython
#if canImport(Glibc)
import Glibc
#endif

/// What running a program produced: its stdout, and the traceback of the uncaught exception.
struct RunResult: Sendable {
    var stdout: String
    var traceback: String?

    /// The last line of the traceback (`TypeError: message`), like the conformance `.err` files.
    var errorLine: String? {
        traceback?.split(separator: "\n").last.map(String.init)
    }
}

/// Runs `source` in a fresh interpreter on a large-stack thread and captures its output.
func runProgram(_ source: String, filename: String = "test.py") -> RunResult {
    final class Box: @unchecked Sendable { var result = RunResult(stdout: "") }
    let box = Box()
    Interpreter.runOnLargeStack(size: 256 << 20) {
        let interp = Interpreter()
        var out = ""
        interp.writeStdout = { out += $0 }
        interp.writeStderr = { out += $0 }
        do throws(PyError) {
            try interp.execute(source, filename: filename)
        } catch {
            box.result.traceback = interp.formatTraceback(error)
        }
        box.result.stdout = out
    }
    return box.result
}

/// Checks stdout (and optionally the final exception line) of a program.
func expectOutput(_ source: String, _ expected: String, error: String? = nil,
                  sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let result = runProgram(source)
    #expect(result.stdout == expected, sourceLocation: sourceLocation)
    #expect(result.errorLine == error, "traceback: \(result.traceback ?? "none")", sourceLocation: sourceLocation)
}
