#!/usr/bin/env python3
"""Generates numbers.json: Python 3.11 int/float semantics fixtures for MiniPythonTests.

Each case is a JSON list: [op, [args...], result] on success or
[op, [args...], null, ExceptionClass, message] when Python raises.
Values are tagged strings: "i:<decimal>" (int), "f:<16 hex digits>" (float bit pattern),
"s:<text>" (str), "b:True"/"b:False"; tuples are JSON lists.

Run: python3 make_number_fixtures.py   (writes numbers.json next to this script)
"""
import json
import math
import os
import random
import struct
import sys

assert sys.version_info[:2] == (3, 11), "fixtures are pinned to CPython 3.11"

rng = random.Random(20240611)


def enc(v):
    if isinstance(v, bool):
        return "b:" + str(v)
    if isinstance(v, int):
        sys.set_int_max_str_digits(0)
        try:
            return "i:" + str(v)
        finally:
            sys.set_int_max_str_digits(4300)
    if isinstance(v, float):
        return "f:" + struct.pack(">d", v).hex()
    if isinstance(v, str):
        return "s:" + v
    if isinstance(v, tuple):
        return [enc(x) for x in v]
    raise TypeError(type(v))


cases = []


def add(op, args, fn):
    case = [op, [enc(a) for a in args]]
    try:
        r = fn(*args)
    except (ZeroDivisionError, OverflowError, ValueError, TypeError) as e:
        case += [None, type(e).__name__, str(e)]
    else:
        if isinstance(r, complex):
            return  # Swift raises ValueError instead of returning complex numbers
        case.append(enc(r))
    cases.append(case)


def rand_int(maxbits=300):
    kind = rng.random()
    if kind < 0.25:
        v = rng.randint(-1000, 1000)
    elif kind < 0.45:
        v = rng.randint(-(2**64), 2**64)
    elif kind < 0.6:
        v = rng.choice([2**63, 2**63 - 1, -(2**63), -(2**63) - 1, 2**64, 2**64 - 1, -(2**64), 2**53, 2**53 + 1, 0, 1, -1])
        v += rng.randint(-2, 2)
    else:
        bits = rng.randint(1, maxbits)
        v = rng.getrandbits(bits)
        if rng.random() < 0.3:  # runs of ones/zeros stress carries
            v |= (1 << rng.randint(0, bits)) - 1
        if rng.random() < 0.5:
            v = -v
    return v


def rand_float():
    kind = rng.random()
    if kind < 0.3:
        return round(rng.uniform(-1000, 1000), rng.randint(0, 6))
    if kind < 0.5:
        return rng.uniform(-1e6, 1e6)
    if kind < 0.65:
        return float(rng.randint(-50, 50)) / rng.choice([1, 2, 4, 8, 10, 3])
    if kind < 0.8:
        return math.ldexp(rng.random(), rng.randint(-1074, 1024)) * rng.choice([1, -1])
    return rng.choice([0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.1, 1e16, 1e-5, 1e15, 9007199254740993.0,
                       float("inf"), float("-inf"), float("nan"), 5e-324, 1.7976931348623157e308,
                       2.675, 0.125, 1e22, 123456789.125, 1e-7, 0.0001, 100.0, 1e300, 2.0**63])


# ---------------------------------------------------------------- int arithmetic
binops = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "floordiv": lambda a, b: a // b,
    "mod": lambda a, b: a % b,
    "divmod": lambda a, b: divmod(a, b),
    "truediv": lambda a, b: a / b,
    "and": lambda a, b: a & b,
    "or": lambda a, b: a | b,
    "xor": lambda a, b: a ^ b,
    "cmp": lambda a, b: (a > b) - (a < b),
}
for _ in range(150):
    a, b = rand_int(200), rand_int(200)
    if rng.random() < 0.1:
        b = 0
    if rng.random() < 0.15:
        b = rng.randint(-20, 20)
    for name, fn in binops.items():
        add("int_" + name, (a, b), fn)
# true division of huge ints (correct rounding, overflow, underflow)
for _ in range(100):
    a = rng.getrandbits(rng.randint(1, 1150)) * rng.choice([1, -1])
    b = rng.getrandbits(rng.randint(1, 1150)) * rng.choice([1, -1]) or 7
    add("int_truediv", (a, b), lambda a, b: a / b)
for a, b in [(0, -5), (2**1024, 1), (2**1024 - 1, 1), (2**1100, 2**76), (1, 2**1074), (1, 2**1075), (3, 2**1076),
             (2**53 + 1, 1), (10**400, 10**399), (-(10**30), 7), (1, 3)]:
    add("int_truediv", (a, b), lambda a, b: a / b)

for _ in range(150):
    a = rand_int(200)
    e = rng.choice([0, 1, 2, 3, 5, 7, 10, 31, 63, 64, 65, 100, rng.randint(0, 40), -1, -2, -3])
    if rng.random() < 0.3:
        a = rng.randint(-12, 12)
    add("int_pow", (a, e), lambda a, b: a ** b)
for a, e in [(0, -1), (0, 0), (2, 1023), (2, 1024), (-2, 1023), (10, -400), (2, -1075), (10, 30), (-1, 2**70), (1, 2**70)]:
    add("int_pow", (a, e), lambda a, b: a ** b)
for _ in range(100):
    a, e, m = rand_int(150), rng.randint(-3, 200), rand_int(100)
    if rng.random() < 0.2:
        m = rng.randint(-30, 30)
    add("int_powmod", (a, e, m), lambda a, e, m: pow(a, e, m))

for _ in range(200):
    a = rand_int()
    s = rng.choice([0, 1, 2, 63, 64, 65, 127, 128, rng.randint(0, 300), -1, 1000])
    add("int_lshift", (a, s), lambda a, b: a << b)
    add("int_rshift", (a, s), lambda a, b: a >> b)

unops = {
    "neg": lambda a: -a,
    "invert": lambda a: ~a,
    "abs": lambda a: abs(a),
    "hash": lambda a: hash(a),
    "str": lambda a: str(a),
    "hex": lambda a: hex(a),
    "oct": lambda a: oct(a),
    "bin": lambda a: bin(a),
    "bit_length": lambda a: a.bit_length(),
    "float": lambda a: float(a),
}
for _ in range(150):
    a = rand_int(600 if rng.random() < 0.1 else 250)
    for name, fn in unops.items():
        add("int_" + name, (a,), fn)
for a in [-1, -2, 2**61 - 1, 2**61 - 2, 2**61, -(2**61 - 1), 2**64, -(2**64), 2**1024 - 2**970, 2**1024 - 2**971,
          2**1023, -(2**1024), 10**4300, -(10**4299), 10**4300 - 1, 2**53 + 1, 2**54 + 3]:
    for name in (("str",) if a.bit_length() > 5000 else ("hash", "str", "float")):
        add("int_" + name, (a,), unops[name])
for _ in range(80):
    a, n = rand_int(120), rng.randint(-45, 5)
    add("int_round", (a, n), lambda a, n: round(a, n))
for a, n in [(250, -2), (350, -2), (-250, -2), (5, -1), (15, -1), (-15, -1), (12345, -10), (10**30 + 5 * 10**9, -10)]:
    add("int_round", (a, n), lambda a, n: round(a, n))

# ---------------------------------------------------------------- int() parsing
parse_inputs = ["0", "-0", "+7", " 42 ", "\t-17\n", "1_000", "1__0", "_1", "1_", "abc", "", " ", "0x1f", "0X1F",
                "0o17", "0b101", "0b", "0x_ff", "0_0", "00", "010", "1e5", "1.5", "12", "ff", "FF", "z", "Z",
                "-0x_1f", "9" * 30, "-" + "7" * 40, "1" * 4300, "1" * 4301, "١٢٣", "12 34", "+-1", "--1", "0x",
                "0b_1_0", "0b__1", "'quote'", "a\"b", "é9", "1\u00a0"]
for s in parse_inputs:
    for base in ((10, 16) if len(s) > 100 else (10, 0, 16, 8, 2, 36, 7, 1, 37)):
        add("int_parse", (s, base), lambda s, b: int(s, b))
for _ in range(120):
    v = rand_int(400)
    base = rng.choice([2, 3, 8, 10, 16, 36, 0, 5, 12])
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    m, out = abs(v), ""
    b = base or 10
    while True:
        m, r = divmod(m, b)
        out = digits[r] + out
        if m == 0:
            break
    if rng.random() < 0.3:
        out = out.upper()
    if rng.random() < 0.2 and len(out) > 3:
        k = rng.randint(1, len(out) - 1)
        out = out[:k] + "_" + out[k:]
    s = ("-" if v < 0 else "") + out
    add("int_parse", (s, base), lambda s, b: int(s, b))

# ---------------------------------------------------------------- float() parsing
float_inputs = ["abc", "", " ", "1_0.5", "1_.5", "1e400", "-1e400", "-nan", " -Infinity ", "0x1p3", "1e_5", "1_e5",
                ".5", "5.", ".", "1e", "infinit", "nAn", "+inf", "INF", "١.٥", "1__0", "1_000.000_1e1_0", "2.5e-3",
                "-0", "-0.0", "+.5e+5", "1e-400", "4.9e-324", "2.4703282292062328e-324", "1.7976931348623158e308",
                "0.1", "123456789012345678901234567890", "1e+", "e5", "--1", "1.5.", " 7 ", "\t3.25\n", "_1", "1_",
                "1.2e3_4", "9007199254740993", "0.30000000000000004", "1,5", "1 5", "'x'"]
for _ in range(60):
    d = rand_float()
    float_inputs.append(rng.choice([repr(d), format(d, ".17g"), format(d, ".3e"), str(rng.randint(-10**20, 10**20))]))
for s_ in float_inputs:
    add("float_parse", (s_,), lambda s: float(s))

# ---------------------------------------------------------------- float ops
fbin = {
    "floordiv": lambda a, b: a // b,
    "mod": lambda a, b: a % b,
    "divmod": lambda a, b: divmod(a, b),
    "truediv": lambda a, b: a / b,
    "pow": lambda a, b: a ** b,
}
for _ in range(200):
    a, b = rand_float(), rand_float()
    if rng.random() < 0.08:
        b = 0.0
    for name, fn in fbin.items():
        add("float_" + name, (a, b), fn)
pow_specials = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, -3.0, 1.5, float("inf"), float("-inf"), float("nan"),
                1e308, -1e308, 1e-308]
for a in pow_specials:
    for b in pow_specials:
        add("float_pow", (a, b), fbin["pow"])
for a, b in [(-7.0, 2.0), (7.0, -2.0), (-7.0, -2.0), (-0.0, 5.0), (5.0, -0.0), (1e300, 1e-300), (-1e-300, 1e300),
             (0.3, 0.1), (-0.3, 0.1), (float("inf"), 2.0), (2.0, float("inf")), (-2.0, float("inf"))]:
    for name, fn in fbin.items():
        add("float_" + name, (a, b), fn)

fun = {
    "repr": lambda a: repr(a),
    "hash": lambda a: 0 if a != a else hash(a),
    "int": lambda a: int(a),
    "round0": lambda a: round(a),
    "floor": lambda a: math.floor(a),
    "ceil": lambda a: math.ceil(a),
    "is_integer": lambda a: a.is_integer(),
}
repr_specials = [1e16, 1e15, 9953539463839744.0, 1e-5, 1e-4, 0.0001234, 123456789012345678.0, 0.1, 0.2 + 0.1, 1 / 3,
                 2e16 + 8, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 1e22, 1e23, 100.0, -0.0,
                 float("inf"), float("-inf"), float("nan"), 0.5, 2.5, 3.5, -2.5, 1e100, 12345.678, 4.35, 0.30000000000000004]
for a in [rand_float() for _ in range(120)] + repr_specials + [rng.uniform(-1, 1) * 10 ** rng.randint(-30, 30) for _ in range(100)]:
    for name, fn in fun.items():
        add("float_" + name, (a,), fn)
for _ in range(260):
    a = rand_float() if rng.random() < 0.6 else round(rng.uniform(-100, 100), rng.randint(1, 4))
    n = rng.choice([0, 1, 2, 3, 4, 5, -1, -2, -3, 10, 17, 300, 400, -400, -308, rng.randint(-20, 20)])
    add("float_round", (a, n), lambda a, n: round(a, n))
for a, n in [(2.675, 2), (0.125, 2), (0.375, 2), (2.5, 0), (-0.4, 0), (1.7e308, -308), (1.5e308, -307), (5e-324, 400),
             (123.456, -1), (125.0, -1), (135.0, -1), (0.5, 0), (-0.5, 0), (1e-320, 320)]:
    add("float_round", (a, n), lambda a, n: round(a, n))

# mixed int/float comparison
for _ in range(250):
    i = rand_int(1100) if rng.random() < 0.4 else rand_int()
    f = rand_float() if rng.random() < 0.5 else (float(i) if abs(i) < 2**1000 else rand_float())
    if rng.random() < 0.2 and abs(i) < 2**1000:
        f = float(i) + rng.choice([0.5, -0.5, 1.0, -1.0, 0.0])
    add("cmp_int_float", (i, f), lambda i, f: "nan" if f != f else (i > f) - (i < f))
for i, f in [(2**53 + 1, 2.0**53), (2**53, 2.0**53), (2**1024, float("inf")), (-(2**1024), float("-inf")),
             (2**1023, 2.0**1023), (2**1023 + 1, 2.0**1023), (-(2**1023) - 1, -(2.0**1023)), (3, 3.5), (-3, -3.5), (0, -0.0)]:
    add("cmp_int_float", (i, f), lambda i, f: "nan" if f != f else (i > f) - (i < f))

# ---------------------------------------------------------------- format()
int_specs = ["", "d", ",", "_", ",d", "_d", "10", "<10", ">10", "^10", "=10", "*^12", "0>8", "010", "010,", "012_",
             "+", "-", " ", "+d", " 10", "+010", "#x", "#X", "#o", "#b", "x", "X", "o", "b", "_x", "_b", "#_x", "#012x",
             "#012_b", "c", "5c", "<3c", "n", "010n", "e", ".3e", "f", ".2f", "g", ".3g", "%", ".1%", "E", "G", "F",
             "+.2f", "z", ".2d", ",x", ",_", "_,", "q", "abc", "#c", "+c", "0=20,", "x<15,", "012,.3f", "-^15,", "=+12",
             "08.3e", ",.2f", ",g", "#10x", "=#10x", "0^9", "0<9", "1=7", ".", "99999999999999999999999", "_o", "#_o", "#n",
             ",n", "-010", " #x"]
int_values = [0, 1, -1, 7, -7, 42, 65, 255, -255, 1234, -1234, 123456789, -987654321, 1000000, 2**31, 2**63 - 1,
              -(2**63), 2**64, 2**100, -(2**100), 10**30, 0x10FFFF, 0x110000, 10**60]
for spec in int_specs:
    for v in int_values:
        if rng.random() < 0.35 or v in (0, -7, 1234, 2**100):
            add("format_int", (v, spec), lambda v, s: format(v, s))

float_specs = ["", "f", ".0f", ".1f", ".2f", ".10f", ".20f", "e", ".0e", ".3e", "E", "g", ".0g", ".1g", ".3g", ".10g",
               ".17g", "G", "#g", "#.3g", "#.0f", "#.0e", "#", ".3", ".1", ".12", "n", ".3n", "%", ".1%", ".0%", ",",
               ",.2f", "_.3f", ",g", ",e", "10", "<12", ">12", "^12", "=12", "012", "012.3f", "0=12.2f", "*<12.2f",
               "+", "+.3f", " .3f", "-", "z", "z.1f", "z.0f", "+z.2f", "z.3g", "z,", "015,.2f", "020,", "x^20.4e", "F",
               ".2F", "d", "x", "c", "abc", ",n", "_g", "#.1", "#10.0f", ".30e", ".50f", "0>10", "+015.4e", "0<10"]
float_values = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 3.14159265358979, -2.718281828459045, 0.1, 1 / 3, 123456.789,
                -987654.321, 1e16, 1e15, 1e-5, 1e-4, 1.5e-7, 1e100, 1.7976931348623157e308, 5e-324, 2.675, 0.0005,
                0.00049, 999.9999, 9.9999, 99999.95, 1234567890123.0, float("inf"), float("-inf"), float("nan"),
                -0.0001, 12345678901234567890.0, 0.999, 100.0, 1e22, -1e-10]
for spec in float_specs:
    for v in float_values:
        if rng.random() < 0.3 or v in (0.0, -0.0, 1234567890123.0, 0.1, float("inf")):
            add("format_float", (v, spec), lambda v, s: format(v, s))
for _ in range(120):
    v = rand_float()
    spec = rng.choice(float_specs)
    add("format_float", (v, spec), lambda v, s: format(v, s))

# random combinations of every spec field
def rand_spec(float_types):
    spec = ""
    if rng.random() < 0.4:
        if rng.random() < 0.5:
            spec += rng.choice("*0x ~")
        spec += rng.choice("<>^=")
    if rng.random() < 0.4:
        spec += rng.choice("+- ")
    if float_types and rng.random() < 0.15:
        spec += "z"
    if rng.random() < 0.2:
        spec += "#"
    if rng.random() < 0.25:
        spec += "0"
    if rng.random() < 0.6:
        spec += str(rng.randint(1, 25))
    if rng.random() < 0.3:
        spec += rng.choice(",_")
    if float_types and rng.random() < 0.6:
        spec += "." + str(rng.randint(0, 12))
    types = "eEfFgGn%" if float_types else "bdoxXn"
    if rng.random() < 0.85:
        spec += rng.choice(types + ("" if float_types else "eEfFgG%"))
    return spec


for _ in range(450):
    add("format_float", (rand_float(), rand_spec(True)), lambda v, s: format(v, s))
for _ in range(350):
    add("format_int", (rand_int(100), rand_spec(False)), lambda v, s: format(v, s))

# ---------------------------------------------------------------- % formatting
pct_templates = ["%d", "%5d", "%-5d|", "%05d", "%-05d|", "%+d", "% d", "%+05d", "%.3d", "%8.3d", "%x", "%X", "%#x",
                 "%#X", "%#o", "%o", "%#010x", "%-#10x|", "%+#010x", "%#.5x", "%i", "%u", "%ld", "%s", "%r", "%5s",
                 "%-5s|", "%.2s", "%f", "%.2f", "%5.2f", "%-8.2f|", "%08.2f", "%+.3f", "% .3f", "%e", "%.3e", "%E",
                 "%g", "%.3g", "%G", "%#g", "%#.0f", "%10.4g", "%c", "%%", "%d%%", "%s and %s", "%*d", "%-*d|",
                 "%.*f", "%*.*f|", "%q", "%", "%d %d", "x=%a", "%(a)s", "% 010.2e", "%010f", "%-010f|"]
pct_values = [0, 7, -7, 255, 65, 1234567, -(2**70), 2**64, 3.14159, -2.5, 0.0, -0.0, 1e16, 1e-7, float("inf"), float("nan"),
              True, "abc", "it's", 1.999]
for t in pct_templates:
    for v in pct_values:
        if "*" in t:
            n = t.count("*")
            args = tuple([rng.choice([-8, 3, 10])] * n + [v])
        elif t.count("%") - 2 * t.count("%%") >= 2:
            args = (v, v)
        elif t in ("%%",):
            args = ()
        else:
            args = (v,)
        if rng.random() < 0.45 or v in (7, -7, 3.14159, "abc"):
            case = ["percent", ["s:" + t, [enc(a) for a in args]]]
            try:
                r = t % args
            except (ZeroDivisionError, OverflowError, ValueError, TypeError) as e:
                case += [None, type(e).__name__, str(e)]
            else:
                case.append(enc(r))
            cases.append(case)

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "numbers.json")
with open(out, "w") as f:
    f.write("[\n")
    f.write(",\n".join(json.dumps(c, separators=(",", ":"), ensure_ascii=False) for c in cases))
    f.write("\n]\n")
print(len(cases), "cases,", os.path.getsize(out), "bytes")
