t = (1, 2, 3, 2)
print(t, t[1:], t[::-1], len(t), t.count(2), t.index(3), (1,), (), tuple("ab"), 2 in t)
print(t + (4,), t * 2, (1, 2) < (1, 3), (1, (2, 3)) == (1, (2, 3)), hash((1, 2)) == hash((1, 2)))
a, b = 1, 2
a, b = b, a
print(a, b, tuple([x * x for x in range(3)]), max((1, 5), (2, 0)))
t[0] = 5

# Expected output (checked with CPython 3.11):
# expect: (1, 2, 3, 2) (2, 3, 2) (2, 3, 2, 1) 4 2 2 (1,) () ('a', 'b') True
# expect: (1, 2, 3, 2, 4) (1, 2, 3, 2, 1, 2, 3, 2) True True True
# expect: 2 1 (0, 1, 4) (2, 0)
# expect error: TypeError: 'tuple' object does not support item assignment
