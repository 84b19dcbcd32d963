class A:
    pass
try:
    A(1)
except TypeError as e:
    print(e)
class B:
    def __init__(self, x):
        self.x = x
try:
    B()
except TypeError as e:
    print(e)
class C:
    def __init__(self):
        return 5
C()

# Expected output (checked with CPython 3.11):
# expect: A() takes no arguments
# expect: B.__init__() missing 1 required positional argument: 'x'
# expect error: TypeError: __init__() should return None, not 'int'
