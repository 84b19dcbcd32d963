for exc in [KeyError("k"), IndexError(1), ValueError("v"), TypeError("t")]:
    try:
        raise exc
    except LookupError as e:
        print("lookup", type(e).__name__, e)
    except (ValueError, TypeError) as e:
        print("value/type", repr(e))
try:
    raise NotImplementedError
except RuntimeError as e:
    print("NotImplementedError is a RuntimeError", repr(e), e.args)
try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise
except ValueError as e:
    print("reraised", e)
try:
    raise Exception("a", 1)
except Exception as e:
    print(e, e.args, str(e), repr(e))
print(issubclass(KeyboardInterrupt, Exception), issubclass(StopIteration, Exception), issubclass(ZeroDivisionError, ArithmeticError))
e = None
try:
    1 / 0
except ZeroDivisionError as e:
    pass
print(e)

# Expected output (checked with CPython 3.11):
# expect: lookup KeyError 'k'
# expect: lookup IndexError 1
# expect: value/type ValueError('v')
# expect: value/type TypeError('t')
# expect: NotImplementedError is a RuntimeError NotImplementedError() ()
# expect: reraised inner
# expect: ('a', 1) ('a', 1) ('a', 1) Exception('a', 1)
# expect: False True True
# expect error: NameError: name 'e' is not defined
