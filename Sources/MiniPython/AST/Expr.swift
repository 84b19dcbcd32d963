/// A Python expression. Mirrors CPython's `ast.expr` classes; every case ends with the node's
/// ``SourceRange``. Parentheses leave no node (`(a)` is just `a`).
///
/// In CPython: `Parser/Python.asdl`. Docs: https://docs.python.org/3.11/library/ast.html
public indirect enum Expr: Hashable, Sendable {
    /// `1`, `2.5`, `'s'`, `b'x'`, `True`, `None`, `...`. Adjacent string literals are already joined.
    case constant(Constant, SourceRange)
    /// An f-string (`ast.JoinedStr`), possibly joined with neighbouring plain strings.
    case fstring([FStringPart], SourceRange)
    case name(String, SourceRange)
    case tuple([Expr], SourceRange)
    case list([Expr], SourceRange)
    case set([Expr], SourceRange)
    case dict([DictItem], SourceRange)
    /// `*x` in a display, call, or assignment target.
    case starred(Expr, SourceRange)
    /// `value.name`
    case attribute(Expr, name: String, SourceRange)
    /// `value[index]`; a multi-part index is a `.tuple` whose items may be `.slice`s.
    case `subscript`(Expr, index: Expr, SourceRange)
    /// `lower:upper:step` inside a subscript; missing parts are nil.
    case slice(lower: Expr?, upper: Expr?, step: Expr?, SourceRange)
    case call(Expr, arguments: [Argument], SourceRange)
    case unary(UnaryOperator, Expr, SourceRange)
    case binary(Expr, BinaryOperator, Expr, SourceRange)
    /// `a and b and c` is one node with three operands.
    case boolean(BoolOperator, [Expr], SourceRange)
    /// `a < b <= c`: the first operand, then one operator per following operand.
    case compare(Expr, [ComparisonOperator], [Expr], SourceRange)
    /// `body if test else orElse`
    case conditional(test: Expr, body: Expr, orElse: Expr, SourceRange)
    case lambda(Parameters, body: Expr, SourceRange)
    case listComprehension(Expr, [Comprehension], SourceRange)
    case setComprehension(Expr, [Comprehension], SourceRange)
    case dictComprehension(key: Expr, value: Expr, [Comprehension], SourceRange)
    case generator(Expr, [Comprehension], SourceRange)
    case yield(Expr?, SourceRange)
    case yieldFrom(Expr, SourceRange)
    /// `(name := value)`
    case namedExpr(name: String, value: Expr, SourceRange)

    /// Where the expression is in the source.
    public var range: SourceRange {
        switch self {
        case .constant(_, let r), .fstring(_, let r), .name(_, let r), .tuple(_, let r), .list(_, let r),
             .set(_, let r), .dict(_, let r), .starred(_, let r), .attribute(_, _, let r),
             .subscript(_, _, let r), .slice(_, _, _, let r), .call(_, _, let r), .unary(_, _, let r),
             .binary(_, _, _, let r), .boolean(_, _, let r), .compare(_, _, _, let r),
             .conditional(_, _, _, let r), .lambda(_, _, let r), .listComprehension(_, _, let r),
             .setComprehension(_, _, let r), .dictComprehension(_, _, _, let r), .generator(_, _, let r),
             .yield(_, let r), .yieldFrom(_, let r), .namedExpr(_, _, let r):
            return r
        }
    }

    /// Where the expression starts.
    public var location: SourceLocation { range.start }
}

/// One piece of an f-string.
public enum FStringPart: Hashable, Sendable {
    /// Literal text, escapes already decoded and `{{`/`}}` already halved.
    case literal(String)
    /// A `{...}` replacement field.
    case field(FormattedValue)
}

/// A replacement field `{value!conversion:spec}` (`ast.FormattedValue`). For the debugging form
/// `{x=}` the parser emits the literal `x=` before the field and, like CPython, sets the
/// conversion to `r` when neither a conversion nor a spec is given.
public struct FormattedValue: Hashable, Sendable {
    public var value: Expr
    public var conversion: Conversion?
    /// The format spec, which may itself contain fields (`{x:{width}.{prec}f}`); nil if absent.
    public var formatSpec: [FStringPart]?

    /// `!s`, `!r`, `!a`.
    public enum Conversion: Character, Hashable, Sendable {
        case str = "s", repr = "r", ascii = "a"
    }
}

/// An entry of a dict display: `key: value` or `**mapping`.
public enum DictItem: Hashable, Sendable {
    case pair(key: Expr, value: Expr)
    case unpack(Expr)
}

/// An argument in a call or class header, in source order.
public enum Argument: Hashable, Sendable {
    case positional(Expr)
    /// `*iterable`
    case starred(Expr)
    /// `name=value`; the range covers `name=value`.
    case keyword(String, Expr, SourceRange)
    /// `**mapping`
    case doubleStarred(Expr)
}

/// One `for target in iter if cond...` clause of a comprehension.
public struct Comprehension: Hashable, Sendable {
    public var target: Expr
    public var iter: Expr
    public var conditions: [Expr]
}
