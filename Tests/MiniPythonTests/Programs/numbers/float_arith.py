print(0.1 + 0.2, 1 / 3, 2.5 * 4, 7.0 // 2, -7.0 // 2, 7.5 % 2, -7.5 % 2)
print(1e16, 1e-5, 123456789.123, 1.0, -0.0, float("inf"), float("-inf"), float("nan"))
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234.5678, -2), round(7, -1))
print(float("1e3"), float(" 2.5 "), float("1_000.5"), 3.0 == 3, 2 ** 0.5)
print((2.5).is_integer(), (3.0).is_integer(), abs(-1.5), 10 / 4, int(1e20))
print(1e308 * 10, -1e308 * 10, 5 % -3, 5.0 % -3)

# Expected output (checked with CPython 3.11):
# expect: 0.30000000000000004 0.3333333333333333 10.0 3.0 -4.0 1.5 0.5
# expect: 1e+16 1e-05 123456789.123 1.0 -0.0 inf -inf nan
# expect: 2 4 -2 2.67 1200.0 10
# expect: 1000.0 2.5 1000.5 True 1.4142135623730951
# expect: False True 1.5 2.5 100000000000000000000
# expect: inf -inf -1 -1.0
