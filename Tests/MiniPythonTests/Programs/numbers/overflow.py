import math
try:
    float(10 ** 400)
except OverflowError as e:
    print(e)
try:
    math.exp(1000)
except OverflowError as e:
    print(e)
print(len(str(2 ** 1000)), 10 ** 50 // 10 ** 48)
try:
    int(float("inf"))
except OverflowError as e:
    print(e)
try:
    int(float("nan"))
except ValueError as e:
    print(e)

# Expected output (checked with CPython 3.11):
# expect: int too large to convert to float
# expect: math range error
# expect: 302 100
# expect: cannot convert float infinity to integer
# expect: cannot convert float NaN to integer
