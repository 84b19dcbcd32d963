import Testing
import MiniPython

/// The uncaught-exception report, compared whole with what CPython 3.11 prints (without
/// the optional `~~~^^^` markers).
@Suite struct TracebackTests {
    @Test func nestedCall() {
        let source = """
        def level3(x):
            return x["key"]

        def level2(x):
            return level3(x) + 1

        level2({})
        """
        let result = runProgram(source, filename: "nested.py")
        #expect(result.traceback == """
        Traceback (most recent call last):
          File "nested.py", line 7, in <module>
            level2({})
          File "nested.py", line 5, in level2
            return level3(x) + 1
          File "nested.py", line 2, in level3
            return x["key"]
        KeyError: 'key'

        """)
    }

    @Test func explicitCause() {
        let source = """
        try:
            int("x")
        except ValueError as e:
            raise RuntimeError("bad config") from e
        """
        #expect(runProgram(source, filename: "c.py").traceback == """
        Traceback (most recent call last):
          File "c.py", line 2, in <module>
            int("x")
        ValueError: invalid literal for int() with base 10: 'x'

        The above exception was the direct cause of the following exception:

        Traceback (most recent call last):
          File "c.py", line 4, in <module>
            raise RuntimeError("bad config") from e
        RuntimeError: bad config

        """)
    }

    @Test func implicitContext() {
        let source = """
        try:
            1 / 0
        except ZeroDivisionError:
            [][1]
        """
        #expect(runProgram(source, filename: "ctx.py").traceback == """
        Traceback (most recent call last):
          File "ctx.py", line 2, in <module>
            1 / 0
        ZeroDivisionError: division by zero

        During handling of the above exception, another exception occurred:

        Traceback (most recent call last):
          File "ctx.py", line 4, in <module>
            [][1]
        IndexError: list index out of range

        """)
    }

    @Test func reraiseKeepsOriginalFrames() {
        let source = """
        def inner():
            raise ValueError("deep")

        def outer():
            try:
                inner()
            except ValueError:
                raise

        outer()
        """
        #expect(runProgram(source, filename: "r.py").traceback == """
        Traceback (most recent call last):
          File "r.py", line 10, in <module>
            outer()
          File "r.py", line 6, in outer
            inner()
          File "r.py", line 2, in inner
            raise ValueError("deep")
        ValueError: deep

        """)
    }

    @Test func syntaxErrorReport() {
        let result = runProgram("x = 1\ndef f(x)\n    return x\n", filename: "s.py")
        #expect(result.traceback == """
          File "s.py", line 2
            def f(x)
                    ^
        SyntaxError: expected ':'

        """)
    }

    @Test func emptyMessageAndNameHint() {
        #expect(runProgram("raise ValueError").errorLine == "ValueError")
        #expect(runProgram("counter = 1\nprint(countr)").errorLine
            == "NameError: name 'countr' is not defined. Did you mean: 'counter'?")
        #expect(runProgram("[].apend(1)").errorLine
            == "AttributeError: 'list' object has no attribute 'apend'. Did you mean: 'append'?")
    }

    @Test func comprehensionFrameIsShown() {
        let result = runProgram("xs = [1, 0]\nys = [1 / x for x in xs]\n", filename: "l.py")
        #expect(result.traceback == """
        Traceback (most recent call last):
          File "l.py", line 2, in <module>
            ys = [1 / x for x in xs]
          File "l.py", line 2, in <listcomp>
            ys = [1 / x for x in xs]
        ZeroDivisionError: division by zero

        """)
    }
}
