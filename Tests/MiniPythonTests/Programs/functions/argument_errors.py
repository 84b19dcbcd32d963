def f(a, b, c=3, *, k):
    pass
tests = [lambda: f(1), lambda: f(1, 2), lambda: f(1, 2, 3, 4, k=1), lambda: f(1, 2, k=1, z=2),
         lambda: f(1, 2, a=1, k=1), lambda: f(), lambda: (lambda: 0)(1)]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
def g(x, /):
    pass
try:
    g(x=1)
except TypeError as e:
    print(e)
class A:
    def m(self, x):
        pass
try:
    A().m()
except TypeError as e:
    print(e)
len(1, 2)

# Expected output (checked with CPython 3.11):
# expect: f() missing 1 required positional argument: 'b'
# expect: f() missing 1 required keyword-only argument: 'k'
# expect: f() takes from 2 to 3 positional arguments but 4 positional arguments (and 1 keyword-only argument) were given
# expect: f() got an unexpected keyword argument 'z'
# expect: f() got multiple values for argument 'a'
# expect: f() missing 2 required positional arguments: 'a' and 'b'
# expect: <lambda>.<locals>.<lambda>() takes 0 positional arguments but 1 was given
# expect: g() got some positional-only arguments passed as keyword arguments: 'x'
# expect: A.m() missing 1 required positional argument: 'x'
# expect error: TypeError: len() takes exactly one argument (2 given)
