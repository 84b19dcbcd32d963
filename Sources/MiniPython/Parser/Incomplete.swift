/// Whether a REPL should print `...` and read another line before running `source`, following
/// CPython's `codeop`: more input is needed inside open brackets, an unfinished triple-quoted
/// string, after a trailing backslash, and inside a compound statement until a blank line.
/// A source with a real syntax error is complete, so the error can be reported.
///
/// `source` is the lines typed so far joined by `\n`; the blank line that ends a block arrives
/// as a trailing `\n`.
public func isIncomplete(_ source: String) -> Bool {
    withLargeStack { needsMoreInput(source) }
}

private func needsMoreInput(_ source: String) -> Bool {
    let lexed = Lexer(source + "\n").run()
    if let failure = lexed.error {
        switch failure.rank {
        case .unclosedBracket, .unexpectedEOF: return true
        default: return failure.error.message.hasPrefix("unterminated triple-quoted string literal")
        }
    }
    let tokens = lexed.tokens
    guard let first = tokens.first, first.kind != .endOfFile else { return false }
    let isCompound: Bool
    switch first.kind {
    case .if, .while, .for, .try, .with, .def, .class, .at, .async: isCompound = true
    default: isCompound = tokens.contains { $0.kind == .indent }
    }
    // A compound statement ends at the first empty line.
    if !isCompound || source.hasSuffix("\n") || hasBlankLine(source, tokens) { return false }
    var parser = Parser(tokens: tokens)
    do {
        _ = try parser.file()
        return true
    } catch {
        // An error at the very end means the statement is merely unfinished.
        return tokens[parser.index...].allSatisfy { $0.kind == .dedent || $0.kind == .endOfFile }
    }
}

/// Is some line after the first empty, outside strings and brackets (right after a NEWLINE)?
private func hasBlankLine(_ source: String, _ tokens: [Token]) -> Bool {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    for (offset, line) in lines.enumerated() where offset > 0 && line.allSatisfy({ $0 == " " || $0 == "\t" }) {
        let number = offset + 1
        if let before = tokens.last(where: { $0.end.line < number || ($0.kind == .newline && $0.start.line < number) }),
           before.kind == .newline || before.kind == .dedent || before.kind == .indent {
            return true
        }
    }
    return false
}
