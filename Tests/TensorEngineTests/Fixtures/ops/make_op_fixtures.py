"""Generate op conformance fixtures from real PyTorch.

Run with:  /work/venv-torch/bin/python make_op_fixtures.py
Writes one JSON file per op family next to this script (creation.json,
elementwise.json, comparison.json, reduction.json, linalg.json, shape.json,
indexing.json, autograd.json, errors.json).

Case format (every key short to keep the files small):
  id     unique name, "<op>/<description>"
  op     op name; the Swift tests map it to the engine call (OpRegistry)
  in     input specs: {dt, sh, v, r?, rg?, vsh?, vst?}
           dt  dtype name; sh base shape; v flat row-major base values
           r   layout recipe applied to the base: [["transpose",d0,d1],
               ["slice",dim,start,stop,step], ["expand",[sizes]],
               ["permute",[dims]], ["select",dim,i], ["unsqueeze",d], ["clone"]]
           rg  the base is a leaf with requires_grad=True
           vsh/vst  shape and strides after the recipe (checked too)
  a      op arguments; Python numbers passed as PyTorch scalars are tagged
         {"i": int} / {"f": "repr"} / {"b": bool}; dtypes are {"dtype": name}
  out    output specs {dt, sh, v, repr, st?, fn?, al?} or {"py": value};
           st  repr is stable under 4e-6 relative perturbation (compare it
               even when values differ in the last bits)
           fn  grad_fn name (null when the output needs no grad)
           al  the output shares storage with input 0
  err    {"type": "RuntimeError", "msg": "..."} when PyTorch raises
  g      gradients of L = sum_i (out_i * w_i).sum() w.r.t. each rg base
         (null for inputs without rg), where out_i ranges over the floating
         outputs that require grad and w_i[k] = 0.5 * (k % 5 + 1)
Values: floats as strings (shortest repr of the value in its dtype, "nan",
"inf", "-inf"), integers as JSON numbers (strings beyond 2^53), bools as JSON
booleans.
Autograd scenarios (autograd.json) carry "sc" (scenario name) and "res"
(named results) instead of op/out; see OpFixtureAutograd.swift.
"""
import json
import math
import os

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
f32, f64, i64, i32, u8, b8 = torch.float32, torch.float64, torch.int64, torch.int32, torch.uint8, torch.bool
DTS = [f32, f64, i64, i32, u8, b8]
DT = {f32: "float32", f64: "float64", i64: "int64", i32: "int32", u8: "uint8", b8: "bool"}
TD = {v: k for k, v in DT.items()}


class S:
    """A Python number passed where PyTorch takes a Scalar."""
    def __init__(self, v):
        self.v = v


def enc_double(x, dtype=f64):
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if dtype == f32:
        return str(np.float32(x))
    return repr(x)


def enc_int(x):
    x = int(x)
    return x if abs(x) < 2 ** 53 else str(x)


def enc_py(v):
    if isinstance(v, bool):
        return {"b": v}
    if isinstance(v, int):
        return {"i": enc_int(v)}
    if isinstance(v, float):
        return {"f": enc_double(v)}
    if isinstance(v, (list, tuple)):
        return [enc_py(e) for e in v]
    if v is None:
        return None
    raise TypeError(type(v))


def enc_arg(v):
    if isinstance(v, S):
        return enc_py(v.v)
    if isinstance(v, torch.dtype):
        return {"dtype": DT[v]}
    if isinstance(v, (list, tuple)):
        return [enc_arg(e) for e in v]
    if isinstance(v, float):
        return {"f": enc_double(v)}
    return v


def raw(v):
    if isinstance(v, S):
        return v.v
    if isinstance(v, (list, tuple)):
        return [raw(e) for e in v]
    return v


def flat_values(t):
    t = t.detach()
    flat = t.reshape(-1).tolist() if t.dim() > 0 else [t.item()]
    if t.dtype.is_floating_point:
        return [enc_double(x, t.dtype) for x in flat]
    if t.dtype == b8:
        return [bool(x) for x in flat]
    return [enc_int(x) for x in flat]


# ---------------------------------------------------------------- inputs

class In:
    def __init__(self, values, dtype=None, shape=None, recipe=(), rg=None):
        base = values if isinstance(values, torch.Tensor) else torch.tensor(values, dtype=dtype)
        if dtype is not None:
            base = base.to(dtype)
        if shape is not None:
            base = base.reshape(shape)
        self.base = base.contiguous()
        self.recipe = [list(r) for r in recipe]
        self.rg = rg  # None: decided by the case (float inputs of differentiable ops)

    def build(self, rg):
        base = self.base.clone()
        if rg:
            base.requires_grad_()
        return base, apply_recipe(base, self.recipe)


def apply_recipe(t, recipe):
    for step in recipe:
        k = step[0]
        if k == "transpose":
            t = t.transpose(step[1], step[2])
        elif k == "slice":
            _, d, a, b, s = step
            idx = [slice(None)] * t.dim()
            idx[d] = slice(a, b, s)
            t = t[tuple(idx)]
        elif k == "expand":
            t = t.expand(*step[1])
        elif k == "permute":
            t = t.permute(*step[1])
        elif k == "select":
            t = t.select(step[1], step[2])
        elif k == "unsqueeze":
            t = t.unsqueeze(step[1])
        elif k == "clone":
            t = t.clone()
        else:
            raise ValueError(k)
    return t


def T(values, dtype=None, shape=None, rg=None):
    return In(values, dtype, shape, rg=rg)


def TR(values, dtype=f32, rg=None):
    """A transposed (non-contiguous) view whose logical value is `values` (2-D)."""
    m = torch.tensor(values, dtype=dtype)
    return In(m.transpose(-2, -1).contiguous(), dtype, recipe=[["transpose", -2, -1]], rg=rg)


def SL(values, dtype=f32, rg=None, fill=7):
    """A view with stride 2 along the last dim whose logical value is `values`."""
    m = torch.tensor(values, dtype=dtype)
    base = torch.stack([m, torch.full_like(m, fill)], dim=-1).reshape(*m.shape[:-1], 2 * m.shape[-1])
    return In(base, dtype, recipe=[["slice", -1, 0, None, 2]], rg=rg)


def EX(values, shape, dtype=f32, rg=None):
    """`values` expanded (stride 0) to `shape`."""
    return In(torch.tensor(values, dtype=dtype), dtype, recipe=[["expand", list(shape)]], rg=rg)


def spec_in(i, base, view):
    d = {"dt": DT[i.base.dtype], "sh": list(i.base.shape), "v": flat_values(i.base)}
    if i.recipe:
        d["r"] = i.recipe
        d["vsh"] = list(view.shape)
        d["vst"] = list(view.stride())
    if base.requires_grad:
        d["rg"] = True
    return d


# ---------------------------------------------------------------- outputs

def stable_repr(t):
    t = t.detach()
    r = repr(t)
    if not t.dtype.is_floating_point or t.numel() == 0:
        return True
    for f in (1 + 4e-6, 1 - 4e-6):
        if repr(t * f) != r:
            return False
    return True


def spec_out(t, x0):
    if not isinstance(t, torch.Tensor):
        return {"py": enc_py(t)}
    d = {"dt": DT[t.dtype], "sh": list(t.shape), "v": flat_values(t), "repr": repr(t)}
    if t.dtype.is_floating_point and not stable_repr(t):
        d["st"] = False
    d["fn"] = type(t.grad_fn).__name__ if t.grad_fn is not None else None
    if isinstance(x0, torch.Tensor) and t.numel() > 0 and x0.numel() > 0:
        d["al"] = t.untyped_storage().data_ptr() == x0.untyped_storage().data_ptr()
    return d


def weight(o):
    n = o.numel()
    w = torch.tensor([0.5 * (k % 5 + 1) for k in range(n)], dtype=o.dtype)
    return w.reshape(o.shape)


# ---------------------------------------------------------------- op table

UNARY = ["neg", "abs", "sign", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sqrt", "rsqrt",
         "reciprocal", "square", "sin", "cos", "tan", "tanh", "asin", "acos", "atan", "sinh", "cosh", "erf",
         "sigmoid", "relu", "floor", "ceil", "trunc", "frac"]


def index_tuple(xs, items):
    out = []
    for it in items:
        if it == "None":
            out.append(None)
        elif it == "...":
            out.append(Ellipsis)
        elif "int" in it:
            out.append(it["int"])
        elif "slice" in it:
            out.append(slice(*it["slice"]))
        elif "t" in it:
            out.append(xs[it["t"]])
    return tuple(out)


def _index_put(xs, a):
    xs[0][index_tuple(xs, a["idx"])] = xs[a["value"]]
    return xs[0]


def _sort(xs, a):
    """torch.sort without `stable=` (SortBackward0, the engine's node); checked to order ties stably."""
    kw = dict(dim=_opt(a, "dim", -1), descending=_opt(a, "descending", False))
    out = torch.sort(xs[0], **kw)
    ref = torch.sort(xs[0].detach(), stable=True, **kw)
    assert torch.equal(out.indices, ref.indices), "default sort is not stable here"
    return tuple(out)


def _opt(a, k, default=None):
    return a[k] if k in a else default


OPS = {
    # creation
    "zeros": lambda xs, a: torch.zeros(a["shape"], dtype=_opt(a, "dtype")),
    "ones": lambda xs, a: torch.ones(a["shape"], dtype=_opt(a, "dtype")),
    "full": lambda xs, a: torch.full(a["shape"], a["value"], dtype=_opt(a, "dtype")),
    "arange": lambda xs, a: torch.arange(a["start"], a["end"], a["step"], dtype=_opt(a, "dtype")),
    "linspace": lambda xs, a: torch.linspace(a["start"], a["end"], a["steps"], dtype=_opt(a, "dtype")),
    "eye": lambda xs, a: torch.eye(a["n"], a["m"] if _opt(a, "m") is not None else a["n"], dtype=_opt(a, "dtype")),
    "zeros_like": lambda xs, a: torch.zeros_like(xs[0], dtype=_opt(a, "dtype")),
    "ones_like": lambda xs, a: torch.ones_like(xs[0], dtype=_opt(a, "dtype")),
    "full_like": lambda xs, a: torch.full_like(xs[0], a["value"], dtype=_opt(a, "dtype")),
    "tensor": lambda xs, a: torch.tensor(a["data"], dtype=_opt(a, "dtype")),
    "to": lambda xs, a: xs[0].to(a["dtype"]),
    "clone": lambda xs, a: xs[0].clone(),
    "contiguous": lambda xs, a: xs[0].contiguous(),
    "detach": lambda xs, a: xs[0].detach(),
    "item": lambda xs, a: xs[0].item(),
    "tolist": lambda xs, a: xs[0].tolist(),
    "one_hot": lambda xs, a: F.one_hot(xs[0], a["n"]),
    # elementwise binary
    "add": lambda xs, a: torch.add(xs[0], xs[1], alpha=_opt(a, "alpha", 1)),
    "sub": lambda xs, a: torch.sub(xs[0], xs[1], alpha=_opt(a, "alpha", 1)),
    "mul": lambda xs, a: torch.mul(xs[0], xs[1]),
    # Without a mode, call the plain overload (`a / b`, DivBackward0), not div.Tensor_mode (DivBackward2).
    "div": lambda xs, a: torch.div(xs[0], xs[1], rounding_mode=a["mode"]) if "mode" in a else torch.div(xs[0], xs[1]),
    "floor_divide": lambda xs, a: torch.floor_divide(xs[0], xs[1]),
    "remainder": lambda xs, a: torch.remainder(xs[0], xs[1]),
    "fmod": lambda xs, a: torch.fmod(xs[0], xs[1]),
    "pow": lambda xs, a: torch.pow(xs[0], xs[1]),
    "maximum": lambda xs, a: torch.maximum(xs[0], xs[1]),
    "minimum": lambda xs, a: torch.minimum(xs[0], xs[1]),
    "atan2": lambda xs, a: torch.atan2(xs[0], xs[1]),
    "bitwise_and": lambda xs, a: xs[0] & xs[1],
    "bitwise_or": lambda xs, a: xs[0] | xs[1],
    "bitwise_xor": lambda xs, a: xs[0] ^ xs[1],
    "add_s": lambda xs, a: xs[0] + a["s"],
    "sub_s": lambda xs, a: xs[0] - a["s"],
    "rsub_s": lambda xs, a: a["s"] - xs[0],
    "mul_s": lambda xs, a: xs[0] * a["s"],
    "div_s": lambda xs, a: xs[0] / a["s"],
    "rdiv_s": lambda xs, a: a["s"] / xs[0],
    "pow_s": lambda xs, a: xs[0] ** a["s"],
    "rpow_s": lambda xs, a: a["s"] ** xs[0],
    "gelu": lambda xs, a: F.gelu(xs[0], approximate=_opt(a, "approximate", "none")),
    "silu": lambda xs, a: F.silu(xs[0]),
    "softplus": lambda xs, a: F.softplus(xs[0], beta=_opt(a, "beta", 1.0), threshold=_opt(a, "threshold", 20.0)),
    "leaky_relu": lambda xs, a: F.leaky_relu(xs[0], _opt(a, "slope", 0.01)),
    "elu": lambda xs, a: F.elu(xs[0], _opt(a, "alpha", 1.0)),
    "round": lambda xs, a: torch.round(xs[0], decimals=a["decimals"]) if "decimals" in a else torch.round(xs[0]),
    # in place
    "add_": lambda xs, a: xs[0].add_(xs[1], alpha=_opt(a, "alpha", 1)),
    "add_s_": lambda xs, a: xs[0].add_(a["s"]),
    "sub_": lambda xs, a: xs[0].sub_(xs[1]),
    "mul_": lambda xs, a: xs[0].mul_(xs[1]),
    "mul_s_": lambda xs, a: xs[0].mul_(a["s"]),
    "div_": lambda xs, a: xs[0].div_(xs[1]),
    "div_s_": lambda xs, a: xs[0].div_(a["s"]),
    "pow_s_": lambda xs, a: xs[0].pow_(a["s"]),
    "neg_": lambda xs, a: xs[0].neg_(),
    "relu_": lambda xs, a: xs[0].relu_(),
    "sigmoid_": lambda xs, a: xs[0].sigmoid_(),
    "tanh_": lambda xs, a: xs[0].tanh_(),
    "exp_": lambda xs, a: xs[0].exp_(),
    "sqrt_": lambda xs, a: xs[0].sqrt_(),
    "abs_": lambda xs, a: xs[0].abs_(),
    "clamp_": lambda xs, a: xs[0].clamp_(min=_opt(a, "min"), max=_opt(a, "max")),
    "masked_fill_": lambda xs, a: xs[0].masked_fill_(xs[1], a["value"]),
    "copy_": lambda xs, a: xs[0].copy_(xs[1]),
    "fill_": lambda xs, a: xs[0].fill_(a["value"]),
    "zero_": lambda xs, a: xs[0].zero_(),
    "addcmul_": lambda xs, a: xs[0].addcmul_(xs[1], xs[2], value=_opt(a, "value", 1)),
    "addcdiv_": lambda xs, a: xs[0].addcdiv_(xs[1], xs[2], value=_opt(a, "value", 1)),
    "lerp_": lambda xs, a: xs[0].lerp_(xs[1], a["weight"]),
    # comparison and selection
    "where": lambda xs, a: torch.where(xs[0], xs[1], xs[2]),
    "where_s": lambda xs, a: torch.where(xs[0], xs[1], a["s"]),
    "clamp": lambda xs, a: torch.clamp(xs[0], min=_opt(a, "min"), max=_opt(a, "max")),
    "clamp_t": lambda xs, a: torch.clamp(xs[0], min=xs[1], max=xs[2]),
    "masked_fill": lambda xs, a: xs[0].masked_fill(xs[1], a["value"]),
    "logical_and": lambda xs, a: torch.logical_and(xs[0], xs[1]),
    "logical_or": lambda xs, a: torch.logical_or(xs[0], xs[1]),
    "logical_xor": lambda xs, a: torch.logical_xor(xs[0], xs[1]),
    "logical_not": lambda xs, a: torch.logical_not(xs[0]),
    "bitwise_not": lambda xs, a: torch.bitwise_not(xs[0]),
    "isnan": lambda xs, a: torch.isnan(xs[0]),
    "isinf": lambda xs, a: torch.isinf(xs[0]),
    "isfinite": lambda xs, a: torch.isfinite(xs[0]),
    "equal": lambda xs, a: torch.equal(xs[0], xs[1]),
    "allclose": lambda xs, a: torch.allclose(xs[0], xs[1], rtol=_opt(a, "rtol", 1e-5), atol=_opt(a, "atol", 1e-8),
                                             equal_nan=_opt(a, "equal_nan", False)),
    "isclose": lambda xs, a: torch.isclose(xs[0], xs[1], rtol=_opt(a, "rtol", 1e-5), atol=_opt(a, "atol", 1e-8),
                                           equal_nan=_opt(a, "equal_nan", False)),
    # reductions
    "sum": lambda xs, a: xs[0].sum(dim=_opt(a, "dims"), keepdim=_opt(a, "keepdim", False), dtype=_opt(a, "dtype"))
    if _opt(a, "dims") is not None else xs[0].sum(dtype=_opt(a, "dtype")),
    "mean": lambda xs, a: xs[0].mean(dim=a["dims"], keepdim=_opt(a, "keepdim", False))
    if _opt(a, "dims") is not None else xs[0].mean(),
    "prod": lambda xs, a: xs[0].prod(dim=a["dim"], keepdim=_opt(a, "keepdim", False))
    if _opt(a, "dim") is not None else xs[0].prod(),
    "max_all": lambda xs, a: xs[0].max(),
    "min_all": lambda xs, a: xs[0].min(),
    "max_dim": lambda xs, a: tuple(xs[0].max(dim=a["dim"], keepdim=_opt(a, "keepdim", False))),
    "min_dim": lambda xs, a: tuple(xs[0].min(dim=a["dim"], keepdim=_opt(a, "keepdim", False))),
    "argmax": lambda xs, a: torch.argmax(xs[0], dim=_opt(a, "dim"), keepdim=_opt(a, "keepdim", False)),
    "argmin": lambda xs, a: torch.argmin(xs[0], dim=_opt(a, "dim"), keepdim=_opt(a, "keepdim", False)),
    "amax": lambda xs, a: torch.amax(xs[0], dim=a["dims"], keepdim=_opt(a, "keepdim", False)),
    "all": lambda xs, a: xs[0].all(dim=a["dim"], keepdim=_opt(a, "keepdim", False))
    if _opt(a, "dim") is not None else xs[0].all(),
    "any": lambda xs, a: xs[0].any(dim=a["dim"], keepdim=_opt(a, "keepdim", False))
    if _opt(a, "dim") is not None else xs[0].any(),
    "std": lambda xs, a: xs[0].std(dim=_opt(a, "dims"), correction=_opt(a, "correction", 1), keepdim=_opt(a, "keepdim", False)),
    "var": lambda xs, a: xs[0].var(dim=_opt(a, "dims"), correction=_opt(a, "correction", 1), keepdim=_opt(a, "keepdim", False)),
    "norm": lambda xs, a: torch.linalg.vector_norm(xs[0], ord=_opt(a, "p", 2), dim=_opt(a, "dims"), keepdim=_opt(a, "keepdim", False)),
    "cumsum": lambda xs, a: torch.cumsum(xs[0], dim=a["dim"]),
    "logsumexp": lambda xs, a: torch.logsumexp(xs[0], dim=a["dims"], keepdim=_opt(a, "keepdim", False)),
    "softmax": lambda xs, a: torch.softmax(xs[0], dim=a["dim"]),
    "log_softmax": lambda xs, a: torch.log_softmax(xs[0], dim=a["dim"]),
    "sort": lambda xs, a: _sort(xs, a),
    "argsort": lambda xs, a: torch.argsort(xs[0], dim=_opt(a, "dim", -1), descending=_opt(a, "descending", False), stable=True),
    "topk": lambda xs, a: tuple(torch.topk(xs[0], a["k"], dim=_opt(a, "dim", -1), largest=_opt(a, "largest", True),
                                           sorted=_opt(a, "sorted", True))),
    "unique": lambda xs, a: torch.unique(xs[0], sorted=_opt(a, "sorted", True), return_inverse=_opt(a, "inverse", False),
                                         return_counts=_opt(a, "counts", False)),
    # linear algebra
    "mm": lambda xs, a: torch.mm(xs[0], xs[1]),
    "bmm": lambda xs, a: torch.bmm(xs[0], xs[1]),
    "mv": lambda xs, a: torch.mv(xs[0], xs[1]),
    "dot": lambda xs, a: torch.dot(xs[0], xs[1]),
    "outer": lambda xs, a: torch.outer(xs[0], xs[1]),
    "matmul": lambda xs, a: torch.matmul(xs[0], xs[1]),
    "addmm": lambda xs, a: torch.addmm(xs[0], xs[1], xs[2], beta=_opt(a, "beta", 1), alpha=_opt(a, "alpha", 1)),
    # shape
    "view": lambda xs, a: xs[0].view(a["shape"]),
    "reshape": lambda xs, a: xs[0].reshape(a["shape"]),
    "flatten": lambda xs, a: xs[0].flatten(_opt(a, "start", 0), _opt(a, "end", -1)),
    "unflatten": lambda xs, a: xs[0].unflatten(a["dim"], a["sizes"]),
    "permute": lambda xs, a: xs[0].permute(*a["dims"]),
    "transpose": lambda xs, a: xs[0].transpose(a["d0"], a["d1"]),
    "t": lambda xs, a: xs[0].t(),
    "T": lambda xs, a: xs[0].permute(*reversed(range(xs[0].dim()))),
    "mT": lambda xs, a: xs[0].mT,
    "squeeze": lambda xs, a: xs[0].squeeze(a["dim"]) if _opt(a, "dim") is not None else xs[0].squeeze(),
    "unsqueeze": lambda xs, a: xs[0].unsqueeze(a["dim"]),
    "expand": lambda xs, a: xs[0].expand(*a["sizes"]),
    "expand_as": lambda xs, a: xs[0].expand_as(xs[1]),
    "repeat": lambda xs, a: xs[0].repeat(*a["sizes"]),
    "flip": lambda xs, a: torch.flip(xs[0], a["dims"]),
    "cat": lambda xs, a: torch.cat(xs, dim=_opt(a, "dim", 0)),
    "stack": lambda xs, a: torch.stack(xs, dim=_opt(a, "dim", 0)),
    "split": lambda xs, a: tuple(torch.split(xs[0], a["size"], dim=_opt(a, "dim", 0))),
    "chunk": lambda xs, a: tuple(torch.chunk(xs[0], a["chunks"], dim=_opt(a, "dim", 0))),
    "unbind": lambda xs, a: tuple(torch.unbind(xs[0], dim=_opt(a, "dim", 0))),
    "narrow": lambda xs, a: xs[0].narrow(a["dim"], a["start"], a["length"]),
    # indexing
    "index": lambda xs, a: xs[0][index_tuple(xs, a["idx"])],
    "index_put": _index_put,
    "select": lambda xs, a: xs[0].select(a["dim"], a["i"]),
    "slice": lambda xs, a: xs[0][tuple([slice(None)] * (a["dim"] % max(xs[0].dim(), 1)) + [slice(a["start"], a["end"], a["step"])])],
    "gather": lambda xs, a: torch.gather(xs[0], a["dim"], xs[1]),
    "scatter": lambda xs, a: torch.scatter(xs[0], a["dim"], xs[1], xs[2]),
    "scatter_": lambda xs, a: xs[0].scatter_(a["dim"], xs[1], xs[2]),
    "scatter_add": lambda xs, a: torch.scatter_add(xs[0], a["dim"], xs[1], xs[2]),
    "index_select": lambda xs, a: torch.index_select(xs[0], a["dim"], xs[1]),
    "masked_select": lambda xs, a: torch.masked_select(xs[0], xs[1]),
    "nonzero": lambda xs, a: torch.nonzero(xs[0]),
}
for _n in UNARY:
    OPS[_n] = (lambda n: lambda xs, a: getattr(torch, n)(xs[0]))(_n)
for _n in ["eq", "ne", "lt", "le", "gt", "ge"]:
    OPS[_n] = (lambda n: lambda xs, a: getattr(torch, n)(xs[0], xs[1]))(_n)
    OPS[_n + "_s"] = (lambda n: lambda xs, a: getattr(torch, n)(xs[0], a["s"]))(_n)

NONDIFF = {"zeros", "ones", "full", "arange", "linspace", "eye", "zeros_like", "ones_like", "full_like", "tensor",
           "item", "tolist", "one_hot", "detach", "argmax", "argmin", "all", "any", "argsort", "unique", "nonzero",
           "isnan", "isinf", "isfinite", "equal", "allclose", "isclose", "logical_and", "logical_or", "logical_xor",
           "logical_not", "bitwise_not", "bitwise_and", "bitwise_or", "bitwise_xor", "floor_divide",
           "eq", "ne", "lt", "le", "gt", "ge", "eq_s", "ne_s", "lt_s", "le_s", "gt_s", "ge_s"}

# ---------------------------------------------------------------- case runner

FAMILIES = {}
IDS = set()


def case(family, op, inputs=(), grad=True, id=None, **args):
    """Runs one case in PyTorch and records it. `grad`: make float inputs leaves with requires_grad."""
    cid = f"{op}/{id}" if id else op
    n = 2
    base_id = cid
    while cid in IDS:
        cid = f"{base_id}#{n}"
        n += 1
    IDS.add(cid)
    inputs = list(inputs)
    bases, xs = [], []
    for i in inputs:
        rg = i.rg if i.rg is not None else (grad and op not in NONDIFF and i.base.dtype.is_floating_point)
        b, x = i.build(rg)
        bases.append(b)
        xs.append(x)
    c = {"id": cid, "op": op, "in": [spec_in(i, b, x) for i, b, x in zip(inputs, bases, xs)]}
    if args:
        c["a"] = {k: enc_arg(v) for k, v in args.items()}
    rawargs = {k: raw(v) for k, v in args.items()}
    try:
        out = OPS[op](xs, rawargs)
    except Exception as e:  # noqa: BLE001
        c["err"] = {"type": type(e).__name__, "msg": str(e)}
        FAMILIES.setdefault(family, []).append(c)
        return c
    outs = list(out) if isinstance(out, (tuple, list)) and op != "tolist" else [out]
    x0 = xs[0] if xs else None
    c["out"] = [spec_out(o, x0) for o in outs]
    diff = [o for o in outs if isinstance(o, torch.Tensor) and o.requires_grad and o.dtype.is_floating_point]
    if diff and any(b.requires_grad for b in bases):
        loss = sum((o * weight(o)).sum() for o in diff)
        try:
            loss.backward()
        except RuntimeError as e:
            c["gerr"] = str(e)  # PyTorch itself cannot differentiate this case; not checked
            FAMILIES.setdefault(family, []).append(c)
            return c
        c["g"] = [spec_out(b.grad, None) if b.grad is not None else None for b in bases]
        for g in c["g"]:
            if g:
                g.pop("fn", None)
    FAMILIES.setdefault(family, []).append(c)
    return c


def write_all():
    total = 0
    for fam, cases in FAMILIES.items():
        path = os.path.join(HERE, f"{fam}.json")
        with open(path, "w") as f:
            f.write("[\n" + ",\n".join(json.dumps(c, separators=(",", ":")) for c in cases) + "\n]\n")
        size = os.path.getsize(path)
        total += size
        errs = sum(1 for c in cases if "err" in c)
        print(f"{fam:12s} {len(cases):4d} cases ({errs} errors) {size / 1024:.0f} KiB")
    print(f"total {sum(len(c) for c in FAMILIES.values())} cases, {total / 1024:.0f} KiB")


# ================================================================ cases

def vals(dt, kind="a"):
    """Small test vectors per dtype."""
    if dt == b8:
        return [True, False, True, True] if kind == "a" else [True, True, False, True]
    if dt == u8:
        return [3, 1, 4, 200] if kind == "a" else [2, 5, 1, 3]
    if dt in (i64, i32):
        return [3, -1, 4, -7] if kind == "a" else [2, 5, -3, 3]
    return [1.5, -2.0, 0.25, 3.0] if kind == "a" else [2.0, 0.5, -4.0, 1.25]


def creation():
    F_ = "creation"
    for dt in [None, f32, f64, i64, i32, u8, b8]:
        kw = {"dtype": dt} if dt else {}
        case(F_, "zeros", shape=[2, 3], id=f"{DT.get(dt, 'default')}", **kw)
        case(F_, "ones", shape=[3], id=f"{DT.get(dt, 'default')}", **kw)
    case(F_, "zeros", shape=[0, 3], id="empty")
    case(F_, "zeros", shape=[], id="0d")
    case(F_, "ones", shape=[2, 0], id="empty")
    for v in [S(7), S(2.5), S(True), S(-1)]:
        case(F_, "full", shape=[2, 2], value=v, id=f"infer_{type(v.v).__name__}_{v.v}")
    case(F_, "full", shape=[3], value=S(2.7), dtype=i64, id="float_into_int64")
    case(F_, "full", shape=[3], value=S(300), dtype=u8, id="int_wrap_uint8")
    case(F_, "full", shape=[2], value=S(float("nan")), id="nan")
    case(F_, "full", shape=[2], value=S(float("-inf")), dtype=f64, id="neg_inf_f64")
    case(F_, "arange", start=S(0), end=S(5), step=S(1), id="int")
    case(F_, "arange", start=S(1), end=S(10), step=S(3), id="int_step3")
    case(F_, "arange", start=S(5), end=S(0), step=S(-2), id="int_negstep")
    case(F_, "arange", start=S(0.0), end=S(1.0), step=S(0.25), id="float")
    case(F_, "arange", start=S(0), end=S(1), step=S(0.3), id="float_step")
    case(F_, "arange", start=S(-1.5), end=S(1.5), step=S(0.5), dtype=f64, id="f64")
    case(F_, "arange", start=S(0), end=S(4), step=S(1), dtype=f32, id="int_args_f32")
    case(F_, "arange", start=S(0), end=S(0), step=S(1), id="empty")
    case(F_, "arange", start=S(0), end=S(5), step=S(0), id="zero_step")
    case(F_, "arange", start=S(0), end=S(5), step=S(-1), id="bad_sign")
    case(F_, "arange", start=S(0), end=S(7), step=S(2), dtype=i32, id="int32")
    for steps in [0, 1, 2, 5, 7]:
        case(F_, "linspace", start=0.0, end=1.0, steps=steps, id=f"steps{steps}")
    case(F_, "linspace", start=-3.0, end=3.0, steps=6, dtype=f64, id="f64")
    case(F_, "linspace", start=0.0, end=10.0, steps=5, dtype=i64, id="i64")
    case(F_, "linspace", start=1.0, end=-1.0, steps=4, id="descending")
    case(F_, "linspace", start=0.0, end=1.0, steps=-1, id="negative")
    case(F_, "eye", n=3, m=None, id="3")
    case(F_, "eye", n=2, m=4, id="2x4")
    case(F_, "eye", n=3, m=2, dtype=i64, id="3x2_i64")
    case(F_, "eye", n=0, m=None, id="0")
    case(F_, "eye", n=-1, m=None, id="neg")
    case(F_, "eye", n=2, m=None, dtype=b8, id="bool")
    for op in ["zeros_like", "ones_like"]:
        case(F_, op, [T([[1, 2], [3, 4]], i32)], id="int32")
        case(F_, op, [TR([[1., 2], [3, 4]])], id="transposed")
        case(F_, op, [T([1., 2])], dtype=f64, id="to_f64")
    case(F_, "full_like", [T([1, 2, 3], i64)], value=S(2.9), id="int_trunc")
    case(F_, "full_like", [T([1., 2])], value=S(-3), id="f32")
    case(F_, "full_like", [T([True, False])], value=S(5), id="bool")
    # torch.tensor inference
    case(F_, "tensor", data=[S(1), S(2), S(3)], id="ints")
    case(F_, "tensor", data=[S(1), S(2.5)], id="mixed")
    case(F_, "tensor", data=[S(True), S(False)], id="bools")
    case(F_, "tensor", data=[S(True), S(2)], id="bool_int")
    case(F_, "tensor", data=[[S(1), S(2)], [S(3), S(4)]], id="nested")
    case(F_, "tensor", data=[[S(1.5)], [S(2)]], dtype=f64, id="nested_f64")
    case(F_, "tensor", data=[], id="empty")
    case(F_, "tensor", data=S(3.5), id="scalar")
    case(F_, "tensor", data=S(7), dtype=u8, id="scalar_u8")
    case(F_, "tensor", data=[[S(1), S(2)], [S(3)]], id="ragged")
    case(F_, "tensor", data=[S(2.9), S(-2.9)], dtype=i32, id="trunc_i32")
    # conversions
    fv = [1.7, -2.5, 0.0, 255.9, -0.4]
    for dt in DTS:
        case(F_, "to", [T(fv, f32)], dtype=dt, id=f"f32_to_{DT[dt]}")
        case(F_, "to", [T([0, 1, -3, 300], i64)], dtype=dt, id=f"i64_to_{DT[dt]}")
        case(F_, "to", [T([True, False], b8)], dtype=dt, id=f"bool_to_{DT[dt]}")
    case(F_, "to", [T([3, 200], u8)], dtype=i32, id="u8_to_i32")
    case(F_, "to", [T([2 ** 31 - 1, -2 ** 31, 2 ** 40], i64)], dtype=i32, id="i64_to_i32_wrap")
    case(F_, "to", [T([0.1, 1e10, -1e-3], f64)], dtype=f32, id="f64_to_f32_round")
    case(F_, "to", [TR([[1., 2], [3, 4]])], dtype=f64, id="transposed")
    case(F_, "to", [T([1., 2])], dtype=f32, id="same_dtype_alias")
    case(F_, "to", [SL([1., 2, 3])], dtype=f64, id="sliced")
    case(F_, "clone", [TR([[1., 2, 3], [4, 5, 6]])], id="transposed")
    case(F_, "clone", [T(5, i64)], id="0d")
    case(F_, "clone", [EX([1., 2], [3, 2])], id="expanded")
    case(F_, "contiguous", [TR([[1., 2, 3], [4, 5, 6]])], id="transposed")
    case(F_, "contiguous", [T([1., 2, 3])], id="already")
    case(F_, "contiguous", [SL([[1, 2], [3, 4]], i64)], id="sliced_i64")
    case(F_, "detach", [T([1., 2])], id="f32")
    case(F_, "item", [T(2.5)], id="f32")
    case(F_, "item", [T([7], i64)], id="i64_1elem")
    case(F_, "item", [T(True)], id="bool")
    case(F_, "item", [T([1., 2])], id="multi")
    case(F_, "item", [T(0.1, f32)], id="f32_widened")
    case(F_, "tolist", [T([[1, 2], [3, 4]], i32)], id="i32")
    case(F_, "tolist", [T(1.5)], id="0d")
    case(F_, "tolist", [TR([[1., 2], [3, 4]])], id="transposed")
    case(F_, "tolist", [T([True, False])], id="bool")
    case(F_, "one_hot", [T([0, 2, 1], i64)], n=-1, id="infer")
    case(F_, "one_hot", [T([[0, 1], [1, 0]], i64)], n=3, id="2d")
    case(F_, "one_hot", [T([0, 3], i64)], n=3, id="too_big")
    case(F_, "one_hot", [T([0, -1], i64)], n=3, id="negative")
    case(F_, "one_hot", [T([0, 1], i32)], n=3, id="int32")


def elementwise():
    F_ = "elementwise"
    # type promotion: every dtype pair
    for op in ["add", "mul", "sub", "div"]:
        for da in DTS:
            for db in DTS:
                case(F_, op, [T(vals(da, "a"), da), T(vals(db, "b"), db)], id=f"{DT[da]}_{DT[db]}")
    # tensor-scalar promotion
    for op in ["add_s", "mul_s", "sub_s", "div_s"]:
        for da in DTS:
            for s in [S(2), S(2.5), S(True)]:
                case(F_, op, [T(vals(da), da)], s=s, id=f"{DT[da]}_{type(s.v).__name__}")
    for op in ["rsub_s", "rdiv_s", "pow_s", "rpow_s"]:
        for da in [f32, i64, u8]:
            for s in [S(2), S(0.5)]:
                xv = [1, 2, 3] if da != f32 else [0.5, 2.0, 3.0]
                case(F_, op, [T(xv, da)], s=s, id=f"{DT[da]}_{type(s.v).__name__}")
    case(F_, "pow_s", [T([2, 3], i64)], s=S(-1), id="int_neg_exp")
    case(F_, "pow_s", [T([0.0, -2.0, 4.0])], s=S(0.5), id="sqrt_neg")
    case(F_, "pow_s", [T([0.0, -2.0, 4.0])], s=S(0), id="zero_exp")
    case(F_, "pow_s", [T([0.0, -2.0, 4.0])], s=S(3), id="cube")
    case(F_, "rpow_s", [T([0.0, 1.0, -1.0])], s=S(0.0), id="zero_base")
    # 0-d tensors with n-d tensors
    zd = [(f32, f64), (i32, i64), (i64, f64), (u8, b8), (b8, i64), (u8, i32), (i32, f32), (f64, f32)]
    for da, db in zd:
        case(F_, "add", [T(vals(da), da), T(vals(db)[0], db)], id=f"nd_{DT[da]}_0d_{DT[db]}")
        case(F_, "mul", [T(vals(db)[1], db), T(vals(da), da)], id=f"0d_{DT[db]}_nd_{DT[da]}")
    case(F_, "add", [T(2.5), T(3, i64)], id="0d_0d")
    case(F_, "add", [T(1.5, f64), T([1, 2], i32)], id="0d_f64_i32")
    # broadcasting
    case(F_, "add", [T([[1.], [2.], [3.]]), T([[10., 20., 30., 40.]])], id="bcast_3x1_1x4")
    case(F_, "mul", [T([[1., 2, 3], [4, 5, 6]]), T([2., 3, 4])], id="bcast_2x3_3")
    case(F_, "sub", [T([1., 2]), T([[1.], [2.], [3.]])], id="bcast_2_3x1")
    case(F_, "add", [T([[1., 2, 3], [4, 5, 6]]), T([1., 2, 3, 4])], id="bcast_mismatch")
    case(F_, "add", [T([1., 2, 3]), T([[1., 2], [3, 4]])], id="bcast_mismatch2")
    case(F_, "add", [T([], shape=[0, 3]), T([1., 2, 3])], id="empty_bcast")
    case(F_, "mul", [T([], shape=[0]), T(2.0)], id="empty_0d")
    # alpha
    case(F_, "add", [T([1., 2]), T([3., 4])], alpha=S(2), id="alpha2")
    case(F_, "add", [T([1, 2], i64), T([3, 4], i64)], alpha=S(-3), id="alpha_int")
    case(F_, "sub", [T([1., 2]), T([3., 4])], alpha=S(0.5), id="alpha_half")
    case(F_, "add", [T([1, 2], i64), T([3, 4], i64)], alpha=S(0.5), id="alpha_float_int")
    # layouts
    M = [[1., -2., 3.], [4., 5., -6.]]
    case(F_, "add", [TR(M), T(M)], id="transposed_contig")
    case(F_, "mul", [SL(M), TR(M)], id="sliced_transposed")
    case(F_, "sub", [EX([1., 2., 3.], [2, 3]), SL(M)], id="expanded_sliced")
    case(F_, "div", [TR(M), EX([2., 4., -8.], [2, 3])], id="transposed_expanded")
    # division sign rules
    nums = [7., -7., 7., -7., 0., 5.5, -5.5, 1., -1., 0.]
    dens = [2., 2., -2., -2., 3., 2., -2., 0., 0., 0.]
    for dt in [f32, f64]:
        for op in ["div", "floor_divide", "remainder", "fmod"]:
            case(F_, op, [T(nums, dt), T(dens, dt)], grad=False, id=f"signs_{DT[dt]}")
        case(F_, "div", [T(nums, dt), T(dens, dt)], mode="trunc", grad=False, id=f"trunc_{DT[dt]}")
        case(F_, "div", [T(nums, dt), T(dens, dt)], mode="floor", grad=False, id=f"floor_{DT[dt]}")
    inums, idens = [7, -7, 7, -7, 0, 9, -9], [2, 2, -2, -2, 3, 4, 4]
    for dt in [i64, i32]:
        for op in ["div", "floor_divide", "remainder", "fmod"]:
            case(F_, op, [T(inums, dt), T(idens, dt)], id=f"signs_{DT[dt]}")
        case(F_, "div", [T(inums, dt), T(idens, dt)], mode="trunc", id=f"trunc_{DT[dt]}")
        case(F_, "div", [T(inums, dt), T(idens, dt)], mode="floor", id=f"floor_{DT[dt]}")
    for op in ["floor_divide", "remainder", "fmod"]:
        case(F_, op, [T([1, 2], i64), T([1, 0], i64)], id="int_by_zero")
    case(F_, "div", [T([1, 2], i64), T([0, 0], i64)], id="int_true_div_by_zero")
    case(F_, "div", [T([1, 2], i64), T([1, 0], i64)], mode="trunc", id="int_trunc_by_zero")
    case(F_, "div", [T([1., 2.]), T([1., 0.])], mode="bogus", id="bad_mode")
    case(F_, "remainder", [T([5, 250], u8), T([3, 7], u8)], id="u8")
    case(F_, "floor_divide", [T([7., -7.]), T(2, i64)], id="f32_by_0d_int")
    case(F_, "remainder", [T([-3, 3], i64), T([1.5], f32)], id="int_by_float")
    case(F_, "fmod", [T([-3.5, 3.5, -0.0]), T([1.5])], id="float_mixed")
    case(F_, "remainder", [T([-3.5, 3.5, 1e-8]), T([1.5])], id="float_mixed")
    case(F_, "remainder", [T([-0.0, 0.0]), T([-1.0, 1.0])], grad=False, id="signed_zero")
    # integer overflow wraps
    case(F_, "add", [T([2 ** 31 - 1, -2 ** 31], i32), T([1, -1], i32)], id="i32_wrap")
    case(F_, "sub", [T([0, 5], u8), T([1, 10], u8)], id="u8_wrap")
    case(F_, "add", [T([250, 128], u8), T([10, 128], u8)], id="u8_add_wrap")
    case(F_, "mul", [T([2 ** 62, 3 * 2 ** 40], i64), T([4, 2 ** 30], i64)], id="i64_wrap")
    case(F_, "mul_s", [T([100, 3], u8)], s=S(3), id="u8_wrap")
    case(F_, "add_s", [T([2 ** 31 - 1], i32)], s=S(1), id="i32_wrap")
    case(F_, "neg", [T([-2 ** 31, 5], i32)], id="i32_min")
    case(F_, "abs", [T([-2 ** 63, -5], i64)], id="i64_min")
    case(F_, "pow", [T([2, 3, 10], i64), T([62, 40, 20], i64)], id="i64_wrap")
    case(F_, "pow", [T([2, 3], u8), T([9, 5], u8)], id="u8_wrap")
    # pow
    case(F_, "pow", [T([1.5, 2., 0.5]), T([2., -1., 0.5])], id="f32")
    case(F_, "pow", [T([-8., 4., 0.]), T([1. / 3, 0.5, 0.])], grad=False, id="neg_base_frac")
    case(F_, "pow", [T([2, 3], i64), T([2., 0.5])], id="int_float")
    case(F_, "pow", [T([2, 3], i64), T([2, -1], i64)], id="int_negative_exp")
    case(F_, "pow", [T([2., 3.]), T(2, i64)], id="f32_0d_int")
    case(F_, "pow", [T([0., 1., 2.]), T([0., 0., 3.])], id="grad_zero_base")
    # maximum/minimum with nan and ties
    nanv = [1., float("nan"), 3., -1., 2.]
    nanw = [2., 1., float("nan"), -1., float("inf")]
    for op in ["maximum", "minimum"]:
        case(F_, op, [T(nanv), T(nanw)], id="nan")
        case(F_, op, [T([1., 2., 3.]), T([1., 0., 5.])], id="ties")
        case(F_, op, [T([1, 5, -3], i64), T([2, 4, -3], i32)], id="ints")
        case(F_, op, [T([1., 2.], f64), T([3, -4], i64)], id="f64_i64")
        case(F_, op, [T([True, False]), T([False, False])], id="bool")
        case(F_, op, [T([[1., 5.], [3., 0.]]), T([2., 2.])], id="bcast")
    case(F_, "atan2", [T([1., -1., 0., 1.]), T([1., 1., -1., 0.])], id="f32")
    case(F_, "atan2", [T([1, -1], i64), T([2, 2], i64)], id="int")
    for op in ["bitwise_and", "bitwise_or", "bitwise_xor"]:
        case(F_, op, [T([12, 10, -1], i64), T([10, 6, 5], i64)], id="i64")
        case(F_, op, [T([True, False, True]), T([True, True, False])], id="bool")
        case(F_, op, [T([12, 10], u8), T([True, False])], id="u8_bool")
        case(F_, op, [T([1., 2.]), T([1., 2.])], id="float")
    # unary math on several layouts and dtypes
    xs_ = [0.5, -1.25, 2.0, 0.0, -0.0, 3.7]
    pos = [0.5, 1.0, 2.0, 4.0, 0.1, 9.0]
    unit = [-0.9, -0.5, 0.0, 0.25, 0.5, 0.99]
    for n in UNARY:
        v = pos if n in ("log", "log2", "log10", "sqrt", "rsqrt") else unit if n in ("asin", "acos") else xs_
        case(F_, n, [T(v)], id="f32")
        case(F_, n, [T(v, f64)], id="f64")
        case(F_, n, [TR([v[:3], v[3:]])], id="transposed")
        case(F_, n, [T([-2, 0, 3], i64)], id="i64")
    for n in ["exp", "neg", "abs", "sigmoid", "sqrt", "relu", "floor"]:
        case(F_, n, [SL([[1., 4.], [9., 0.25]])], id="sliced")
        case(F_, n, [EX([1., 4.], [3, 2])], id="expanded")
        case(F_, n, [T(2.25)], id="0d")
        case(F_, n, [T([], shape=[0, 2])], id="empty")
        case(F_, n, [T([1, 0, 3], u8)], id="u8")
        case(F_, n, [T([True, False])], id="bool")
    specials = [float("nan"), float("inf"), float("-inf"), -1.0, 0.0]
    for n in ["log", "sqrt", "exp", "sigmoid", "tanh", "abs", "sign", "relu", "reciprocal", "floor", "frac", "rsqrt"]:
        case(F_, n, [T(specials)], grad=False, id="specials")
    case(F_, "round", [T([0.5, 1.5, 2.5, -0.5, -1.5, 2.4, 2.6])], id="half_even")
    case(F_, "round", [T([1.2345, -2.3456, 0.125], f64)], decimals=2, id="decimals2")
    case(F_, "round", [T([1234.5, 15.0])], decimals=-1, id="decimals_neg")
    case(F_, "round", [T([3, -4], i64)], id="int")
    act = [-3.0, -1.0, -0.1, 0.0, 0.5, 2.0, 25.0]
    for approx in ["none", "tanh"]:
        case(F_, "gelu", [T(act)], approximate=approx, id=approx)
        case(F_, "gelu", [T(act, f64)], approximate=approx, id=approx + "_f64")
    case(F_, "gelu", [T(act)], approximate="bogus", id="bad_approx")
    case(F_, "silu", [T(act)], id="f32")
    case(F_, "softplus", [T(act)], id="default")
    case(F_, "softplus", [T(act)], beta=2.0, threshold=5.0, id="beta2")
    case(F_, "leaky_relu", [T(act)], id="default")
    case(F_, "leaky_relu", [T(act, f64)], slope=0.2, id="slope")
    case(F_, "elu", [T(act)], id="default")
    case(F_, "elu", [T(act)], alpha=0.5, id="alpha")
    case(F_, "neg", [T([True, False])], id="bool_err")
    case(F_, "sub", [T([True, False]), T([True, True])], id="bool_bool")
    case(F_, "sub_s", [T([True, False])], s=S(True), id="bool_bool_scalar")
    case(F_, "rsub_s", [T([True, False])], s=S(True), id="bool_bool_scalar")
    case(F_, "add", [T([True, False]), T([True, True])], id="bool_bool")
    case(F_, "mul_s", [T([True, False])], s=S(False), id="bool")
    # in place
    case(F_, "add_", [T([1., 2.]), T([3., 4.])], grad=False, id="plain")
    case(F_, "add_", [In([1., 2.], recipe=[["clone"]]), T([3., 4.])], alpha=S(2), id="nonleaf_grad")
    case(F_, "add_", [T([1, 2], i64), T([0.5, 1.5])], id="int_float_err")
    case(F_, "add_", [T([1., 2.]), T([1, 2], i64)], grad=False, id="float_int")
    case(F_, "add_", [T([1., 2.]), T([[1., 2.], [3., 4.]])], grad=False, id="bcast_err")
    case(F_, "add_", [TR([[1., 2.], [3., 4.]]), T([10., 20.])], grad=False, id="transposed")
    case(F_, "add_", [SL([1., 2., 3.]), T([1., 1., 1.])], grad=False, id="sliced")
    case(F_, "add_", [T([1., 2.]), T([3., 4.])], id="leaf_err")
    case(F_, "add_", [In([[1., 2.], [3., 4.]], recipe=[["select", 0, 1]]), T([3., 4.])], grad=True, id="view_of_leaf_err")
    case(F_, "add_s_", [T([1, 2], i64)], s=S(3), id="int")
    case(F_, "add_s_", [T([1, 2], i64)], s=S(1.5), id="int_float_err")
    case(F_, "add_s_", [T([1, 2], u8)], s=S(255), id="u8_wrap")
    case(F_, "sub_", [In([5., 6.], recipe=[["clone"]]), T([1., 2.])], id="grad")
    case(F_, "mul_", [In([5., 6.], recipe=[["clone"]]), T([2., 3.])], id="grad_both")
    case(F_, "mul_", [T([True, False]), T([True, True])], id="bool")
    case(F_, "mul_s_", [In([5., 6.], recipe=[["clone"]])], s=S(-2), id="grad")
    case(F_, "div_", [In([5., 6.], recipe=[["clone"]]), T([2., 4.])], id="grad")
    case(F_, "div_", [T([5, 6], i64), T([2, 4], i64)], id="int_err")
    case(F_, "div_s_", [In([5., 6.], f64, recipe=[["clone"]])], s=S(4), id="f64")
    case(F_, "pow_s_", [In([1.5, -2.], recipe=[["clone"]])], s=S(2), id="grad")
    for n in ["neg_", "relu_", "sigmoid_", "tanh_", "exp_", "abs_"]:
        case(F_, n, [In([-1.5, 0.5, 2.], recipe=[["clone"]])], id="grad")
    case(F_, "sqrt_", [In([4., 0.25, 2.], recipe=[["clone"]])], id="grad")
    case(F_, "relu_", [T([-1, 2], i64)], id="int")
    case(F_, "exp_", [T([1, 2], i64)], id="int_err")
    case(F_, "clamp_", [In([-2., 0.5, 3.], recipe=[["clone"]])], min=S(-1), max=S(1), id="grad")
    case(F_, "clamp_", [T([-2, 5], i64)], min=S(0.5), id="int_float_err")
    case(F_, "masked_fill_", [In([1., 2., 3.], recipe=[["clone"]]), T([True, False, True])], value=S(-1.5), id="grad")
    case(F_, "copy_", [T([0., 0., 0.]), T([1, 2, 3], i64)], grad=False, id="int_into_float")
    case(F_, "copy_", [T([[0., 0.], [0., 0.]]), T([5., 6.])], grad=False, id="bcast")
    case(F_, "copy_", [T([0, 0], i64), T([1.7, -2.7])], id="float_into_int")
    case(F_, "copy_", [In([0., 0.], recipe=[["clone"]]), T([1., 2.])], id="grad_src")
    case(F_, "copy_", [T([0., 0.]), T([1., 2., 3.])], grad=False, id="shape_err")
    case(F_, "fill_", [TR([[1., 2.], [3., 4.]])], value=S(7), grad=False, id="transposed")
    case(F_, "fill_", [T([1, 2], i64)], value=S(2.9), id="int_from_float")
    case(F_, "fill_", [In([1., 2.], recipe=[["clone"]])], value=S(3), id="grad")
    case(F_, "zero_", [SL([1., 2., 3.])], grad=False, id="sliced")
    case(F_, "zero_", [In([1., 2.], recipe=[["clone"]])], id="grad")
    case(F_, "addcmul_", [In([1., 2.], recipe=[["clone"]]), T([3., 4.]), T([0.5, 2.])], value=S(2), id="grad")
    case(F_, "addcdiv_", [In([1., 2.], recipe=[["clone"]]), T([3., 4.]), T([0.5, 2.])], value=S(-1), id="grad")
    case(F_, "lerp_", [In([1., 2.], recipe=[["clone"]]), T([3., 6.])], weight=S(0.25), id="grad")
    # in place on a view of a non-leaf: CopySlices
    case(F_, "mul_s_", [In([[1., 2.], [3., 4.]], recipe=[["clone"], ["select", 0, 1]])], s=S(3), id="view_of_nonleaf")
    case(F_, "add_s_", [In([[1., 2.], [3., 4.]], recipe=[["clone"], ["transpose", 0, 1]])], s=S(1), id="transposed_nonleaf")


def comparison():
    F_ = "comparison"
    a = [1., float("nan"), 3., -0.0, float("inf"), 2.]
    b = [1., float("nan"), 2., 0.0, float("inf"), 5.]
    for op in ["eq", "ne", "lt", "le", "gt", "ge"]:
        case(F_, op, [T(a), T(b)], id="nan_inf")
        case(F_, op, [T([1, 2, 3], i64), T([1.5, 2., 2.5])], id="int_float")
        case(F_, op, [T([1, 200], u8), T([1, -56], i64)], id="u8_i64")
        case(F_, op, [T([True, False]), T([1, 0], i64)], id="bool_int")
        case(F_, op, [TR([[1., 2.], [3., 4.]]), T([2., 3.])], id="transposed_bcast")
        case(F_, op + "_s", [T([1, 2, 3], i64)], s=S(2), id="int_int")
        case(F_, op + "_s", [T([1, 2, 3], i64)], s=S(2.5), id="int_float")
        case(F_, op + "_s", [T([1., float("nan"), 3.])], s=S(1), id="nan")
        case(F_, op + "_s", [T([True, False])], s=S(True), id="bool")
        case(F_, op + "_s", [T([0, 255], u8)], s=S(-1), id="u8_negative")
        case(F_, op, [T([1., 2.]), T([1., 2., 3.])], id="mismatch")
    case(F_, "eq", [T([], shape=[0]), T(1.)], id="empty")
    case(F_, "lt", [T(1.), T(2, i64)], id="0d")
    cond = [True, False, True, False]
    case(F_, "where", [T(cond), T([1., 2., 3., 4.]), T([-1., -2., -3., -4.])], id="f32")
    case(F_, "where", [T(cond), T([1, 2, 3, 4], i64), T([0.5])], id="promote")
    case(F_, "where", [T([[True], [False]]), T([1., 2.]), T(0.)], id="bcast")
    case(F_, "where", [T([1, 0], u8), T([1., 2.]), T([3., 4.])], id="u8_cond")
    case(F_, "where", [T([1., 0.]), T([1., 2.]), T([3., 4.])], id="float_cond")
    case(F_, "where", [T(cond), T([1, 2, 3, 4], i32), T([5, 6, 7, 8], u8)], id="i32_u8")
    case(F_, "where_s", [T(cond), T([1., 2., 3., 4.])], s=S(0), id="f32_int")
    case(F_, "where_s", [T(cond), T([1, 2, 3, 4], i32)], s=S(2.5), id="i32_float")
    case(F_, "where_s", [T(cond), T([1, 2, 3, 4], u8)], s=S(7), id="u8_int")
    cv = [-2., -0.5, 0.5, 3., float("nan")]
    case(F_, "clamp", [T(cv)], min=S(-1), max=S(1), id="both")
    case(F_, "clamp", [T(cv)], min=S(0.0), id="min")
    case(F_, "clamp", [T(cv)], max=S(0.0), id="max")
    case(F_, "clamp", [T(cv)], min=S(1), max=S(-1), id="min_gt_max")
    case(F_, "clamp", [T([-2., -1., 1., 3.])], min=S(-1), max=S(1), id="boundary_grad")
    case(F_, "clamp", [T([-5, 0, 5], i64)], min=S(-2), max=S(2), id="int")
    case(F_, "clamp", [T([-5, 0, 5], i64)], min=S(-2.5), id="int_float_bound")
    case(F_, "clamp", [T([1, 200], u8)], max=S(100), id="u8")
    case(F_, "clamp", [T([1., 2.])], id="no_bounds")
    case(F_, "clamp", [T(cv)], min=S(float("nan")), id="nan_bound")
    case(F_, "clamp", [TR([[1., 5.], [-3., 0.]])], min=S(0), max=S(2), id="transposed")
    case(F_, "clamp_t", [T([-2., 0.5, 3.]), T([-1., 1., 0.]), T([1., 2., 2.])], id="tensors")
    case(F_, "clamp_t", [T([-2., 0.5, 3., float("nan")]), T([0.]), T([1.])], id="bcast_nan")
    mask = [True, False, True]
    case(F_, "masked_fill", [T([1., 2., 3.]), T(mask)], value=S(-1), id="f32")
    case(F_, "masked_fill", [T([1, 2, 3], i64), T(mask)], value=S(2.7), id="int_float_value")
    case(F_, "masked_fill", [T([[1., 2., 3.], [4., 5., 6.]]), T(mask)], value=S(float("-inf")), id="bcast")
    case(F_, "masked_fill", [T([1., 2., 3.]), T([1, 0, 1], u8)], value=S(0), id="u8_mask")
    case(F_, "masked_fill", [T([1., 2.]), T([[True, False], [False, True]])], value=S(0), id="mask_bigger")
    case(F_, "masked_fill", [TR([[1., 2.], [3., 4.]]), T([[True, False], [False, False]])], value=S(9), id="transposed")
    for op in ["logical_and", "logical_or", "logical_xor"]:
        case(F_, op, [T([1., 0., float("nan"), 0.]), T([2, 0, 0, 1], i64)], id="mixed")
        case(F_, op, [T([True, False]), T([[True], [False]])], id="bcast")
    case(F_, "logical_not", [T([1., 0., float("nan")])], id="f32")
    case(F_, "logical_not", [T([0, 3], i64)], id="i64")
    case(F_, "bitwise_not", [T([True, False])], id="bool")
    case(F_, "bitwise_not", [T([0, 5, -1], i64)], id="i64")
    case(F_, "bitwise_not", [T([0, 5], u8)], id="u8")
    case(F_, "bitwise_not", [T([1.])], id="float")
    for op in ["isnan", "isinf", "isfinite"]:
        case(F_, op, [T([1., float("nan"), float("inf"), float("-inf"), 0.])], id="f32")
        case(F_, op, [T([1, 2], i64)], id="i64")
    case(F_, "equal", [T([1., 2.]), T([1., 2.])], id="same")
    case(F_, "equal", [T([1., 2.]), T([1., 2., 3.])], id="shape")
    case(F_, "equal", [T([1., float("nan")]), T([1., float("nan")])], id="nan")
    case(F_, "equal", [T([1, 2], i64), T([1., 2.])], id="dtype")
    case(F_, "allclose", [T([1., 2.]), T([1.000001, 2.])], id="close")
    case(F_, "allclose", [T([1., 2.]), T([1.01, 2.])], id="far")
    case(F_, "allclose", [T([1., float("nan")]), T([1., float("nan")])], equal_nan=True, id="nan")
    case(F_, "isclose", [T([1., float("inf"), float("nan"), 0.]), T([1.1, float("inf"), float("nan"), 1e-9])], rtol=0.2, id="mixed")


def reduction():
    F_ = "reduction"
    M = [[1., -2., 3.5], [4., 0.5, -6.]]
    M3 = [[[1., 2.], [3., 4.], [5., 6.]], [[-1., 0.5], [2., -3.], [0., 1.]]]
    for layout, mk in [("contig", T), ("transposed", TR), ("sliced", SL)]:
        x = mk(M)
        case(F_, "sum", [x], id=layout)
        case(F_, "sum", [mk(M)], dims=[0], id=layout + "_d0")
        case(F_, "sum", [mk(M)], dims=[1], keepdim=True, id=layout + "_d1_keep")
        case(F_, "mean", [mk(M)], id=layout)
        case(F_, "mean", [mk(M)], dims=[-1], id=layout + "_dlast")
        case(F_, "prod", [mk(M)], dim=1, id=layout)
        case(F_, "max_dim", [mk(M)], dim=1, id=layout)
        case(F_, "std", [mk(M)], id=layout)
        case(F_, "softmax", [mk(M)], dim=1, id=layout)
        case(F_, "cumsum", [mk(M)], dim=0, id=layout)
    x3 = lambda: T(M3)  # noqa: E731
    case(F_, "sum", [x3()], dims=[0, 2], id="3d_multi")
    case(F_, "sum", [x3()], dims=[-1, 0], keepdim=True, id="3d_multi_keep")
    case(F_, "sum", [x3()], dims=[1, 1], id="dup_dims")
    case(F_, "sum", [x3()], dims=[3], id="bad_dim")
    case(F_, "sum", [x3()], dims=[], id="empty_dims")
    case(F_, "mean", [x3()], dims=[0, 1], keepdim=True, id="3d_multi")
    case(F_, "sum", [EX([1., 2., 3.], [4, 3])], dims=[0], id="expanded")
    for dt in DTS:
        case(F_, "sum", [T(vals(dt), dt)], id=DT[dt])
        case(F_, "prod", [T(vals(dt), dt)], id=DT[dt])
        case(F_, "cumsum", [T(vals(dt), dt)], dim=0, id=DT[dt])
        case(F_, "max_all", [T(vals(dt), dt)], id=DT[dt])
        case(F_, "argmax", [T(vals(dt), dt)], id=DT[dt])
    case(F_, "sum", [T([1, 2, 3], i32)], dtype=f64, id="dtype_f64")
    case(F_, "sum", [T([1.5, 2.5])], dtype=i64, grad=False, id="f32_to_i64")
    case(F_, "sum", [T([200, 100], u8)], id="u8_widens")
    case(F_, "mean", [T([1, 2], i64)], id="int_err")
    case(F_, "mean", [T([], shape=[0])], id="empty")
    case(F_, "sum", [T([], shape=[0, 3])], dims=[0], id="empty_d0")
    case(F_, "prod", [T([], shape=[0])], id="empty")
    case(F_, "sum", [T(2.5)], id="0d")
    case(F_, "sum", [T(2.5)], dims=[0], id="0d_dim0")
    case(F_, "mean", [T(2.5)], dims=[-1], keepdim=True, id="0d_keep")
    case(F_, "prod", [T([2., 0., 3.])], id="one_zero_grad")
    case(F_, "prod", [T([0., 0., 3.])], id="two_zeros_grad")
    case(F_, "prod", [T([[2., 0.], [3., 4.]])], dim=0, id="dim_zero_grad")
    nanv = [1., float("nan"), 3., -1.]
    for op in ["max_all", "min_all", "argmax", "argmin"]:
        case(F_, op, [T(nanv)], id="nan")
        case(F_, op, [T([2., 5., 5., 1.])], id="ties")
        case(F_, op, [T([], shape=[0])], id="empty")
        case(F_, op, [T(3.)], id="0d")
    for op in ["max_dim", "min_dim"]:
        case(F_, op, [T([[1., float("nan"), 3.], [2., 2., 0.]])], dim=1, id="nan_ties")
        case(F_, op, [T(M)], dim=0, keepdim=True, id="keepdim")
        case(F_, op, [T([[1, 5], [7, 2]], i64)], dim=-1, id="int")
        case(F_, op, [T([], shape=[2, 0])], dim=1, id="empty_dim")
        case(F_, op, [T([], shape=[0, 2])], dim=1, id="empty_other")
        case(F_, op, [T(3.)], dim=0, id="0d")
        case(F_, op, [T(M)], dim=2, id="bad_dim")
    case(F_, "argmax", [T(M)], dim=0, id="dim0")
    case(F_, "argmax", [T(M)], dim=1, keepdim=True, id="dim1_keep")
    case(F_, "argmax", [T(M)], keepdim=True, id="flat_keep")
    case(F_, "argmin", [TR(M)], dim=1, id="transposed")
    case(F_, "argmax", [T([True, False, True])], id="bool")
    case(F_, "amax", [T(M3)], dims=[0, 2], id="3d")
    case(F_, "amax", [T([[1., 3.], [3., 2.]])], dims=[0, 1], keepdim=True, id="ties_grad")
    for op in ["all", "any"]:
        case(F_, op, [T([[True, False], [True, True]])], id="bool")
        case(F_, op, [T([[True, False], [True, True]])], dim=1, id="dim1")
        case(F_, op, [T([1., 0., 2.])], id="f32")
        case(F_, op, [T([3, 1], u8)], id="u8")
        case(F_, op, [T([], shape=[0], dtype=b8)], id="empty")
        case(F_, op, [T([[1, 0], [2, 0]], i64)], dim=0, keepdim=True, id="keep")
    V = [[1., 2., 4.], [3., -1., 0.5]]
    for op in ["std", "var"]:
        case(F_, op, [T(V)], id="all")
        case(F_, op, [T(V)], dims=[1], id="d1")
        case(F_, op, [T(V)], dims=[0], correction=0, keepdim=True, id="d0_c0_keep")
        case(F_, op, [T(V, f64)], dims=[1], correction=2, id="f64_c2")
        case(F_, op, [T([1.])], id="single")
        case(F_, op, [T([1, 2], i64)], id="int_err")
    for p in [1, 2, 3, float("inf")]:
        case(F_, "norm", [T([[3., -4.], [0., 1.]])], p=p, id=f"p{p}")
        case(F_, "norm", [T([[3., -4.], [0., 1.]])], p=p, dims=[1], id=f"p{p}_d1")
    case(F_, "norm", [T([0., 0.])], id="zero_grad")
    case(F_, "norm", [T([1, 2], i64)], id="int_err")
    case(F_, "norm", [T([[3., 4.]], f64)], dims=[1], keepdim=True, id="f64_keep")
    case(F_, "cumsum", [T(M3)], dim=-1, id="3d_last")
    case(F_, "cumsum", [T([True, True, False])], dim=0, id="bool")
    case(F_, "cumsum", [T(2.)], dim=0, id="0d")
    case(F_, "cumsum", [T([1., 2.])], dim=1, id="bad_dim")
    case(F_, "logsumexp", [T(M)], dims=[1], id="d1")
    case(F_, "logsumexp", [T([[1000., 1000.], [-1000., 0.]])], dims=[1], keepdim=True, id="large")
    case(F_, "logsumexp", [T([[float("-inf"), float("-inf")], [float("inf"), 1.]])], dims=[1], grad=False, id="infs")
    case(F_, "logsumexp", [T([1, 2], i64)], dims=[0], id="int")
    for op in ["softmax", "log_softmax"]:
        case(F_, op, [T(M3)], dim=-1, id="3d_last")
        case(F_, op, [T(M3)], dim=1, id="3d_mid")
        case(F_, op, [T([[1000., 0.], [float("-inf"), 0.]])], dim=1, id="extreme")
        case(F_, op, [T([1, 2, 3], i64)], dim=0, id="int")
        case(F_, op, [T(1.5)], dim=0, id="0d")
        case(F_, op, [T(M, f64)], dim=0, id="f64")
    # sorting
    sv = [3., 1., float("nan"), 2., 1., -4.]
    case(F_, "sort", [T(sv)], id="nan_ties")
    case(F_, "sort", [T(sv)], descending=True, id="nan_ties_desc")
    case(F_, "sort", [T([[3., 1., 2.], [0., 5., -1.]])], dim=0, id="dim0")
    case(F_, "sort", [TR([[3., 1., 2.], [0., 5., -1.]])], dim=1, descending=True, id="transposed")
    case(F_, "sort", [T([3, 1, 2, 1], i64)], id="int")
    case(F_, "sort", [T([True, False, True])], id="bool")
    case(F_, "sort", [T([5, 2, 9], u8)], descending=True, id="u8")
    case(F_, "sort", [T(2.)], id="0d")
    case(F_, "sort", [T([], shape=[0])], id="empty")
    case(F_, "sort", [T([1., 2.])], dim=1, id="bad_dim")
    case(F_, "sort", [T([[4., 2.], [1., 3.]], f64)], dim=-1, id="f64")
    case(F_, "argsort", [T(sv)], id="nan_ties")
    case(F_, "argsort", [T([[3, 1, 2], [0, 5, -1]], i32)], dim=0, descending=True, id="i32_dim0")
    case(F_, "argsort", [T([2., 2., 1., 2.])], descending=True, id="stable_desc")
    tk = [3., 1., 4., 1.5, 5., 9., 2., 6.]
    case(F_, "topk", [T(tk)], k=3, id="k3")
    case(F_, "topk", [T(tk)], k=3, largest=False, id="smallest")
    case(F_, "topk", [T([[3., 1., 4.], [1.5, 5., 9.]])], k=2, dim=0, id="dim0")
    case(F_, "topk", [T([[3., 1., 4.], [1.5, 5., 9.]])], k=1, dim=1, id="k1")
    case(F_, "topk", [T([3, 7, 1, 8], i64)], k=2, id="int")
    case(F_, "topk", [T(tk)], k=0, id="k0")
    case(F_, "topk", [T(tk)], k=9, id="k_too_big")
    case(F_, "topk", [T([1., float("nan"), 3.])], k=2, id="nan")
    case(F_, "topk", [TR([[3., 1.], [4., 1.5]])], k=1, dim=1, id="transposed")
    uv = [3, 1, 2, 1, 3, 3, 0]
    case(F_, "unique", [T(uv, i64)], id="plain")
    case(F_, "unique", [T(uv, i64)], inverse=True, id="inverse")
    case(F_, "unique", [T(uv, i64)], counts=True, id="counts")
    case(F_, "unique", [T(uv, i64)], inverse=True, counts=True, id="both")
    case(F_, "unique", [T([[2., 1.], [2., 0.5]])], inverse=True, counts=True, id="2d_f32")
    case(F_, "unique", [T([True, False, True])], counts=True, id="bool")
    case(F_, "unique", [T([], shape=[0], dtype=i64)], inverse=True, counts=True, id="empty")
    case(F_, "unique", [T(uv, i64)], sorted=False, id="unsorted")
    case(F_, "unique", [T([2., float("nan"), 1., float("nan")])], counts=True, id="nan")


def linalg():
    F_ = "linalg"
    A = [[1., 2., 3.], [4., 5., 6.]]
    B = [[1., 0.5], [-1., 2.], [0., 3.]]
    case(F_, "mm", [T(A), T(B)], id="f32")
    case(F_, "mm", [TR(A), T(B)], id="transposed_a")
    case(F_, "mm", [T(A), TR(B)], id="transposed_b")
    case(F_, "mm", [SL(A), SL(B)], id="sliced")
    case(F_, "mm", [T(A, f64), T(B, f64)], id="f64")
    case(F_, "mm", [T([[1, 2], [3, 4]], i64), T([[5, 6], [7, 8]], i64)], id="i64")
    case(F_, "mm", [T([[1, 2]], i32), T([[3], [4]], i32)], id="i32")
    case(F_, "mm", [T(A), T(A)], id="shape_err")
    case(F_, "mm", [T(A), T(B, f64)], id="dtype_err")
    case(F_, "mm", [T([1., 2.]), T(B)], id="not_matrix")
    case(F_, "mm", [T([], shape=[2, 0]), T([], shape=[0, 3])], id="k0")
    case(F_, "mm", [T([], shape=[0, 3]), T(B)], id="m0")
    case(F_, "mm", [EX([1., 2., 3.], [2, 3]), T(B)], id="expanded")
    P = [[[1., 2.], [3., 4.]], [[0.5, -1.], [2., 0.]]]
    Q = [[[1., 0., 2.], [0., 1., -1.]], [[2., 1., 0.], [1., 1., 1.]]]
    case(F_, "bmm", [T(P), T(Q)], id="f32")
    case(F_, "bmm", [In(P, recipe=[["transpose", 1, 2]]), T(Q)], id="transposed")
    case(F_, "bmm", [T(P), T(P[0])], id="not_3d")
    case(F_, "bmm", [T(P), T(Q[0:1])], id="batch_mismatch")
    case(F_, "bmm", [T(P), In(Q, recipe=[["transpose", 1, 2]])], id="k_mismatch")
    case(F_, "mv", [T(A), T([1., -1., 2.])], id="f32")
    case(F_, "mv", [TR(B), T([1., -1.])], id="transposed")
    case(F_, "mv", [T(A), T([1., 2.])], id="size_err")
    case(F_, "mv", [T([1, 2], i64), T([1, 2], i64)], id="not_matrix")
    case(F_, "dot", [T([1., 2., 3.]), T([4., -5., 6.])], id="f32")
    case(F_, "dot", [SL([1., 2., 3.]), T([4., -5., 6.])], id="sliced")
    case(F_, "dot", [T([1, 2], i64), T([3, 4], i64)], id="i64")
    case(F_, "dot", [T([1., 2.]), T([1., 2., 3.])], id="size_err")
    case(F_, "dot", [T([1., 2.]), T([1., 2.], f64)], id="dtype_err")
    case(F_, "dot", [T(A), T(A)], id="2d_err")
    case(F_, "dot", [T([], shape=[0]), T([], shape=[0])], id="empty")
    case(F_, "outer", [T([1., 2.]), T([3., 4., 5.])], id="f32")
    case(F_, "outer", [T([1, 2], i64), T([0.5, 1.])], id="promote")
    case(F_, "outer", [T(A), T([1.])], id="2d_err")
    v3 = [1., -1., 2.]
    case(F_, "matmul", [T(v3), T(v3)], id="1d_1d")
    case(F_, "matmul", [T(A), T(v3)], id="2d_1d")
    case(F_, "matmul", [T([1., 2.]), T(A)], id="1d_2d")
    case(F_, "matmul", [T(A), T(B)], id="2d_2d")
    case(F_, "matmul", [T(Q), T(B)], id="3d_2d")
    case(F_, "matmul", [T(B), T(P)], grad=True, id="2d_3d")
    case(F_, "matmul", [T(Q), T(v3)], id="3d_1d")
    case(F_, "matmul", [T([1., 2.]), T(Q)], id="1d_3d")
    case(F_, "matmul", [T(P), T(Q)], id="3d_3d")
    case(F_, "matmul", [T([P]), T(Q)], id="4d_3d_bcast")
    case(F_, "matmul", [T([[[1., 2.]], [[3., 4.]]]), T([[[1.], [2.]]])], id="bcast_batch")
    case(F_, "matmul", [T(A), T(A)], id="shape_err")
    case(F_, "matmul", [T([1., 2.]), T(v3)], id="1d_mismatch")
    case(F_, "matmul", [T(2.), T(v3)], id="0d_err")
    case(F_, "matmul", [T(Q), T(Q)], id="3d_mismatch")
    case(F_, "matmul", [T([1., 2.]), T(B)], id="1d_2d_mismatch")
    case(F_, "matmul", [T([[1, 2]], i64), T([[3], [4]], i64)], id="int")
    case(F_, "matmul", [T([[1, 2]], i64), T([[3.], [4.]])], id="dtype_mix_err")
    case(F_, "addmm", [T([1., -1.]), T(A), T(B)], id="bias_row")
    case(F_, "addmm", [T([[1., 2.], [3., 4.]]), T(A), T(B)], beta=S(0.5), alpha=S(2), id="beta_alpha")
    case(F_, "addmm", [T(1.), T(A), T(B)], id="0d_bias")
    case(F_, "addmm", [T([1., 2., 3.]), T(A), T(B)], id="bad_bias")
    case(F_, "addmm", [T([[1.], [2.], [3.]]), TR(B), TR(A)], id="transposed")
    case(F_, "addmm", [T([1, 2], i64), T([[1, 2]], i64), T([[3, 4], [5, 6]], i64)], id="int")
    case(F_, "addmm", [T([1., 2.]), T(A), T(A)], id="shape_err")


def shape():
    F_ = "shape"
    M = [[1., 2., 3.], [4., 5., 6.]]
    x = lambda: T(M)  # noqa: E731
    case(F_, "view", [x()], shape=[3, 2], id="contig")
    case(F_, "view", [x()], shape=[-1], id="infer")
    case(F_, "view", [x()], shape=[-1, 6], id="infer_lead")
    case(F_, "view", [TR(M)], shape=[6], id="transposed_err")
    case(F_, "view", [TR(M)], shape=[3, 2, 1], id="transposed_ok")
    case(F_, "view", [x()], shape=[4, 2], id="numel_err")
    case(F_, "view", [x()], shape=[-1, -1], id="two_infer")
    case(F_, "view", [x()], shape=[-1, 4], id="infer_err")
    case(F_, "view", [x()], shape=[2, -2], id="neg_err")
    case(F_, "view", [T([1., 2., 3., 4., 5., 6., 7., 8.], shape=[2, 4], rg=True)], shape=[2, 2, 2], id="split_dim")
    case(F_, "view", [In(torch.arange(24.).reshape(2, 3, 4), recipe=[["slice", 2, 0, None, 2]])], shape=[6, 2], id="sliced_merge")
    case(F_, "view", [In(torch.arange(24.).reshape(2, 3, 4), recipe=[["slice", 2, 0, None, 2]])], shape=[2, 6], id="sliced_merge_err")
    case(F_, "view", [EX([1., 2.], [3, 2])], shape=[6], id="expanded_err")
    case(F_, "view", [EX([1., 2.], [3, 2])], shape=[3, 1, 2], id="expanded_ok")
    case(F_, "view", [T(5.)], shape=[1, 1], id="0d")
    case(F_, "view", [T([], shape=[0, 3])], shape=[3, 0], id="empty")
    case(F_, "view", [T([], shape=[0, 3])], shape=[-1], id="empty_infer")
    case(F_, "view", [T([], shape=[0, 3])], shape=[-1, 0], id="empty_infer_err")
    case(F_, "reshape", [x()], shape=[3, 2], id="contig")
    case(F_, "reshape", [TR(M)], shape=[6], id="transposed_copy")
    case(F_, "reshape", [SL(M)], shape=[-1], id="sliced_copy")
    case(F_, "reshape", [EX([1., 2.], [3, 2])], shape=[2, 3], id="expanded_copy")
    case(F_, "reshape", [x()], shape=[5], id="err")
    case(F_, "reshape", [T([7], i64)], shape=[], id="to_0d")
    for s, e in [(0, -1), (1, 2), (0, 1), (1, 1), (2, 1)]:
        case(F_, "flatten", [T(torch.arange(24.).reshape(2, 3, 4))], start=s, end=e, id=f"{s}_{e}")
    case(F_, "flatten", [T(3.)], id="0d")
    case(F_, "flatten", [In(torch.arange(24.).reshape(2, 3, 4), recipe=[["transpose", 0, 2]])], id="transposed")
    case(F_, "unflatten", [T(torch.arange(12.))], dim=0, sizes=[3, 4], id="basic")
    case(F_, "unflatten", [T(torch.arange(12.).reshape(2, 6))], dim=-1, sizes=[2, -1], id="infer")
    case(F_, "unflatten", [T(torch.arange(12.))], dim=0, sizes=[5, 2], id="err")
    X3 = torch.arange(24.).reshape(2, 3, 4)
    case(F_, "permute", [T(X3)], dims=[2, 0, 1], id="3d")
    case(F_, "permute", [T(X3)], dims=[-1, 0, 1], id="neg")
    case(F_, "permute", [T(X3)], dims=[0, 1], id="len_err")
    case(F_, "permute", [T(X3)], dims=[0, 0, 1], id="dup_err")
    case(F_, "permute", [T(X3)], dims=[0, 1, 3], id="range_err")
    case(F_, "transpose", [T(X3)], d0=0, d1=2, id="3d")
    case(F_, "transpose", [T(X3)], d0=-1, d1=1, id="neg")
    case(F_, "transpose", [T(X3)], d0=0, d1=3, id="range_err")
    case(F_, "transpose", [T(2.)], d0=0, d1=-1, id="0d")
    case(F_, "t", [x()], id="2d")
    case(F_, "t", [T([1., 2.])], id="1d")
    case(F_, "t", [T(X3)], id="3d_err")
    case(F_, "T", [T(X3)], id="3d")
    case(F_, "mT", [T(X3)], id="3d")
    case(F_, "mT", [T([1., 2.])], id="1d_err")
    S4 = torch.arange(6.).reshape(1, 2, 1, 3)
    case(F_, "squeeze", [T(S4)], id="all")
    case(F_, "squeeze", [T(S4)], dim=2, id="d2")
    case(F_, "squeeze", [T(S4)], dim=1, id="non1")
    case(F_, "squeeze", [T(S4)], dim=4, id="range_err")
    case(F_, "squeeze", [T([[5.]])], id="to_0d")
    case(F_, "squeeze", [T(5.)], dim=0, id="0d")
    for d in [0, 1, 2, -1, -3, 3]:
        case(F_, "unsqueeze", [x()], dim=d, id=f"d{d}")
    case(F_, "unsqueeze", [TR(M)], dim=1, id="transposed")
    case(F_, "unsqueeze", [T(2.)], dim=0, id="0d")
    case(F_, "expand", [T([[1.], [2.]])], sizes=[2, 3], id="basic")
    case(F_, "expand", [T([1., 2.])], sizes=[3, -1], id="neg1")
    case(F_, "expand", [T([1., 2.])], sizes=[3, 3], id="err")
    case(F_, "expand", [T([1., 2.])], sizes=[2], id="same")
    case(F_, "expand", [T(M)], sizes=[3], id="too_few")
    case(F_, "expand", [T([1., 2.])], sizes=[-1, 2], id="lead_neg1")
    case(F_, "expand", [T(3.)], sizes=[2, 2], id="0d")
    case(F_, "expand", [T([1, 2], i64)], sizes=[2, 2], id="int")
    case(F_, "expand_as", [T([[1.], [2.]]), T(M)], id="basic")
    case(F_, "repeat", [T([1., 2.])], sizes=[2, 3], id="1d")
    case(F_, "repeat", [T(M)], sizes=[2, 1], id="2d")
    case(F_, "repeat", [TR(M)], sizes=[1, 2], id="transposed")
    case(F_, "repeat", [T(M)], sizes=[2], id="too_few")
    case(F_, "repeat", [T([1., 2.])], sizes=[0, 2], id="zero")
    case(F_, "flip", [T(X3)], dims=[0, 2], id="3d")
    case(F_, "flip", [T(X3)], dims=[-1], id="neg")
    case(F_, "flip", [TR(M)], dims=[0], id="transposed")
    case(F_, "flip", [T(X3)], dims=[0, 0], id="dup_err")
    case(F_, "flip", [T([1, 2, 3], i64)], dims=[0], id="int")
    case(F_, "cat", [T(M), T([[7., 8., 9.]])], dim=0, id="d0")
    case(F_, "cat", [T(M), T([[7.], [8.]])], dim=1, id="d1")
    case(F_, "cat", [T(M), T([[7], [8]], i64)], dim=-1, id="promote")
    case(F_, "cat", [T([1, 2], i32), T([3], u8)], dim=0, id="i32_u8")
    case(F_, "cat", [T(M), T([[7., 8.]])], dim=0, id="size_err")
    case(F_, "cat", [T(M), T([1., 2., 3.])], dim=0, id="rank_err")
    case(F_, "cat", [T(M), T([], shape=[0])], dim=0, id="legacy_empty")
    case(F_, "cat", [T(M), T([], shape=[0, 3])], dim=0, id="empty_rows")
    case(F_, "cat", [TR(M), SL([[0., 0.], [1., 1.], [2., 2.]])], dim=1, id="layouts")
    case(F_, "cat", [T(1.), T(2.)], id="0d_err")
    case(F_, "cat", [T(M), T(M)], dim=2, id="dim_err")
    case(F_, "stack", [T([1., 2.]), T([3., 4.])], dim=0, id="d0")
    case(F_, "stack", [T([1., 2.]), T([3., 4.])], dim=1, id="d1")
    case(F_, "stack", [T([1., 2.]), T([3., 4.])], dim=-1, id="neg")
    case(F_, "stack", [T([1., 2.]), T([3., 4., 5.])], id="size_err")
    case(F_, "stack", [T(1.), T(2.)], id="0d")
    case(F_, "stack", [T([1, 2], i64), T([0.5, 1.])], id="promote")
    case(F_, "stack", [T([1., 2.]), T([3., 4.])], dim=2, id="dim_err")
    S7 = torch.arange(14.).reshape(7, 2)
    case(F_, "split", [T(S7)], size=3, id="size3")
    case(F_, "split", [T(S7)], size=[2, 5], id="sizes")
    case(F_, "split", [T(S7)], size=[2, 4], id="sizes_err")
    case(F_, "split", [T(S7)], size=1, dim=1, id="dim1")
    case(F_, "split", [T(S7)], size=10, id="bigger")
    case(F_, "chunk", [T(S7)], chunks=3, id="3")
    case(F_, "chunk", [T(S7)], chunks=4, id="4")
    case(F_, "chunk", [T(torch.arange(6.))], chunks=4, id="6_by_4")
    case(F_, "chunk", [T(S7)], chunks=2, dim=1, id="dim1")
    case(F_, "chunk", [T(S7)], chunks=0, id="zero")
    case(F_, "unbind", [T(M)], dim=0, id="d0")
    case(F_, "unbind", [T(M)], dim=1, id="d1")
    case(F_, "unbind", [TR(M)], dim=0, id="transposed")
    case(F_, "narrow", [T(S7)], dim=0, start=2, length=3, id="basic")
    case(F_, "narrow", [T(S7)], dim=0, start=-3, length=2, id="neg_start")
    case(F_, "narrow", [T(S7)], dim=1, start=1, length=2, id="too_long")
    case(F_, "narrow", [T(S7)], dim=0, start=8, length=0, id="start_err")
    case(F_, "contiguous", [TR(M)], id="transposed")
    case(F_, "contiguous", [EX([1., 2.], [2, 2])], id="expanded")


def indexing():
    F_ = "indexing"
    X = torch.arange(12.).reshape(3, 4)
    X3 = torch.arange(24.).reshape(2, 3, 4)

    def I(*items):
        return list(items)
    i_ = lambda v: {"int": v}  # noqa: E731
    s_ = lambda a=None, b=None, c=None: {"slice": [a, b, c]}  # noqa: E731
    t_ = lambda k: {"t": k}  # noqa: E731
    for name, idx in [("int", I(i_(1))), ("neg_int", I(i_(-1))), ("int_int", I(i_(1), i_(2))),
                      ("slice", I(s_(1, None))), ("slice_step", I(s_(None, None, 2))), ("slice_neg", I(s_(-2, None))),
                      ("slice_clamp", I(s_(-10, 10))), ("slice_empty", I(s_(3, 1))),
                      ("col", I(s_(), i_(2))), ("none", I("None", i_(0))), ("ellipsis", I("...", i_(1))),
                      ("ellipsis_none", I("...", "None")), ("all", I(s_(), s_(None, None, 3))),
                      ("out_of_range", I(i_(5))), ("out_of_range_col", I(s_(), i_(-5))),
                      ("too_many", I(i_(0), i_(0), i_(0))), ("two_ellipsis", I("...", "...")),
                      ("step0", I(s_(None, None, 0))), ("neg_step", I(s_(None, None, -1)))]:
        case(F_, "index", [T(X)], idx=idx, id=name)
    case(F_, "index", [T(5.)], idx=I("None"), id="0d_none")
    case(F_, "index", [T(5.)], idx=I("..."), id="0d_ellipsis")
    case(F_, "index", [T(5.)], idx=I(i_(0)), id="0d_int")
    case(F_, "index", [TR([[1., 2., 3.], [4., 5., 6.]])], idx=I(s_(), i_(1)), id="transposed")
    # advanced
    it = lambda v: T(v, i64)  # noqa: E731
    case(F_, "index", [T(X), it([2, 0, 2])], idx=I(t_(1)), id="adv_rows")
    case(F_, "index", [T(X), it([-1, 0])], idx=I(s_(), t_(1)), id="adv_cols_neg")
    case(F_, "index", [T(X), it([0, 2]), it([1, 3])], idx=I(t_(1), t_(2)), id="adv_pairs")
    case(F_, "index", [T(X), it([[0], [2]]), it([1, 3])], idx=I(t_(1), t_(2)), id="adv_bcast")
    case(F_, "index", [T(X), it([0, 3])], idx=I(t_(1)), id="adv_oob")
    case(F_, "index", [T(X), it([0, 1]), it([0, 1, 2])], idx=I(t_(1), t_(2)), id="adv_shape_err")
    case(F_, "index", [T(X), T([0, 2], i32)], idx=I(t_(1)), id="adv_int32")
    case(F_, "index", [T(X), T([0., 1.])], idx=I(t_(1)), id="adv_float_err")
    case(F_, "index", [T(X), T(2, i64)], idx=I(t_(1)), id="adv_0d")
    case(F_, "index", [T(X), T([], shape=[0], dtype=i64)], idx=I(t_(1)), id="adv_empty")
    case(F_, "index", [T(X3), it([0, 1])], idx=I(s_(), s_(), t_(1)), id="adv_last")
    case(F_, "index", [T(X3), it([1, 0]), it([2, 3])], idx=I(t_(1), s_(), t_(2)), id="adv_nonadjacent")
    case(F_, "index", [T(X3), it([1, 0]), it([2, 1])], idx=I(s_(), t_(1), t_(2)), id="adv_adjacent")
    case(F_, "index", [T(X3), it([1, 0]), it([2, 1])], idx=I(i_(0), t_(1), t_(2)), id="adv_int_adj")
    case(F_, "index", [T(X3), it([1, 0])], idx=I(t_(1), i_(1)), id="adv_then_int")
    case(F_, "index", [T(X3), it([1, 0])], idx=I(i_(1), s_(), t_(1)), id="int_slice_adv")
    case(F_, "index", [T(X3), it([[0, 1], [1, 0]])], idx=I(s_(), "None", t_(1)), id="adv_none")
    case(F_, "index", [T(X3), it([0, 2])], idx=I("...", t_(1)), id="ellipsis_adv")
    case(F_, "index", [T(X3), it([1]), it([0, 2])], idx=I(t_(1), s_(None, None, 2), t_(2)), id="adv_step_nonadj")
    # masks
    case(F_, "index", [T(X), T([True, False, True])], idx=I(t_(1)), id="mask_rows")
    case(F_, "index", [T(X), T([[True, False, False, True]] * 3)], idx=I(t_(1)), id="mask_full")
    case(F_, "index", [T(X), T([True, False, True, False])], idx=I(s_(), t_(1)), id="mask_cols")
    case(F_, "index", [T(X), T([True, False])], idx=I(t_(1)), id="mask_shape_err")
    case(F_, "index", [T(X), T([1, 0, 1], u8)], idx=I(t_(1)), id="mask_u8")
    case(F_, "index", [T(X), T(True)], idx=I(t_(1)), id="mask_0d_true")
    case(F_, "index", [T(X), T(False)], idx=I(t_(1)), id="mask_0d_false")
    case(F_, "index", [T(X3), T([True, False]), it([0, 2])], idx=I(t_(1), s_(), t_(2)), id="mask_and_adv")
    case(F_, "index", [TR([[1., 2., 3.], [4., 5., 6.]]), it([1, 0, 1])], idx=I(t_(1)), id="adv_transposed")
    case(F_, "index", [SL([[1., 2., 3.], [4., 5., 6.]]), T([True, False])], idx=I(t_(1)), id="mask_sliced")
    # assignment: value is the input named by "value"
    c = lambda v: In(v, recipe=[["clone"]])  # noqa: E731
    case(F_, "index_put", [c(X), T(-1.)], idx=I(i_(1)), value=1, id="row_scalar")
    case(F_, "index_put", [c(X), T([10., 20., 30., 40.])], idx=I(s_(None, None, 2)), value=1, id="bcast_row")
    case(F_, "index_put", [c(X), T([[1.], [2.], [3.]])], idx=I(s_(), i_(0)), value=1, id="col_shape_err")
    case(F_, "index_put", [c(X), T([5., 6., 7.])], idx=I(s_(), i_(0)), value=1, id="col")
    case(F_, "index_put", [c(X), it([0, 2]), T([9., 8., 7., 6.])], idx=I(t_(1)), value=2, id="adv_bcast")
    case(F_, "index_put", [c(X), it([0, 2]), it([1, 3]), T([-1., -2.])], idx=I(t_(1), t_(2)), value=3, id="adv_pairs")
    case(F_, "index_put", [c(X), T([True, False, True]), T(0.)], idx=I(t_(1)), value=2, id="mask_rows")
    case(F_, "index_put", [c(X), T([[True, False, False, True]] * 3), T([1., 2., 3., 4., 5., 6.])], idx=I(t_(1)), value=2,
         id="mask_values")
    case(F_, "index_put", [c(X3), it([1, 0]), it([2, 3]), T([100., 200., 300.])], idx=I(t_(1), s_(), t_(2)), value=3,
         id="nonadjacent")
    case(F_, "index_put", [c(X), it([0, 5]), T(1.)], idx=I(t_(1)), value=2, id="oob")
    case(F_, "index_put", [T([1, 2, 3], i64), T(9.5)], idx=I(i_(0)), value=1, id="int_float_value")
    case(F_, "index_put", [T(X), T(-1.)], idx=I(i_(1)), value=1, id="leaf_err")
    case(F_, "index_put", [T(X, rg=False), T(-1.)], idx=I(i_(1)), value=1, id="no_grad")
    case(F_, "index_put", [c(X), T([1., 2.])], idx=I(i_(1)), value=1, id="shape_err")
    # select / slice
    case(F_, "select", [T(X3)], dim=1, i=2, id="mid")
    case(F_, "select", [T(X3)], dim=-1, i=-1, id="neg")
    case(F_, "select", [T(X3)], dim=1, i=3, id="oob")
    case(F_, "select", [T(X3)], dim=3, i=0, id="dim_err")
    case(F_, "select", [T(2.)], dim=0, i=0, id="0d")
    case(F_, "slice", [T(X3)], dim=2, start=1, end=None, step=2, id="step")
    case(F_, "slice", [T(X3)], dim=1, start=-2, end=-1, step=1, id="neg")
    case(F_, "slice", [T(X3)], dim=0, start=5, end=9, step=1, id="empty")
    # gather / scatter
    G = [[1., 2., 3.], [4., 5., 6.]]
    case(F_, "gather", [T(G), it([[0, 0], [2, 1]])], dim=1, id="d1")
    case(F_, "gather", [T(G), it([[1, 0, 1]])], dim=0, id="d0")
    case(F_, "gather", [T(G), it([[0, 3]])], dim=1, id="oob")
    case(F_, "gather", [T(G), T([[0, 1]], i32)], dim=1, id="int32_err")
    case(F_, "gather", [T(G), it([0, 1])], dim=1, id="rank_err")
    case(F_, "gather", [T(G), it([[0, 0, 0, 0]])], dim=0, id="size_err")
    case(F_, "gather", [TR(G), it([[1, 0, 2], [0, 0, 1]])], dim=1, id="transposed")
    case(F_, "gather", [T(G), it([[-1, 0]])], dim=1, id="negative")
    case(F_, "scatter", [T(G), it([[2, 0]]), T([[10., 20.]])], dim=1, id="d1")
    case(F_, "scatter", [T(G), it([[1, 0, 1]]), T([[7., 8., 9.], [1., 1., 1.]])], dim=0, id="d0_src_bigger")
    case(F_, "scatter", [T(G), it([[0, 5]]), T([[1., 2.]])], dim=1, id="oob")
    case(F_, "scatter", [T(G, f64), it([[0]]), T([[1.]])], dim=1, id="dtype_err")
    case(F_, "scatter_", [T(G), it([[2, 0]]), T([[10., 20.]])], dim=1, grad=False, id="inplace")
    case(F_, "scatter_add", [T(G), it([[0, 0, 2]]), T([[1., 2., 3.]])], dim=1, id="dups")
    case(F_, "scatter_add", [T([0, 0, 0], i64), it([0, 0, 2]), T([1, 2, 3], i64)], dim=0, id="int")
    case(F_, "index_select", [T(G), it([2, 0, 2])], dim=1, id="d1")
    case(F_, "index_select", [T(G), T([1], i32)], dim=0, id="int32")
    case(F_, "index_select", [T(G), it([3])], dim=1, id="oob")
    case(F_, "index_select", [T(G), it([[0]])], dim=0, id="2d_err")
    case(F_, "index_select", [T(G), T([0.])], dim=0, id="float_err")
    case(F_, "masked_select", [T(G), T([True, False, True])], id="bcast")
    case(F_, "masked_select", [T(G), T([[True, False, True], [False, False, True]])], id="full")
    case(F_, "masked_select", [T(G), T([1, 0, 1], u8)], id="u8_err")
    case(F_, "masked_select", [T(G), T([True, False])], id="shape_err")
    case(F_, "nonzero", [T([[1., 0.], [0., 3.]])], id="2d")
    case(F_, "nonzero", [T([0, 2, 0, 5], i64)], id="1d")
    case(F_, "nonzero", [T(3.)], id="0d")
    case(F_, "nonzero", [T(0.)], id="0d_zero")
    case(F_, "nonzero", [T([], shape=[0, 2])], id="empty")
    case(F_, "nonzero", [TR([[1., 0.], [2., 0.]])], id="transposed")


# ---------------------------------------------------------------- autograd scenarios

SCENARIOS = {}


def scenario(name, inputs):
    def deco(fn):
        SCENARIOS[name] = (fn, inputs)
        return fn
    return deco


def sres(v):
    if isinstance(v, torch.Tensor):
        d = spec_out(v, None)
        d.pop("fn", None)
        d["fn"] = type(v.grad_fn).__name__ if v.grad_fn is not None else None
        d["rg"] = v.requires_grad
        return d
    if v is None:
        return {"none": True}
    if isinstance(v, (bool, int, float)):
        return {"py": enc_py(v)}
    if isinstance(v, str):
        return {"s": v}
    raise TypeError(type(v))


def autograd():
    x3 = [1., 2., 3.]

    @scenario("backward_with_gradient", [T(x3)])
    def _(r, x):
        y = x * x
        y.backward(gradient=torch.tensor([1., 0.5, -1.]))
        r["y"] = y
        r["x.grad"] = x.grad

    @scenario("accumulate_two_backward", [T(x3)])
    def _(r, x):
        y = (x * x).sum()
        y.backward(retain_graph=True)
        r["after1"] = x.grad.clone()
        y.backward()
        r["x.grad"] = x.grad

    @scenario("accumulate_two_graphs", [T(x3)])
    def _(r, x):
        (x * 2).sum().backward()
        (x.exp()).sum().backward()
        r["x.grad"] = x.grad

    @scenario("retain_graph_error", [T(x3)])
    def _(r, x):
        y = (x.exp() * x).sum()
        y.backward()
        r["x.grad"] = x.grad
        y.backward()

    @scenario("retain_graph_ok", [T(x3)])
    def _(r, x):
        y = (x.exp() * x).sum()
        y.backward(retain_graph=True)
        y.backward()
        r["x.grad"] = x.grad

    @scenario("version_counter_sigmoid", [T(x3)])
    def _(r, x):
        y = x.sigmoid()
        y.mul_(2)
        r["y"] = y
        y.sum().backward()

    @scenario("version_counter_mul", [T(x3)])
    def _(r, x):
        a = x * 1
        b = a * a
        a.add_(1)
        r["a"] = a
        b.sum().backward()

    @scenario("version_counter_exp", [T(x3)])
    def _(r, x):
        a = x.exp()
        a.add_(1)
        a.sum().backward()

    @scenario("inplace_not_saved_ok", [T(x3)])
    def _(r, x):
        a = x * 2
        b = a + 1
        a.mul_(3)
        b.sum().backward()
        r["x.grad"] = x.grad
        r["a"] = a

    @scenario("leaf_inplace_error", [T(x3)])
    def _(r, x):
        x.add_(1)

    @scenario("leaf_view_inplace_error", [T(x3)])
    def _(r, x):
        x[0].mul_(2)

    @scenario("leaf_index_assign_error", [T(x3)])
    def _(r, x):
        x[0] = 5.

    @scenario("leaf_inplace_no_grad_ok", [T(x3)])
    def _(r, x):
        with torch.no_grad():
            x.add_(1)
        r["x"] = x
        (x * x).sum().backward()
        r["x.grad"] = x.grad

    @scenario("no_grad", [T(x3)])
    def _(r, x):
        with torch.no_grad():
            y = x * 2
            r["enabled"] = torch.is_grad_enabled()
        r["y"] = y
        r["after"] = torch.is_grad_enabled()
        r["z"] = y * x

    @scenario("detach", [T(x3)])
    def _(r, x):
        d = x.detach()
        r["d"] = d
        d.add_(10)
        r["x"] = x
        r["z"] = (d * x).sum()
        r["z"].backward()
        r["x.grad"] = x.grad

    @scenario("autograd_grad", [T(x3)])
    def _(r, x):
        y = (x ** 3).sum()
        (g,) = torch.autograd.grad(y, x)
        r["g"] = g
        r["x.grad"] = x.grad

    @scenario("autograd_grad_create_graph", [T(x3)])
    def _(r, x):
        y = (x ** 3).sum()
        (g,) = torch.autograd.grad(y, x, create_graph=True)
        r["g"] = g
        (g2,) = torch.autograd.grad(g.sum(), x)
        r["g2"] = g2

    @scenario("autograd_grad_outputs", [T(x3), T([0.5, 1., 2.])])
    def _(r, x, w):
        y = x * x
        (g,) = torch.autograd.grad(y, x, grad_outputs=w)
        r["g"] = g

    @scenario("autograd_grad_unused", [T(x3), T([1., 1.])])
    def _(r, x, u):
        y = (x * 2).sum()
        torch.autograd.grad(y, [x, u])

    @scenario("autograd_grad_allow_unused", [T(x3), T([1., 1.])])
    def _(r, x, u):
        y = (x * 2).sum()
        g = torch.autograd.grad(y, [x, u], allow_unused=True)
        r["gx"] = g[0]
        r["gu"] = g[1]

    @scenario("autograd_grad_no_rg", [T(x3), T([1., 1.], rg=False)])
    def _(r, x, u):
        y = (x * 2).sum()
        torch.autograd.grad(y, [u])

    @scenario("retain_grad", [T(x3)])
    def _(r, x):
        y = x * 2
        y.retain_grad()
        z = (y * y).sum()
        z.backward()
        r["y.grad"] = y.grad
        r["x.grad"] = x.grad

    @scenario("nonleaf_grad_none", [T(x3)])
    def _(r, x):
        y = x * 2
        y.sum().backward()
        r["y.grad"] = y.grad
        r["y.is_leaf"] = y.is_leaf
        r["x.is_leaf"] = x.is_leaf

    @scenario("grad_before_backward", [T(x3)])
    def _(r, x):
        r["x.grad"] = x.grad

    @scenario("backward_no_grad_fn", [T(x3, rg=False)])
    def _(r, x):
        (x * 2).sum().backward()

    @scenario("backward_nonscalar", [T(x3)])
    def _(r, x):
        (x * 2).backward()

    @scenario("backward_shape_mismatch", [T(x3)])
    def _(r, x):
        (x * 2).backward(gradient=torch.ones(2))

    @scenario("requires_grad_int", [T([1, 2], i64, rg=False)])
    def _(r, x):
        x.requires_grad_()

    @scenario("requires_grad_nonleaf_false", [T(x3)])
    def _(r, x):
        (x * 2).requires_grad_(False)

    @scenario("retain_grad_no_rg", [T(x3, rg=False)])
    def _(r, x):
        x.retain_grad()

    @scenario("inplace_nonleaf_history", [T(x3)])
    def _(r, x):
        y = x * 2
        y.add_(1)
        r["y"] = y
        y.relu_()
        r["y2"] = y
        (y * y).sum().backward()
        r["x.grad"] = x.grad

    @scenario("index_assign_nonleaf", [T(x3), T(5.)])
    def _(r, x, v):
        y = x * 1
        y[0] = v
        r["y"] = y
        (y * torch.tensor([1., 2., 3.])).sum().backward()
        r["x.grad"] = x.grad
        r["v.grad"] = v.grad

    @scenario("view_inplace_copyslices", [T([[1., 2.], [3., 4.]])])
    def _(r, x):
        y = x.clone()
        y[1:].mul_(2)
        r["y"] = y
        (y * y).sum().backward()
        r["x.grad"] = x.grad

    @scenario("grad_zero_and_reuse", [T(x3)])
    def _(r, x):
        (x * 3).sum().backward()
        x.grad.zero_()
        (x * x).sum().backward()
        r["x.grad"] = x.grad

    @scenario("grad_fn_names", [T([[1., -2.], [3., 4.]]), T([[0.5, 1.], [2., -1.]])])
    def _(r, a, b):
        r["add"] = a + 1
        r["add_t"] = a + b
        r["sub"] = a - b
        r["rsub"] = 1 - a
        r["mul"] = a * b
        r["div"] = a / b
        r["neg"] = -a
        r["pow"] = a ** 2
        r["mm"] = a @ b
        r["addmm"] = torch.addmm(a, a, b)
        r["bmm"] = torch.bmm(a.unsqueeze(0), b.unsqueeze(0))
        r["sum"] = a.sum()
        r["sum_dim"] = a.sum(0)
        r["mean"] = a.mean()
        r["mean_dim"] = a.mean(1)
        r["max"] = a.max()
        r["min"] = a.min()
        r["max_dim"] = a.max(0)[0]
        r["std"] = a.std()
        r["var"] = a.var()
        r["norm"] = a.norm()
        r["relu"] = a.relu()
        r["sigmoid"] = a.sigmoid()
        r["tanh"] = a.tanh()
        r["exp"] = a.exp()
        r["log"] = b.abs().log()
        r["abs"] = a.abs()
        r["sqrt"] = b.abs().sqrt()
        r["clamp"] = a.clamp(0, 1)
        r["where"] = torch.where(a > 0, a, b)
        r["view"] = a.view(4)
        r["reshape"] = a.reshape(-1)
        r["flatten"] = a.flatten()
        r["t"] = a.t()
        r["transpose"] = a.transpose(0, 1)
        r["T"] = a.T
        r["permute"] = a.permute(1, 0)
        r["unsqueeze"] = a.unsqueeze(0)
        r["squeeze_dim"] = a.unsqueeze(0).squeeze(0)
        r["squeeze"] = a.unsqueeze(0).squeeze()
        r["select"] = a[0]
        r["slice"] = a[:1]
        r["split"] = a.split(1)[0]
        r["chunk"] = a.chunk(2)[1]
        r["cat"] = torch.cat([a, b])
        r["stack"] = torch.stack([a, b])
        r["expand"] = a[:1].expand(3, 2)
        r["clone"] = a.clone()
        r["double"] = a.double()
        r["softmax"] = a.softmax(1)
        r["log_softmax"] = a.log_softmax(1)
        r["argmax"] = a.argmax()
        r["detach"] = a.detach()
        r["sort"] = a.sort()[0]
        r["topk"] = a.flatten().topk(2)[0]
        r["index"] = a[torch.tensor([1, 0])]
        r["gather"] = a.gather(1, torch.tensor([[0], [1]]))
        r["cumsum"] = a.cumsum(0)
        r["matmul_3d_2d"] = torch.matmul(a.unsqueeze(0), b)
        r["mv"] = a.mv(b[0])
        r["dot"] = a[0].dot(b[0])
        r["maximum"] = torch.maximum(a, b)
        r["masked_fill"] = a.masked_fill(a > 0, 0.)
        r["logsumexp"] = a.logsumexp(1)
        r["prod"] = a.prod()
        r["repeat"] = a.repeat(2, 1)
        r["flip"] = a.flip(0)
        r["unbind"] = a.unbind(0)[0]
        r["narrow"] = a.narrow(0, 0, 1)

    @scenario("no_grad_fn_under_no_grad", [T(x3)])
    def _(r, x):
        with torch.no_grad():
            r["y"] = x.exp()
        r["z"] = x.exp()

    @scenario("grad_repr", [T(x3)])
    def _(r, x):
        (x * x).sum().backward()
        r["repr"] = repr(x.grad)
        r["x_repr"] = repr(x)

    for name, (fn, inputs) in SCENARIOS.items():
        bases = []
        for i in inputs:
            rg = i.rg if i.rg is not None else i.base.dtype.is_floating_point
            b, _ = i.build(rg)
            bases.append(b)
        c = {"id": f"scenario/{name}", "sc": name, "in": [spec_in(i, b, b) for i, b in zip(inputs, bases)]}
        r = {}
        try:
            fn(r, *bases)
        except Exception as e:  # noqa: BLE001
            c["err"] = {"type": type(e).__name__, "msg": str(e)}
        c["res"] = {k: sres(v) for k, v in r.items()}
        FAMILIES.setdefault("autograd", []).append(c)


def extra():
    """Larger sizes (summation order, GEMM paths) and a few layout/promotion corners."""
    g = torch.Generator().manual_seed(1234)
    big = torch.randn(1000, generator=g)
    mat = torch.randn(37, 53, generator=g)
    case("reduction", "sum", [T(big)], id="n1000")
    case("reduction", "mean", [T(big)], id="n1000")
    case("reduction", "sum", [T(mat)], dims=[0], id="37x53_d0")
    case("reduction", "sum", [T(mat)], dims=[1], id="37x53_d1")
    case("reduction", "cumsum", [T(big[:100])], dim=0, id="n100")
    case("reduction", "softmax", [T(mat)], dim=1, id="37x53")
    case("reduction", "std", [T(mat)], dims=[1], id="37x53")
    case("reduction", "sum", [T(big, f64)], id="n1000_f64")
    case("linalg", "mm", [T(mat), T(torch.randn(53, 19, generator=g))], id="37x53x19")
    case("linalg", "mm", [T(mat.t().contiguous().t()), T(torch.randn(53, 19, generator=g))], id="37x53x19_colmajor")
    case("linalg", "matmul", [T(torch.randn(3, 17, 9, generator=g)), T(torch.randn(9, 21, generator=g))], id="3x17x9_9x21")
    case("linalg", "bmm", [T(torch.randn(4, 8, 16, generator=g), f64), T(torch.randn(4, 16, 5, generator=g), f64)], id="f64_4x8x16x5")
    case("linalg", "mm", [T(torch.randint(-5, 5, (6, 7), generator=g)), T(torch.randint(-5, 5, (7, 3), generator=g))], id="i64_6x7x3")
    case("linalg", "mm", [T([[1., 2.]]), EX([[3.], [4.]], [2, 3])], id="expanded_cols")
    case("elementwise", "add_", [EX([1., 2.], [3, 2]), T([1., 1.])], grad=False, id="expanded_target")
    case("elementwise", "mul_s_", [EX([1., 2.], [3, 2])], s=S(2), grad=False, id="expanded_target")
    case("elementwise", "add", [T(big[:64]), T(big[64:128])], id="n64")
    case("elementwise", "exp", [T(big[:64])], id="n64")
    case("elementwise", "tanh", [T(big[:64] * 5)], id="n64")
    case("elementwise", "div", [T([1, 2, 3], i32), T(2.5, f64)], id="i32_0d_f64")
    case("elementwise", "mul", [T([1, 2], u8), T(-1, i64)], id="u8_0d_i64_wrap")
    case("elementwise", "add_s", [T([1, 2], u8)], s=S(-1), id="u8_neg_scalar")
    case("elementwise", "div_s", [T([7, -7], i64)], s=S(0), id="int_by_zero_scalar")
    case("comparison", "where_s", [T([True, False]), T([1., 2.], f64)], s=S(0.5), id="f64_float")
    case("comparison", "clamp", [T([1., 5.], f64)], min=S(2), max=S(3.5), id="f64")
    case("indexing", "index", [T(torch.arange(60.).reshape(3, 4, 5)), T([[0, 2]], i64), T([[1], [3]], i64)],
         idx=[{"t": 1}, {"slice": [None, None, 2]}, {"t": 2}], id="adv_bcast_nonadjacent")
    case("shape", "reshape", [In(torch.arange(24.).reshape(2, 3, 4), recipe=[["permute", [2, 0, 1]]])], shape=[4, 6], id="permuted_copy")


def errors():
    F_ = "errors"
    M = [[1., 2., 3.], [4., 5., 6.]]
    for d in [2, -3, 5]:
        case(F_, "sum", [T(M)], dims=[d], id=f"dim_{d}")
        case(F_, "softmax", [T(M)], dim=d, id=f"dim_{d}")
        case(F_, "unsqueeze", [T(M)], dim=d + 1 if d > 0 else d - 1, id=f"dim_{d}")
        case(F_, "transpose", [T(M)], d0=0, d1=d, id=f"dim_{d}")
        case(F_, "select", [T(M)], dim=d, i=0, id=f"dim_{d}")
        case(F_, "cumsum", [T(M)], dim=d, id=f"dim_{d}")
        case(F_, "argmax", [T(M)], dim=d, id=f"dim_{d}")
        case(F_, "flip", [T(M)], dims=[d], id=f"dim_{d}")
        case(F_, "narrow", [T(M)], dim=d, start=0, length=1, id=f"dim_{d}")
    case(F_, "sum", [T(1.)], dims=[1], id="0d_dim1")
    case(F_, "select", [T([1., 2., 3.])], dim=0, i=5, id="oob_5_of_3")
    case(F_, "select", [T([1., 2., 3.])], dim=0, i=-4, id="oob_neg")
    case(F_, "index", [T([1., 2., 3.])], idx=[{"int": 5}], id="oob_5_of_3")
    case(F_, "index", [T(M)], idx=[{"slice": [None, None, None]}, {"int": 3}], id="oob_dim1")
    case(F_, "view", [T(M).__class__(torch.tensor(M).t().contiguous(), recipe=[["transpose", 0, 1]])], shape=[-1],
         id="noncontig")
    case(F_, "view", [T(M)], shape=[7], id="numel")
    case(F_, "reshape", [T(M)], shape=[-1, 4], id="infer")
    case(F_, "add", [T([1., 2., 3.]), T([1., 2.])], id="bcast")
    case(F_, "mul", [T([[1.], [2.]]), T([[1., 2., 3.], [4., 5., 6.], [7., 8., 9.]])], id="bcast_dim0")
    case(F_, "mm", [T(M), T(M)], id="mm_shapes")
    case(F_, "matmul", [T([[[1., 2.]]]), T([[[1., 2.]]])], id="matmul_3d")
    case(F_, "matmul", [T(M), T([1., 2.])], id="matmul_2d_1d")
    case(F_, "bmm", [T(M), T(M)], id="bmm_2d")
    case(F_, "mv", [T(M), T([1., 2.])], id="mv")
    case(F_, "cat", [T(M), T([[1.], [2.], [3.]])], dim=0, id="cat_sizes")
    case(F_, "stack", [T(M), T([[1., 2.]])], id="stack_sizes")
    case(F_, "expand", [T([1., 2., 3.])], sizes=[2, 2], id="expand")
    case(F_, "max_all", [T([], shape=[0])], id="max_empty")
    case(F_, "gather", [T(M), T([[0, 3]], i64)], dim=1, id="gather_oob")
    case(F_, "index_select", [T(M), T([2], i64)], dim=0, id="index_select_oob")
    case(F_, "index", [T(M), T([[True, False]])], idx=[{"t": 1}], id="mask_shape")
    case(F_, "split", [T(M)], size=[1, 1], dim=1, id="split_sizes")
    case(F_, "squeeze", [T(M)], dim=2, id="squeeze_dim")
    case(F_, "permute", [T(M)], dims=[1], id="permute_len")
    case(F_, "repeat", [T(M)], sizes=[1], id="repeat_len")
    case(F_, "flatten", [T(torch.zeros(2, 3, 4))], start=2, end=1, id="flatten_order")
    case(F_, "div", [T([1, 2], i64), T([1, 0], i64)], mode="floor", id="int_floor_zero")
    case(F_, "remainder", [T([1, 2], i32), T(0, i32)], id="int_rem_zero")
    case(F_, "pow_s", [T([1, 2], i32)], s=S(-2), id="int_neg_pow")
    case(F_, "logical_not", [T([], shape=[2, 0, 3])], id="empty_ok")
    case(F_, "bitwise_and", [T([1.]), T([1.])], id="bitwise_float")
    case(F_, "mean", [T([1, 2], i32)], id="mean_int")
    case(F_, "std", [T([1, 2], u8)], id="std_u8")
    case(F_, "item", [T([1., 2.])], id="item_multi")
    case(F_, "chunk", [T(M)], chunks=-1, id="chunk_neg")
    case(F_, "topk", [T([1., 2.])], k=3, id="topk_k")
    case(F_, "unflatten", [T(M)], dim=1, sizes=[2, 2], id="unflatten")
    case(F_, "narrow", [T(M)], dim=1, start=2, length=2, id="narrow_len")
    case(F_, "masked_fill", [T(M), T([[1., 0., 1.]])], value=S(0), id="float_mask")
    case(F_, "where", [T([1., 0.]), T([1., 2.]), T([3., 4.])], id="where_float_cond")
    case(F_, "copy_", [T([1., 2.]), T([1., 2., 3.])], grad=False, id="copy_shape")
    case(F_, "full", shape=[-1, 2], value=S(1), id="negative_size")
    case(F_, "zeros", shape=[2, -3], id="negative_size")


# ---------------------------------------------------------------- small dtypes, structure, special functions

f16, i16, i8 = torch.float16, torch.int16, torch.int8
DT.update({f16: "float16", i16: "int16", i8: "int8"})
TD.update({v: k for k, v in DT.items()})

OPS.update({
    "tril": lambda xs, a: torch.tril(xs[0], _opt(a, "k", 0)),
    "triu": lambda xs, a: torch.triu(xs[0], _opt(a, "k", 0)),
    "tril_": lambda xs, a: xs[0].tril_(_opt(a, "k", 0)),
    "triu_": lambda xs, a: xs[0].triu_(_opt(a, "k", 0)),
    "tril_indices": lambda xs, a: torch.tril_indices(a["r"], a["c"], _opt(a, "k", 0)),
    "triu_indices": lambda xs, a: torch.triu_indices(a["r"], a["c"], _opt(a, "k", 0)),
    "diag": lambda xs, a: torch.diag(xs[0], _opt(a, "k", 0)),
    "diagonal": lambda xs, a: torch.diagonal(xs[0], _opt(a, "k", 0), _opt(a, "d1", 0), _opt(a, "d2", 1)),
    "diag_embed": lambda xs, a: torch.diag_embed(xs[0], _opt(a, "k", 0), _opt(a, "d1", -2), _opt(a, "d2", -1)),
    "trace": lambda xs, a: torch.trace(xs[0]),
    "roll": lambda xs, a: torch.roll(xs[0], a["shifts"], _opt(a, "dims")),
    "rot90": lambda xs, a: torch.rot90(xs[0], _opt(a, "k", 1), _opt(a, "dims", [0, 1])),
    "broadcast_to": lambda xs, a: torch.broadcast_to(xs[0], a["shape"]),
    "broadcast_tensors": lambda xs, a: tuple(torch.broadcast_tensors(*xs)),
    "meshgrid": lambda xs, a: tuple(torch.meshgrid(*xs, indexing=a["indexing"])),
    "cartesian_prod": lambda xs, a: torch.cartesian_prod(*xs),
    "atleast_1d": lambda xs, a: torch.atleast_1d(xs[0]),
    "atleast_2d": lambda xs, a: torch.atleast_2d(xs[0]),
    "atleast_3d": lambda xs, a: torch.atleast_3d(xs[0]),
    "einsum": lambda xs, a: torch.einsum(a["eq"], *xs),
    "tensordot": lambda xs, a: torch.tensordot(xs[0], xs[1], dims=a["dims"]),
    "kron": lambda xs, a: torch.kron(xs[0], xs[1]),
    "cross": lambda xs, a: torch.linalg.cross(xs[0], xs[1], dim=_opt(a, "dim", -1)),
    "baddbmm": lambda xs, a: torch.baddbmm(xs[0], xs[1], xs[2], beta=_opt(a, "beta", 1), alpha=_opt(a, "alpha", 1)),
    "addmv": lambda xs, a: torch.addmv(xs[0], xs[1], xs[2], beta=_opt(a, "beta", 1), alpha=_opt(a, "alpha", 1)),
    "addr": lambda xs, a: torch.addr(xs[0], xs[1], xs[2], beta=_opt(a, "beta", 1), alpha=_opt(a, "alpha", 1)),
    "cdist": lambda xs, a: torch.cdist(xs[0], xs[1], p=_opt(a, "p", 2.0)),
    "index_add": lambda xs, a: torch.index_add(xs[0], a["dim"], xs[1], xs[2], alpha=_opt(a, "alpha", 1)),
    "index_add_": lambda xs, a: xs[0].index_add_(a["dim"], xs[1], xs[2], alpha=_opt(a, "alpha", 1)),
    "index_copy": lambda xs, a: torch.index_copy(xs[0], a["dim"], xs[1], xs[2]),
    "index_copy_": lambda xs, a: xs[0].index_copy_(a["dim"], xs[1], xs[2]),
    "erfinv": lambda xs, a: torch.erfinv(xs[0]),
    "erfc": lambda xs, a: torch.erfc(xs[0]),
    "logit": lambda xs, a: torch.logit(xs[0], eps=_opt(a, "eps")),
    "logaddexp": lambda xs, a: torch.logaddexp(xs[0], xs[1]),
    "hypot": lambda xs, a: torch.hypot(xs[0], xs[1]),
    "nan_to_num": lambda xs, a: torch.nan_to_num(xs[0], nan=_opt(a, "nan", 0.0), posinf=_opt(a, "posinf"), neginf=_opt(a, "neginf")),
    "nansum": lambda xs, a: torch.nansum(xs[0], dim=_opt(a, "dims"), keepdim=_opt(a, "keepdim", False)),
    "nanmean": lambda xs, a: torch.nanmean(xs[0], dim=_opt(a, "dims"), keepdim=_opt(a, "keepdim", False)),
    "logcumsumexp": lambda xs, a: torch.logcumsumexp(xs[0], a["dim"]),
    "diff": lambda xs, a: torch.diff(xs[0], n=_opt(a, "n", 1), dim=_opt(a, "dim", -1),
                                     prepend=xs[1] if _opt(a, "prepend") else None,
                                     append=xs[-1] if _opt(a, "append") else None),
    "searchsorted": lambda xs, a: torch.searchsorted(xs[0], xs[1], right=_opt(a, "right", False), out_int32=_opt(a, "int32", False)),
    "bucketize": lambda xs, a: torch.bucketize(xs[0], xs[1], right=_opt(a, "right", False)),
    "histc": lambda xs, a: torch.histc(xs[0], bins=_opt(a, "bins", 100), min=_opt(a, "min", 0), max=_opt(a, "max", 0)),
    "arange_f": lambda xs, a: torch.arange(a["start"], a["end"], a["step"], dtype=a["dtype"]),
})
NONDIFF.update({"tril_indices", "triu_indices", "searchsorted", "bucketize", "histc", "arange_f"})


def structure():
    """tril/triu, diagonals, trace, roll, rot90, broadcasting, meshgrid, einsum and products."""
    F_ = "structure"
    M = [[1., -2., 3., 4.], [5., 6., -7., 8.], [9., 10., 11., -12.]]
    for k in [0, 1, -1, 5, -5]:
        case(F_, "tril", [T(M)], k=k, id=f"k{k}")
        case(F_, "triu", [T(M)], k=k, id=f"k{k}")
    case(F_, "tril", [TR(M)], id="transposed")
    case(F_, "triu", [T(list(range(24)), i64, shape=[2, 3, 4])], k=1, id="batched_int")
    case(F_, "tril", [T([1., 2.])], id="1d_error")
    case(F_, "tril", [T([[1., float("nan")], [float("inf"), 2.]])], id="nan_inf")
    case(F_, "tril_", [T(M)], grad=False, id="inplace")
    case(F_, "triu_", [T(M)], k=-1, grad=False, id="inplace")
    for r, c, k in [(3, 3, 0), (3, 4, 1), (4, 3, -1), (0, 3, 0), (2, 2, 5)]:
        case(F_, "tril_indices", r=r, c=c, k=k, id=f"{r}x{c}_k{k}")
        case(F_, "triu_indices", r=r, c=c, k=k, id=f"{r}x{c}_k{k}")
    case(F_, "tril_indices", r=-1, c=3, id="negative")
    V = [1., -2., 3.]
    for k in [0, 1, -2]:
        case(F_, "diag", [T(V)], k=k, id=f"1d_k{k}")
        case(F_, "diag", [T(M)], k=k, id=f"2d_k{k}")
    case(F_, "diag", [T(list(range(8)), f32, shape=[2, 2, 2])], id="3d_error")
    case(F_, "diag", [T(2.)], id="0d_error")
    for k, d1, d2 in [(0, 0, 1), (1, 0, 1), (-1, 1, 0), (2, -1, 0), (9, 0, 1)]:
        case(F_, "diagonal", [T(M)], k=k, d1=d1, d2=d2, id=f"k{k}_{d1}_{d2}")
    case(F_, "diagonal", [T(list(range(24)), f32, shape=[2, 3, 4])], k=1, d1=2, d2=0, id="3d")
    case(F_, "diagonal", [TR(M)], id="transposed")
    case(F_, "diagonal", [T(M)], d1=1, d2=1, id="same_dims")
    case(F_, "diag_embed", [T([[1., 2.], [3., 4.]])], id="2d")
    case(F_, "diag_embed", [T(V)], k=1, d1=0, d2=1, id="offset")
    case(F_, "diag_embed", [T(V)], k=-1, d1=1, d2=0, id="swapped")
    case(F_, "trace", [T(M)], id="3x4")
    case(F_, "trace", [T([[1, 2], [3, 4]], i32)], id="int32")
    case(F_, "trace", [T(V)], id="1d_error")
    A = list(range(10))
    case(F_, "roll", [T(A, i64, shape=[2, 5])], shifts=1, id="flat")
    case(F_, "roll", [T(A, f32, shape=[2, 5])], shifts=-3, dims=1, id="dim1")
    case(F_, "roll", [T(A, f32, shape=[2, 5])], shifts=[1, 7], dims=[0, 1], id="two_dims")
    case(F_, "roll", [TR([[1., 2., 3.], [4., 5., 6.]])], shifts=1, dims=0, id="transposed")
    case(F_, "roll", [T(A, f32, shape=[2, 5])], shifts=[1, 2], dims=[0], id="misaligned")
    for k in [1, 2, 3, -1, 4]:
        case(F_, "rot90", [T(A, f32, shape=[2, 5])], k=k, id=f"k{k}")
    case(F_, "rot90", [T(list(range(12)), f32, shape=[2, 3, 2])], k=1, dims=[2, 0], id="3d")
    case(F_, "rot90", [T(A, f32, shape=[2, 5])], dims=[0, 0], id="same_dims")
    case(F_, "broadcast_to", [T(V)], shape=[2, 3], id="row")
    case(F_, "broadcast_to", [T([[1.], [2.]])], shape=[3, 2, 4], id="column")
    case(F_, "broadcast_to", [T(V)], shape=[2, 4], id="mismatch")
    case(F_, "broadcast_tensors", [T(V), T([[1.], [2.]]), T(5.)], id="three")
    case(F_, "broadcast_tensors", [T(V), T([1., 2.])], id="mismatch")
    for ix in ["ij", "xy"]:
        case(F_, "meshgrid", [T([1., 2., 3.]), T([4., 5.])], indexing=ix, id=ix)
        case(F_, "meshgrid", [T([1, 2], i64), T([3, 4, 5], i64), T(7, i64)], indexing=ix, id=f"{ix}_three_int")
    case(F_, "meshgrid", [T([1., 2.]), T([1, 2], i64)], indexing="ij", id="dtypes")
    case(F_, "cartesian_prod", [T([1, 2], i64), T([3, 4, 5], i64)], id="int")
    case(F_, "cartesian_prod", [T([1., 2.]), T([3., 4.]), T([5.])], id="three")
    case(F_, "cartesian_prod", [T(V)], id="single")
    for op in ["atleast_1d", "atleast_2d", "atleast_3d"]:
        for x, name in [(T(2.), "0d"), (T(V), "1d"), (T(M), "2d")]:
            case(F_, op, [x], id=name)
    g = torch.Generator().manual_seed(7)
    A34, B45 = torch.randn(3, 4, generator=g), torch.randn(4, 5, generator=g)
    S44, v4, w5 = torch.randn(4, 4, generator=g), torch.randn(4, generator=g), torch.randn(5, generator=g)
    b234, b245 = torch.randn(2, 3, 4, generator=g), torch.randn(2, 4, 5, generator=g)
    for eq, xs in [("ij->", [A34]), ("ij->i", [A34]), ("ii", [S44]), ("ii->i", [S44]), ("ij->ji", [A34]), ("ji", [A34]),
                   ("ij,jk->ik", [A34, B45]), ("ij,jk", [A34, B45]), ("i,i->", [v4, v4]), ("i,j->ij", [v4, w5]),
                   ("ij,ij->ij", [A34, A34]), ("ij,ij->", [A34, A34]), ("bij,bjk->bik", [b234, b245]),
                   ("...ij,...jk->...ik", [b234, b245]), ("ij,j->i", [A34, v4]), ("bij,jk->bik", [b234, B45]),
                   ("ij,jk,k->i", [A34, B45, w5]), ("ij,jk->", [A34, B45]), ("b i j, b j k -> b i k", [b234, b245]),
                   ("i...->...", [b234]), ("ij,kj->ik", [A34, torch.randn(6, 4, generator=g)])]:
        case(F_, "einsum", [T(x) for x in xs], eq=eq, id=eq.replace(" ", ""))
    for eq, xs, name in [("ij,jk->ik", [A34], "too_few"), ("ijk->", [A34], "rank"), ("ij,ij->", [A34, B45], "sizes"),
                         ("i1->", [v4], "bad_char"), ("ij->ii", [A34], "out_repeat"), ("ij->k", [A34], "out_unknown"),
                         ("ii->i", [A34], "diag_sizes"), ("i,i->", [v4, v4, v4], "too_many")]:
        case(F_, "einsum", [T(x) for x in xs], eq=eq, id=f"error_{name}")
    case(F_, "einsum", [T(torch.zeros(2, 0)), T(torch.zeros(0, 3))], eq="ij,jk->ik", id="empty")
    case(F_, "tensordot", [T(A34), T(B45)], dims=1, id="dims1")
    case(F_, "tensordot", [T(b234), T(torch.randn(3, 4, 2, generator=g))], dims=2, id="dims2")
    case(F_, "tensordot", [T(A34), T(A34)], dims=[[0], [0]], id="pairs")
    case(F_, "tensordot", [T(A34), T(A34)], dims=2, id="full")
    case(F_, "tensordot", [T(A34), T(A34)], dims=1, id="mismatch")
    case(F_, "kron", [T([[1, 2], [3, 4]], i64), T([[0, 1], [1, 0]], i64)], id="int")
    case(F_, "kron", [T(A34), T(v4)], id="2d_1d")
    case(F_, "cross", [T([[1., 0., 0.], [0., 1., 0.]]), T([[0., 1., 0.], [0., 0., 1.]])], id="rows")
    case(F_, "cross", [T(torch.randn(3, 2, generator=g)), T(torch.randn(3, 2, generator=g))], dim=0, id="dim0")
    case(F_, "cross", [T(torch.randn(2, 3, generator=g)), T(torch.randn(1, 3, generator=g))], id="broadcast")
    case(F_, "cross", [T(A34), T(A34)], id="length_error")
    case(F_, "baddbmm", [T(torch.randn(3, 5, generator=g)), T(b234), T(b245)], beta=S(0.5), alpha=S(2.0), id="scaled")
    case(F_, "baddbmm", [T(torch.randn(2, 3, 5, generator=g)), T(b234), T(b245)], id="default")
    case(F_, "addmv", [T(torch.randn(3, generator=g)), T(A34), T(v4)], alpha=S(-1.5), id="scaled")
    case(F_, "addmv", [T([float("nan"), 1., 2.]), T(A34), T(v4)], beta=S(0), id="beta0_nan")
    case(F_, "addmv", [T(torch.randn(4, generator=g)), T(A34), T(v4)], id="size_error")
    case(F_, "addr", [T(torch.randn(4, 5, generator=g)), T(v4), T(w5)], beta=S(2), id="beta2")
    x1, x2 = torch.randn(5, 3, generator=g), torch.randn(4, 3, generator=g)
    for p in [2.0, 1.0, 3.0, 0.0, float("inf")]:
        case(F_, "cdist", [T(x1), T(x2)], p=p, id=f"p{p}")
    case(F_, "cdist", [T(torch.randn(2, 30, 3, generator=g)), T(torch.randn(2, 27, 3, generator=g))], id="mm_path")
    case(F_, "cdist", [T(torch.randn(2, 2, 3, generator=g)), T(torch.randn(4, 3, generator=g))], id="batch_bcast")
    case(F_, "cdist", [T([[0., 0.], [3., 4.]]), T([[0., 0.]])], id="zero_distance")
    case(F_, "cdist", [T(x1), T(torch.randn(4, 2, generator=g))], id="columns_error")
    z = torch.zeros(3, 4)
    case(F_, "index_add", [T(z), T([0, 2, 0], i64), T(torch.ones(3, 4))], dim=0, id="repeated")
    case(F_, "index_add", [T(z), T([3, 1], i64), T(torch.arange(6.).reshape(3, 2))], dim=1, alpha=S(2), id="dim1_alpha")
    case(F_, "index_add", [T(z), T([0, 5], i64), T(torch.ones(2, 4))], dim=0, id="out_of_bounds")
    case(F_, "index_add", [T(z), T([0, 1], i64), T(torch.ones(2, 5))], dim=0, id="shape_error")
    case(F_, "index_add_", [T(z), T([1], i64), T(torch.full((1, 4), 2.))], dim=0, grad=False, id="inplace")
    case(F_, "index_copy", [T(z), T([2, 0], i64), T(torch.arange(8.).reshape(2, 4))], dim=0, id="rows")
    case(F_, "index_copy", [T(z), T([2, 0], i32), T(torch.ones(2, 4))], dim=0, id="int32_index")
    case(F_, "index_copy_", [T(z), T([3], i64), T(torch.ones(3, 1))], dim=1, grad=False, id="inplace")


def special():
    """erfinv, erfc, logit, logaddexp, hypot, nan_to_num, NaN reductions, logcumsumexp, diff, binning."""
    F_ = "special"
    P = [-0.99, -0.5, 0., 0.3, 0.9, 1., -1., 1.5]
    case(F_, "erfinv", [T(P)], id="f32")
    case(F_, "erfinv", [T(P, f64)], id="f64")
    case(F_, "erfinv", [T([0, 1], i64)], id="int")
    case(F_, "erfc", [T([-3., -1., 0., 0.5, 2., 5., 10.])], id="f32")
    case(F_, "erfc", [T([-3., 0.5, 5., 30.], f64)], id="f64")
    Q = [0.1, 0.5, 0.9, 0.02, 0.99]
    case(F_, "logit", [T(Q)], id="plain")
    case(F_, "logit", [T(Q)], eps=0.05, id="eps")
    case(F_, "logit", [T([0., 1.], f64)], id="bounds")
    case(F_, "logit", [T([0, 1], i64)], id="int")
    a, b = [1., -2., float("inf"), -float("inf"), 100., 0.], [2., -3., float("inf"), -float("inf"), -100., float("nan")]
    case(F_, "logaddexp", [T(a), T(b)], id="special_values")
    case(F_, "logaddexp", [T([[1.], [2.]]), T([0.5, -1., 3.])], id="broadcast")
    case(F_, "logaddexp", [T([1, 2], i64), T([3, 4], i64)], id="int_error")
    case(F_, "logaddexp", [T([1., 2.]), T([3, 4], i32)], id="mixed")
    case(F_, "hypot", [T([3., 5., 0., -8.]), T([4., 12., 0., 6.])], id="basic")
    case(F_, "hypot", [T([3., 1e30]), T([4., 1e30])], id="large")
    case(F_, "hypot", [T([3], i64), T([4], i64)], id="int_error")
    N = [float("nan"), float("inf"), -float("inf"), 1.5]
    case(F_, "nan_to_num", [T(N)], id="default")
    case(F_, "nan_to_num", [T(N, f64)], nan=2.0, posinf=9.0, id="custom")
    case(F_, "nan_to_num", [T(N, f16)], id="half")
    case(F_, "nan_to_num", [T([1, 2], i64)], id="int")
    R = [[1., float("nan"), 3.], [float("nan"), float("nan"), 2.]]
    for dims, keep in [(None, False), ([1], False), ([0], True)]:
        case(F_, "nansum", [T(R)], dims=dims, keepdim=keep, id=f"{dims}_{keep}")
        case(F_, "nanmean", [T(R)], dims=dims, keepdim=keep, id=f"{dims}_{keep}")
    case(F_, "nansum", [T([1, 2, 3], i64)], id="int")
    case(F_, "nanmean", [T([1, 2, 3], i64)], id="int_error")
    L = [[0.5, 1., -2., 3.], [1e3, 1e3, -1e3, 0.]]
    case(F_, "logcumsumexp", [T(L)], dim=1, id="dim1")
    case(F_, "logcumsumexp", [T(L)], dim=0, id="dim0")
    case(F_, "logcumsumexp", [T([-float("inf"), 1., float("inf"), 2.])], dim=0, id="infinities")
    case(F_, "logcumsumexp", [T(L, f64)], dim=-1, id="f64")
    case(F_, "logcumsumexp", [T([1, 2], i64)], dim=0, id="int_error")
    D = [1., 4., 9., 16., 25.]
    case(F_, "diff", [T(D)], id="n1")
    case(F_, "diff", [T(D)], n=2, id="n2")
    case(F_, "diff", [T(D)], n=7, id="n_large")
    case(F_, "diff", [T(D)], n=0, id="n0")
    case(F_, "diff", [T(D), T([0.]), T([36., 49.])], prepend=True, append=True, id="prepend_append")
    case(F_, "diff", [T([[1, 2, 4], [3, 3, 1]], i64)], dim=0, id="int_dim0")
    case(F_, "diff", [T([True, False, False, True])], id="bool")
    case(F_, "diff", [T(2.)], id="0d_error")
    S_ = [1., 3., 5., 7., 9.]
    case(F_, "searchsorted", [T(S_), T([3., 6., 9., 10., 0., float("nan")])], id="left")
    case(F_, "searchsorted", [T(S_), T([3., 6., 9.])], right=True, id="right")
    case(F_, "searchsorted", [T([[1, 3, 5], [2, 4, 6]], i64), T([[3, 6], [1, 7]], i64)], right=True, id="2d")
    case(F_, "searchsorted", [T(S_), T([3], i64)], int32=True, id="int32_mixed")
    case(F_, "searchsorted", [T([[1., 2.]]), T([[1.], [2.]])], id="shape_error")
    case(F_, "bucketize", [T([[1, 3], [5, 8]], i64), T([1, 3, 5], i64)], id="left")
    case(F_, "bucketize", [T([1., 3., 5.]), T([1., 3., 5.])], right=True, id="right")
    case(F_, "bucketize", [T([1.]), T([[1., 2.]])], id="2d_error")
    case(F_, "histc", [T([1., 2., 1., 4., 2.5])], bins=4, min=0, max=4, id="range")
    case(F_, "histc", [T([1., 2., 1.])], bins=4, id="data_range")
    case(F_, "histc", [T([2., 2.], f64)], bins=4, id="constant")
    case(F_, "histc", [T([0.1, 0.2, 0.30000001, 0.7, 1.0])], bins=10, min=0, max=1, id="edges")
    case(F_, "histc", [T([1., float("nan"), 5., -1.])], bins=3, min=0, max=3, id="outside")
    case(F_, "histc", [T([1, 2], i64)], bins=3, id="int_error")
    case(F_, "histc", [T([1., 2.])], bins=3, min=2, max=1, id="minmax_error")


def dtypes():
    """int8, int16 and float16: conversion, promotion, arithmetic (float16 rounded per op), reductions."""
    F_ = "dtypes"
    SMALL = [i8, i16, f16]
    for dt in SMALL:
        case(F_, "zeros", shape=[2, 3], dtype=dt, id=DT[dt])
        case(F_, "ones", shape=[3], dtype=dt, id=DT[dt])
        case(F_, "full", shape=[2], value=S(3), dtype=dt, id=DT[dt])
        case(F_, "tensor", data=[S(1), S(-2), S(3)], dtype=dt, id=DT[dt])
        case(F_, "arange", start=S(0), end=S(5), step=S(1), dtype=dt, id=DT[dt])
        for src, vs in [(f32, [1.7, -1.7, 300.7, -200.5, 70000., float("nan")]), (i64, [0, 1, -3, 300, 70000]),
                        (b8, [True, False]), (f64, [0.1, 1 / 3, 65504., 65520., 1e-8])]:
            case(F_, "to", [T(vs, src)], dtype=dt, id=f"{DT[src]}_to_{DT[dt]}")
        for dst in [f32, f64, i64, i32, u8, b8]:
            case(F_, "to", [T([1, -2, 100], dt)], dtype=dst, id=f"{DT[dt]}_to_{DT[dst]}")
        case(F_, "item", [T([7], dt)], id=DT[dt])
        case(F_, "tolist", [T([[1, 2], [3, 4]], dt)], id=DT[dt])
    case(F_, "full", shape=[1], value=S(128), dtype=i8, id="int8_overflow")
    case(F_, "full", shape=[1], value=S(127.5), dtype=i8, id="int8_float_in_range")
    case(F_, "full", shape=[1], value=S(40000), dtype=i16, id="int16_overflow")
    case(F_, "full", shape=[1], value=S(70000.), dtype=f16, id="float16_inf")
    case(F_, "tensor", data=[S(0.1), S(1 / 3), S(65504.), S(65520.), S(1e-7), S(-0.0)], dtype=f16, id="float16_rounding")
    ALL = [b8, u8, i8, i16, i32, i64, f16, f32, f64]
    for da in ALL:
        for db in [i8, i16, f16]:
            case(F_, "add", [T(vals(da, "a"), da), T(vals(db, "b") if db != f16 else [2.0, 0.5, -4.0, 1.25], db)],
                 id=f"{DT[da]}_{DT[db]}")
    for dt in [i8, i16, f16]:
        for s in [S(2), S(2.5), S(True)]:
            case(F_, "add_s", [T([1, -2, 3], dt)], s=s, id=f"{DT[dt]}_{type(s.v).__name__}")
        case(F_, "add", [T([1, 2], dt), T(2.5, f64)], id=f"{DT[dt]}_0d_f64")
    case(F_, "add", [T([127, -128], i8), T([1, -1], i8)], id="int8_wrap")
    case(F_, "mul", [T([200, 100], u8), T([2, -2], i8)], id="u8_i8_to_i16")
    case(F_, "floor_divide", [T([7, -7], i8), T([2, 2], i8)], id="int8")
    case(F_, "remainder", [T([7, -7], i16), T([-2, 3], i16)], id="int16")
    case(F_, "div", [T([1, 2], i8), T([2, 4], i8)], id="int8_true_div")
    case(F_, "neg", [T([-128, 5], i8)], id="int8_neg_wrap")
    case(F_, "abs", [T([-128, -5], i8)], id="int8")
    g = torch.Generator().manual_seed(11)
    h = (torch.randn(64, generator=g) * 50).half()
    h2 = torch.randn(64, generator=g).half()
    for op in ["add_s", "sub_s", "mul_s", "div_s", "pow_s"]:
        for sv in [0.1, 7.77]:
            x = h.abs() if op == "pow_s" else h
            case(F_, op, [T(x)], s=S(sv), id=f"half_{sv}")
    case(F_, "rsub_s", [T(h)], s=S(0.3), id="half")
    case(F_, "mul", [T(h), T(0.1, f32)], id="half_0d_f32")
    case(F_, "add", [T(h), T(0.1, f64)], id="half_0d_f64")
    for op in ["add", "sub", "mul", "div", "maximum", "atan2", "remainder", "floor_divide"]:
        case(F_, op, [T(h), T(h2)], id="half")
    for op in ["exp", "log", "sqrt", "sigmoid", "tanh", "sin", "rsqrt", "reciprocal", "erf", "relu", "floor"]:
        x = h2.abs() + 0.1 if op in ("log", "sqrt", "rsqrt") else h2
        case(F_, op, [T(x)], id="half")
    for op in ["gelu", "silu"]:
        case(F_, op, [T(h2)], id="half")
    m = (torch.randn(6, 40, generator=g) * 3).half()
    case(F_, "sum", [T(m)], id="half_all")
    case(F_, "sum", [T(m)], dims=[1], id="half_dim1")
    case(F_, "sum", [T([1, 2, 3], i8)], id="int8")
    case(F_, "mean", [T(m)], id="half_all")
    case(F_, "mean", [T(m)], dims=[0], id="half_dim0")
    case(F_, "prod", [T(m / 3 + 1)], dim=1, id="half")
    case(F_, "cumsum", [T(m)], dim=1, id="half")
    case(F_, "softmax", [T(m)], dim=1, id="half")
    case(F_, "std", [T(m)], dims=[1], id="half")
    case(F_, "norm", [T(m)], dims=[1], id="half")
    case(F_, "max_dim", [T(m)], dim=1, id="half")
    case(F_, "sort", [T(h[:8])], id="half")
    case(F_, "mm", [T((torch.randn(5, 7, generator=g)).half()), T((torch.randn(7, 3, generator=g)).half())], id="half")
    case(F_, "matmul", [T(torch.randn(2, 3, 4, generator=g).half()), T(torch.randn(4, 2, generator=g).half())], id="half_batched")
    case(F_, "mm", [T([[1, 2]], i8), T([[3], [4]], i8)], id="int8")
    case(F_, "eq_s", [T(h)], s=S(0.1), id="half")
    case(F_, "lt", [T(h), T(h2)], id="half")
    case(F_, "where", [T([True, False]), T([1., 2.], f16), T([3., 4.], f32)], id="half_f32")
    case(F_, "linspace", start=0, end=1, steps=7, dtype=f16, id="half")
    case(F_, "linspace", start=-3, end=11, steps=101, dtype=f16, id="half_long")
    case(F_, "arange_f", start=-3.0, end=11.0, step=0.013, dtype=f16, id="half_vector_blocks")
    case(F_, "arange_f", start=1.5, end=2000.0, step=3.3, dtype=f16, id="half_large")
    case(F_, "bitwise_and", [T([1., 2.], f16), T([1., 2.], f16)], id="half_error")
    case(F_, "mean", [T([1, 2], i8)], id="int8_error")
    case(F_, "histc", [T(h2)], bins=5, min=-2, max=2, id="half")
    case(F_, "logcumsumexp", [T(h2[:6])], dim=0, id="half")



if __name__ == "__main__":
    torch.set_printoptions(profile="default")
    creation()
    elementwise()
    comparison()
    reduction()
    linalg()
    shape()
    indexing()
    autograd()
    errors()
    extra()
    structure()
    special()
    dtypes()
    write_all()
