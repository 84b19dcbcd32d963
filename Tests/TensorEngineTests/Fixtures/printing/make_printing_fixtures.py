"""Generate printing fixtures from real PyTorch.

Run with:  /work/venv-torch/bin/python make_printing_fixtures.py
Writes tensors.json (tensor reprs), sizes.json (torch.Size reprs) and floats.json
(Python float repr and format-spec outputs) next to this script.

Floating values are stored as the 16-hex-digit bit pattern of the IEEE double
(float32 values widened exactly), integers as decimal strings.
"""
import json
import math
import os
import random
import struct

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
DTYPES = {torch.float32: "float32", torch.float64: "float64", torch.int64: "int64",
          torch.int32: "int32", torch.uint8: "uint8", torch.bool: "bool"}


def hexbits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", float(x)))[0]


cases = []


def case(name, make, **opts):
    torch.manual_seed(len(cases) + 1)  # deterministic per case
    t = make()
    torch.set_printoptions(profile="default")
    if opts:
        torch.set_printoptions(**opts)
    try:
        text = repr(t)
    finally:
        torch.set_printoptions(profile="default")
    flat = t.detach().reshape(-1)
    dt = DTYPES[t.dtype]
    if t.dtype.is_floating_point:
        values = [hexbits(v) for v in flat.double().tolist()]
    elif t.dtype == torch.bool:
        values = [bool(v) for v in flat.tolist()]
    else:
        values = [str(int(v)) for v in flat.tolist()]
    entry = {
        "name": name,
        "shape": list(t.shape),
        "dtype": dt,
        "values": values,
        "gradFn": type(t.grad_fn).__name__ if t.grad_fn is not None else None,
        "requiresGrad": bool(t.requires_grad),
        "isParameter": isinstance(t, torch.nn.Parameter),
        "options": {k: (("inf" if v == math.inf else v) if k == "threshold" else v) for k, v in opts.items()},
        "repr": text,
    }
    assert repr(t) == str(t)
    cases.append(entry)


T = torch.tensor
nan, inf = float("nan"), float("inf")

# --- random normals at many scales -------------------------------------------------
for e in range(-7, 10):
    s = 10.0 ** e
    case(f"randn5_scale1e{e}", lambda s=s: torch.randn(5) * s)
for e in [-5, -3, 0, 2, 4, 8]:
    s = 10.0 ** e
    case(f"randn3x4_scale1e{e}", lambda s=s: torch.randn(3, 4) * s)
case("randn_mixed_scales", lambda: torch.randn(6) * T([1e-3, 1., 1e3, 1e5, 1e-6, 10.]))
case("randn_float64", lambda: torch.randn(4, dtype=torch.float64))
case("randn_float64_2x3", lambda: torch.randn(2, 3, dtype=torch.float64) * 100)
case("randn_float64_sci", lambda: torch.randn(4, dtype=torch.float64) * 1e10)

# --- sci-mode boundaries -------------------------------------------------------------
case("sci_1e-4_and_1", lambda: T([1e-4, 1.]))
case("fixed_0.001_and_1", lambda: T([0.001, 1.]))
case("sci_1e-5_0.5", lambda: T([1e-5, 0.5]))
case("ratio_1000", lambda: T([1., 1000.5]))
case("ratio_1001", lambda: T([1.5, 1501.5]))
case("max_1e8", lambda: T([1e8, 1.5]))
case("max_above_1e8", lambda: T([1.0000001e8, 2.5]))
case("float64_1e-4", lambda: T([1e-4, 1.], dtype=torch.float64))
case("float64_0.001", lambda: T([0.001, 1.], dtype=torch.float64))
case("small_and_zero", lambda: T([0., 1e-6, -2e-6]))

# --- integer-valued floats -----------------------------------------------------------
case("int_valued", lambda: T([1., 2., 300.]))
case("int_valued_nan_inf", lambda: T([1., nan, inf, -2.]))
case("arange_float", lambda: torch.arange(10.))
case("int_valued_big_sci", lambda: T([1e9, 3., -7.]))
case("int_valued_1e8", lambda: T([1e8, 1.]))
case("int_valued_ratio_sci", lambda: T([1., 2000.]))
case("zeros3", lambda: torch.zeros(3))
case("neg_zero", lambda: T([-0., 1.]))
case("neg_zero_frac", lambda: T([-0., 0.5, -1.25]))
case("neg_zero_only", lambda: T([-0., 0.]))
case("ones_2x2", lambda: torch.ones(2, 2))
case("int_valued_negative", lambda: T([[-1., 20.], [300., -4000.]]))

# --- nan / inf ----------------------------------------------------------------------
case("nan_inf_only", lambda: T([nan, inf, -inf]))
case("nan_mixed", lambda: T([nan, 1.5, -inf, 0.25]))
case("inf_sci", lambda: T([inf, 1e-5, 3.]))
case("nan_div", lambda: T([0., 1.]) / 0)
case("nan_wide_int", lambda: T([nan, 1., 2.]))

# --- 0-dim ---------------------------------------------------------------------------
case("scalar_pi", lambda: T(3.14159265))
case("scalar_int", lambda: T(7))
case("scalar_two", lambda: T(2.))
case("scalar_nan", lambda: T(nan))
case("scalar_neg_inf", lambda: T(-inf))
case("scalar_small", lambda: T(1.5e-7))
case("scalar_bool", lambda: T(True))
case("scalar_int32", lambda: T(-5, dtype=torch.int32))
case("scalar_uint8", lambda: T(200, dtype=torch.uint8))
case("scalar_float64", lambda: T(2.718281828459045, dtype=torch.float64))
case("scalar_neg_zero", lambda: T(-0.))

# --- integer and bool dtypes ---------------------------------------------------------
case("int64_vec", lambda: T([1, 2, 300]))
case("int64_neg", lambda: T([[-1, 5], [100000, -42]]))
case("int64_extremes", lambda: T([2**63 - 1, -2**63, 0]))
case("int32_vec", lambda: T([1, -2, 3], dtype=torch.int32))
case("uint8_vec", lambda: T([0, 7, 255], dtype=torch.uint8))
case("bool_vec", lambda: T([True, False]))
case("bool_2x3", lambda: T([[True, False, True], [False, False, True]]))
case("randint_wide", lambda: torch.randint(-1000, 1000, (40,)))
case("arange_100", lambda: torch.arange(100))
case("float64_vec", lambda: T([1.5, 2.25, -3.125], dtype=torch.float64))
case("float64_int_valued", lambda: T([1., 2.], dtype=torch.float64))

# --- empty ---------------------------------------------------------------------------
case("empty_float", lambda: T([]))
case("empty_0x3", lambda: torch.zeros(0, 3))
case("empty_int32", lambda: T([], dtype=torch.int32))
case("empty_int64", lambda: T([], dtype=torch.int64))
case("empty_bool", lambda: T([], dtype=torch.bool))
case("empty_float64_2x0x3", lambda: torch.zeros(2, 0, 3, dtype=torch.float64))
case("empty_grad", lambda: torch.zeros(0, requires_grad=True))

# --- summarisation -------------------------------------------------------------------
case("randn_2000", lambda: torch.randn(2000))
case("randn_1000_full", lambda: torch.randn(1000))
case("randn_1001", lambda: torch.randn(1001))
case("randn_40x40", lambda: torch.randn(40, 40))
case("randn_3x400", lambda: torch.randn(3, 400))
case("randn_10x10x20", lambda: torch.randn(10, 10, 20))
case("arange_2000_int", lambda: torch.arange(2000))
case("zeros_1001", lambda: torch.zeros(1001))
case("randn_2x3x200_sci", lambda: torch.randn(2, 3, 200) * torch.logspace(-6, 6, 200))
case("summary_hidden_big_value", lambda: torch.cat([torch.ones(3), torch.full((1000,), 1e10), torch.ones(3) * 0.5]))
case("randn_500x4", lambda: torch.randn(500, 4) * 1000)
case("randn_7x7x7x7", lambda: torch.randn(7, 7, 7, 7))
case("bool_big", lambda: torch.rand(30, 40) > 0.5)
case("float64_big", lambda: torch.randn(1200, dtype=torch.float64))

# --- 3-d / 4-d -----------------------------------------------------------------------
case("randn_2x3x4", lambda: torch.randn(2, 3, 4))
case("randn_2x2x2x3", lambda: torch.randn(2, 2, 2, 3))
case("randn_2x3x4x5", lambda: torch.randn(2, 3, 4, 5) * 10)
case("int_3d", lambda: torch.arange(24).reshape(2, 3, 4))
case("shape_1x1x1", lambda: T([[[5.5]]]))
case("shape_3x1", lambda: torch.randn(3, 1))

# --- wrapping -----------------------------------------------------------------------
case("wide_30", lambda: torch.randn(30))
case("wide_2x25", lambda: torch.randn(2, 25))
case("wide_3x2x20_x100", lambda: torch.randn(3, 2, 20) * 100)
case("wide_float64_20", lambda: torch.randn(20, dtype=torch.float64))
case("wide_sci_15", lambda: torch.randn(15) * 1e-6)
case("wide_4d_2x2x2x30", lambda: torch.randn(2, 2, 2, 30))
case("wide_int_big", lambda: torch.randint(0, 10**12, (30,)))

# --- grad suffixes ------------------------------------------------------------------
def mul_f64_wide():
    x = torch.randn(2, 3, dtype=torch.float64, requires_grad=True)
    return x * 3
case("grad_mul_f64", mul_f64_wide)
def mul_f64_wider():
    x = torch.randn(2, 6, dtype=torch.float64, requires_grad=True)
    return x * 3
case("grad_mul_f64_wider", mul_f64_wider)
case("requires_grad_leaf", lambda: torch.randn(3, requires_grad=True))
case("requires_grad_wide", lambda: torch.randn(4, 6, requires_grad=True))
case("grad_add", lambda: torch.randn(4, requires_grad=True) + 1)
case("grad_sum_scalar", lambda: torch.randn(4, requires_grad=True).sum())
case("grad_mean_scalar", lambda: torch.randn(4, 4, requires_grad=True).mean())
def long_name():
    x = torch.randn(3, 7, requires_grad=True)
    return torch.nn.functional.binary_cross_entropy_with_logits(x, torch.rand(3, 7), reduction="none")
case("grad_bce_logits", long_name)
def mm_case():
    a = torch.randn(3, 5, requires_grad=True)
    return a @ torch.randn(5, 9)
case("grad_mm", mm_case)
def float64_leaf_wide():
    return torch.randn(3, 5, dtype=torch.float64, requires_grad=True)
case("requires_grad_f64", float64_leaf_wide)
def int_valued_grad():
    return torch.ones(3, requires_grad=True) * 2
case("grad_int_valued", int_valued_grad)
def sum_f64():
    return torch.randn(3, dtype=torch.float64, requires_grad=True).sum()
case("grad_sum_f64", sum_f64)
def big_grad():
    return torch.randn(50, 50, requires_grad=True).relu()
case("grad_relu_big", big_grad)
def linear_out():
    torch.manual_seed(5)
    lin = torch.nn.Linear(4, 3)
    return lin(torch.randn(2, 4))
case("grad_addmm", linear_out)

# --- Parameter ---------------------------------------------------------------------
def param():
    torch.manual_seed(3)
    return torch.nn.Linear(4, 3).weight
case("parameter_weight", param)
case("parameter_bias", lambda: torch.nn.Parameter(torch.zeros(3)))
case("parameter_no_grad", lambda: torch.nn.Parameter(torch.randn(2), requires_grad=False))
case("parameter_f64", lambda: torch.nn.Parameter(torch.randn(2, 8, dtype=torch.float64)))

# --- print option variants -----------------------------------------------------------
case("opt_precision2", lambda: torch.randn(5), precision=2)
case("opt_precision8", lambda: torch.randn(5), precision=8)
case("opt_precision0", lambda: torch.randn(5) * 10, precision=0)
case("opt_precision10_f64", lambda: torch.randn(3, dtype=torch.float64), precision=10)
case("opt_sci_true", lambda: torch.randn(4), sci_mode=True)
case("opt_sci_true_int_valued", lambda: T([1., 2., 300.]), sci_mode=True)
case("opt_sci_true_zeros", lambda: torch.zeros(3), sci_mode=True)
case("opt_sci_false", lambda: T([1e-5, 0.5, 1e9]), sci_mode=False)
case("opt_sci_false_int_big", lambda: T([1e10, 1.]), sci_mode=False)
case("opt_threshold5", lambda: torch.arange(10), threshold=5)
case("opt_threshold5_float", lambda: torch.randn(3, 4), threshold=5)
case("opt_edgeitems1", lambda: torch.randn(2000), edgeitems=1)
case("opt_edgeitems1_2d", lambda: torch.randn(40, 40), edgeitems=1)
case("opt_edgeitems5", lambda: torch.randn(20, 60), edgeitems=5)
case("opt_edgeitems0_1d", lambda: torch.arange(2000.), edgeitems=0)
case("opt_edgeitems0_2d", lambda: torch.randn(40, 40), edgeitems=0)
case("opt_edgeitems0_small", lambda: torch.randn(3), edgeitems=0)
case("opt_edgeitems0_scalar", lambda: T(1.), edgeitems=0)
case("opt_linewidth40", lambda: torch.randn(3, 12), linewidth=40)
case("opt_linewidth120", lambda: torch.randn(3, 30), linewidth=120)
case("opt_linewidth10", lambda: torch.randn(2, 2, 4), linewidth=10)
case("opt_linewidth40_suffix", lambda: torch.randn(2, 3, dtype=torch.float64, requires_grad=True) * 2, linewidth=40)
case("opt_profile_short", lambda: torch.randn(2000), profile="short")
case("opt_profile_full", lambda: torch.randn(1200), profile="full")
case("opt_profile_full_2d", lambda: torch.arange(1100).reshape(11, 100), profile="full")
case("opt_threshold_int_values", lambda: torch.randn(2, 3, 4), threshold=10, edgeitems=1)

# --- random mixtures (shapes, dtypes, scales, specials, options, grads) ----------------
def random_case(rng):
    nd = rng.choice([0, 1, 1, 2, 2, 3, 4])
    shape = [rng.choice([1, 2, 3, 5, 7, 8]) if rng.random() < 0.9 else rng.choice([0, 30]) for _ in range(nd)]
    dt = rng.choice([torch.float32] * 5 + [torch.float64] * 2 + [torch.int64, torch.int32, torch.uint8, torch.bool])
    n = math.prod(shape)
    if dt.is_floating_point:
        kind = rng.random()
        if kind < 0.5:
            t = torch.randn(shape, dtype=dt) * 10 ** rng.uniform(-9, 11)
        elif kind < 0.7:
            t = torch.randint(-1000, 1000, shape).to(dt) * rng.choice([1, 1e6, 1e9])
        elif n:
            scales = torch.logspace(rng.uniform(-8, 0), rng.uniform(0, 9), n, dtype=dt).reshape(shape)
            t = torch.randn(shape, dtype=dt) * scales
        else:
            t = torch.zeros(shape, dtype=dt)
        if n and rng.random() < 0.2:
            flat = t.reshape(-1).clone()
            for _ in range(rng.randint(1, 3)):
                flat[rng.randrange(n)] = rng.choice([math.nan, math.inf, -math.inf, 0.0, -0.0])
            t = flat.reshape(shape)
    elif dt == torch.bool:
        t = torch.rand(shape) > 0.5
    else:
        hi = {torch.uint8: 256, torch.int32: 2 ** 31 - 1, torch.int64: 2 ** 62}[dt]
        lo = 0 if dt == torch.uint8 else -rng.choice([10, 1000, hi])
        t = torch.randint(lo, hi if dt != torch.int64 else rng.choice([10, 10 ** 6, hi]), shape, dtype=dt)
    opts = {}
    if rng.random() < 0.4:
        for k, vals in [("precision", [0, 1, 2, 6, 8]), ("threshold", [5, 20, 100]), ("edgeitems", [0, 1, 2, 4]),
                        ("linewidth", [10, 30, 60, 120]), ("sci_mode", [True, False]), ("profile", ["short", "full"])]:
            if rng.random() < 0.3:
                opts[k] = rng.choice(vals)
    if dt.is_floating_point and rng.random() < 0.3:
        r = rng.random()
        if r < 0.4:
            t = t.clone().requires_grad_(True)
        elif r < 0.8:
            t = t.clone().requires_grad_(True) * 1
        else:
            t = torch.nn.Parameter(t.clone())
    return t, opts


mix_rng = random.Random(2024)
for i in range(150):
    t_opts = random_case(mix_rng)
    case(f"random_mix_{i}", lambda t_opts=t_opts: t_opts[0], **t_opts[1])

# --- torch.Size ---------------------------------------------------------------------
sizes = [{"shape": list(s), "repr": repr(torch.Size(s))} for s in
         [(), (0,), (5,), (2, 3), (1, 2, 3, 4), (0, 3), (10, 10, 20)]]

# --- Python floats ------------------------------------------------------------------
rng = random.Random(1234)
floats = [0.0, -0.0, 1.0, -1.0, 2.0, 100.0, 0.1, 0.2, 0.3, 0.1 + 0.2, 1 / 3, 2 / 3,
          1e16, 1e16 - 2, 1e16 + 2, 9007199254740992.0, 9007199254740993.0 - 1, 9953539463839744.0,
          1e15, 123456789012345678.0, 1e22, 1e23, 1e-4, 1e-5, 0.0001, 0.00011, 9.999999999999999e-05,
          0.001, 5e-324, 1e-323, 2.2250738585072014e-308, 2.2250738585072009e-308, 1.7976931348623157e308,
          -1.7976931348623157e308, math.inf, -math.inf, math.nan, math.pi, math.e, 0.5, 1.5, 2.5, 3.5,
          -0.5, 0.125, 0.375, 0.03125, 1.03125, 0.00005, 0.00015, 0.00025, 1.00005, 2.675, 1e100,
          1.5e300, 12345.678, 99999.99995, 0.99995, 9.5, 10.5, -2.5e-7, 4.35, 0.045, 1234567.0, 2 ** 53,
          2 ** 63, 2 ** 64, float(2 ** 70), 1e17, 1.25e16, 1e-7, 1.2345e-6]
for e in range(-12, 25):
    floats.append(10.0 ** e)
    floats.append(-(10.0 ** e) * 1.5)
for _ in range(200):  # random bit patterns
    floats.append(struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0])
for _ in range(150):  # log-uniform magnitudes
    floats.append(rng.choice([-1, 1]) * 10 ** rng.uniform(-30, 30))
for x in torch.randn(150).mul(torch.logspace(-8, 10, 150)).double().tolist():  # float32 widened
    floats.append(x)
for _ in range(50):  # integers as floats
    floats.append(float(rng.randint(-10 ** 18, 10 ** 18)))
floats.append(struct.unpack("<d", struct.pack("<Q", 0xFFF8000000000000))[0])  # negative NaN
floats = [float(x) for x in floats]  # 2 ** 53 etc. are ints until converted
SPECS = {"repr": repr, "%.4f": lambda x: "%.4f" % x, "{:.4e}": "{:.4e}".format, "{:.3f}": "{:.3f}".format,
         "{:.0f}": "{:.0f}".format, "{:.2e}": "{:.2e}".format, "{:.8f}": "{:.8f}".format,
         "{:g}": "{:g}".format, "{:.3g}": "{:.3g}".format, "{:.10e}": "{:.10e}".format}
float_cases = [{"bits": hexbits(x), **{k: f(x) for k, f in SPECS.items()}} for x in floats]


def dump(name, obj):
    with open(os.path.join(HERE, name), "w") as f:  # one record per line
        f.write("[\n" + ",\n".join(json.dumps(o) for o in obj) + "\n]\n")


dump("tensors.json", cases)
dump("sizes.json", sizes)
dump("floats.json", float_cases)
print(len(cases), "tensor cases,", len(sizes), "sizes,", len(float_cases), "floats")
