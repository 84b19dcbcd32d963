import Glibc
import MiniPython
import Synchronization
import TensorEngine

/// The op timings behind `torch.profiler.profile`: while a profile is active in an
/// interpreter, every instrumented op (a `torch.` function, a `Tensor` method or operator,
/// a `torch.nn.functional` function) and every `record_function` block becomes one event
/// with its start and end time, its parent event and, with `record_shapes`, its input shapes.
///
/// Note [Profiling cost]
/// An op call checks one process-wide atomic count of active profiles and goes straight on
/// when it is zero, so unprofiled code pays one relaxed load per op. Only while some
/// interpreter profiles does a call look for its own interpreter's recorder (kept in its
/// `torch` module, so sessions running side by side never see each other's events).
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

/// Where profiling hooks into op dispatch: the active-profile count and the wrappers.
enum OpProfiler {
    /// How many interpreters are profiling now (see Note [Profiling cost]).
    static let activeCount = Atomic<Int>(0)

    /// The name of the recorder in the `torch` module of a profiling interpreter.
    static let attribute = "_profiler_recorder"

    /// The recorder of `interp`, if it is profiling.
    @inline(__always)
    static func recorder(_ interp: Interpreter) -> ProfilerRecorder? {
        guard activeCount.load(ordering: .relaxed) > 0 else { return nil }
        return (try? interp.importModule("torch"))?[attribute]?.as(ProfilerRecorder.self)
    }

    /// Starts recording in `interp`.
    static func start(_ interp: Interpreter, recordShapes: Bool) throws(PyError) {
        let torch = try interp.importModule("torch")
        if torch[attribute]?.as(ProfilerRecorder.self) != nil {
            throw PyError.runtimeError("Can't profile: another profiler is already running")
        }
        torch[attribute] = .object(ProfilerRecorder(recordShapes: recordShapes))
        activeCount.add(1, ordering: .relaxed)
    }

    /// Stops recording in `interp` and returns its recorder.
    static func stop(_ interp: Interpreter) throws(PyError) -> ProfilerRecorder? {
        let torch = try interp.importModule("torch")
        guard let recorder = torch[attribute]?.as(ProfilerRecorder.self) else { return nil }
        torch[attribute] = nil
        activeCount.subtract(1, ordering: .relaxed)
        recorder.finish()
        return recorder
    }

    // MARK: - Instrumenting

    /// Wraps `function` so that each call is timed as `name` (`aten::addmm`), with the
    /// events of `inner` nested inside it, as PyTorch's composite ops show their callees.
    static func timed(_ function: PyBuiltinFunction, as name: String, inner: [String] = []) -> PyBuiltinFunction {
        PyBuiltinFunction(wrapping: function) { (interp, args) throws(PyError) in
            guard let recorder = recorder(interp) else { return try function.call(interp, args) }
            let shapes = recorder.recordShapes ? inputShapes(function.signature, args, of: name) : nil
            let index = recorder.begin(name, shapes: shapes)
            for callee in inner { _ = recorder.begin(callee, shapes: shapes.map { OpNames.calleeShapes(callee, $0) }) }
            defer { recorder.end(index) }
            return try function.call(interp, args)
        }
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

    /// `function` timed under its aten name, or itself when PyTorch does not dispatch it as an op.
    static func timed(_ function: PyBuiltinFunction) -> PyBuiltinFunction {
        guard let aten = OpNames.aten(function.name) else { return function }
        return timed(function, as: aten.name, inner: aten.inner)
    }

    /// Wraps the functions of `module` named in `names` (all of them when nil) as aten ops.
    static func instrument(_ module: PyModule, only names: Set<String>? = nil) {
        for (key, value) in module.namespace.items {
            guard case .str(let name) = key, names?.contains(name) ?? true,
                  let function = value.as(PyBuiltinFunction.self), let aten = OpNames.aten(name) else { continue }
            module[name] = .object(timed(function, as: aten.name, inner: aten.inner))
        }
    }

    /// Wraps the `Tensor` methods and operators of `type` as aten ops.
    static func instrument(_ type: PyType) {
        for name in type.members.keys {
            guard let function = type.members[name]?.as(PyBuiltinFunction.self), let aten = OpNames.aten(name) else { continue }
            type.setMember(name, .object(timed(function, as: aten.name, inner: aten.inner)))
        }
    }
}
