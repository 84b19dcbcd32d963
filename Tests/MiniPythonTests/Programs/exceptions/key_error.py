try:
    {}["missing"]
except KeyError as e:
    print(e, repr(e), e.args)
try:
    {}[(1, 2)]
except KeyError as e:
    print(e)
print(str(KeyError()), str(KeyError("a", "b")))
d = {"lr": 0.1}
d["momentum"]

# Expected output (checked with CPython 3.11):
# expect: 'missing' KeyError('missing') ('missing',)
# expect: (1, 2)
# expect:  ('a', 'b')
# expect error: KeyError: 'momentum'
