d = {}
try:
    d[[1, 2]] = 3
except TypeError as e:
    print(e)
try:
    {{1}}
except TypeError as e:
    print(e)
print(hash((1, "a")) == hash((1, "a")), {(1, 2): "ok"}[(1, 2)])
s = {[1]}

# Expected output (checked with CPython 3.11):
# expect: unhashable type: 'list'
# expect: unhashable type: 'set'
# expect: True ok
# expect error: TypeError: unhashable type: 'list'
