d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "b" in d, 2 in d)
print(d.keys(), d.values(), d.items())
print(list(d), sorted(d), [k for k in d], d.pop("b"), d.pop("zz", "default"), d)
print(d.setdefault("a", 100), d.setdefault("n", []), d)
d.update(x=1); d.update({"y": 2}); d.update([("z", 3)]); print(d)
print(d.popitem(), d.copy() == d, dict.fromkeys("ab", 0), dict(a=1, b=2), dict([(1, 2)]))
e = {1: "int", 1.0: "float", True: "bool"}; print(e)
print({**{"a": 1}, "b": 2}, {"a": 1} | {"b": 2}, {"a": 1} == {"a": 1.0})
del d["a"]; d.clear(); print(d)
nested = {"x": {"y": [1, {"z": None}]}}; print(nested["x"]["y"][1])
k = d["missing"]

# Expected output (checked with CPython 3.11):
# expect: {'b': 2, 'a': 1, 'c': 3} 3 1 None 0 True False
# expect: dict_keys(['b', 'a', 'c']) dict_values([2, 1, 3]) dict_items([('b', 2), ('a', 1), ('c', 3)])
# expect: ['b', 'a', 'c'] ['a', 'b', 'c'] ['b', 'a', 'c'] 2 default {'a': 1, 'c': 3}
# expect: 1 [] {'a': 1, 'c': 3, 'n': []}
# expect: {'a': 1, 'c': 3, 'n': [], 'x': 1, 'y': 2, 'z': 3}
# expect: ('z', 3) True {'a': 0, 'b': 0} {'a': 1, 'b': 2} {1: 2}
# expect: {1: 'bool'}
# expect: {'a': 1, 'b': 2} {'a': 1, 'b': 2} True
# expect: {}
# expect: {'z': None}
# expect error: KeyError: 'missing'
