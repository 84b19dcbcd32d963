xs = [1, 2, 3]
for f in [lambda: xs[5], lambda: xs.pop(7), lambda: [].pop(), lambda: xs.remove(9), lambda: xs.index(9), lambda: xs["a"]]:
    try:
        f()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
xs[3] = 4

# Expected output (checked with CPython 3.11):
# expect: IndexError list index out of range
# expect: IndexError pop index out of range
# expect: IndexError pop from empty list
# expect: ValueError list.remove(x): x not in list
# expect: ValueError 9 is not in list
# expect: TypeError list indices must be integers or slices, not str
# expect error: IndexError: list assignment index out of range
