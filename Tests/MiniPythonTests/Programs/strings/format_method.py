print("{} {}".format(1, 2), "{1} {0} {1}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{:>5}|{:<5}|{:^5}|".format("a", "b", "c"), "{:.3f}".format(2 / 3), "{0[1]} {1.real}".format([7, 8], 5))
print("{:,.2f}".format(1234567.891), "{!r}".format("s"), "{{}}".format(), "{:x}".format(255))
print("%s|%5s|%-5s|%.2f|%5.1f|%03d|%x|%o|%e|%%" % ("a", "b", "c", 3.14159, 2.25, 7, 255, 8, 1234.5))
print("%(a)s and %(b)d" % {"a": "x", "b": 3}, "%s" % (1,), "%s" % [1, 2], "%d items" % 3.7)
try:
    "{} {}".format(1)
except IndexError as e:
    print(e)
try:
    "%d %d" % (1,)
except TypeError as e:
    print(e)
try:
    "%d" % (1, 2)
except TypeError as e:
    print(e)
print("{0} {}".format(1, 2))

# Expected output (checked with CPython 3.11):
# expect: 1 2 b a b 1-2
# expect:     a|b    |  c  | 0.667 8 5
# expect: 1,234,567.89 's' {} ff
# expect: a|    b|c    |3.14|  2.2|007|ff|10|1.234500e+03|%
# expect: x and 3 1 [1, 2] 3 items
# expect: Replacement index 1 out of range for positional args tuple
# expect: not enough arguments for format string
# expect: not all arguments converted during string formatting
# expect error: ValueError: cannot switch from manual field specification to automatic field numbering
