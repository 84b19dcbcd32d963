import Testing
@testable import MiniPython

/// Node positions, compared with CPython's `lineno`, `col_offset`, `end_lineno`,
/// `end_col_offset` for the same source.
@Suite struct LocationTests {
    static let source = """
        x = foo(1,
          2)
        if a:
            b = [i for i in c]
        else:
            pass
        def f(x):
            return x.y[0]

        """

    private func range(_ line: Int, _ column: Int, _ endLine: Int, _ endColumn: Int) -> SourceRange {
        SourceRange(start: SourceLocation(line: line, column: column), end: SourceLocation(line: endLine, column: endColumn))
    }

    @Test func statementsSpanTheirBodies() throws {
        let module = try Parser.parseModule(Self.source)
        #expect(module[0].range == range(1, 0, 2, 4))
        #expect(module[1].range == range(3, 0, 6, 8))
        #expect(module[1].range.endLine == 6)
        #expect(module[2].range == range(7, 0, 8, 17))
    }

    @Test func expressionsHaveExactRanges() throws {
        let module = try Parser.parseModule(Self.source)
        guard case .assign(let targets, let call, _) = module[0],
              case .if(let test, let body, let orElse, _) = module[1],
              case .assign(_, let comprehension, _) = body[0],
              case .functionDef(let function, _) = module[2],
              case .return(let value?, _) = function.body[0] else {
            Issue.record("unexpected tree")
            return
        }
        #expect(targets[0].range == range(1, 0, 1, 1))
        #expect(call.range == range(1, 4, 2, 4))
        #expect(test.range == range(3, 3, 3, 4))
        #expect(body[0].range == range(4, 4, 4, 22))
        #expect(comprehension.range == range(4, 8, 4, 22))
        #expect(orElse[0].range == range(6, 4, 6, 8))
        #expect(value.range == range(8, 11, 8, 17))
        #expect(function.parameters.positional[0].range == range(7, 6, 7, 7))
        guard case .subscript(let attribute, let index, _) = value else { return }
        #expect(attribute.range == range(8, 11, 8, 14))
        #expect(index.range == range(8, 15, 8, 16))
    }

    @Test func decoratedDefinitionStartsAtDef() throws {
        let module = try Parser.parseModule("@property\ndef f(self):\n    return 1\n")
        #expect(module[0].location == SourceLocation(line: 2, column: 0))
    }
}
