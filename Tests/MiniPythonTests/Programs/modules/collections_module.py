from collections import namedtuple, defaultdict, Counter, OrderedDict, deque
Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
x, y = p
print(p, x + y, p.x, p[1], p._replace(y=5), p._asdict(), Point._make([3, 4]), p == (1, 2), len(p))
Cfg = namedtuple("Cfg", "lr epochs", defaults=[10])
print(Cfg(0.1), Cfg(lr=0.2, epochs=3))
dd = defaultdict(int)
for w in "a b a c a".split():
    dd[w] += 1
print(dd, dd["zz"], sorted(dd.items()))
groups = defaultdict(list)
groups["k"].append(1)
print(groups)
c = Counter("mississippi")
print(c.most_common(2), c["s"], c["q"], sum(c.values()), Counter([1, 1, 2]) + Counter([2]))
od = OrderedDict()
od["b"] = 1; od["a"] = 2
od.move_to_end("b")
print(od, list(od), od.popitem(last=False))
q = deque(maxlen=2)
q.extend([1, 2, 3]); q.appendleft(0)
print(q, list(q), q.pop(), len(q))
d2 = deque([1, 2, 3]); d2.rotate(1); print(d2)
Point(1)

# Expected output (checked with CPython 3.11):
# expect: Point(x=1, y=2) 3 1 2 Point(x=1, y=5) {'x': 1, 'y': 2} Point(x=3, y=4) True 2
# expect: Cfg(lr=0.1, epochs=10) Cfg(lr=0.2, epochs=3)
# expect: defaultdict(<class 'int'>, {'a': 3, 'b': 1, 'c': 1, 'zz': 0}) 0 [('a', 3), ('b', 1), ('c', 1), ('zz', 0)]
# expect: defaultdict(<class 'list'>, {'k': [1]})
# expect: [('i', 4), ('s', 4)] 4 0 11 Counter({1: 2, 2: 2})
# expect: OrderedDict([('b', 1)]) ['a', 'b'] ('a', 2)
# expect: deque([0], maxlen=2) [0, 2] 2 1
# expect: deque([3, 1, 2])
# expect error: TypeError: Point.__new__() missing 1 required positional argument: 'y'
