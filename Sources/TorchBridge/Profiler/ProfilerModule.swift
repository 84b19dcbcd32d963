import MiniPython

/// `torch.profiler`: `profile`, `record_function` and `ProfilerActivity`, written in Python
/// (``ProfilerSource``) over four native hooks into ``OpProfiler``. `torch.autograd.profiler`
/// shares the same classes, as in PyTorch.
enum ProfilerModule {
    static func make(_ interp: Interpreter) throws(PyError) -> PyModule {
        let hooks = PyModule(name: "torch.profiler")
        /// Starts timing ops in this interpreter.
        hooks.addFunction("_start(record_shapes)") { (interp, args) throws(PyError) in
            try OpProfiler.start(interp, recordShapes: try interp.isTrue(args[0]))
            return .none
        }
        /// Stops timing and returns the events as `(name, start_us, end_us, parent, shapes)`
        /// tuples, start times counted from the first event.
        hooks.addFunction("_stop()") { (interp, _) throws(PyError) in
            guard let recorder = try OpProfiler.stop(interp) else { return .list([]) }
            let origin = recorder.events.first?.start ?? 0
            func microseconds(_ t: UInt64) -> PyValue { .float(Double(t &- origin) / 1000) }
            return .list(recorder.events.map { event in
                let shapes: PyValue = event.shapes.map { .list($0.map { .list($0.map { PyValue($0) }) }) } ?? .none
                return .tuple([.str(event.name), microseconds(event.start), microseconds(event.end),
                               PyValue(event.parent), shapes])
            })
        }
        /// Opens a `record_function` event; -1 when not profiling.
        hooks.addFunction("_begin(name)") { (interp, args) throws(PyError) in
            guard let recorder = OpProfiler.recorder(interp) else { return PyValue(-1) }
            let name = try interp.expectStr(args[0], "name")
            return PyValue(recorder.begin(name, shapes: recorder.recordShapes ? [] : nil))
        }
        hooks.addFunction("_end(handle)") { (interp, args) throws(PyError) in
            let handle = try interp.expectInt(args[0])
            if handle >= 0, let recorder = OpProfiler.recorder(interp) { recorder.end(handle) }
            return .none
        }
        var globals: [(String, PyValue)] = []
        for name in ["_start", "_stop", "_begin", "_end"] { if let f = hooks[name] { globals.append((name, f)) } }
        return try interp.makeModule(name: "torch.profiler", source: ProfilerSource.module, globals: globals)
    }

    /// Registers `torch.profiler` and `torch.autograd.profiler` (built on first import).
    static func register(_ interp: Interpreter) {
        interp.registerModule("torch.profiler", make)
        interp.registerModule("torch.autograd.profiler", makeAutogradProfiler)
    }

    /// `torch.autograd.profiler`: the same `profile` and `record_function`.
    static func makeAutogradProfiler(_ interp: Interpreter) throws(PyError) -> PyModule {
        let profiler = try interp.importModule("torch.profiler")
        let module = PyModule(name: "torch.autograd.profiler")
        for name in ["profile", "record_function", "EventList", "FunctionEventAvg"] {
            if let value = profiler[name] { module[name] = value }
        }
        return module
    }
}
