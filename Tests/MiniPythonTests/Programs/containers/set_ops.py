s = {3, 1, 2}
print(s, set(), {1, 1, 2}, set("hello") == {"h", "e", "l", "o"}, len(s))
s.add(5); s.discard(10); s.remove(1); print(s, 5 in s, 1 in s)
a, b = {1, 2, 3}, {2, 3, 4}
print(a | b, a & b, a - b, a ^ b, a.union([9]), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a >= {1}, a.issubset({1, 2, 3, 4}), a.issuperset({1}), a.isdisjoint({7}))
print(frozenset([1, 2]), frozenset(), {frozenset([1]): "x"}, sorted({5, -1, 3}))
print({x % 3 for x in range(10)}, {10, 20, 30, 40}, {100, 5, 37})
t = {1, 2}; t.update([3], (4,)); t |= {5}; t -= {1}; print(t, t.pop(), len(t))
set().pop()

# Expected output (checked with CPython 3.11):
# expect: {1, 2, 3} set() {1, 2} True 3
# expect: {2, 3, 5} True False
# expect: {1, 2, 3, 4} {2, 3} {1} {1, 4} {1, 2, 3, 9} {2, 3} {1} {1, 4}
# expect: True True True True True True
# expect: frozenset({1, 2}) frozenset() {frozenset({1}): 'x'} [-1, 3, 5]
# expect: {0, 1, 2} {40, 10, 20, 30} {5, 100, 37}
# expect: {3, 4, 5} 2 3
# expect error: KeyError: 'pop from an empty set'
