try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = (1, 2)
except ValueError as e:
    print(e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
try:
    a, b = 5
except TypeError as e:
    print(e)
x, y = "xyz"

# Expected output (checked with CPython 3.11):
# expect: too many values to unpack (expected 2)
# expect: not enough values to unpack (expected 3, got 2)
# expect: not enough values to unpack (expected at least 2, got 1)
# expect: cannot unpack non-iterable int object
# expect error: ValueError: too many values to unpack (expected 2)
