import Testing
@testable import TutorUI

@Suite struct DrawingTests {
    @Test func putClipsToTheRectangleAndCanvas() {
        var canvas = Canvas(size: Size(width: 8, height: 2))
        let end = canvas.put("hello world", x: 1, y: 0, role: .heading, clip: Rect(x: 0, y: 0, width: 6, height: 2))
        #expect(end == 6)
        canvas.put("abc", x: 6, y: 1)
        canvas.put("never", x: 0, y: 5)
        #expect(canvas.text == " hello  \n      ab")
        #expect(canvas[1, 0].role == .heading && canvas[0, 0].role == .normal)
    }

    @Test func wideCharactersTakeTwoCells() {
        var canvas = Canvas(size: Size(width: 6, height: 1))
        canvas.put("a中b", x: 0, y: 0)
        #expect(canvas[2, 0] == .continuation)
        #expect(canvas.row(at: 0) == "a中b  ")
        canvas.put("xy中", x: 3, y: 0)
        #expect(canvas.row(at: 0) == "a中xy ")
        #expect(TextWidth.of("e\u{301}") == 1 && TextWidth.of("✓") == 1)
    }

    @Test func wrappingBreaksAtSpacesWithHangingIndent() {
        let line = StyledLine([StyledRun("• "), StyledRun("one two", .strong), StyledRun(" three four")])
        #expect(line.wrapped(width: 9, indent: 2).map(\.text) == ["• one two", "  three", "  four"])
        #expect(StyledLine("abcdefghij").wrapped(width: 4).map(\.text) == ["abcd", "efgh", "ij"])
        #expect(StyledLine("ab cd").hardWrapped(width: 3).map(\.text) == ["ab ", "cd"])
        #expect(StyledLine("").wrapped(width: 5) == [StyledLine()])
    }

    @Test func layoutsTileTheScreen() throws {
        for size in [Size(width: 60, height: 16), Size(width: 80, height: 24), Size(width: 119, height: 40),
                     Size(width: 160, height: 50), Size(width: 300, height: 90)] {
            let layout = try #require(Layout(size))
            let rects = [layout.tree, layout.lesson, layout.output, layout.repl, layout.footer] + layout.separators
            #expect(rects.reduce(0) { $0 + $1.width * $1.height } == size.width * size.height, "\(size)")
            for y in 0..<size.height {
                for x in 0..<size.width {
                    #expect(rects.filter { $0.contains(x: x, y: y) }.count == 1, "\(size) at \(x),\(y)")
                }
            }
            #expect(layout.lesson.height >= 7 && layout.repl.height >= 3)
            let zoomed = try #require(Layout(size, zoomed: .output))
            #expect(zoomed.output == Rect(x: 0, y: 0, width: size.width, height: size.height - 1))
            #expect([zoomed.tree, zoomed.lesson, zoomed.repl].allSatisfy { $0.width * $0.height == 0 } && zoomed.separators.isEmpty)
        }
        #expect(Layout(Size(width: 59, height: 30)) == nil)
        #expect(Layout(Size(width: 100, height: 15)) == nil)
    }

    @Test func pythonHighlighting() {
        let lines = PythonHighlighter.highlight([
            "@torch.no_grad()", "def f(x=1.5e-3):  # note", "    s = f'{x}' + \"\"\"a", "b\"\"\" + len(x.sum)",
        ])
        func roles(_ line: StyledLine) -> [String: Role] {
            Dictionary(line.runs.map { ($0.text, $0.role) }, uniquingKeysWith: { a, _ in a })
        }
        #expect(roles(lines[0])["@torch.no_grad"] == .codeDecorator)
        #expect(roles(lines[1])["def"] == .codeKeyword && roles(lines[1])["f"] == .codeDefinition)
        #expect(roles(lines[1])["1.5e-3"] == .codeNumber && roles(lines[1])["# note"] == .codeComment)
        #expect(roles(lines[2])["f'{x}'"] == .codeString && roles(lines[2])["\"\"\"a"] == .codeString)
        #expect(roles(lines[3])["b\"\"\""] == .codeString && roles(lines[3])["len"] == .codeBuiltin)
        #expect(lines[3].runs.first { $0.text.contains("sum") }?.role == .code)
    }

    @Test func lineDiff() {
        #expect(LineDiff.diff(["a", "b", "c"], ["a", "x", "c", "d"])
                == [.same("a"), .removed("b"), .added("x"), .same("c"), .added("d")])
        #expect(LineDiff.diff([], ["a"]) == [.added("a")])
    }
}
