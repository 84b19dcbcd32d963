import MiniPython
import Synchronization

// Note [Op hooks]
// `torch.onnx.export` records the ops a model's forward performs (``OpTrace``) and
// `torch.profiler` times them (``OpProfiler``). Both see native calls through one wrapper
// per function: every native function of `torch` and `torch.nn.functional`, and every
// method and property getter of `Tensor`, is wrapped once, when the module or type is
// built, by ``OpHooks/instrument(_:)-(PyType)``. While nothing traces or profiles, a call
// pays one relaxed atomic load; kernels and the engine never see the hooks. Tracers and
// profiles belong to one interpreter, so lesson sessions side by side never see each
// other's ops.

/// The wrappers through which the tracer and the profiler see native torch calls.
enum OpHooks {
    /// How many traces and profiles are running in the process (any interpreter).
    static let active = Atomic<Int>(0)

    /// Wraps every native method and property getter of `type`.
    static func instrument(_ type: PyType) {
        for (name, value) in type.members {
            if let function = value.as(PyBuiltinFunction.self) {
                type.setMember(name, .object(hooked(function, aten: OpNames.aten(name))))
            } else if let property = value.as(PyProperty.self), let getter = property.getter.as(PyBuiltinFunction.self) {
                property.getter = .object(hooked(getter, aten: nil))
            }
        }
    }

    /// Wraps every native function of `module`.
    static func instrument(_ module: PyModule) {
        for (key, value) in module.namespace.items {
            if case .str(let name) = key, let function = value.as(PyBuiltinFunction.self) {
                module[name] = .object(hooked(function, aten: OpNames.aten(name)))
            }
        }
    }

    /// `function` as seen by the hooks; profiles time it as `aten` (the op's name and the
    /// callees PyTorch shows nested in it) when it is an op.
    private static func hooked(_ function: PyBuiltinFunction, aten: (name: String, inner: [String])?) -> PyBuiltinFunction {
        PyBuiltinFunction(wrapping: function) { (interp, args) throws(PyError) in
            guard active.load(ordering: .relaxed) != 0 else { return try function.call(interp, args) }
            return try observedCall(function, aten: aten, interp, args)
        }
    }

    private static func observedCall(_ function: PyBuiltinFunction, aten: (name: String, inner: [String])?,
                                     _ interp: Interpreter, _ args: Arguments) throws(PyError) -> PyValue {
        var timing: (recorder: ProfilerRecorder, event: Int)?
        if let aten, let recorder = OpProfiler.recorder(interp) {
            timing = (recorder, OpProfiler.begin(aten, function.signature, args, in: recorder))
        }
        defer { if let timing { timing.recorder.end(timing.event) } }
        let result = try function.call(interp, args)
        if let tracer = OpTrace.tracer(interp) {
            try tracer.record(function.name, signature: function.signature, args, result: result, interp)
        }
        return result
    }
}
