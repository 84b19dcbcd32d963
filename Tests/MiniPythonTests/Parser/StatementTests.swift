import Testing
@testable import MiniPython

/// Statement parsing. Each expected dump in the table was produced from CPython's own
/// `ast.parse` of the source.
@Suite struct StatementTests {
    @Test(arguments: statementCases)
    func matchesCPythonsAST(_ testCase: DumpCase) throws {
        #expect(try dump(testCase.source) == testCase.expected)
    }

    @Test func generatorsAreMarked() throws {
        let module = try Parser.parseModule("""
            def plain():
                def inner():
                    yield 1
                return lambda: (yield)
            def gen():
                while True:
                    x = f"{(yield)}"
            """)
        guard case .functionDef(let plain, _) = module[0], case .functionDef(let gen, _) = module[1] else {
            Issue.record("expected two functions")
            return
        }
        #expect(!plain.isGenerator)
        #expect(gen.isGenerator)
    }

    @Test func matchAndAsyncAreUnimplemented() throws {
        let match = try #require(syntaxError("match command:\n    case 'go':\n        pass\n"))
        #expect(match.message == UNIMPLEMENTED.matchStatement.message)
        #expect(syntaxError("async def f():\n    pass\n")?.message == UNIMPLEMENTED.asyncStatement.message)
        #expect(syntaxError("try:\n    pass\nexcept* E:\n    pass\n")?.message == UNIMPLEMENTED.exceptionGroups.message)
        // `match` is only a soft keyword.
        #expect(try dump("match = [1]\nmatch[0]") == "(= match (list 1))\n([] match 0)")
    }

    @Test func annotatedAssignmentKeepsTheAnnotation() throws {
        guard case .annotatedAssign(let target, let annotation, let value, let isSimple, _) =
                try Parser.parseModule("x: dict[str, int] = {}")[0] else {
            Issue.record("not an annotated assignment")
            return
        }
        #expect(target.dump() == "x")
        #expect(annotation.dump() == "([] dict (tuple str int))")
        #expect(value?.dump() == "(dict)")
        #expect(isSimple)
    }
}

let statementCases: [DumpCase] = [
    DumpCase("x = 1", "(= x 1)"),
    DumpCase("a = b = c = 0", "(= a b c 0)"),
    DumpCase("a, b = b, a", "(= (tuple a b) (tuple b a))"),
    DumpCase("[a, b], c = x", "(= (tuple (list a b) c) x)"),
    DumpCase("a, *b, c = range(5)", "(= (tuple a (* b) c) (call range 5))"),
    DumpCase("x.y = z[0] = 1", "(= (. x y) ([] z 0) 1)"),
    DumpCase("x += 1; x -= 1; x *= 2; x /= 2; x //= 2; x %= 2; x **= 2; x @= m; x &= 1; x |= 1; x ^= 1; x <<= 1; x >>= 1", "(+= x 1)\n(-= x 1)\n(*= x 2)\n(/= x 2)\n(//= x 2)\n(%= x 2)\n(**= x 2)\n(@= x m)\n(&= x 1)\n(|= x 1)\n(^= x 1)\n(<<= x 1)\n(>>= x 1)"),
    DumpCase("x: int = 5", "(ann x int 5)"),
    DumpCase("x: list[int]", "(ann x ([] list int))"),
    DumpCase("(x): int = 1", "(ann-complex x int 1)"),
    DumpCase("self.x: float = 0.0", "(ann-complex (. self x) float 0.0)"),
    DumpCase("if a:\n    pass\nelif b:\n    x = 1\nelif c:\n    x = 2\nelse:\n    x = 3", "(if a (body (pass)) (else (if b (body (= x 1)) (else (if c (body (= x 2)) (else (= x 3)))))))"),
    DumpCase("if x: y = 1; z = 2", "(if x (body (= y 1) (= z 2)))"),
    DumpCase("while True:\n    if x:\n        break\n    continue\nelse:\n    done()", "(while True (body (if x (body (break))) (continue)) (else (call done)))"),
    DumpCase("for i, (a, b) in enumerate(pairs):\n    print(i)\nelse:\n    pass", "(for (tuple i (tuple a b)) (call enumerate pairs) (body (call print i)) (else (pass)))"),
    DumpCase("for x, in y: pass", "(for (tuple x) y (body (pass)))"),
    DumpCase("try:\n    risky()\nexcept ValueError as e:\n    handle(e)\nexcept (TypeError, KeyError):\n    pass\nexcept:\n    raise\nelse:\n    ok()\nfinally:\n    cleanup()", "(try (body (call risky)) (except ValueError (as e) (body (call handle e))) (except (tuple TypeError KeyError) (body (pass))) (except (body (raise))) (else (call ok)) (finally (call cleanup)))"),
    DumpCase("try:\n    pass\nfinally:\n    pass", "(try (body (pass)) (finally (pass)))"),
    DumpCase("with open(a) as f, lock:\n    pass", "(with (as (call open a) f) lock (body (pass)))"),
    DumpCase("with (open(a) as f, open(b) as g):\n    pass", "(with (as (call open a) f) (as (call open b) g) (body (pass)))"),
    DumpCase("with (a, b):\n    pass", "(with a b (body (pass)))"),
    DumpCase("with (yield_) as (x, y): pass", "(with (as yield_ (tuple x y)) (body (pass)))"),
    DumpCase("def f(a, b=1, *args, c, d=2, **kwargs) -> int:\n    \"\"\"Docstring.\"\"\"\n    return a", "(def f (params a b=1 *args c d=2 **kwargs) (-> int) (body 'Docstring.' (return a)))"),
    DumpCase("def g(a, /, b, *, c): pass", "(def g (params a / b * c) (body (pass)))"),
    DumpCase("def gen():\n    yield 1\n    yield from range(3)\n    x = yield", "(def gen generator (params) (body (yield 1) (yield-from (call range 3)) (= x (yield))))"),
    DumpCase("def outer():\n    def inner():\n        yield 1\n    return inner", "(def outer (params) (body (def inner generator (params) (body (yield 1))) (return inner)))"),
    DumpCase("def f():\n    return [(yield x) for x in y] if False else 1", "(def f generator (params) (body (return (if False (listcomp (yield x) (for x y)) 1))))"),
    DumpCase("def f(x: int = 0, *a: str, **k: float) -> None: ...", "(def f (params x:int=0 *a:str **k:float) (-> None) (body ...))"),
    DumpCase("@dec\n@dec2(1)\n@a.b\ndef f(): pass", "(def f (params) (decorators dec (call dec2 1) (. a b)) (body (pass)))"),
    DumpCase("class A: pass", "(class A (body (pass)))"),
    DumpCase("class B(A, metaclass=Meta, **kw):\n    x = 1\n    def method(self):\n        return self.x", "(class B (bases A (= metaclass Meta) (** kw)) (body (= x 1) (def method (params self) (body (return (. self x))))))"),
    DumpCase("@dataclass\nclass C:\n    x: int = 0", "(class C (decorators dataclass) (body (ann x int 0)))"),
    DumpCase("return_ = 1", "(= return_ 1)"),
    DumpCase("del x, y[0], z.a", "(del x ([] y 0) (. z a))"),
    DumpCase("del (a, b), [c]", "(del (tuple a b) (list c))"),
    DumpCase("global a, b", "(global a b)"),
    DumpCase("def f():\n    nonlocal_ = 1\n    def g():\n        nonlocal nonlocal_", "(def f (params) (body (= nonlocal_ 1) (def g (params) (body (nonlocal nonlocal_)))))"),
    DumpCase("assert x, \"message\"", "(assert x 'message')"),
    DumpCase("assert x", "(assert x)"),
    DumpCase("raise", "(raise)"),
    DumpCase("raise ValueError(\"bad\")", "(raise (call ValueError 'bad'))"),
    DumpCase("raise E from None", "(raise E (from None))"),
    DumpCase("import os", "(import os)"),
    DumpCase("import os.path as p, sys", "(import (as os.path p) sys)"),
    DumpCase("from a.b import c as d, e", "(from a.b (as c d) e)"),
    DumpCase("from . import x", "(from . x)"),
    DumpCase("from .. mod import (a, b,)", "(from ..mod a b)"),
    DumpCase("from ...pkg import *", "(from ...pkg *)"),
    DumpCase("from mod import *", "(from mod *)"),
    DumpCase("x = yield_ if 1 else 2", "(= x (if 1 yield_ 2))"),
    DumpCase("print(\"hello\")  # comment", "(call print 'hello')"),
    DumpCase("x = (1 +\n     2)", "(= x (+ 1 2))"),
    DumpCase("x = 1 + \\\n    2", "(= x (+ 1 2))"),
    DumpCase("if True:\n    x = [\n  1,\n        2]\n    y = 3", "(if True (body (= x (list 1 2)) (= y 3)))"),
    DumpCase("match = 1\nmatch(x)\nmatch.x = 2", "(= match 1)\n(call match x)\n(= (. match x) 2)"),
    DumpCase("def f():\n\treturn 1", "(def f (params) (body (return 1)))"),
    DumpCase("a = b = yield_", "(= a b yield_)"),
    DumpCase("for x in range(10): print(x); print(x * 2)", "(for x (call range 10) (body (call print x) (call print (* x 2))))"),
    DumpCase("class D(object): x = 1", "(class D (bases object) (body (= x 1)))"),
    DumpCase("while x: x -= 1", "(while x (body (-= x 1)))"),
    DumpCase("lambda: (yield)", "(lambda (params) (yield))"),
    DumpCase("f(**{'a': 1})", "(call f (** (dict ('a' 1))))"),
    DumpCase("x = *a, *b", "(= x (tuple (* a) (* b)))"),
    DumpCase("def f(): return *a, *b", "(def f (params) (body (return (tuple (* a) (* b)))))"),
    DumpCase("x = [\n    1,  # one\n    2,  # two\n]", "(= x (list 1 2))"),
    DumpCase("\"\"\"Module docstring.\"\"\"\nimport sys", "'Module docstring.'\n(import sys)"),
    DumpCase("if x:\n    # comment\n\n    y = 1\n\n    # another\nz = 2\n", "(if x (body (= y 1)))\n(= z 2)"),
]
