d = {"a": 1, "b": 2}
keys, values, items = d.keys(), d.values(), d.items()
d["c"] = 3
print(keys, values, items, len(keys), "a" in keys, ("a", 1) in items, 3 in values)
print(keys & {"a", "z"}, sorted(keys - {"a"}), sorted(keys | {"q"}))
for k, v in d.items():
    print(k, v)
try:
    for k in d:
        d["new"] = 1
except RuntimeError as e:
    print(e)


# Expected output (checked with CPython 3.11):
# expect: dict_keys(['a', 'b', 'c']) dict_values([1, 2, 3]) dict_items([('a', 1), ('b', 2), ('c', 3)]) 3 True True True
# expect: {'a'} ['b', 'c'] ['a', 'b', 'c', 'q']
# expect: a 1
# expect: b 2
# expect: c 3
# expect: dictionary changed size during iteration
