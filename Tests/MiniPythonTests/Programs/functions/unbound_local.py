x = 1
def f():
    print(x)
    x = 2
try:
    f()
except UnboundLocalError as e:
    print(e)
def g():
    del y
def h():
    y = 1
    def inner():
        return y
    del y
    return inner()
try:
    h()
except NameError as e:
    print(type(e).__name__, e)
print(undefined_name)

# Expected output (checked with CPython 3.11):
# expect: cannot access local variable 'x' where it is not associated with a value
# expect: NameError cannot access free variable 'y' where it is not associated with a value in enclosing scope
# expect error: NameError: name 'undefined_name' is not defined
