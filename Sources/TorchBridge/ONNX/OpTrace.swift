import MiniPython
import Synchronization

/// The tracer of each exporting interpreter, which sees native torch calls through
/// ``OpHooks`` (Note [Op hooks]).
enum OpTrace {
    /// The tracer of each interpreter that is exporting.
    private static let tracers = Mutex<[ObjectIdentifier: ONNXTracer]>([:])

    /// Runs `body` with `tracer` recording the ops `interp` runs.
    static func tracing<R>(_ tracer: ONNXTracer, in interp: Interpreter,
                           _ body: () throws(PyError) -> R) throws(PyError) -> R {
        let key = ObjectIdentifier(interp)
        tracers.withLock { $0[key] = tracer }
        OpHooks.active.add(1, ordering: .relaxed)
        defer {
            OpHooks.active.subtract(1, ordering: .relaxed)
            _ = tracers.withLock { $0.removeValue(forKey: key) }
        }
        return try body()
    }

    /// Whether `interp` is running a forward for an export.
    static func isTracing(_ interp: Interpreter) -> Bool { tracer(interp) != nil }

    /// The tracer of `interp`, if it is exporting.
    static func tracer(_ interp: Interpreter) -> ONNXTracer? {
        guard OpHooks.active.load(ordering: .relaxed) != 0 else { return nil }
        return tracers.withLock { $0[ObjectIdentifier(interp)] }
    }
}
