/// One activation of a scope: a module body, a function call, a class body, a comprehension.
///
/// Function locals live in `fast` (slots decided by the ``Resolver``), variables shared with
/// inner functions in `cells`; module and class bodies keep their names in `namespace`.
final class Frame {
    let code: CodeInfo
    var fast: [PyValue?]
    var cells: [PyCell]
    private(set) var globals: PyDict
    /// Module globals, or the class namespace for a class body (LOAD_NAME/STORE_NAME).
    private(set) var namespace: PyDict
    /// The line being executed, for tracebacks.
    var line = 0
    /// A unique number for this activation (see ``TracebackEntry``).
    private(set) var id: Int
    /// The function being run, for zero-argument `super()`.
    var function: PyFunction?
    /// Set while the frame runs a generator body.
    var generator: GeneratorChannel?

    init(code: CodeInfo, globals: PyDict, namespace: PyDict? = nil, cells: [PyCell] = [], id: Int) {
        self.code = code
        self.fast = Array(repeating: nil, count: code.fastCount)
        self.cells = cells
        self.globals = globals
        self.namespace = namespace ?? globals
        self.id = id
    }
}

extension Frame {
    /// Makes a finished function frame (see ``CodeInfo/framePool``) ready for a new call.
    func reuse(globals: PyDict, cells: [PyCell], id: Int) {
        self.globals = globals
        self.namespace = globals
        self.cells = cells
        self.id = id
    }

    /// Drops everything the finished call held, as freeing the frame would.
    func clear() {
        for i in fast.indices { fast[i] = nil }
        cells = []
        function = nil
        line = 0
    }

    /// Binds a parameter or local in its slot.
    @inline(__always)
    func set(_ slot: NameSlot, _ value: PyValue) {
        switch slot {
        case .fast(let i): fast[i] = value
        case .cell(let i): cells[i].value = value
        default: break
        }
    }
}

/// How a statement finished: jlox's `Return` as a value instead of an exception.
enum Flow {
    case normal
    case returned(PyValue)
    case breakLoop
    case continueLoop
}
