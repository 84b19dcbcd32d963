assert 1 + 1 == 2
try:
    assert False, "custom message"
except AssertionError as e:
    print("caught", e)
try:
    assert 0
except AssertionError as e:
    print("empty", repr(e))
x = 5
assert x < 3, f"x is {x}"

# Expected output (checked with CPython 3.11):
# expect: caught custom message
# expect: empty AssertionError()
# expect error: AssertionError: x is 5
