/// Python syntax that MiniPython recognises but does not support. Each case is raised as a
/// `SyntaxError` with its `message`, at the place where the feature appears, so a program using
/// it fails before anything runs, like any other syntax error.
public enum UNIMPLEMENTED: CaseIterable, Sendable {
    /// `1j`, `2.5J`: the lexer reads them, the parser rejects them.
    case imaginaryLiteral
    /// `"\N{DASH}"` needs the Unicode name database.
    case namedUnicodeEscape
    /// `async def`, `async for`, `async with`.
    case asyncStatement
    /// `await x`.
    case awaitExpression
    /// `except* E:` (exception groups, PEP 654).
    case exceptionGroups
    /// `match x:` / `case ...:` (PEP 634).
    case matchStatement

    public var message: String {
        switch self {
        case .imaginaryLiteral:
            return "complex numbers (imaginary literals such as 1j) are not supported by MiniPython"
        case .namedUnicodeEscape:
            return "\\N{...} escapes in string literals are not supported by MiniPython"
        case .asyncStatement:
            return "'async' functions, loops and with-statements are not supported by MiniPython"
        case .awaitExpression:
            return "'await' expressions are not supported by MiniPython"
        case .exceptionGroups:
            return "'except*' (exception groups) is not supported by MiniPython"
        case .matchStatement:
            return "'match' statements are not supported by MiniPython"
        }
    }
}
