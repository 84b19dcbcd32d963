/// The kind of a lexical token. Keywords and operators each get their own case, so the parser
/// can `match(.if)` or `check(.leftParen)` without comparing text.
///
/// In CPython: `Grammar/Tokens` and `Lib/keyword.py`.
public enum TokenKind: Hashable, Sendable {
    // Literals and names (their value is in `Token.value`).
    case name, int, float, imaginary, string, bytes, fstring
    // Layout.
    case newline, indent, dedent, endOfFile
    /// A character that is no token (`$`, `?`, a lone `!`); the parser rejects it as CPython does.
    case errorToken
    // Keywords (hard keywords only; `match`, `case` and `_` are names).
    case `false`, none, `true`, and, `as`, assert, async, await, `break`, `class`, `continue`
    case def, del, elif, `else`, except, finally, `for`, from, global, `if`, `import`, `in`, `is`
    case lambda, nonlocal, not, or, pass, raise, `return`, `try`, `while`, with, yield
    // Delimiters.
    case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
    case colon, comma, semicolon, dot, ellipsis, arrow, at, equal, colonEqual
    // Operators.
    case plus, minus, star, slash, doubleSlash, percent, doubleStar, vbar, amper, circumflex
    case tilde, leftShift, rightShift
    case less, greater, equalEqual, notEqual, lessEqual, greaterEqual
    // Augmented assignment.
    case plusEqual, minusEqual, starEqual, slashEqual, doubleSlashEqual, percentEqual, atEqual
    case doubleStarEqual, vbarEqual, amperEqual, circumflexEqual, leftShiftEqual, rightShiftEqual

    /// The Python keywords, by spelling.
    static let keywords: [String: TokenKind] = [
        "False": .false, "None": .none, "True": .true, "and": .and, "as": .as, "assert": .assert,
        "async": .async, "await": .await, "break": .break, "class": .class, "continue": .continue,
        "def": .def, "del": .del, "elif": .elif, "else": .else, "except": .except,
        "finally": .finally, "for": .for, "from": .from, "global": .global, "if": .if,
        "import": .import, "in": .in, "is": .is, "lambda": .lambda, "nonlocal": .nonlocal,
        "not": .not, "or": .or, "pass": .pass, "raise": .raise, "return": .return, "try": .try,
        "while": .while, "with": .with, "yield": .yield,
    ]

    /// The operators and delimiters, by spelling.
    static let operators: [String: TokenKind] = [
        "(": .leftParen, ")": .rightParen, "[": .leftBracket, "]": .rightBracket,
        "{": .leftBrace, "}": .rightBrace, ":": .colon, ",": .comma, ";": .semicolon, ".": .dot,
        "...": .ellipsis, "->": .arrow, "@": .at, "=": .equal, ":=": .colonEqual,
        "+": .plus, "-": .minus, "*": .star, "/": .slash, "//": .doubleSlash, "%": .percent,
        "**": .doubleStar, "|": .vbar, "&": .amper, "^": .circumflex, "~": .tilde,
        "<<": .leftShift, ">>": .rightShift, "<": .less, ">": .greater, "==": .equalEqual,
        "!=": .notEqual, "<=": .lessEqual, ">=": .greaterEqual,
        "+=": .plusEqual, "-=": .minusEqual, "*=": .starEqual, "/=": .slashEqual,
        "//=": .doubleSlashEqual, "%=": .percentEqual, "@=": .atEqual, "**=": .doubleStarEqual,
        "|=": .vbarEqual, "&=": .amperEqual, "^=": .circumflexEqual, "<<=": .leftShiftEqual,
        ">>=": .rightShiftEqual,
    ]

    private static let spellings: [TokenKind: String] = {
        var table: [TokenKind: String] = [:]
        for (text, kind) in keywords { table[kind] = text }
        for (text, kind) in operators { table[kind] = text }
        return table
    }()

    /// The source spelling of a keyword or operator (`"if"`, `"**="`), or nil for other kinds.
    public var spelling: String? { Self.spellings[self] }

    /// True for the hard keywords.
    public var isKeyword: Bool {
        guard let spelling = spelling, let first = spelling.utf8.first else { return false }
        return (first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z"))
            || (first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z"))
    }
}

/// The value carried by a name, number or string token.
public enum TokenValue: Hashable, Sendable {
    case none
    case name(String)
    indirect case int(IntLiteral)
    case float(Double)
    /// The imaginary part of a literal like `2.5j`.
    case imaginary(Double)
    case string(String)
    case bytes([UInt8])
    indirect case fstring(FStringToken)
    /// A string or bytes literal whose contents are bad (`"\x4"`, `b"é"`); the parser raises
    /// the error when it reaches the literal.
    indirect case invalid(SyntaxError)
}

/// An f-string as the lexer leaves it: the undecoded body between the quotes and where it starts.
/// The parser splits it into literal text and `{...}` fields (CPython 3.11 does the same in
/// `Parser/string_parser.c`).
public struct FStringToken: Hashable, Sendable {
    /// The text between the quotes, escapes not yet processed.
    public var body: String
    public var isRaw: Bool
    /// Location of the body's first byte.
    public var bodyStart: SourceLocation
}

/// One lexical token.
public struct Token: Hashable, Sendable, CustomStringConvertible {
    public var kind: TokenKind
    public var value: TokenValue
    public var range: SourceRange

    public init(_ kind: TokenKind, _ value: TokenValue = .none, range: SourceRange) {
        self.kind = kind
        self.value = value
        self.range = range
    }

    public var start: SourceLocation { range.start }
    public var end: SourceLocation { range.end }

    /// A compact spelling for token-stream tests: `NAME x`, `INT 42`, `'('`, `NEWLINE`.
    public var description: String {
        switch value {
        case .name(let name): return "NAME \(name)"
        case .int(let literal): return "INT \(literal.text)"
        case .float(let value): return "FLOAT \(value)"
        case .imaginary(let value): return "IMAGINARY \(value)"
        case .string(let text): return "STRING \(pythonRepr(text))"
        case .bytes(let bytes): return "BYTES \(pythonRepr(bytes))"
        case .fstring(let token): return "FSTRING \(pythonRepr(token.body))"
        case .invalid(let error): return "INVALID \(error.message)"
        case .none: break
        }
        switch kind {
        case .newline: return "NEWLINE"
        case .indent: return "INDENT"
        case .dedent: return "DEDENT"
        case .endOfFile: return "ENDMARKER"
        case .errorToken: return "ERRORTOKEN"
        default: return "'\(kind.spelling ?? "?")'"
        }
    }
}
