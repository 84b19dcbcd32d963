def f():
    pass
class C:
    pass
x = 1
del x
try:
    print(x)
except NameError as e:
    print(e)
values = [1, 2, 3]
del values[1]
print(values, f())
counter = 0
def bump():
    global counter
    counter += 1
for _ in range(3):
    bump()
print(counter)

# Expected output (checked with CPython 3.11):
# expect: name 'x' is not defined
# expect: [1, 3] None
# expect: 3
