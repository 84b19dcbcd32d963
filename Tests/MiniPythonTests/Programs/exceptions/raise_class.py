class Stop(Exception):
    pass
try:
    raise Stop
except Stop as e:
    print(type(e).__name__, e.args)
try:
    raise 5
except TypeError as e:
    print(e)
try:
    raise
except RuntimeError as e:
    print(e)
raise ValueError

# Expected output (checked with CPython 3.11):
# expect: Stop ()
# expect: exceptions must derive from BaseException
# expect: No active exception to reraise
# expect error: ValueError
