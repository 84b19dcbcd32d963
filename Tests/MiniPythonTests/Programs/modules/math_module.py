import math
print(math.sqrt(16), math.floor(2.7), math.ceil(2.1), math.trunc(-2.7), math.pi, math.e, math.inf)
print(math.log(8, 2), math.log10(100), math.log2(1024), math.exp(0), math.pow(2, 3), math.fabs(-2))
print(math.gcd(12, 8), math.lcm(4, 6), math.factorial(10), math.comb(5, 2), math.perm(5, 2), math.isqrt(99))
print(math.isclose(1.0, 1.0 + 1e-10), math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1.0))
print(round(math.sin(math.pi / 6), 10), math.cos(0), math.atan2(1, 0), math.hypot(3, 4), math.degrees(math.pi))
print(math.fsum([0.1] * 10), math.prod(range(1, 6)), math.copysign(1, -0.0), math.floor(-0.5))
try:
    math.sqrt(-1)
except ValueError as e:
    print(e)
try:
    math.log(0)
except ValueError as e:
    print(e)

# Expected output (checked with CPython 3.11):
# expect: 4.0 2 3 -2 3.141592653589793 2.718281828459045 inf
# expect: 3.0 2.0 10.0 1.0 8.0 2.0
# expect: 4 12 3628800 10 20 9
# expect: True True True True
# expect: 0.5 1.0 1.5707963267948966 5.0 180.0
# expect: 1.0 120 -1.0 -1
# expect: math domain error
# expect: math domain error
