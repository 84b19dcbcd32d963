// Note [Extending MiniPython]
// MiniPython knows nothing of tensors. TorchBridge (or any other module) adds Python modules
// and types through five extension points, all public:
//
// 1. Native modules: `interp.registerModule("torch") { interp throws(PyError) in ... }` returns
//    a `PyModule`, built on first import. Dotted names (`torch.nn`) are submodules: importing
//    one imports its parents and sets it as their attribute. Fill a module with
//    `module.addFunction("zeros(*size, dtype=None, requires_grad=False)") { interp, args in }`
//    (arguments bound by `Signature`, the one binder that raises CPython's TypeErrors),
//    `module["float32"] = value`, or run Python source with `interp.makeModule(name:source:)`.
//
// 2. Native types: `final class PyTensor: PyObject` holds the Swift value; one shared
//    `PyType(name: "Tensor", module: "torch", base: .object) { type in ... }` describes it.
//    Its members are what special-method dispatch finds along the MRO, exactly like a user
//    class's methods:
//      type.addMethod("sum(self, dim=None, keepdim=False, *, dtype=None)") { interp, args in }
//      type.addMethod("__add__(self, other, /)") { ... return .notImplemented when unsupported }
//      type.addMethod("__radd__(self, other, /)"), "__getitem__", "__setitem__", "__len__",
//        "__iter__", "__bool__", "__repr__", "__format__", "__eq__", "__lt__", "__hash__",
//        "__index__", "__float__", "__enter__"/"__exit__", "__call__" (nn.Module)...
//      type.addProperty("shape", get: { interp, tensor in }, set: { interp, tensor, value in })
//      type.addStaticMethod / addClassMethod for constructors and factories.
//    Give the type an allocator (the trailing closure) and `isBaseType: true` if user classes
//    may subclass it (`class Net(nn.Module)`): their instances are then allocated by it and
//    also get an attribute dict. Build a type once (a `static let`) and never change it: types
//    are shared by every interpreter.
//
// 3. Raising Python exceptions from Swift: throw `PyError.typeError("...")`, `.valueError`,
//    `.indexError`, `.runtimeError`, `.attributeError`, `.keyError(value)`,
//    `.notImplementedError`, `.zeroDivisionError`, `.overflowError`, `.memoryError`, or
//    `PyError(typeName: "RuntimeError", message: ...)`. New exception classes are types with
//    an exception base, `PyType(name: "OutOfMemoryError", module: "torch", base: .runtimeError)`,
//    made findable by name with `PyType.registerExceptionType`. Errors of the numeric core
//    convert with `PyError(numberError:)`; the engine's Swift errors should be converted the
//    same way, in the bridge only.
//
// 4. Converting values: `PyValue(3)`, `PyValue(2.5)`, `PyValue("s")`, `PyValue(true)`,
//    `.none`, `.tuple([...])`, `.list([...])`, `.object(obj)`, `interp.makeDict(...)`; and back
//    with `interp.expectInt`, `expectBigInt`, `expectFloat`, `expectStr`, `isTrue`,
//    `toArray` (any iterable), `index` (`__index__`), `value.as(PyTensor.self)`, and the
//    protocols `repr`, `str`, `format`, `length`, `getItem`, `getAttribute`, `call`,
//    `callMethod`, `binaryOperation`, `richCompare`, `equals`, `hash`.
//
// 5. Hosting: `Interpreter()` with `writeStdout`/`writeStderr`/`readLine` sinks, the
//    thread-safe `interrupt` flag, `execute(_:filename:)` for a file or notebook cell,
//    `executeInteractive` for REPL entries, `evaluate` for one expression, and
//    `formatTraceback(_:)` for uncaught exceptions. Run it on a big stack
//    (`Interpreter.runOnLargeStack`) or call `adoptCurrentThread()` on the thread it runs on.
//    Every path user code hands to native code (`torch.save(obj, path)`) goes through
//    `HostAccess.resolve(path)` first: it returns the resolved path inside the working
//    directory or throws CPython's PermissionError; raise failed system calls with
//    `PyError.osError(errno, path)` (`FileNotFoundError: [Errno 2] ...`).
