import Testing
@testable import MiniPython

/// Pathological nesting fails with a `SyntaxError` instead of overflowing the stack.
/// CPython's limits: 200 open brackets, 100 indentation levels; deeper expression chains make
/// it raise `RecursionError`/`MemoryError`, which MiniPython reports as a `SyntaxError`.
@Suite struct LimitTests {
    @Test func twoHundredBracketsAreAllowed() throws {
        let source = "x = " + String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200)
        #expect(try dump(source) == "(= x 1)")
        let calls = String(repeating: "f(", count: 199) + String(repeating: ")", count: 199)
        #expect(throws: Never.self) { try Parser.parseModule(calls) }
    }

    @Test func tooManyBrackets() {
        let error = syntaxError(String(repeating: "[", count: 201) + String(repeating: "]", count: 201))
        #expect(error?.message == "too many nested parentheses")
        #expect(error?.offset == 201)
    }

    @Test func bracketsInsideFStringFieldsCount() {
        let inner = String(repeating: "(", count: 150) + "1" + String(repeating: ")", count: 150)
        let source = "f'{" + String(repeating: "(", count: 100) + "f\"{" + inner + "}\"" + String(repeating: ")", count: 100) + "}'"
        #expect(syntaxError(source)?.message == "f-string: too many nested parentheses")
    }

    @Test func tooManyIndentationLevels() {
        var source = ""
        for level in 0..<101 { source += String(repeating: " ", count: level) + "if x:\n" }
        source += String(repeating: " ", count: 101) + "pass\n"
        let error = syntaxError(source)
        #expect(error?.kind == .indentationError)
        #expect(error?.message == "too many levels of indentation")
        #expect(error?.lineno == 101)
    }

    @Test(arguments: [
        String(repeating: "-", count: 5000) + "1",
        String(repeating: "not ", count: 5000) + "x",
        String(repeating: "lambda: ", count: 5000) + "1",
        String(repeating: "a if b else ", count: 5000) + "c",
        "1" + String(repeating: " + 1", count: 5000),
        "x" + String(repeating: ".a", count: 5000),
        "f" + String(repeating: "()", count: 5000),
        String(repeating: "2 ** ", count: 5000) + "2",
        "if x: pass\n" + String(repeating: "elif x: pass\n", count: 5000),
    ])
    func deepChainsFailCleanly(_ source: String) {
        #expect(syntaxError(source)?.message == "maximum recursion depth exceeded during compilation")
    }
}
