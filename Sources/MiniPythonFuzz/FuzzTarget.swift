#if canImport(Glibc)
import Glibc
#endif
import MiniPython
import Synchronization

/// One fuzz execution: the input, decoded as UTF-8, goes through the lexer, the REPL
/// completeness check, the expression parser, then runs in a fresh interpreter
/// with its output discarded, a small recursion limit and a time budget. Python exceptions
/// (including the `KeyboardInterrupt` of an exhausted budget) are the normal outcome; a trap
/// of the process is a bug.
///
/// Native operations that do not check the interrupt flag are bounded by the size limits,
/// lowered here so that one allowed operation fits the budget and libFuzzer's memory limit:
/// ints up to 2**20 bits (instead of 2**26), lists and strings up to 64 MB (instead of 2 GB).
enum FuzzTarget {
    /// Wall-clock budget of one execution; after it every interrupt check raises.
    nonisolated(unsafe) static var budgetNanoseconds: UInt64 = 50_000_000
    static let recursionLimit = 200

    /// Runs `body` (the whole fuzzing session) on a thread with a 128 MB stack: the parser runs
    /// in place with 64 MB to spare, and the interpreter gets less than its usual 512 MB, so
    /// stack-hungry code shows up sooner.
    static func onStack(_ body: @escaping () -> Void) {
        Interpreter.runOnLargeStack(size: 128 << 20, body)
    }

    /// An empty scratch directory that programs see as their working directory (`open()`
    /// and `os` reach nothing else), emptied after every execution: random programs must
    /// not write into the checkout the fuzzer runs in, nor fill the disk.
    static let scratch: String = {
        var template = Array("/tmp/minipython-fuzz-XXXXXX".utf8CString)
        let path = mkdtemp(&template).map { String(cString: $0) } ?? "/nonexistent-minipython-fuzz"
        HostAccess.confine(to: path)
        atexit { _ = rmdir(FuzzTarget.scratch) }
        return path
    }()

    /// Removes everything inside `directory` (not the directory itself).
    static func empty(_ directory: String) {
        guard let dir = opendir(directory) else { return }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        closedir(dir)
        for name in names {
            let path = directory + "/" + name
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                empty(path)
                rmdir(path)
            } else {
                unlink(path)
            }
        }
    }
    /// `FUZZ_VERBOSE=1`: show the program's output and the uncaught exception (for triage).
    static let verbose = getenv("FUZZ_VERBOSE") != nil

    /// `FUZZ_REPEAT=N`: run every input N times and print the resident memory (leak triage).
    static let repeatCount = getenv("FUZZ_REPEAT").flatMap { Int(String(cString: $0)) } ?? 1

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard repeatCount > 1 else { return runOnce(bytes) }
        let before = residentMegabytes()
        for _ in 0..<repeatCount { runOnce(bytes) }
        print("\(repeatCount) runs: resident memory \(before) MB -> \(residentMegabytes()) MB")
    }

    static func residentMegabytes() -> Int {
        guard let file = fopen("/proc/self/statm", "r") else { return 0 }
        defer { fclose(file) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = fread(&buffer, 1, buffer.count, file)
        let fields = String(decoding: buffer[0..<count], as: UTF8.self).split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return (pages * sysconf(Int32(_SC_PAGESIZE))) >> 20
    }

    private static let limits: Void = {
        PyIntValue.maxBitLength = 1 << 20
        Interpreter.maxSequenceBytes = 1 << 26
    }()

    static func runOnce(_ bytes: UnsafeBufferPointer<UInt8>) {
        _ = limits
        let directory = scratch
        defer { empty(directory) }
        let source = String(decoding: bytes, as: UTF8.self)
        _ = try? Lexer.tokenize(source)
        _ = isIncomplete(source)
        _ = try? Parser.parseExpression(source)

        let interp = Interpreter(interrupt: Watchdog.shared.interrupt)
        interp.writeStdout = { text in if verbose { print(text, terminator: "") } }
        interp.writeStderr = { text in if verbose { print(text, terminator: "") } }
        interp.recursionLimit = recursionLimit
        Watchdog.shared.start(budget: budgetNanoseconds)
        do throws(PyError) {
            try interp.execute(source, filename: "fuzz.py")
        } catch {
            let traceback = interp.formatTraceback(error)
            if verbose { print(traceback, terminator: "") }
        }
        Watchdog.shared.stop()
        // Module globals and the functions defined in them form reference cycles; break them
        // so that one execution's objects do not outlive it.
        interp.mainModule.namespace.removeAll()
    }
}

/// A thread that sets the interpreter's interrupt flag (persistently) once the running
/// execution is over its budget.
final class Watchdog: @unchecked Sendable {
    static let shared = Watchdog()

    let interrupt = InterruptFlag()
    /// Monotonic deadline of the running execution in nanoseconds; 0 when idle.
    private let deadline = Mutex<UInt64>(0)

    private init() {
        let box = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        pthread_create(&thread, nil, { raw in
            let watchdog = Unmanaged<Watchdog>.fromOpaque(raw!).takeUnretainedValue()
            while true {
                usleep(1000)
                watchdog.deadline.withLock { deadline in
                    if deadline != 0 && Watchdog.now() > deadline { watchdog.interrupt.setPersistent() }
                }
            }
        }, box)
        pthread_detach(thread)
    }

    func start(budget: UInt64) {
        deadline.withLock { deadline in
            interrupt.clear()
            deadline = Watchdog.now() + budget
        }
    }

    func stop() {
        deadline.withLock { deadline in
            deadline = 0
            interrupt.clear()
        }
    }

    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
