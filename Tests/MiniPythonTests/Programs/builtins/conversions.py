print(int("7"), float(3), str(3.0), bool([]), bool([0]), list((1, 2)), tuple([1]), set([1, 1]), dict([(1, 2)]))
print(chr(65), ord("a"), hex(255), oct(8), bin(10), hex(-255), bin(0))
print(str(None), str(True), repr(1.5), repr("a"), int(True), float(False))
print(list(range(5)), list(range(2, 10, 3)), list(range(5, 0, -2)), range(3), range(1, 10, 2)[1], len(range(0, 10, 3)))
print(type(1), type(1.0), type("s"), type(None), type([]), type(len), type(range(1)))
print(abs(-3), round(1.25, 1), round(2.5), divmod(17, -5), divmod(7.5, 2), pow(2, 100) % 1000)

# Expected output (checked with CPython 3.11):
# expect: 7 3.0 3.0 False True [1, 2] (1,) {1} {1: 2}
# expect: A 97 0xff 0o10 0b1010 -0xff 0b0
# expect: None True 1.5 'a' 1 0.0
# expect: [0, 1, 2, 3, 4] [2, 5, 8] [5, 3, 1] range(0, 3) 3 4
# expect: <class 'int'> <class 'float'> <class 'str'> <class 'NoneType'> <class 'list'> <class 'builtin_function_or_method'> <class 'range'>
# expect: 3 1.2 2 (-4, -3) (3.0, 1.5) 376
