x, name, items = 3.14159, "net", [1, 2, 3]
print(f"{x:.2f} {x:10.3f}| {x:<10.1f}| {x:^9.2f}| {x:+.1e} {x:08.3f}")
print(f"{42:5d}|{42:<5d}|{42:^5}|{42:05d}|{-42:+d}|{1234567:,}|{1234567:_}|{255:#x}|{255:08b}|{8:o}")
print(f"{name!r} {name!s} {name:>6} {name:*<6} {len(items)} {items[1]} {items!r}")
print(f"{0.25:%} {0.25:.1%} {1e-7:g} {123456789.0:g} {1.5e300:e} {100:.3}")
w, p = 8, 2
print(f"[{x:{w}.{p}f}] {{literal}} {'nested' + '!'} {x=:.1f} {w=}")
print(f"{True} {None} {3 > 2} {[i * i for i in range(3)]} {dict(a=1)}")
print(f"{'a' if x > 3 else 'b'} {x:.0f}")

# Expected output (checked with CPython 3.11):
# expect: 3.14      3.142| 3.1       |   3.14   | +3.1e+00 0003.142
# expect:    42|42   | 42  |00042|-42|1,234,567|1_234_567|0xff|11111111|10
# expect: 'net' net    net net*** 3 2 [1, 2, 3]
# expect error: ValueError: Precision not allowed in integer format specifier
