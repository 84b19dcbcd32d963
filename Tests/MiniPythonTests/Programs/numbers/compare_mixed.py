print(1 < 2.5, 3 == 3.0, 2 ** 53 + 1 == float(2 ** 53 + 1), 0.1 + 0.2 > 0.3)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0 == True, None == 0, "a" == "a")
print(sorted([3, 1.5, True, -2, 0.0]), max(1, 2.0), min([3, 2, 2.0]))
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(-0.0), hash(2 ** 70) == hash(float(2 ** 70)))
print(float("nan") == float("nan"), float("inf") > 10 ** 300)

# Expected output (checked with CPython 3.11):
# expect: True True False True
# expect: True False True False True
# expect: [-2, 0.0, True, 1.5, 3] 2.0 2
# expect: True True True
# expect: False True
