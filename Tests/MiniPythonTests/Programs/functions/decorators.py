def trace(f):
    def wrapper(*args, **kwargs):
        print("call", f.__name__, args)
        return f(*args, **kwargs)
    return wrapper
def repeat(n):
    def deco(f):
        def wrapper(*a):
            return [f(*a) for _ in range(n)]
        return wrapper
    return deco
@trace
def add(a, b):
    return a + b
@repeat(3)
def one():
    return 1
print(add(1, 2), one())
@trace
@repeat(2)
def two(x):
    return x
print(two(5))

# Expected output (checked with CPython 3.11):
# expect: call add (1, 2)
# expect: 3 [1, 1, 1]
# expect: call wrapper (5,)
# expect: [5, 5]
