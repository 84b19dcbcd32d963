def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
inc, get = counter()
inc(); inc()
print(get())
def outer():
    x = 1
    def mid():
        def inner():
            return x
        return inner
    x = 2
    return mid()()
print(outer())
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
g = 1
def read_global():
    return g
def write_global():
    global g
    g = 2
write_global(); print(read_global())

# Expected output (checked with CPython 3.11):
# expect: 2
# expect: 2
# expect: [2, 2, 2]
# expect: 2
