def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=8, d=0))
def g(x, /, y, *, z):
    return x + y + z
print(g(1, 2, z=3), g(1, y=2, z=3))
def h(*args, **kwargs):
    return args, kwargs
print(h(), h(1, *[2, 3], k=1, **{"m": 2}))
def defaults(x=[]):
    x.append(1)
    return x
print(defaults(), defaults(), defaults([0]))
print(f.__name__, g.__qualname__, (lambda: 0).__name__)

# Expected output (checked with CPython 3.11):
# expect: (1, 2, (), 3, 4, [])
# expect: (1, 5, (6, 7), 3, 0, [('e', 8)])
# expect: 6 6
# expect: ((), {}) ((1, 2, 3), {'k': 1, 'm': 2})
# expect: [1, 1] [1, 1] [0, 1]
# expect: f g <lambda>
