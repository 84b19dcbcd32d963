def gen():
    print("start")
    yield 1
    print("middle")
    yield 2
    print("end")
g = gen()
print(type(g).__name__)
print(next(g)); print(next(g))
try:
    next(g)
except StopIteration:
    print("done")
print(next(g, "default"))
def squares(n):
    for i in range(n):
        yield i * i
print(list(squares(5)), sum(squares(4)), max(squares(3)))
def with_return():
    yield 1
    return "result"
def delegate():
    r = yield from with_return()
    print("got", r)
    yield 2
print(list(delegate()))
def infinite():
    n = 0
    while True:
        yield n
        n += 1
it = infinite()
print([next(it) for _ in range(5)])
for x in infinite():
    if x > 3:
        break
print(x)

# Expected output (checked with CPython 3.11):
# expect: generator
# expect: start
# expect: 1
# expect: middle
# expect: 2
# expect: end
# expect: done
# expect: default
# expect: [0, 1, 4, 9, 16] 14 4
# expect: got result
# expect: [1, 2]
# expect: [0, 1, 2, 3, 4]
# expect: 4
