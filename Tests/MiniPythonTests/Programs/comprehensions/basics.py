print([x * 2 for x in range(5) if x % 2 == 0], [(x, y) for x in range(3) for y in range(x)])
print({x: x * x for x in range(4)}, sorted({c for c in "hello"}), list(x + 1 for x in [1, 2]))
print([[j for j in range(i)] for i in range(4)], [v for row in [[1, 2], [3]] for v in row])
x = "outer"
print([x for x in "ab"], x)
print(sum(i * i for i in range(10)), any(c.isupper() for c in "abC"), all([]))
g = (n for n in range(3))
print(next(g), list(g), list(g))
print([y for x in range(3) if x > 0 for y in range(x) if y != 1])
print([(lambda: i)() for i in range(3)], [f() for f in [lambda i=i: i for i in range(3)]])


# Expected output (checked with CPython 3.11):
# expect: [0, 4, 8] [(1, 0), (2, 0), (2, 1)]
# expect: {0: 0, 1: 1, 2: 4, 3: 9} ['e', 'h', 'l', 'o'] [2, 3]
# expect: [[], [0], [0, 1], [0, 1, 2]] [1, 2, 3]
# expect: ['a', 'b'] outer
# expect: 285 True True
# expect: 0 [1, 2] []
# expect: [0, 0]
# expect: [0, 1, 2] [0, 1, 2]
