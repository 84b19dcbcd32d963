/// Python behaviour MiniPython's runtime does not have. Each case that code can reach raises
/// `NotImplementedError` with its `message`; the others are differences worth knowing.
/// (The parser's `UNIMPLEMENTED` lists the syntax that is rejected before a program runs,
/// `Builtins.UNIMPLEMENTED` the missing builtin functions.)
enum RuntimeUNIMPLEMENTED {
    /// Reading or writing a file opened in binary mode.
    case binaryFiles
    /// `class A(metaclass=M)` with a metaclass other than `type`.
    case metaclass
    /// `class A(int)`, `class S(str)`, `class F(float)`: those values are immediates.
    case subclassingImmediate(String)
    /// `super(type)` with one argument (unbound super objects).
    case oneArgumentSuper
    /// `generator.send(value)` with a value other than None, and `generator.throw`.
    case generatorSend

    var message: String {
        switch self {
        case .binaryFiles: return "reading and writing binary files is not supported by MiniPython (io.BytesIO is)"
        case .metaclass: return "metaclasses are not supported by MiniPython"
        case .subclassingImmediate(let name): return "subclassing '\(name)' is not supported by MiniPython"
        case .oneArgumentSuper: return "super(type) with one argument is not supported by MiniPython"
        case .generatorSend: return "generator.send() with a value is not supported by MiniPython"
        }
    }
}

// Known differences that raise nothing:
// - An abandoned generator is stopped without running its `finally` blocks (Note [Generators]).
// - `range` bounds must fit in 64 bits (CPython allows huge ranges as long as len() is not used).
// - Exceptions have no traceback objects: `e.__traceback__` is None; `with_traceback` is a no-op.
// - String hashes are fixed (FNV-1a), so sets of strings iterate in a stable order that differs
//   from any given CPython run (CPython randomizes them per process).
// - `__slots__` is accepted and ignored; instances of user classes always have a `__dict__`.
