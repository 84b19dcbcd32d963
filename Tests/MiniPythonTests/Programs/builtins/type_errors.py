nothing, five = None, 5
tests = [lambda: 1 + "a", lambda: "a" * "b", lambda: [1] + (1,), lambda: -"x", lambda: len(5),
         lambda: 3 < "a", lambda: nothing(), lambda: five[0], lambda: {}[[]], lambda: iter(5), lambda: sum(["a"]),
         lambda: abs("x"), lambda: (1).foo, lambda: int.nope, lambda: round("x"), lambda: [2, 1].sort(key=1)]
for t in tests:
    try:
        t()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)


# Expected output (checked with CPython 3.11):
# expect: TypeError: unsupported operand type(s) for +: 'int' and 'str'
# expect: TypeError: can't multiply sequence by non-int of type 'str'
# expect: TypeError: can only concatenate list (not "tuple") to list
# expect: TypeError: bad operand type for unary -: 'str'
# expect: TypeError: object of type 'int' has no len()
# expect: TypeError: '<' not supported between instances of 'int' and 'str'
# expect: TypeError: 'NoneType' object is not callable
# expect: TypeError: 'int' object is not subscriptable
# expect: TypeError: unhashable type: 'list'
# expect: TypeError: 'int' object is not iterable
# expect: TypeError: unsupported operand type(s) for +: 'int' and 'str'
# expect: TypeError: bad operand type for abs(): 'str'
# expect: AttributeError: 'int' object has no attribute 'foo'
# expect: AttributeError: type object 'int' has no attribute 'nope'
# expect: TypeError: type str doesn't define __round__ method
# expect: TypeError: 'int' object is not callable
