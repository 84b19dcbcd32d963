for text in ["12", " 7 ", "1_000", "0x10", "abc", "1.5", ""]:
    try:
        print(int(text))
    except ValueError as e:
        print(e)
print(int("0x10", 16), int("0x10", 0), int("0o17", 0))
int([1])

# Expected output (checked with CPython 3.11):
# expect: 12
# expect: 7
# expect: 1000
# expect: invalid literal for int() with base 10: '0x10'
# expect: invalid literal for int() with base 10: 'abc'
# expect: invalid literal for int() with base 10: '1.5'
# expect: invalid literal for int() with base 10: ''
# expect: 16 16 15
# expect error: TypeError: int() argument must be a string, a bytes-like object or a real number, not 'list'
