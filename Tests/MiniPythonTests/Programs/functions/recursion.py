def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact(30))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
print("still alive")

# Expected output (checked with CPython 3.11):
# expect: 2432902008176640000 265252859812191058636308480000000
# expect: 900
# expect: RecursionError: maximum recursion depth exceeded
# expect: still alive
