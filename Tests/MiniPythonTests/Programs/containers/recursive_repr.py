a = [1, 2]
a.append(a)
print(a)
d = {"k": 1}
d["self"] = d
print(d)

# Expected output (checked with CPython 3.11):
# expect: [1, 2, [...]]
# expect: {'k': 1, 'self': {...}}
