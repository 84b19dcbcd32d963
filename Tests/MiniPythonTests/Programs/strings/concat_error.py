n = 3
print("n=" + str(n))
print("total: " + n)

# Expected output (checked with CPython 3.11):
# expect: n=3
# expect error: TypeError: can only concatenate str (not "int") to str
