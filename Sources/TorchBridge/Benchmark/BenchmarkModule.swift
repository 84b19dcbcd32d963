import MiniPython

/// `torch.utils.benchmark`: `Timer` and the `Measurement` it returns, written in Python
/// (``BenchmarkSource``) as PyTorch's are. One native helper compiles the timed statement
/// once, the way `timeit` does, so the timing loop runs no parsing.
enum BenchmarkModule {
    static func register(_ interp: Interpreter) {
        interp.registerModule("torch.utils.benchmark", make)
    }

    static func make(_ interp: Interpreter) throws(PyError) -> PyModule {
        let common = try interp.loadSubmodule(name: "torch.utils.benchmark.utils.common", source: BenchmarkSource.common)
        let compile = PyBuiltinFunction(signature: "_compile_timer(stmt, setup, globals)", module: "torch.utils.benchmark") { (interp, args) throws(PyError) in
            try compileTimer(interp, stmt: try interp.expectStr(args[0], "stmt"),
                             setup: try interp.expectStr(args[1], "setup"), globals: args[2])
        }
        let timer = try interp.loadSubmodule(name: "torch.utils.benchmark.utils.timer", source: BenchmarkSource.timer,
                                             globals: [("_compile_timer", .object(compile)), ("common", .object(common))])
        let module = PyModule(name: "torch.utils.benchmark")
        for name in ["Timer", "Language"] { module[name] = timer[name] }
        for name in ["Measurement", "TaskSpec", "select_unit"] { module[name] = common[name] }
        return module
    }

    /// `inner(number, timer)`: runs `setup` once, then `stmt` `number` times, and returns the
    /// seconds the loop took, in a namespace that starts as a copy of `globals`.
    static func compileTimer(_ interp: Interpreter, stmt: String, setup: String, globals: PyValue) throws(PyError) -> PyValue {
        let namespace = PyModule(name: "__main__")
        namespace["__builtins__"] = .object(interp.builtinsModule)
        if let dict = globals.as(PyDict.self) {
            for (key, value) in dict.items { namespace[try interp.expectStr(key, "globals key")] = value }
        }
        func indented(_ code: String, _ prefix: String) -> String {
            code.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
        }
        let source = """
            def inner(_number, _timer):
            \(indented(setup, "    "))
                _t0 = _timer()
                for _i in range(_number):
            \(indented(stmt, "        "))
                _t1 = _timer()
                return _t1 - _t0
            """
        try interp.execute(source, filename: "<timeit-src>", in: namespace)
        return namespace["inner"] ?? .none
    }
}
