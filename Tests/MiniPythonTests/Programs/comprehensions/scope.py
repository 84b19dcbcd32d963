class A:
    items = [1, 2, 3]
    doubled = [x * 2 for x in items]
    total = sum(doubled)
print(A.doubled, A.total)
def f():
    k = 10
    return [k + i for i in range(3)]
print(f())
n = 5
print([n * i for i in range(3)])
print([m := 2 * i for i in range(3)], m)

# Expected output (checked with CPython 3.11):
# expect: [2, 4, 6] 12
# expect: [10, 11, 12]
# expect: [0, 5, 10]
# expect: [0, 2, 4] 4
