import MiniPython
import Synchronization

// Note [Tracing hook]
// `torch.onnx.export` records the operations a model's forward performs. Every native
// function of `torch` and `torch.nn.functional`, and every method and property getter of
// `Tensor`, is wrapped once, when
// the module or type is built, by ``OpTrace/instrument(_:)``: the wrapper calls the original
// and then, only while some interpreter is tracing, hands the call and its result to that
// interpreter's ``ONNXTracer``. When nothing traces, the cost is one relaxed atomic load per
// call; kernels and the engine never see tracing at all. Tracers are found by interpreter,
// so an export in one lesson session does not record another session's ops.

/// The hook between native torch functions and an active ``ONNXTracer``.
enum OpTrace {
    /// How many exports are running in the process (any interpreter).
    private static let active = Atomic<Int>(0)
    /// The tracer of each interpreter that is exporting.
    private static let tracers = Mutex<[ObjectIdentifier: ONNXTracer]>([:])

    /// Runs `body` with `tracer` recording the ops `interp` runs.
    static func tracing<R>(_ tracer: ONNXTracer, in interp: Interpreter,
                           _ body: () throws(PyError) -> R) throws(PyError) -> R {
        let key = ObjectIdentifier(interp)
        tracers.withLock { $0[key] = tracer }
        active.add(1, ordering: .relaxed)
        defer {
            active.subtract(1, ordering: .relaxed)
            _ = tracers.withLock { $0.removeValue(forKey: key) }
        }
        return try body()
    }

    /// Whether `interp` is running a forward for an export.
    static func isTracing(_ interp: Interpreter) -> Bool {
        active.load(ordering: .relaxed) != 0 && tracers.withLock { $0[ObjectIdentifier(interp)] != nil }
    }

    /// Wraps every native method and property getter of `type` (see Note [Tracing hook]).
    static func instrument(_ type: PyType) {
        for (name, value) in type.members {
            if let function = value.as(PyBuiltinFunction.self) {
                type.setMember(name, .object(traced(function)))
            } else if let property = value.as(PyProperty.self), let getter = property.getter.as(PyBuiltinFunction.self) {
                property.getter = .object(traced(getter))
            }
        }
    }

    /// Wraps every native function of `module`.
    static func instrument(_ module: PyModule) {
        for (key, value) in module.namespace.items {
            if case .str(let name) = key, let function = value.as(PyBuiltinFunction.self) {
                module[name] = .object(traced(function))
            }
        }
    }

    private static func traced(_ function: PyBuiltinFunction) -> PyBuiltinFunction {
        PyBuiltinFunction(wrapping: function) { (interp, args) throws(PyError) in
            let result = try function.call(interp, args)
            if active.load(ordering: .relaxed) != 0,
               let tracer = tracers.withLock({ $0[ObjectIdentifier(interp)] }) {
                try tracer.record(function.name, signature: function.signature, args, result: result, interp)
            }
            return result
        }
    }
}
