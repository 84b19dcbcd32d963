a, (b, c), *d = 1, (2, 3), 4, 5
print(a, b, c, d)
*e, f = [1]
print(e, f)
first, *middle, last = "abcdef"
print(first, middle, last)
for i, (k, v) in enumerate({"x": 1, "y": 2}.items()):
    print(i, k, v)
x = y = [0]
x.append(1)
print(y)
[p, q] = (1, 2); print(p, q)
print(*[1, 2], *"ab", sep="-")
print([*range(3), *[9]], {*"ab"} == {"a", "b"}, {**{"k": 1}})

# Expected output (checked with CPython 3.11):
# expect: 1 2 3 [4, 5]
# expect: [] 1
# expect: a ['b', 'c', 'd', 'e'] f
# expect: 0 x 1
# expect: 1 y 2
# expect: [0, 1]
# expect: 1 2
# expect: 1-2-a-b
# expect: [0, 1, 2, 9] True {'k': 1}
