import Testing
@testable import TutorUI

@Suite struct PaneTests {
    @Test func outputLogStreamsLinesAndWrapsIncrementally() {
        var log = OutputLog(capacity: 3)
        log.write("a\nb", role: .stdout)
        log.write("c\n", role: .stdout)
        log.write("warn", role: .stderr)
        log.add("Traceback\nError: x\n", role: .traceback)
        #expect(log.lines.map(\.text) == ["warn", "Traceback", "Error: x"])
        #expect(log.lines.map(\.role) == [.stderr, .traceback, .traceback])
        var wrapped = WrappedLog()
        wrapped.update(log, width: 4)
        log.write("0123456789", role: .stdout)
        wrapped.update(log, width: 4)
        #expect((0..<wrapped.count).map { wrapped[$0].text } == ["warn", "Trac", "ebac", "k", "Erro", "r: x", "0123", "4567", "89"])
        log.clear()
        wrapped.update(log, width: 4)
        #expect(wrapped.count == 0)
    }

    /// FrozenLake's text render colours a cell with ANSI escapes; the pane drops them (even
    /// split across writes) and any other control characters, and ends lines on CRLF too.
    @Test func outputLogDropsTerminalEscapes() {
        var log = OutputLog()
        log.write("SF\u{1B}[41mF\u{1B}[", role: .stdout)
        log.write("0mH\r\nbell\u{07}\u{08}!\n", role: .stdout)
        #expect(log.lines.map(\.text) == ["SFFH", "bell!"])
    }

    @Test func lineEditorKeys() {
        var editor = LineEditor("print(x)")
        for key in [Key.left, .left, .backspace, .char("y"), .home, .delete, .end, .char("!")] { _ = editor.handle(key) }
        #expect(editor.text == "rintyx)!")
        _ = editor.handle(.ctrl("w"))
        #expect(editor.text == "")
        editor.set("a b c")
        _ = editor.handle(.left)
        _ = editor.handle(.ctrl("k"))
        #expect(editor.text == "a b " && !editor.handle(.tab))
        #expect(LineEditor("abcdefgh").visible(width: 4) == ("fgh", 3))
    }

    @Test func replBlocksContinueAndIndent() {
        let repl = ReplPane()
        for character in "for i in range(2):" { _ = repl.edit(.char(character)) }
        #expect(repl.submit() == nil)
        #expect(repl.editor.text == "    ")
        for character in "print(i)" { _ = repl.edit(.char(character)) }
        #expect(repl.submit() == nil)
        #expect(repl.submit() == "for i in range(2):\n    print(i)\n")
        #expect(repl.transcript.lines.map(\.text) == [">>> for i in range(2):", "...     print(i)", "... "])
        _ = repl.perform(.historyPrevious)
        #expect(repl.editor.text == "    print(i)")
        #expect(ReplPane.indentation(after: "  if x:  # why") == "      ")
    }

    @Test func footerListsOnlyKeysThatWorkInThePane() {
        let tree = KeyMap.footer(for: .tree)
        #expect(tree.first { $0.label == "Run" }?.keys == "r")
        #expect(tree.first { $0.label == "Open" }?.keys == "Enter/o")
        #expect(!KeyMap.footer(for: .repl).contains { $0.label == "Quit" })
        #expect(KeyMap.action(for: .char("q"), in: .repl) == nil)
        #expect(KeyMap.action(for: .char("q"), in: .lesson) == .quit)
        for context in KeyContext.allCases {
            let keys = KeyMap.bindings(context).flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "a key is bound twice in \(context)")
        }
    }

    @Test func scrollerFollowsUntilScrolledUp() {
        var scroller = Scroller(follows: true)
        #expect(scroller.clamp(rows: 10, height: 4) == 6)
        _ = scroller.perform(.lineUp, rows: 10, height: 4)
        #expect(scroller.clamp(rows: 20, height: 4) == 5)
        _ = scroller.perform(.bottom, rows: 20, height: 4)
        #expect(scroller.clamp(rows: 30, height: 4) == 26)
    }
}
