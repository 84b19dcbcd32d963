for text in ["1.5", "inf", "-Infinity", "nan", "1e5", "abc", "1.2.3"]:
    try:
        print(float(text))
    except ValueError as e:
        print(e)
float(None)

# Expected output (checked with CPython 3.11):
# expect: 1.5
# expect: inf
# expect: -inf
# expect: nan
# expect: 100000.0
# expect: could not convert string to float: 'abc'
# expect: could not convert string to float: '1.2.3'
# expect error: TypeError: float() argument must be a string or a real number, not 'NoneType'
