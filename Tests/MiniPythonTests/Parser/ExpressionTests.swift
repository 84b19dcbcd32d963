import Testing
@testable import MiniPython

/// Expression parsing: precedence, associativity, primaries, displays, comprehensions,
/// literals. Each expected dump was produced from CPython's own `ast.parse` of the source.
@Suite struct ExpressionTests {
    @Test(arguments: expressionCases)
    func matchesCPythonsAST(_ testCase: DumpCase) throws {
        #expect(try dump(testCase.source) == testCase.expected)
    }

    @Test func parseExpressionEntryPoint() throws {
        #expect(try Parser.parseExpression("1 + 2 * x").dump() == "(+ 1 (* 2 x))")
        #expect(try Parser.parseExpression(" a, b \n\n").dump() == "(tuple a b)")
        #expect(throws: SyntaxError.self) { try Parser.parseExpression("x = 1") }
    }

    @Test func unaryMinusBindsLooserThanPower() throws {
        guard case .unary(.minus, .binary(_, .power, _, _), _) = try Parser.parseExpression("-2 ** 2") else {
            Issue.record("-2 ** 2 should be -(2 ** 2)")
            return
        }
    }

    @Test func imaginaryLiteralIsUnimplemented() throws {
        let error = try #require(syntaxError("z = 1 + 2j"))
        #expect(error.message == UNIMPLEMENTED.imaginaryLiteral.message)
        #expect(error.lineno == 1 && error.offset == 9)
    }

    @Test func awaitIsUnimplemented() throws {
        #expect(syntaxError("def f():\n    await g()")?.message == UNIMPLEMENTED.awaitExpression.message)
    }
}

let expressionCases: [DumpCase] = [
    DumpCase("1 + 2 * 3 - 4 / 5 // 6 % 7 @ 8", "(- (+ 1 (* 2 3)) (@ (% (// (/ 4 5) 6) 7) 8))"),
    DumpCase("-2 ** 2", "(- (** 2 2))"),
    DumpCase("2 ** -1", "(** 2 (- 1))"),
    DumpCase("2 ** 3 ** 2", "(** 2 (** 3 2))"),
    DumpCase("a | b ^ c & d << e >> f", "(| a (^ b (& c (>> (<< d e) f))))"),
    DumpCase("not a or b and c or not not d", "(or (not a) (and b c) (not (not d)))"),
    DumpCase("a < b <= c == d != e > f >= g", "(compare a < b <= c == d != e > f >= g)"),
    DumpCase("a in b, a not in b, a is b, a is not b", "(tuple (in a b) (not in a b) (is a b) (is not a b))"),
    DumpCase("~a + -b - +c", "(- (+ (~ a) (- b)) (+ c))"),
    DumpCase("a if b else c if d else e", "(if b a (if d c e))"),
    DumpCase("lambda: 0", "(lambda (params) 0)"),
    DumpCase("lambda x, y=1, *args, z, w=2, **kw: x", "(lambda (params x y=1 *args z w=2 **kw) x)"),
    DumpCase("lambda *, k: k", "(lambda (params * k) k)"),
    DumpCase("lambda a, /, b: a", "(lambda (params a / b) a)"),
    DumpCase("f(a, *b, c=1, **d)", "(call f a (* b) (= c 1) (** d))"),
    DumpCase("f(x for x in y)", "(call f (genexp x (for x y)))"),
    DumpCase("f(a)(b)[c].d.e(f=g)", "(call (. (. ([] (call (call f a) b) c) d) e) (= f g))"),
    DumpCase("x[1], x[1:2], x[::2], x[:], x[1:], x[:2], x[a:b:c]", "(tuple ([] x 1) ([] x (slice 1 2 _)) ([] x (slice _ _ 2)) ([] x (slice _ _ _)) ([] x (slice 1 _ _)) ([] x (slice _ 2 _)) ([] x (slice a b c)))"),
    DumpCase("x[..., None, 1:2]", "([] x (tuple ... None (slice 1 2 _)))"),
    DumpCase("x[1, 2], x[1,], x[()]", "(tuple ([] x (tuple 1 2)) ([] x (tuple 1)) ([] x (tuple)))"),
    DumpCase("x[*a]", "([] x (tuple (* a)))"),
    DumpCase("(), (1,), (1, 2), (1)", "(tuple (tuple) (tuple 1) (tuple 1 2) 1)"),
    DumpCase("[], [1], [1, 2,], [*a, *b]", "(tuple (list) (list 1) (list 1 2) (list (* a) (* b)))"),
    DumpCase("{}, {1: 2}, {**a, 'b': 1}, {1, 2}, {*a}", "(tuple (dict) (dict (1 2)) (dict (** a) ('b' 1)) (set 1 2) (set (* a)))"),
    DumpCase("[x * y for x in a for y in b if x if y]", "(listcomp (* x y) (for x a) (for y b (if x) (if y)))"),
    DumpCase("{k: v for k, v in d.items() if k}", "(dictcomp k v (for (tuple k v) (call (. d items)) (if k)))"),
    DumpCase("{x for x in s}", "(setcomp x (for x s))"),
    DumpCase("(x for x in range(3))", "(genexp x (for x (call range 3)))"),
    DumpCase("[(a, b) for a, (b, c) in z]", "(listcomp (tuple a b) (for (tuple a (tuple b c)) z))"),
    DumpCase("[x for *a, x in z]", "(listcomp x (for (tuple (* a) x) z))"),
    DumpCase("(n := 10) > 5", "(> (:= n 10) 5)"),
    DumpCase("[y := f(x), y ** 2]", "(list (:= y (call f x)) (** y 2))"),
    DumpCase("f(x := 1)", "(call f (:= x 1))"),
    DumpCase("x[y := 1]", "([] x (:= y 1))"),
    DumpCase("None, True, False, ...", "(tuple None True False ...)"),
    DumpCase("0xFF, 0o17, 0b1010, 1_000_000, 123456789012345678901234567890, 0x_dead_beef_cafe_babe_0123", "(tuple 255 15 10 1000000 123456789012345678901234567890 1051570404360395033542947)"),
    DumpCase("1., .5, 1e-3, 1_000.5, 1E10, 1e400, 0e0, 00, 0_0", "(tuple 1.0 0.5 0.001 1000.5 10000000000.0 inf 0.0 0 0)"),
    DumpCase("'a' \"b\" '''c''' \"\"\"d\"\"\"", "'abcd'"),
    DumpCase("r'\\n' + R\"\\d\" + b'\\x00\\xff' + rb'\\x' + Br'y' + u'z'", "(+ (+ (+ (+ (+ '\\\\n' '\\\\d') b'\\x00\\xff') b'\\\\x') b'y') 'z')"),
    DumpCase("'\\x41\\u00e9\\U0001F600\\101\\n\\t\\\\\\'\\\"\\a\\b\\f\\v\\r\\d'", "'Aé😀A\\n\\t\\\\\\'\"\\x07\\x08\\x0c\\x0b\\r\\\\d'"),
    DumpCase("b'\\x41\\101\\n' b'\\u1234'", "b'AA\\n\\\\u1234'"),
    DumpCase("'a' 'b' f'c{d}' 'e'", "(f 'abc' (fmt d) 'e')"),
    DumpCase("'line1\\\nline2'", "'line1line2'"),
    DumpCase("a.b.c", "(. (. a b) c)"),
    DumpCase("print(*args, sep='', **kw)", "(call print (* args) (= sep '') (** kw))"),
    DumpCase("x if y else lambda: z", "(if y x (lambda (params) z))"),
    DumpCase("a and (b or c)", "(and a (or b c))"),
    DumpCase("(a, *b) = c", "(= (tuple a (* b)) c)"),
    DumpCase("f(a)(b)", "(call (call f a) b)"),
    DumpCase("f\"{x}\" f\"{y!r}\" f\"{z:>{w}}\"\n", "(f (fmt x) (fmt y !r) (fmt z (spec '>' (fmt w))))"),
]
