/// A Python statement. Mirrors CPython's `ast.stmt` classes; every case ends with the node's
/// ``SourceRange`` (whose `endLine` is the last line of the statement, bodies included).
///
/// `elif` is an `.if` nested in the `orElse` of the previous one, as in CPython.
/// In CPython: `Parser/Python.asdl`. Docs: https://docs.python.org/3.11/library/ast.html
public indirect enum Stmt: Hashable, Sendable {
    case expression(Expr, SourceRange)
    /// `a = b = value`: targets left to right.
    case assign(targets: [Expr], value: Expr, SourceRange)
    /// `target op= value`
    case augmentedAssign(target: Expr, op: BinaryOperator, value: Expr, SourceRange)
    /// `target: annotation [= value]`; `isSimple` is true for a bare, unparenthesized name.
    case annotatedAssign(target: Expr, annotation: Expr, value: Expr?, isSimple: Bool, SourceRange)
    case `if`(test: Expr, body: [Stmt], orElse: [Stmt], SourceRange)
    case `while`(test: Expr, body: [Stmt], orElse: [Stmt], SourceRange)
    case `for`(target: Expr, iter: Expr, body: [Stmt], orElse: [Stmt], SourceRange)
    case `break`(SourceRange)
    case `continue`(SourceRange)
    case pass(SourceRange)
    case `return`(Expr?, SourceRange)
    case delete([Expr], SourceRange)
    case global([String], SourceRange)
    case nonlocal([String], SourceRange)
    case assert(test: Expr, message: Expr?, SourceRange)
    /// `raise`, `raise exc`, `raise exc from cause`
    case raise(exception: Expr?, cause: Expr?, SourceRange)
    case `try`(body: [Stmt], handlers: [ExceptHandler], orElse: [Stmt], finally: [Stmt], SourceRange)
    case with([WithItem], body: [Stmt], SourceRange)
    case functionDef(FunctionDef, SourceRange)
    case classDef(ClassDef, SourceRange)
    /// `import a.b as c, d`
    case `import`([Alias], SourceRange)
    /// `from ..module import names`; `module` is nil for `from . import x`, `level` counts the dots.
    /// `import *` is a single alias named `*`.
    case importFrom(module: String?, names: [Alias], level: Int, SourceRange)

    /// Where the statement is in the source. For decorated definitions it starts at `def`/`class`.
    public var range: SourceRange {
        switch self {
        case .expression(_, let r), .assign(_, _, let r), .augmentedAssign(_, _, _, let r),
             .annotatedAssign(_, _, _, _, let r), .if(_, _, _, let r), .while(_, _, _, let r),
             .for(_, _, _, _, let r), .break(let r), .continue(let r), .pass(let r), .return(_, let r),
             .delete(_, let r), .global(_, let r), .nonlocal(_, let r), .assert(_, _, let r),
             .raise(_, _, let r), .try(_, _, _, _, let r), .with(_, _, let r), .functionDef(_, let r),
             .classDef(_, let r), .import(_, let r), .importFrom(_, _, _, let r):
            return r
        }
    }

    /// Where the statement starts.
    public var location: SourceLocation { range.start }
}

/// `def name(parameters) -> returns: body`, with its decorators.
public struct FunctionDef: Hashable, Sendable {
    public var name: String
    public var parameters: Parameters
    public var body: [Stmt]
    /// Outermost first, as written.
    public var decorators: [Expr]
    public var returns: Expr?
    /// True when the body (not counting nested functions and lambdas) contains `yield`.
    public var isGenerator: Bool
}

/// `class name(bases, keywords): body`, with its decorators.
public struct ClassDef: Hashable, Sendable {
    public var name: String
    /// Positional (`.positional`, `.starred`) and keyword (`metaclass=...`, `**kw`) arguments, in order.
    public var arguments: [Argument]
    public var body: [Stmt]
    public var decorators: [Expr]
}

/// The parameter list of a `def` or `lambda` (`ast.arguments`). Each parameter keeps its own
/// default, unlike CPython's separate `defaults` lists.
public struct Parameters: Hashable, Sendable {
    /// Before `/`.
    public var positionalOnly: [Parameter] = []
    /// Regular parameters, between `/` and `*`.
    public var positional: [Parameter] = []
    /// `*args`
    public var varArgs: Parameter?
    /// After `*` or `*args`.
    public var keywordOnly: [Parameter] = []
    /// `**kwargs`
    public var varKeywords: Parameter?

    public init() {}

    /// True for `()`.
    public var isEmpty: Bool {
        positionalOnly.isEmpty && positional.isEmpty && varArgs == nil && keywordOnly.isEmpty && varKeywords == nil
    }
}

/// One parameter: `name: annotation = default`.
public struct Parameter: Hashable, Sendable {
    public var name: String
    public var annotation: Expr?
    public var defaultValue: Expr?
    public var range: SourceRange
}

/// `except type as name: body`; `type` is nil for a bare `except:`.
public struct ExceptHandler: Hashable, Sendable {
    public var type: Expr?
    public var name: String?
    public var body: [Stmt]
    public var range: SourceRange
}

/// `context as target` in a `with` statement.
public struct WithItem: Hashable, Sendable {
    public var context: Expr
    public var target: Expr?
}

/// `name as asName` in an import; `name` may be dotted (`os.path`).
public struct Alias: Hashable, Sendable {
    public var name: String
    public var asName: String?
    public var range: SourceRange
}
