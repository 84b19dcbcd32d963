try:
    int("x")
except ValueError:
    raise RuntimeError("clean") from None

# Expected output (checked with CPython 3.11):
# expect error: RuntimeError: clean
