/// Indentation: INDENT and DEDENT tokens from a stack of indentation levels.
///
/// In CPython: the `tok->atbol` block at the top of `tok_get` in `Parser/tokenizer.c`.
/// Docs: https://docs.python.org/3.11/reference/lexical_analysis.html#indentation
extension Lexer {
    /// Measures the indentation of a new physical line and emits INDENT/DEDENTs. Blank and
    /// comment-only lines are skipped whole and leave `atLineStart` set.
    mutating func lexIndentation() throws(SyntaxError) {
        var column = 0
        var alternate = 0
        while pos < bytes.count {
            switch bytes[pos] {
            case UInt8(ascii: " "):
                column += 1
                alternate += 1
            case UInt8(ascii: "\t"):
                column = (column / 8 + 1) * 8
                alternate += 1
            case 0x0C:  // form feed resets the count
                column = 0
                alternate = 0
            default:
                return try indent(to: column, alternate: alternate)
            }
            pos += 1
        }
        atLineStart = false  // end of input: `finish` closes the blocks
    }

    private mutating func indent(to column: Int, alternate: Int) throws(SyntaxError) {
        let byte = bytes[pos]
        if byte == UInt8(ascii: "#") || isLineBreak(byte) {
            while pos < bytes.count && !isLineBreak(bytes[pos]) { pos += 1 }
            if pos < bytes.count { consumeLineBreak() } else { atLineStart = false }
            return
        }
        atLineStart = false
        let top = indents[indents.count - 1]
        if column == top.column {
            if alternate != top.alternate { try tabError() }
        } else if column > top.column {
            if alternate <= top.alternate { try tabError() }
            if indents.count >= 100 {  // CPython's MAXINDENT
                let error = SyntaxError("too many levels of indentation", at: location(at: pos), kind: .indentationError)
                failure = LexerFailure(error: error, rank: .ifReached)
                throw error
            }
            indents.append((column, alternate))
            add(.indent, from: lineStart, to: pos)
        } else {
            var levels = indents.count
            while levels > 1 && column < indents[levels - 1].column { levels -= 1 }
            let outer = indents[levels - 1]
            if column != outer.column {
                // CPython reports the end of the line.
                var end = pos
                while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
                let error = SyntaxError("unindent does not match any outer indentation level",
                                        at: location(at: end), kind: .indentationError)
                failure = LexerFailure(error: error, rank: .ifReached)
                throw error
            }
            if alternate != outer.alternate { try tabError() }
            while indents.count > levels {
                indents.removeLast()
                add(.dedent, from: pos, to: pos)
            }
        }
    }

    private mutating func tabError() throws(SyntaxError) {
        let error = SyntaxError("inconsistent use of tabs and spaces in indentation",
                                at: location(at: lineStart), kind: .tabError)
        failure = LexerFailure(error: error, rank: .ifReached)
        throw error
    }
}
