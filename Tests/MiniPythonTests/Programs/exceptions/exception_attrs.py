try:
    raise ValueError("msg")
except ValueError as e:
    err = e
print(err.__cause__, err.__context__, err.__suppress_context__)
try:
    try:
        raise KeyError("a")
    except KeyError as inner:
        raise ValueError("b")
except ValueError as outer:
    print(repr(outer.__context__), outer.__cause__)
try:
    next(iter([]))
except StopIteration as s:
    print("stop", s.value, repr(s))
try:
    import not_a_module
except ModuleNotFoundError as e:
    print(e, isinstance(e, ImportError))
try:
    from sys import nope
except ImportError as e:
    print(e)



# Expected output (checked with CPython 3.11):
# expect: None None False
# expect: KeyError('a') None
# expect: stop None StopIteration()
# expect: No module named 'not_a_module' True
# expect: cannot import name 'nope' from 'sys' (unknown location)
