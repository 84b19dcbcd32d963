class V:
    def __init__(self, *c): self.c = list(c)
    def __repr__(self): return f"V{tuple(self.c)}"
    def __add__(self, o): return V(*[a + b for a, b in zip(self.c, o.c)]) if isinstance(o, V) else NotImplemented
    def __radd__(self, o): return V(*[a + o for a in self.c])
    def __mul__(self, k): return V(*[a * k for a in self.c])
    __rmul__ = __mul__
    def __neg__(self): return V(*[-a for a in self.c])
    def __eq__(self, o): return isinstance(o, V) and self.c == o.c
    def __lt__(self, o): return sum(self.c) < sum(o.c)
    def __len__(self): return len(self.c)
    def __getitem__(self, i): return self.c[i]
    def __setitem__(self, i, v): self.c[i] = v
    def __contains__(self, x): return x in self.c
    def __bool__(self): return any(self.c)
    def __call__(self, k): return self.c[k]
    def __hash__(self): return hash(tuple(self.c))
    def __iter__(self): return iter(self.c)
a, b = V(1, 2), V(3, 4)
print(a + b, 10 + a, a * 2, 3 * a, -a, a == V(1, 2), a != b, a < b, b > a, len(a), a[1], 2 in a)
a[0] = 7; print(a, bool(V(0, 0)), a(1), {a: 1}[V(7, 2)], list(a), sorted([b, a]), max(a, b))
print(sum([V(1), V(2)], V(0)))
x = a; x += b; print(x, a)
print(a + "s")

# Expected output (checked with CPython 3.11):
# expect: V(4, 6) V(11, 12) V(2, 4) V(3, 6) V(-1, -2) True True True True 2 2 True
# expect: V(7, 2) False 2 1 [7, 2] [V(3, 4), V(7, 2)] V(7, 2)
# expect: V(3,)
# expect: V(10, 6) V(7, 2)
# expect error: TypeError: unsupported operand type(s) for +: 'V' and 'str'
