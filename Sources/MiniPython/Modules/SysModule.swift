/// `sys`: argv, version, the standard streams, recursion limit, `exit`. Nothing here reaches
/// the host: `path` is empty, `modules` a fresh dict, and there is no `_getframe`,
/// `executable` or `settrace` (see Note [os is a safe subset] for why `sys` is importable).
/// Docs: https://docs.python.org/3.11/library/sys.html
enum SysModule {
    static let versionInfoType = StructSequence.makeType(
        "version_info", module: "sys", fields: ["major", "minor", "micro", "releaselevel", "serial"])
    static let floatInfoType = StructSequence.makeType(
        "float_info", module: "sys",
        fields: ["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"])

    /// The type of `sys.stdout` and `sys.stderr`: writes go to the interpreter's sinks.
    static let streamType: PyType = {
        let type = PyType(name: "TextIOWrapper", module: "_io", base: .object, isBaseType: false)
        return type
    }()

    final class Stream: PyObject, @unchecked Sendable {
        let isError: Bool
        init(isError: Bool) {
            self.isError = isError
            super.init(type: SysModule.streamType)
        }
    }

    private static let streamMethods: Void = {
        streamType.addMethod("write(self, s, /)") { (interp, args) throws(PyError) in
            let text = try interp.expectStr(args[1], "write() argument")
            if let stream = args[0].as(Stream.self), stream.isError { interp.writeStderr(text) } else { interp.writeStdout(text) }
            return PyValue(text.unicodeScalars.count)
        }
        streamType.addMethod("flush(self, /)") { _, _ in .none }
        BuiltinTypes.addRepr(streamType) { (_, v) throws(PyError) in
            (v.as(Stream.self)?.isError ?? false) ? "<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>"
                : "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>"
        }
    }()

    static func make(_ interp: Interpreter) -> PyModule {
        _ = streamMethods
        let m = PyModule(name: "sys")
        m["argv"] = .list(interp.argv.map { .str($0) })
        m["version"] = .str("3.11.7 (MiniPython)")
        m["version_info"] = StructSequence.make(versionInfoType, [PyValue(3), PyValue(11), PyValue(7), .str("final"), PyValue(0)])
        m["float_info"] = StructSequence.make(floatInfoType, [
            PyValue(Double.greatestFiniteMagnitude), PyValue(1024), PyValue(308), PyValue(Double.leastNormalMagnitude),
            PyValue(-1021), PyValue(-307), PyValue(15), PyValue(53), PyValue(Double.ulpOfOne), PyValue(2), PyValue(1),
        ])
        m["platform"] = .str("linux")
        m["maxsize"] = PyValue(Int.max)
        m["byteorder"] = .str("little")
        m["stdout"] = .object(Stream(isError: false))
        m["stderr"] = .object(Stream(isError: true))
        m["modules"] = .object(PyDict())
        m["path"] = .list([])
        m.addFunction("getrecursionlimit()") { (interp, _) throws(PyError) in PyValue(interp.recursionLimit) }
        m.addFunction("setrecursionlimit(limit, /)") { (interp, args) throws(PyError) in
            let limit = try interp.expectInt(args[0])
            // A C int in CPython; the native stack check (Note [Interpreter stack]) still
            // stops deep recursion whatever the limit.
            guard limit <= Int(Int32.max) else { throw PyError.overflowError("Python int too large to convert to C int") }
            guard limit >= 1 else { throw PyError.valueError("recursion limit must be greater or equal than 1") }
            interp.recursionLimit = limit
            return .none
        }
        m.addFunction("exit(status=None, /)") { (_, args) throws(PyError) in
            throw PyError(PyBaseException(type: .systemExit, args: args[0].isNone ? [] : [args[0]]))
        }
        m.addFunction("exc_info()") { (interp, _) throws(PyError) in
            guard let exc = interp.handling.last else { return .tuple([.none, .none, .none]) }
            return .tuple([.object(exc.type), .object(exc), .none])
        }
        m.addFunction("getsizeof(object, default=<unset>, /)") { _, _ in PyValue(64) }
        return m
    }
}
