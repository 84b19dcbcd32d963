import Testing
import MiniPython

/// The nesting limits that keep the parser (and the resolver and evaluator, which recurse over
/// its trees) within the native stack: CPython's tokenizer limits, checked against CPython
/// 3.11.7, and a depth limit for everything else (CPython raises `MemoryError` there).
/// Parsed on a 64 MB stack, the smallest the interpreter runs on (generator threads).
@Suite struct NestingLimitTests {
    @Test func bracketsNestUpTo200() throws {
        #expect(parseError("x = " + String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200)) == nil)
        let error = try #require(parseError("x = " + String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300)))
        #expect(error.kind == .syntaxError)
        #expect(error.message == "too many nested parentheses")
        #expect(error.lineno == 1 && error.offset == 205)
    }

    @Test func indentationNestsUpTo99Levels() throws {
        func nested(_ levels: Int) -> String {
            (0..<levels).map { String(repeating: " ", count: $0) + "if 1:\n" }.joined()
                + String(repeating: " ", count: levels) + "pass\n"
        }
        #expect(parseError(nested(99)) == nil)
        let error = try #require(parseError(nested(100)))
        #expect(error.kind == .indentationError)
        #expect(error.message == "too many levels of indentation")
        #expect(error.lineno == 101 && error.offset == 1)
    }

    @Test(arguments: [
        ("-", "1"), ("not ", "1"), ("2**", "1"), ("lambda:", "1"), ("1 if 1 else ", "1"),
    ])
    func deepPrefixOperators(_ prefix: String, _ operand: String) {
        #expect(parseError("x = " + String(repeating: prefix, count: 2900) + operand) == nil)
        #expect(parseError("x = " + String(repeating: prefix, count: 5000) + operand)?.message
                == "Parser stack overflowed - Python source too complex to parse")
    }

    @Test(arguments: ["+x", ".a", "()", "[0]"])
    func longLeftNestedChains(_ link: String) {
        #expect(parseError("x" + String(repeating: link, count: 2900)) == nil)
        #expect(parseError("x" + String(repeating: link, count: 5000))?.message
                == "Parser stack overflowed - Python source too complex to parse")
    }

    @Test func longElifChains() {
        #expect(parseError("if 0: pass\n" + String(repeating: "elif 0: pass\n", count: 2900)) == nil)
        #expect(parseError("if 0: pass\n" + String(repeating: "elif 0: pass\n", count: 5000))?.message
                == "Parser stack overflowed - Python source too complex to parse")
    }
}

/// `syntaxError(source)` on a thread with a 64 MB stack.
private func parseError(_ source: String) -> SyntaxError? {
    var result: SyntaxError?
    Interpreter.runOnLargeStack(size: 64 << 20) { result = syntaxError(source) }
    return result
}
