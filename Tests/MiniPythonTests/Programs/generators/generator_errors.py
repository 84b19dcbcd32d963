def g():
    yield 1
    raise ValueError("inside generator")
try:
    for v in g():
        print(v)
except ValueError as e:
    print("caught", e)
def stopper():
    yield 1
    raise StopIteration
try:
    list(stopper())
except RuntimeError as e:
    print(e)
def try_in_gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
print(list(try_in_gen()))
gx = (1 / x for x in [1, 0])
print(next(gx))
next(gx)

# Expected output (checked with CPython 3.11):
# expect: 1
# expect: caught inside generator
# expect: generator raised StopIteration
# expect: gen finally
# expect: [1, 2]
# expect: 1.0
# expect error: ZeroDivisionError: division by zero
