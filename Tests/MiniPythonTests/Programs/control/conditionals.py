def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "big"
print([classify(n) for n in (-5, 0, 3, 42)])
print(0 or [] or "x", 1 and 2 and 3, None or 0, "" and 1, not [], not [0])
x = 5
print("yes" if x > 3 else "no", 1 if False else 2 if True else 3)
if (y := x * 2) > 8:
    print("walrus", y)
print(x is not None, x in (1, 5), type(x) == int)

# Expected output (checked with CPython 3.11):
# expect: ['neg', 'zero', 'small', 'big']
# expect: x 3 0  True False
# expect: yes 2
# expect: walrus 10
# expect: True True True
