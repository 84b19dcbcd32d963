/// What the resolver knows about one scope (module, function, lambda, comprehension or
/// class body): where each name lives, and the scopes nested directly inside it.
///
/// In CPython: the symbol table (`Python/symtable.c`) and the `co_varnames`/`co_cellvars`/
/// `co_freevars` of code objects.
final class CodeInfo {
    enum Kind { case module, function, lambda, comprehension, classBody }

    let kind: Kind
    /// `f`, `<lambda>`, `<listcomp>`, `<genexpr>`, the class name, or `<module>`.
    let name: String
    var qualname: String
    let filename: String
    /// True for generator functions and generator expressions.
    var isGenerator = false
    /// The line of the `def`, `lambda` or comprehension.
    var firstLine = 0
    /// Where each name of the scope lives; names not listed use `defaultSlot`.
    var slots: [String: NameSlot] = [:]
    /// The number of fast local slots.
    var fastCount = 0
    /// Names of the fast locals, by slot (for `locals()` and error messages).
    var fastNames: [String] = []
    /// Cells created by this scope (its variables captured by inner scopes), then cells
    /// received from the enclosing scope (its free variables).
    var cellNames: [String] = []
    var ownCellCount = 0
    /// The parameters in ``Signature`` order followed by `*args` and `**kwargs`.
    var parameterNames: [String] = []
    /// Nested scopes by the source range of their `def`, `class`, `lambda` or comprehension.
    var children: [SourceRange: CodeInfo] = [:]
    /// The compiled statements of the scope, once it has run (see Note [Closure compilation]).
    var compiledStatements: Exec?
    /// The compiled body of a lambda.
    var compiledValue: Eval?
    /// Frames of finished calls, reused by the next calls: a call then allocates neither a
    /// frame nor its array of locals. Only frames nothing else refers to come back here.
    var framePool: [Frame] = []
    /// Where each of ``parameterNames`` lives, in the same order.
    lazy var parameterSlots: [NameSlot] = parameterNames.map { slot($0) }

    var defaultSlot: NameSlot {
        kind == .module || kind == .classBody ? .name : .global
    }

    init(kind: Kind, name: String, qualname: String, filename: String) {
        self.kind = kind
        self.name = name
        self.qualname = qualname
        self.filename = filename
    }

    func slot(_ name: String) -> NameSlot { slots[name] ?? defaultSlot }

    /// The free variable names, in closure order.
    var freeNames: ArraySlice<String> { cellNames[ownCellCount...] }
}

/// Where a name is read from and written to.
enum NameSlot {
    /// A function local in the frame's fast array.
    case fast(Int)
    /// A local shared with inner scopes, or a free variable from an outer one.
    case cell(Int)
    /// Declared `global`, or never bound in a function: globals, then builtins.
    case global
    /// Module and class bodies: the namespace, then globals, then builtins.
    case name
    /// A class body reading a variable of the enclosing function: the namespace, then the cell.
    case classCell(Int)
}
