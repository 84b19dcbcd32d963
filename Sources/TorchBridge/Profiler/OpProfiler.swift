import Glibc
import MiniPython
import TensorEngine

/// The op timings behind `torch.profiler.profile`: while a profile is active in an
/// interpreter, every instrumented op (a `torch.` function, a `Tensor` method or operator,
/// a `torch.nn.functional` function) and every `record_function` block becomes one event
/// with its start and end time, its parent event and, with `record_shapes`, its input shapes.
///
/// Ops reach the recorder through ``OpHooks`` (Note [Op hooks]); the recorder lives in its
/// interpreter's `torch` module, so sessions running side by side never see each other's events.
final class ProfilerRecorder: PyObject, @unchecked Sendable {
    /// One timed op or `record_function` block.
    struct Event {
        var name: String
        var start: UInt64
        var end: UInt64 = 0
        /// The index of the enclosing event, or -1 at the top level.
        var parent: Int
        /// The shapes of the inputs (`[[2, 3], []]`), when recording shapes.
        var shapes: [[Int]]?
    }

    let recordShapes: Bool
    private(set) var events: [Event] = []
    private var open: [Int] = []

    static let type = PyType(name: "_ProfilerRecorder", module: "torch.profiler", base: .object, isBaseType: false)

    init(recordShapes: Bool) {
        self.recordShapes = recordShapes
        super.init(type: ProfilerRecorder.type)
    }

    /// Opens an event and returns its index for ``end(_:)``.
    func begin(_ name: String, shapes: [[Int]]? = nil) -> Int {
        events.append(Event(name: name, start: ProfilerRecorder.now(), parent: open.last ?? -1, shapes: shapes))
        open.append(events.count - 1)
        return events.count - 1
    }

    /// Closes event `index` (and any left open inside it by an exception).
    func end(_ index: Int) {
        let time = ProfilerRecorder.now()
        while let last = open.last, last >= index {
            events[last].end = time
            open.removeLast()
        }
    }

    /// Closes every open event (at the end of the profile).
    func finish() {
        if let first = open.first { end(first) }
    }

    /// Monotonic nanoseconds.
    static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }
}

/// Starting and stopping profiles, and the events of op calls (``OpHooks`` calls ``begin``).
enum OpProfiler {
    /// The name of the recorder in the `torch` module of a profiling interpreter.
    static let attribute = "_profiler_recorder"

    /// The recorder of `interp`, if it is profiling.
    @inline(__always)
    static func recorder(_ interp: Interpreter) -> ProfilerRecorder? {
        guard OpHooks.active.load(ordering: .relaxed) > 0 else { return nil }
        return (try? interp.importModule("torch"))?[attribute]?.as(ProfilerRecorder.self)
    }

    /// Starts recording in `interp`.
    static func start(_ interp: Interpreter, recordShapes: Bool) throws(PyError) {
        let torch = try interp.importModule("torch")
        if torch[attribute]?.as(ProfilerRecorder.self) != nil {
            throw PyError.runtimeError("Can't profile: another profiler is already running")
        }
        torch[attribute] = .object(ProfilerRecorder(recordShapes: recordShapes))
        OpHooks.active.add(1, ordering: .relaxed)
    }

    /// Stops recording in `interp` and returns its recorder.
    static func stop(_ interp: Interpreter) throws(PyError) -> ProfilerRecorder? {
        let torch = try interp.importModule("torch")
        guard let recorder = torch[attribute]?.as(ProfilerRecorder.self) else { return nil }
        torch[attribute] = nil
        OpHooks.active.subtract(1, ordering: .relaxed)
        recorder.finish()
        return recorder
    }

    // MARK: - Op events

    /// Opens the event of a call of op `aten` (and those of its nested callees) and returns
    /// the index to end.
    static func begin(_ aten: (name: String, inner: [String]), _ signature: Signature?, _ args: Arguments,
                      in recorder: ProfilerRecorder) -> Int {
        let shapes = recorder.recordShapes ? inputShapes(signature, args, of: aten.name) : nil
        let index = recorder.begin(aten.name, shapes: shapes)
        for callee in aten.inner { _ = recorder.begin(callee, shapes: shapes.map { OpNames.calleeShapes(callee, $0) }) }
        return index
    }

    /// The input shapes PyTorch records: a tensor's shape, `[]` for anything else, one
    /// entry per parameter of the signature (defaults included). The operators `+` and `-`
    /// take no `alpha`, which PyTorch's `add` and `sub` list as a last `[]`.
    static func inputShapes(_ signature: Signature?, _ args: Arguments, of op: String) -> [[Int]] {
        func shape(_ v: PyValue) -> [Int] { v.tensorValue?.shape ?? [] }
        guard let signature, let bound = try? signature.bind(args) else {
            return args.positional.map(shape) + args.keywords.map { shape($0.value) }
        }
        // `inplace=` of `torch.nn.functional` picks the op; it is no argument of it.
        var shapes = signature.parameters.indices.filter { signature.parameters[$0].name != "inplace" }.map { shape(bound[$0]) }
        if shapes.count == 2 && OpNames.withAlpha.contains(op) { shapes.append([]) }
        return shapes
    }
}
