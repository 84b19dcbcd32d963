/// Colours Python source line by line for the lesson and REPL panes: keywords, builtins,
/// strings (triple-quoted ones across lines), numbers, comments, decorators, and the names
/// `def` and `class` introduce.
///
/// A display tokenizer, forgiving by design: unlike MiniPython's lexer it never fails, so
/// half-written learner code still colours.
struct PythonHighlighter {
    /// The closing quotes of a triple-quoted string still open at the end of the last line.
    private var openTriple: String?

    /// Highlights consecutive lines of one piece of code.
    static func highlight(_ lines: [Substring]) -> [StyledLine] {
        var highlighter = PythonHighlighter()
        return lines.map { highlighter.line($0) }
    }

    mutating func line(_ text: Substring) -> StyledLine {
        var out = StyledLine()
        let chars = Array(text)
        var i = 0
        var expectDefinition = false
        if let closing = openTriple {
            let end = find(closing, in: chars, from: 0)
            let stop = end.map { $0 + closing.count } ?? chars.count
            out.append(String(chars[0..<stop]), .codeString)
            i = stop
            if end != nil { openTriple = nil }
        }
        while i < chars.count {
            let c = chars[i]
            if c == "#" {
                out.append(String(chars[i...]), .codeComment)
                break
            } else if let (prefixLength, quote) = stringStart(chars, at: i) {
                let start = i
                i += prefixLength
                let triple = String(repeating: quote, count: 3)
                if i + 2 < chars.count, chars[i] == quote, chars[i + 1] == quote, chars[i + 2] == quote {
                    if let end = find(triple, in: chars, from: i + 3) {
                        i = end + 3
                    } else {
                        openTriple = triple
                        i = chars.count
                    }
                } else {
                    i += 1
                    while i < chars.count, chars[i] != quote {
                        i += chars[i] == "\\" ? 2 : 1
                    }
                    i = min(i + 1, chars.count)
                }
                out.append(String(chars[start..<i]), .codeString)
            } else if c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isNumber && !(i > 0 && isNameCharacter(chars[i - 1]))) {
                let start = i
                while i < chars.count, isNameCharacter(chars[i]) || chars[i] == "."
                        || ((chars[i] == "+" || chars[i] == "-") && (chars[i - 1] == "e" || chars[i - 1] == "E")) {
                    i += 1
                }
                out.append(String(chars[start..<i]), .codeNumber)
            } else if c == "@", chars[..<i].allSatisfy({ $0 == " " || $0 == "\t" }) {
                let start = i
                i += 1
                while i < chars.count, isNameCharacter(chars[i]) || chars[i] == "." { i += 1 }
                out.append(String(chars[start..<i]), .codeDecorator)
            } else if isNameCharacter(c) {
                let start = i
                while i < chars.count, isNameCharacter(chars[i]) { i += 1 }
                let word = String(chars[start..<i])
                let role: Role
                if expectDefinition {
                    role = .codeDefinition
                    expectDefinition = false
                } else if PythonHighlighter.keywords.contains(word) {
                    role = .codeKeyword
                    expectDefinition = word == "def" || word == "class"
                } else if PythonHighlighter.builtins.contains(word) && !(start > 0 && chars[start - 1] == ".") {
                    role = .codeBuiltin
                } else {
                    role = .code
                }
                out.append(word, role)
            } else {
                out.append(String(c), .code)
                i += 1
            }
        }
        return out
    }

    private func isNameCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    /// A string literal starting at `i`: the length of its prefix (`f`, `rb`...) and its quote.
    private func stringStart(_ chars: [Character], at i: Int) -> (Int, Character)? {
        if chars[i] == "\"" || chars[i] == "'" { return (0, chars[i]) }
        guard i == 0 || !isNameCharacter(chars[i - 1]) else { return nil }
        var j = i
        while j < chars.count, j - i < 2, "rRbBfFuU".contains(chars[j]) { j += 1 }
        guard j > i, j < chars.count, chars[j] == "\"" || chars[j] == "'" else { return nil }
        return (j - i, chars[j])
    }

    private func find(_ needle: String, in chars: [Character], from start: Int) -> Int? {
        let pattern = Array(needle)
        guard chars.count >= pattern.count else { return nil }
        var i = start
        while i + pattern.count <= chars.count {
            if chars[i] == "\\" { i += 2; continue }
            if Array(chars[i..<(i + pattern.count)]) == pattern { return i }
            i += 1
        }
        return nil
    }

    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
        "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    static let builtins: Set<String> = [
        "abs", "all", "any", "bool", "dict", "enumerate", "filter", "float", "getattr", "hasattr", "input", "int",
        "isinstance", "iter", "len", "list", "map", "max", "min", "next", "object", "print", "range", "repr",
        "reversed", "round", "set", "setattr", "sorted", "str", "sum", "super", "tuple", "type", "zip", "self",
    ]
}
