# Long chains of every kind of object that holds other objects are freed without
# exhausting the native stack (see Note [Trashcan]).
def build(make, start, n=100000):
    x = start
    for i in range(n):
        x = make(x)
    return x

def closure(inner):
    def f():
        return inner
    return f

def gen(inner):
    yield inner

class Node:
    __slots__ = ("nxt",)
    def __init__(self, nxt):
        self.nxt = nxt

kinds = [
    ("map", lambda x: map(abs, x), iter([])),
    ("filter", lambda x: filter(None, x), iter([])),
    ("zip", lambda x: zip(x), iter([])),
    ("enumerate", lambda x: enumerate(x), iter([])),
    ("slice", lambda x: slice(x), None),
    ("closure", closure, None),
    ("generator", gen, None),
    ("frozenset", lambda x: frozenset([x]), None),
    ("property", lambda x: property(x), None),
    ("exception", lambda x: ValueError(x), None),
    ("tuple", lambda x: (x,), None),
    ("dict", lambda x: {"k": x}, None),
    ("slots", Node, None),
]
for name, make, start in kinds:
    chain = build(make, start)
    chain = None
    print(name, "freed")

# Expected output (checked with CPython 3.11):
# expect: map freed
# expect: filter freed
# expect: zip freed
# expect: enumerate freed
# expect: slice freed
# expect: closure freed
# expect: generator freed
# expect: frozenset freed
# expect: property freed
# expect: exception freed
# expect: tuple freed
# expect: dict freed
# expect: slots freed
