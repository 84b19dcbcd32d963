#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MiniPython
import TorchBridge

/// Python programs run by MiniPython, to compare with the reference interpreters on the same
/// machine:
/// - `op_add_1`: µs per iteration of `y = x + 1` on a 1-element tensor in a Python loop,
///   the `torch_add_1` case of ../shared/bench/op_overhead.py (PyTorch: about 2.6 µs);
/// - `py_loop`: seconds for ``pyLoopProgram`` (parsing included), and `py_loop_cpython`: the
///   same source run by the machine's `python3` and timed inside it (needs `python3` on PATH);
/// - `startup_run`: ms of wall time for `pytorch-tutor run` on a three-line tensor script
///   (needs the release `pytorch-tutor` next to this executable: `make bench` builds both).
func interpreterBenchmarks() -> [Benchmark] {
    var list = [opAdd1Benchmark(), pyLoopBenchmark()]
    if let python = ChildProcess.find("python3") { list.append(pyLoopCPythonBenchmark(python)) }
    let tutor = ChildProcess.ownDirectory + "/pytorch-tutor"
    if access(tutor, X_OK) == 0 { list.append(startupBenchmark(tutor)) }
    return list
}

/// A pure-Python workload of the kind lessons run: loops, int and float arithmetic, calls,
/// a small class, list/dict methods, string building with a generator expression, and
/// op_overhead.py's `py_loop_empty` and `py_float_add` loops.
let pyLoopProgram = """
    class Point:
        def __init__(self, x, y):
            self.x = x
            self.y = y

        def norm2(self):
            return self.x * self.x + self.y * self.y


    def fib(n):
        return n if n < 2 else fib(n - 1) + fib(n - 2)


    def work(n):
        total = 0
        acc = 0.0
        items = []
        counts = {}
        for i in range(n):
            total += i * 3 % 7
            if i % 3 == 0:
                items.append(i)
            p = Point(i, i + 1)
            acc += p.norm2() * 0.5
            k = i & 15
            counts[k] = counts.get(k, 0) + 1
        s = 0
        for v in items:
            s += v
        words = " ".join(str(i % 10) for i in range(1000)).split()
        return total, acc, len(items), s, len(counts), len(words)


    def py_loop_empty(n):
        for _ in range(n):
            pass


    def py_float_add(n):
        a = 1.0
        for _ in range(n):
            y = a + 1.0


    py_loop_empty(100000)
    py_float_add(100000)
    print(work(100000), fib(20))

    """

private func opAdd1Benchmark() -> Benchmark {
    let iterations = 10_000
    return Benchmark(name: "op_add_1", threads: 1, unit: "us", decimals: 2) {
        let interp = Interpreter()
        TorchBridge.install(into: interp)
        let function: PyValue
        do throws(PyError) {
            try interp.execute("""
                import torch
                def torch_add_1(n, x=torch.randn(1)):
                    for _ in range(n):
                        y = x + 1
                """, filename: "op_add_1.py")
            function = interp.mainModule["torch_add_1"] ?? .none
        } catch {
            fatalError("op_add_1 setup: \(error)")
        }
        return Measured(call: {
            do throws(PyError) { _ = try interp.call(function, [PyValue(iterations)]) } catch { fatalError("op_add_1: \(error)") }
        }, value: { $0 / Double(iterations) * 1e6 })
    }
}

private func pyLoopBenchmark() -> Benchmark {
    Benchmark(name: "py_loop", threads: 1, unit: "s", decimals: 3) {
        Measured(call: {
            let interp = Interpreter()
            interp.writeStdout = { _ in }
            do throws(PyError) { try interp.execute(pyLoopProgram, filename: "py_loop.py") } catch { fatalError("py_loop: \(error)") }
        }, value: { $0 })
    }
}

/// CPython times the program itself (compile included, interpreter start-up excluded),
/// like ``pyLoopBenchmark`` does for MiniPython.
private func pyLoopCPythonBenchmark(_ python: String) -> Benchmark {
    let driver = """
        import contextlib, io, sys, time
        source = open(sys.argv[1]).read()
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(source, "py_loop.py", "exec"), {"__name__": "__main__"})
        print(time.perf_counter() - start)
        """
    return Benchmark(name: "py_loop_cpython", threads: 1, unit: "s", decimals: 3) {
        let program = ChildProcess.temporaryFile(named: "py_loop.py", pyLoopProgram)
        return Measured(call: {}, value: { $0 }, timedCall: {
            guard let result = ChildProcess.run([python, "-c", driver, program]), result.status == 0,
                  let seconds = Double(result.output.split(separator: "\n").last ?? "") else {
                fatalError("py_loop_cpython: \(python) failed")
            }
            return seconds
        }, teardown: { unlink(program) })
    }
}

private func startupBenchmark(_ tutor: String) -> Benchmark {
    Benchmark(name: "startup_run", threads: 1, unit: "ms", decimals: 1) {
        let script = ChildProcess.temporaryFile(named: "startup.py", """
            import torch
            x = torch.tensor([1.0, 2.0, 3.0])
            print(x * 2 + 1)

            """)
        return Measured(call: {
            guard let result = ChildProcess.run([tutor, "run", script]), result.status == 0 else {
                fatalError("startup_run: \(tutor) run failed")
            }
        }, value: { $0 * 1e3 }, teardown: { unlink(script) })
    }
}
