import Testing
import MiniPython
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Every crash reproducer found by `make fuzz` (`Fuzz/regressions/*.py`) goes through the lexer,
/// the parsers and the interpreter as in the fuzz target (`Sources/MiniPythonFuzz`): on a 64 MB
/// stack (the smallest the interpreter runs on: generator threads; libFuzzer's 8 MB is too small
/// for debug builds), with a recursion limit of 200 and a time budget after which every
/// interrupt check raises `KeyboardInterrupt`. The test passes if the process survives; a
/// Python exception is a normal outcome.
@Suite struct FuzzRegressionTests {
    /// `<repo>/Tests/MiniPythonTests/Fuzz/FuzzRegressionTests.swift` -> `<repo>/Fuzz/regressions`.
    static let directory: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast(4)  // file, Fuzz, MiniPythonTests, Tests
        return parts.joined(separator: "/") + "/Fuzz/regressions"
    }()

    static var reproducers: [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasSuffix(".py") { names.append(name) }
        }
        return names.sorted()
    }

    @Test func reproducersArePresent() {
        #expect(!Self.reproducers.isEmpty, "no reproducers in \(Self.directory)")
    }

    @Test(arguments: reproducers)
    func reproducerDoesNotCrash(_ name: String) throws {
        let source = try #require(readFile(Self.directory + "/" + name))
        Interpreter.runOnLargeStack(size: 64 << 20) {
            _ = try? Lexer.tokenize(source)
            _ = isIncomplete(source)
            _ = try? Parser.parseExpression(source)
            guard (try? Parser.parseModule(source)) != nil else { return }
            let interp = Interpreter()
            interp.writeStdout = { _ in }
            interp.writeStderr = { _ in }
            interp.recursionLimit = 200
            withTimeBudget(milliseconds: 1000, interp.interrupt) {
                do throws(PyError) {
                    try interp.execute(source, filename: name)
                } catch {
                    _ = interp.formatTraceback(error)
                }
            }
            interp.mainModule.namespace.removeAll()
        }
    }
}

/// Runs `body`; if it takes longer than the budget, `interrupt` is set persistently.
private func withTimeBudget(milliseconds: Int, _ interrupt: InterruptFlag, _ body: () -> Void) {
    final class Watch: @unchecked Sendable {
        let done = Atomic<Bool>(false)
        let interrupt: InterruptFlag
        let milliseconds: Int
        init(_ interrupt: InterruptFlag, _ milliseconds: Int) {
            self.interrupt = interrupt
            self.milliseconds = milliseconds
        }
    }
    let watch = Watch(interrupt, milliseconds)
    var thread = pthread_t()
    let started = pthread_create(&thread, nil, { raw in
        let watch = Unmanaged<Watch>.fromOpaque(raw!).takeRetainedValue()
        for _ in 0..<watch.milliseconds where !watch.done.load(ordering: .relaxed) { usleep(1000) }
        if !watch.done.load(ordering: .relaxed) { watch.interrupt.setPersistent() }
        return nil
    }, Unmanaged.passRetained(watch).toOpaque())
    body()
    watch.done.store(true, ordering: .relaxed)
    if started == 0 { pthread_join(thread, nil) }
    interrupt.clear()
}
