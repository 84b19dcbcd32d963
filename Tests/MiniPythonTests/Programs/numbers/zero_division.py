try:
    1 / 0
except ZeroDivisionError as e:
    print("1:", e)
try:
    1 // 0
except ZeroDivisionError as e:
    print("2:", e)
try:
    5 % 0
except ZeroDivisionError as e:
    print("3:", e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("4:", e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print("5:", e)
print(10 % 0.5)
x = 2.0 // 0

# Expected output (checked with CPython 3.11):
# expect: 1: division by zero
# expect: 2: integer division or modulo by zero
# expect: 3: integer modulo by zero
# expect: 4: float division by zero
# expect: 5: 0.0 cannot be raised to a negative power
# expect: 0.0
# expect error: ZeroDivisionError: float floor division by zero
