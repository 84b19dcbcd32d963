for i in range(3):
    if i == 1:
        continue
    print("for", i)
else:
    print("for-else")
n = 0
while n < 5:
    n += 1
    if n == 3:
        break
else:
    print("not printed")
print("n", n)
for i in []:
    pass
else:
    print("empty else")
for i, j in [(1, 2), (3, 4)]:
    print(i + j, end=" ")
print()
total = 0
for x in range(10):
    if x % 2:
        continue
    for y in range(x):
        if y > 2:
            break
        total += y
print(total)

# Expected output (checked with CPython 3.11):
# expect: for 0
# expect: for 2
# expect: for-else
# expect: n 3
# expect: empty else
# expect: 3 7 
# expect: 10
