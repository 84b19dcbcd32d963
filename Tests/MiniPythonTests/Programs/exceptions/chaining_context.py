try:
    1 / 0
except ZeroDivisionError:
    undefined_call()

# Expected output (checked with CPython 3.11):
# expect error: NameError: name 'undefined_call' is not defined
