class Ctx:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress
with Ctx("a") as v:
    print("body", v)
with Ctx("b", suppress=True):
    raise ValueError("swallowed")
print("after b")
with Ctx("c") as c1, Ctx("d") as d1:
    print(c1, d1)
try:
    with Ctx("e"):
        1 / 0
except ZeroDivisionError:
    print("propagated")
def f():
    with Ctx("f"):
        return "returned"
print(f())
with 5:
    pass

# Expected output (checked with CPython 3.11):
# expect: enter a
# expect: body A
# expect: exit a None None
# expect: enter b
# expect: exit b ValueError swallowed
# expect: after b
# expect: enter c
# expect: enter d
# expect: C D
# expect: exit d None None
# expect: exit c None None
# expect: enter e
# expect: exit e ZeroDivisionError division by zero
# expect: propagated
# expect: enter f
# expect: exit f None None
# expect: returned
# expect error: TypeError: 'int' object does not support the context manager protocol
