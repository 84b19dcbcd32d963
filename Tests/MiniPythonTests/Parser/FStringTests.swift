import Testing
@testable import MiniPython

/// F-strings: literal parts, fields, conversions, nested format specs, `=`, and CPython's
/// f-string errors. Expected dumps and errors were produced by CPython 3.11.7.
@Suite struct FStringTests {
    @Test(arguments: fstringCases)
    func matchesCPythonsAST(_ testCase: DumpCase) throws {
        #expect(try dump(testCase.source) == testCase.expected)
    }

    @Test(arguments: fstringErrorCases)
    func errorsMatchCPython(_ testCase: ErrorCase) {
        testCase.check()
    }

    @Test func fieldExpressionsHaveRealLocations() throws {
        guard case .expression(.fstring(let parts, _), _) = try Parser.parseModule("x = 1\nf'ab{ y + 1 }'")[1],
              case .field(let field) = parts[1] else {
            Issue.record("expected an f-string with a field")
            return
        }
        #expect(field.value.range == SourceRange(start: SourceLocation(line: 2, column: 6),
                                                 end: SourceLocation(line: 2, column: 11)))
    }

    @Test func errorsInsideFieldsArePrefixed() throws {
        #expect(syntaxError("f'{1 +}'")?.message == "f-string: invalid syntax")
        #expect(syntaxError("f'{x!r}' b'y'")?.message == "cannot mix bytes and nonbytes literals")
    }
}

let fstringCases: [DumpCase] = [
    DumpCase("f\"hello {name}!\"", "(f 'hello ' (fmt name) '!')"),
    DumpCase("f\"{x!r} {x!s} {x!a}\"", "(f (fmt x !r) ' ' (fmt x !s) ' ' (fmt x !a))"),
    DumpCase("f\"{x:>10} {y:.3f} {z:,}\"", "(f (fmt x (spec '>10')) ' ' (fmt y (spec '.3f')) ' ' (fmt z (spec ',')))"),
    DumpCase("f\"{x:{width}.{prec}f}\"", "(f (fmt x (spec (fmt width) '.' (fmt prec) 'f')))"),
    DumpCase("f\"{{literal}} {{{x}}}\"", "(f '{literal} {' (fmt x) '}')"),
    DumpCase("f\"{x=}\"", "(f 'x=' (fmt x !r))"),
    DumpCase("f\"{x = }\"", "(f 'x = ' (fmt x !r))"),
    DumpCase("f\"{x=!s}\"", "(f 'x=' (fmt x !s))"),
    DumpCase("f\"{x=:>10}\"", "(f 'x=' (fmt x (spec '>10')))"),
    DumpCase("f\"{a['k']} {b[0]!r:^5}\"", "(f (fmt ([] a 'k')) ' ' (fmt ([] b 0) !r (spec '^5')))"),
    DumpCase("f'{a[\"k\"]}'", "(f (fmt ([] a 'k')))"),
    DumpCase("f\"{x if y else z}\"", "(f (fmt (if y x z)))"),
    DumpCase("f\"{3 != 4} {a == b} {c <= d}\"", "(f (fmt (!= 3 4)) ' ' (fmt (== a b)) ' ' (fmt (<= c d)))"),
    DumpCase("f\"{(lambda: 1)()}\"", "(f (fmt (call (lambda (params) 1))))"),
    DumpCase("f\"{x, y}\"", "(f (fmt (tuple x y)))"),
    DumpCase("f\"{x for x in y}\"", "(f (fmt (genexp x (for x y))))"),
    DumpCase("f\"{'nested'} {len(items)} {items[0][0]}\"", "(f (fmt 'nested') ' ' (fmt (call len items)) ' ' (fmt ([] ([] items 0) 0)))"),
    DumpCase("f\"\"\"multi\n{x +\n y}\nline\"\"\"", "(f 'multi\\n' (fmt (+ x y)) '\\nline')"),
    DumpCase("rf\"\\d{x}\\n\"", "(f '\\\\d' (fmt x) '\\\\n')"),
    DumpCase("f\"\\n{x}\\t\"", "(f '\\n' (fmt x) '\\t')"),
    DumpCase("f\"{x:%Y-%m-%d}\"", "(f (fmt x (spec '%Y-%m-%d')))"),
    DumpCase("f\"{x:{{}}}\"", "(f (fmt x (spec (fmt (dict)))))"),
    DumpCase("f\"{x!r:}\"", "(f (fmt x !r (spec)))"),
    DumpCase("f\"\" f\"a\" \"b\"", "(f 'ab')"),
    DumpCase("f\"{ x }\"", "(f (fmt x))"),
    DumpCase("F\"{x}\" Rf\"{y}\" fR\"{z}\"", "(f (fmt x) (fmt y) (fmt z))"),
    DumpCase("f\"{x:{y}{z}}\"", "(f (fmt x (spec (fmt y) (fmt z))))"),
    DumpCase("f\"{d['a']['b']:>{w}}\"", "(f (fmt ([] ([] d 'a') 'b') (spec '>' (fmt w))))"),
    DumpCase("f\"{x:=^10}\"", "(f (fmt x (spec '=^10')))"),
    DumpCase("f\"{x:>{w}} and {y=}\"\n", "(f (fmt x (spec '>' (fmt w))) ' and y=' (fmt y !r))"),
]

let fstringErrorCases: [ErrorCase] = [
    ErrorCase("f\"{}\"", .syntaxError, "f-string: empty expression not allowed", 1, 6),
    ErrorCase("f\"{x!z}\"", .syntaxError, "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 9),
    ErrorCase("f\"{x\"", .syntaxError, "f-string: expecting '}'", 1, 6),
    ErrorCase("f\"}\"", .syntaxError, "f-string: single '}' is not allowed", 1, 5),
    ErrorCase("f\"{x#}\"", .syntaxError, "f-string expression part cannot include '#'", 1, 8),
    ErrorCase("f\"{'\\n'}\"", .syntaxError, "f-string expression part cannot include a backslash", 1, 10),
    ErrorCase("f\"s\" = 1", .syntaxError, "cannot assign to f-string expression here. Maybe you meant '==' instead of '='?", 1, 1),
    ErrorCase("f\"{x:{y:{z}}}\"", .syntaxError, "f-string: expressions nested too deeply", 1, 15),
    ErrorCase("f\"{x:{y:{z:{w}}}}\"", .syntaxError, "f-string: expressions nested too deeply", 1, 19),
    ErrorCase("f\"{x!}\"", .syntaxError, "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 8),
    ErrorCase("f\"{x!r\"", .syntaxError, "f-string: expecting '}'", 1, 8),
    ErrorCase("f\"{x:\"", .syntaxError, "f-string: expecting '}'", 1, 7),
    ErrorCase("f\"{\"", .syntaxError, "f-string: expecting '}'", 1, 5),
    ErrorCase("f\"{)}\"", .syntaxError, "f-string: unmatched ')'", 1, 7),
    ErrorCase("f\"{x)}\"", .syntaxError, "f-string: unmatched ')'", 1, 8),
    ErrorCase("f\"{(x}\"", .syntaxError, "f-string: closing parenthesis '}' does not match opening parenthesis '('", 1, 8),
    ErrorCase("f\"{x!r=}\"", .syntaxError, "f-string: expecting '}'", 1, 10),
]
