def level3(x):
    return x["key"]
def level2(x):
    return level3(x) + 1
def level1():
    return level2({})
level1()

# Expected output (checked with CPython 3.11):
# expect error: KeyError: 'key'
