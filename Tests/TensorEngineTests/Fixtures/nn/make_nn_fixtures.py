"""Generate convolution, pooling, padding and upsampling fixtures from real PyTorch.

Run with:  /work/venv-torch/bin/python make_nn_fixtures.py
Writes convolution.json, pooling.json, padding.json, sampling.json and nn_errors.json
next to this script, in the case format of ../ops/make_op_fixtures.py (whose helpers it
reuses): inputs, arguments, outputs with values, repr and grad_fn, the gradients of
sum(out * w), and PyTorch's exception type and message for misuse.

Most inputs are multiples of 1/8 in [-2, 2], so every convolution sum is exact in float32
and the engine's results must match PyTorch's (oneDNN) to the last bit regardless of
summation order; a few cases use normally distributed values.
"""
import json
import os
import sys

import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "ops"))
import make_op_fixtures as base  # noqa: E402

from make_op_fixtures import In, case  # noqa: E402

f16, f32, f64, i64 = torch.float16, torch.float32, torch.float64, torch.int64
GEN = torch.Generator().manual_seed(1234)


def D(*shape, dtype=f32, rg=None):
    """Multiples of 1/8 in [-2, 2] (exact products and sums in float32)."""
    return In(torch.randint(-16, 17, shape, generator=GEN).to(dtype) / 8, dtype, rg=rg)


def R(*shape, dtype=f32):
    """Normally distributed values."""
    return In(torch.randn(*shape, generator=GEN, dtype=dtype), dtype)


def I(*shape, dtype=i64):
    return In(torch.randint(-5, 6, shape, generator=GEN).to(dtype), dtype)


def TL(inp):
    """The same logical values stored with the last two dims swapped (a non-contiguous view)."""
    t = inp.base
    n = t.dim()
    return In(t.transpose(n - 2, n - 1).contiguous(), t.dtype, recipe=[["transpose", n - 2, n - 1]], rg=inp.rg)


def SL(inp):
    """The same logical values as every other element of a twice as wide last dim."""
    t = inp.base
    wide = torch.stack([t, torch.full_like(t, 7)], dim=-1).reshape(*t.shape[:-1], 2 * t.shape[-1])
    return In(wide, t.dtype, recipe=[["slice", -1, 0, None, 2]], rg=inp.rg)


def opt(a, k, d=None):
    return a[k] if k in a and a[k] is not None else d


def conv(fn):
    return lambda xs, a: fn(xs[0], xs[1], xs[2] if len(xs) > 2 else None, **a)


base.OPS.update({
    "conv1d": conv(F.conv1d),
    "conv2d": conv(F.conv2d),
    "conv_transpose1d": conv(F.conv_transpose1d),
    "conv_transpose2d": conv(F.conv_transpose2d),
    "convolution": lambda xs, a: torch.convolution(xs[0], xs[1], xs[2] if len(xs) > 2 else None, a["stride"],
                                                   a["padding"], a["dilation"], a["transposed"],
                                                   a["output_padding"], a["groups"]),
    "max_pool1d": lambda xs, a: F.max_pool1d(xs[0], **a),
    "max_pool2d": lambda xs, a: F.max_pool2d(xs[0], **a),
    "avg_pool1d": lambda xs, a: F.avg_pool1d(xs[0], **a),
    "avg_pool2d": lambda xs, a: F.avg_pool2d(xs[0], **a),
    "adaptive_avg_pool1d": lambda xs, a: F.adaptive_avg_pool1d(xs[0], **a),
    "adaptive_avg_pool2d": lambda xs, a: F.adaptive_avg_pool2d(xs[0], **a),
    "adaptive_max_pool1d": lambda xs, a: F.adaptive_max_pool1d(xs[0], **a),
    "adaptive_max_pool2d": lambda xs, a: F.adaptive_max_pool2d(xs[0], **a),
    "unfold": lambda xs, a: F.unfold(xs[0], **a),
    "fold": lambda xs, a: F.fold(xs[0], **a),
    "pad": lambda xs, a: F.pad(xs[0], **a),
    "interpolate": lambda xs, a: F.interpolate(xs[0], **a),
})


# ---------------------------------------------------------------- cases

def convolution():
    C = "convolution"
    # The SimpleCNN layers (smaller batch) and their float64 twins.
    for dt in (f32, f64):
        n = "f64" if dt == f64 else "f32"
        case(C, "conv2d", [D(2, 3, 9, 9, dtype=dt), D(6, 3, 5, 5, dtype=dt), D(6, dtype=dt)], id=f"cnn1_{n}")
        case(C, "conv2d", [D(1, 6, 6, 6, dtype=dt), D(16, 6, 3, 3, dtype=dt), D(16, dtype=dt)], id=f"cnn2_{n}")
    case(C, "conv2d", [D(1, 2, 6, 6), D(3, 2, 3, 3)], id="no_bias")
    for s in (1, 2, 3, [2, 1]):
        case(C, "conv2d", [D(2, 2, 7, 8), D(4, 2, 3, 3), D(4)], stride=s, id=f"stride_{s}")
    for p in (1, 2, [0, 2]):
        case(C, "conv2d", [D(1, 2, 5, 6), D(3, 2, 3, 3), D(3)], padding=p, id=f"padding_{p}")
    for d in (2, [1, 3]):
        case(C, "conv2d", [D(1, 2, 9, 9), D(3, 2, 3, 3), D(3)], dilation=d, id=f"dilation_{d}")
    case(C, "conv2d", [D(1, 2, 9, 9), D(3, 2, 3, 3), D(3)], stride=2, padding=1, dilation=2, id="all_params")
    for g, (ci, co) in [(2, (4, 6)), (3, (3, 3)), (4, (8, 4))]:
        case(C, "conv2d", [D(2, ci, 6, 6), D(co, ci // g, 3, 3), D(co)], groups=g, id=f"groups_{g}")
    case(C, "conv2d", [D(1, 4, 6, 6), D(4, 1, 3, 3)], groups=4, padding=1, id="depthwise")
    case(C, "conv2d", [D(1, 2, 5, 5), D(26, 2, 2, 2), D(26)], id="many_out_channels")
    case(C, "conv2d", [D(2, 5, 4, 4), D(2, 5, 1, 1), D(2)], id="pointwise")
    case(C, "conv2d", [D(1, 1, 3, 40), D(2, 1, 3, 3)], padding=1, id="wide_row")
    case(C, "conv2d", [D(3, 6, 6), D(4, 3, 3, 3), D(4)], id="unbatched")
    for padding in ("same", "valid"):
        case(C, "conv2d", [D(1, 2, 6, 5), D(3, 2, 3, 3), D(3)], padding=padding, id=f"pad_{padding}")
    case(C, "conv2d", [D(1, 2, 6, 5), D(3, 2, 4, 2), D(3)], padding="same", id="same_even_kernel")
    case(C, "conv2d", [D(2, 6, 5), D(3, 2, 4, 4)], padding="same", id="same_even_unbatched")
    case(C, "conv2d", [D(1, 2, 7, 7), D(3, 2, 3, 3)], padding="same", dilation=2, id="same_dilated")
    case(C, "conv2d", [TL(D(2, 3, 7, 6)), TL(D(4, 3, 3, 3)), D(4)], padding=1, id="transposed_layouts")
    case(C, "conv2d", [SL(D(1, 2, 6, 6)), D(3, 2, 3, 3), SL(D(3))], id="strided_input_and_bias")
    case(C, "conv2d", [R(1, 2, 5, 5, dtype=f64), R(3, 2, 3, 3, dtype=f64), R(3, dtype=f64)], stride=2, padding=1,
         id="randn_f64")
    case(C, "conv2d", [D(0, 2, 5, 5), D(3, 2, 3, 3), D(3)], id="zero_batch")
    case(C, "conv2d", [D(2, 0, 5, 5), D(3, 0, 3, 3), D(3)], id="zero_in_channels")
    case(C, "conv2d", [I(1, 2, 4, 4), I(3, 2, 2, 2), I(3)], id="int64")
    for dt in (torch.int8, torch.int16, torch.int32, torch.uint8):
        case(C, "conv2d", [I(1, 2, 4, 4, dtype=dt), I(3, 2, 2, 2, dtype=dt)], id=f"{base.DT[dt]}")
    case(C, "conv2d", [D(1, 2, 5, 5, dtype=f16), D(3, 2, 3, 3, dtype=f16), D(3, dtype=f16)], padding=1, id="f16")
    case(C, "conv_transpose2d", [D(1, 3, 3, 3, dtype=f16), D(3, 2, 2, 2, dtype=f16)], stride=2, id="f16")
    case(C, "conv_transpose2d", [I(1, 2, 3, 3), I(2, 2, 2, 2)], stride=2, id="int64")
    # conv1d
    case(C, "conv1d", [D(2, 3, 10), D(4, 3, 3), D(4)], id="basic")
    case(C, "conv1d", [D(2, 3, 10), D(4, 3, 3), D(4)], stride=2, padding=2, dilation=2, id="params")
    case(C, "conv1d", [D(2, 4, 9), D(6, 2, 3)], groups=2, id="groups")
    case(C, "conv1d", [D(3, 10), D(4, 3, 3), D(4)], id="unbatched")
    case(C, "conv1d", [D(1, 2, 8), D(3, 2, 4)], padding="same", id="same_even")
    case(C, "conv1d", [TL(D(2, 3, 7)), D(2, 3, 2)], id="transposed_layout")
    case(C, "conv1d", [D(1, 2, 8, dtype=f64), D(3, 2, 3, dtype=f64)], padding=1, id="f64")
    # Transposed
    case(C, "conv_transpose2d", [D(2, 3, 4, 4), D(3, 2, 3, 3), D(2)], id="basic")
    case(C, "conv_transpose2d", [D(1, 3, 4, 4), D(3, 2, 3, 3), D(2)], stride=2, id="stride_2")
    case(C, "conv_transpose2d", [D(1, 3, 4, 5), D(3, 2, 3, 3), D(2)], stride=2, padding=1, output_padding=1,
         id="output_padding")
    case(C, "conv_transpose2d", [D(1, 2, 3, 3), D(2, 2, 2, 2)], stride=[2, 3], dilation=[1, 2], id="mixed")
    case(C, "conv_transpose2d", [D(1, 4, 3, 3), D(4, 3, 3, 3), D(6)], groups=2, padding=1, id="groups")
    case(C, "conv_transpose2d", [D(3, 4, 4), D(3, 2, 3, 3)], id="unbatched")
    case(C, "conv_transpose2d", [TL(D(1, 3, 4, 5)), D(3, 2, 2, 2)], stride=2, id="transposed_layout")
    case(C, "conv_transpose2d", [D(1, 2, 3, 3, dtype=f64), D(2, 2, 3, 3, dtype=f64), D(2, dtype=f64)], stride=2,
         padding=1, id="f64")
    case(C, "conv_transpose1d", [D(2, 3, 5), D(3, 2, 3), D(2)], stride=2, output_padding=1, id="basic")
    case(C, "conv_transpose1d", [D(3, 5), D(3, 2, 3)], id="unbatched")
    case(C, "convolution", [D(1, 2, 5, 5), D(3, 2, 3, 3), D(3)], stride=[1, 1], padding=[1, 1], dilation=[1, 1],
         transposed=False, output_padding=[0, 0], groups=1, id="regular")
    case(C, "convolution", [D(1, 3, 3, 3), D(3, 2, 3, 3), D(2)], stride=[2, 2], padding=[0, 0], dilation=[1, 1],
         transposed=True, output_padding=[1, 1], groups=1, id="transposed")


def pooling():
    P = "pooling"
    for dt in (f32, f64):
        n = "f64" if dt == f64 else "f32"
        case(P, "max_pool2d", [D(2, 3, 8, 8, dtype=dt)], kernel_size=2, stride=2, id=f"cnn_{n}")
        case(P, "avg_pool2d", [D(2, 3, 8, 8, dtype=dt)], kernel_size=2, id=f"cnn_{n}")
    case(P, "max_pool2d", [D(1, 2, 28, 28)], kernel_size=2, stride=2, id="simplecnn_pool1")
    case(P, "max_pool2d", [D(2, 3, 7, 7)], kernel_size=3, stride=2, padding=1, id="k3s2p1")
    case(P, "max_pool2d", [D(1, 2, 9, 9)], kernel_size=3, dilation=2, id="dilation")
    case(P, "max_pool2d", [D(1, 2, 5, 5)], kernel_size=2, ceil_mode=True, id="ceil")
    case(P, "max_pool2d", [D(1, 2, 5, 6)], kernel_size=2, stride=2, padding=1, ceil_mode=True, id="ceil_pad")
    case(P, "max_pool2d", [D(1, 1, 5, 5)], kernel_size=2, stride=2, padding=1, dilation=2, ceil_mode=True,
         id="ceil_pad_dilation")
    case(P, "max_pool2d", [D(1, 2, 6, 7)], kernel_size=[2, 3], stride=[1, 2], id="rect")
    case(P, "max_pool2d", [D(2, 3, 6, 6)], kernel_size=2, return_indices=True, id="indices")
    case(P, "max_pool2d", [D(3, 6, 6)], kernel_size=2, return_indices=True, id="unbatched")
    case(P, "max_pool2d", [TL(D(2, 3, 6, 8))], kernel_size=2, id="transposed_layout")
    case(P, "max_pool2d", [SL(D(1, 2, 6, 6))], kernel_size=3, stride=1, id="strided")
    case(P, "max_pool2d", [D(1, 2, 4, 36)], kernel_size=2, id="wide_rows")
    case(P, "max_pool2d", [In(torch.tensor([[[[1., float("nan"), 2., 3.], [float("nan"), 0., -1., float("inf")]]]]), f32)],
         kernel_size=2, return_indices=True, id="nan_inf")
    case(P, "max_pool2d", [In(torch.full((1, 1, 2, 4), float("-inf")), f32)], kernel_size=2, return_indices=True,
         id="all_neg_inf")
    case(P, "max_pool2d", [In(torch.tensor([[[[1., 1.], [1., 1.]]]]), f32)], kernel_size=2, return_indices=True,
         id="ties")
    case(P, "max_pool2d", [I(1, 2, 4, 4)], kernel_size=2, id="int64")
    case(P, "max_pool2d", [I(1, 2, 4, 4, dtype=torch.uint8)], kernel_size=2, return_indices=True, id="uint8")
    case(P, "max_pool2d", [D(1, 2, 4, 4, dtype=f16)], kernel_size=2, id="f16")
    case(P, "avg_pool2d", [D(1, 2, 5, 5, dtype=f16)], kernel_size=3, stride=2, padding=1, id="f16")
    case(P, "adaptive_avg_pool2d", [D(1, 2, 5, 7, dtype=f16)], output_size=[2, 3], id="f16")
    case(P, "max_pool2d", [D(0, 2, 4, 4)], kernel_size=2, id="zero_batch")
    case(P, "max_pool1d", [D(2, 3, 9)], kernel_size=3, stride=2, padding=1, id="basic")
    case(P, "max_pool1d", [D(2, 3, 9)], kernel_size=2, return_indices=True, id="indices")
    case(P, "max_pool1d", [D(3, 9)], kernel_size=2, dilation=2, ceil_mode=True, id="unbatched")
    case(P, "avg_pool2d", [D(1, 2, 7, 7)], kernel_size=3, stride=2, padding=1, id="pad_include")
    case(P, "avg_pool2d", [D(1, 2, 7, 7)], kernel_size=3, stride=2, padding=1, count_include_pad=False,
         id="pad_exclude")
    case(P, "avg_pool2d", [D(1, 2, 5, 5)], kernel_size=2, ceil_mode=True, id="ceil")
    case(P, "avg_pool2d", [D(1, 2, 5, 5)], kernel_size=3, stride=2, padding=1, ceil_mode=True,
         count_include_pad=False, id="ceil_exclude")
    case(P, "avg_pool2d", [D(1, 2, 6, 6)], kernel_size=2, divisor_override=3, id="divisor")
    case(P, "avg_pool2d", [D(3, 6, 6)], kernel_size=[2, 3], stride=[2, 1], id="unbatched_rect")
    case(P, "avg_pool2d", [TL(D(1, 2, 4, 6))], kernel_size=2, id="transposed_layout")
    case(P, "avg_pool2d", [I(1, 1, 4, 4)], kernel_size=2, id="int64")
    case(P, "avg_pool2d", [R(1, 2, 6, 6)], kernel_size=3, stride=1, id="randn")
    case(P, "avg_pool1d", [D(2, 3, 9)], kernel_size=3, stride=2, padding=1, id="basic")
    case(P, "avg_pool1d", [D(3, 9)], kernel_size=2, ceil_mode=True, count_include_pad=False, id="unbatched")
    for size in (1, 3, [2, 5], [None, 2], [7, 7]):
        case(P, "adaptive_avg_pool2d", [D(2, 3, 5, 7)], output_size=size, id=f"size_{size}")
        case(P, "adaptive_max_pool2d", [D(2, 3, 5, 7)], output_size=size, return_indices=True, id=f"size_{size}")
    case(P, "adaptive_avg_pool2d", [D(3, 6, 6)], output_size=[1, 1], id="unbatched_mean")
    case(P, "adaptive_avg_pool2d", [D(3, 6, 6, dtype=f64)], output_size=4, id="f64")
    case(P, "adaptive_avg_pool2d", [TL(D(1, 2, 5, 6))], output_size=[2, 3], id="transposed_layout")
    case(P, "adaptive_max_pool2d", [D(3, 6, 5)], output_size=2, id="unbatched")
    case(P, "adaptive_max_pool2d", [D(0, 4, 4)], output_size=2, id="unbatched_no_channels")
    case(P, "adaptive_avg_pool2d", [D(0, 4, 4)], output_size=2, id="unbatched_no_channels")
    case(P, "adaptive_avg_pool2d", [D(4, 4)], output_size=1, id="mean_2d")
    for size in (1, 3, 4):
        case(P, "adaptive_avg_pool1d", [D(2, 3, 7)], output_size=size, id=f"size_{size}")
        case(P, "adaptive_max_pool1d", [D(2, 3, 7)], output_size=size, return_indices=True, id=f"size_{size}")
    case(P, "adaptive_avg_pool1d", [D(3, 7)], output_size=3, id="unbatched")


def padding():
    P = "padding"
    x4, x3 = D(1, 2, 3, 4), D(2, 3, 5)
    case(P, "pad", [x4], pad=[1, 2], id="constant_last_dim")
    case(P, "pad", [x4], pad=[1, 2, 0, 1, 1, 0], value=1.5, id="constant_value")
    case(P, "pad", [x4], pad=[-1, 2, 1, -1], id="constant_negative")
    case(P, "pad", [x4], pad=[-1, -1], id="constant_crop_only")
    case(P, "pad", [x4], pad=[0, 0], id="constant_zero")
    case(P, "pad", [x4], pad=[-2, -2], id="constant_to_empty")
    case(P, "pad", [I(2, 3)], pad=[1, 1], value=2.5, id="constant_int")
    for mode in ("reflect", "replicate", "circular"):
        case(P, "pad", [x3], pad=[2, 1], mode=mode, id=f"{mode}_1d")
        case(P, "pad", [D(3, 5)], pad=[1, 3], mode=mode, id=f"{mode}_1d_unbatched")
        case(P, "pad", [x4], pad=[1, 2, 2, 1], mode=mode, id=f"{mode}_2d")
        case(P, "pad", [D(2, 3, 4)], pad=[1, 0, 1, 2], mode=mode, id=f"{mode}_2d_unbatched")
        case(P, "pad", [x3], pad=[-1, 2], mode=mode, id=f"{mode}_negative")
        case(P, "pad", [TL(D(1, 2, 3, 4))], pad=[1, 1, 1, 1], mode=mode, id=f"{mode}_transposed_layout")
        case(P, "pad", [D(1, 1, 2, 3, 3, dtype=f64)], pad=[1, 1, 1, 0, 0, 1], mode=mode, id=f"{mode}_3d_f64")
    case(P, "pad", [D(1, 2, 3)], pad=[5, 7], mode="replicate", id="replicate_wide")
    case(P, "pad", [D(0, 2, 3)], pad=[1, 1], mode="reflect", id="reflect_zero_batch")
    case(P, "pad", [I(1, 2, 4)], pad=[1, 2], mode="reflect", id="reflect_int")
    case(P, "pad", [D(1, 2, 4, dtype=f16)], pad=[2, 1], mode="reflect", id="reflect_f16")
    case(P, "fold", [D(1, 8, 16, dtype=f16)], output_size=5, kernel_size=2, id="fold_f16")
    # unfold / fold
    case(P, "unfold", [D(2, 3, 5, 6)], kernel_size=2, id="unfold_basic")
    case(P, "unfold", [D(1, 2, 6, 6)], kernel_size=[2, 3], dilation=2, padding=1, stride=[2, 1], id="unfold_params")
    case(P, "unfold", [D(2, 5, 5)], kernel_size=3, id="unfold_unbatched")
    case(P, "unfold", [TL(D(1, 2, 4, 5))], kernel_size=2, id="unfold_transposed_layout")
    case(P, "fold", [D(2, 12, 16)], output_size=5, kernel_size=2, id="fold_basic")
    case(P, "fold", [D(1, 8, 15)], output_size=[4, 6], kernel_size=2, stride=[1, 2], padding=[1, 0],
         id="fold_params")
    case(P, "fold", [D(12, 4)], output_size=[4, 4], kernel_size=2, dilation=2, id="fold_unbatched_dilated")
    case(P, "fold", [TL(D(1, 8, 12))], output_size=[4, 5], kernel_size=2, id="fold_transposed_layout")


def sampling():
    S = "sampling"
    x4, x3 = D(1, 2, 3, 4), D(2, 3, 4)
    for scale in (2, 3, 1.5, 0.5, [2, 1.5]):
        case(S, "interpolate", [x4], scale_factor=scale, id=f"nearest_scale_{scale}")
        case(S, "interpolate", [x4], scale_factor=scale, mode="bilinear", id=f"bilinear_scale_{scale}")
        case(S, "interpolate", [x4], scale_factor=scale, mode="nearest-exact", id=f"exact_scale_{scale}")
    for size in (5, [6, 3], [3, 4]):
        case(S, "interpolate", [x4], size=size, id=f"nearest_size_{size}")
        case(S, "interpolate", [x4], size=size, mode="bilinear", id=f"bilinear_size_{size}")
        case(S, "interpolate", [x4], size=size, mode="bilinear", align_corners=True, id=f"bilinear_align_{size}")
    case(S, "interpolate", [x4], scale_factor=1.7, recompute_scale_factor=True, mode="bilinear", id="recompute")
    case(S, "interpolate", [x4], scale_factor=2, mode="area", id="area")
    case(S, "interpolate", [x3], scale_factor=2, id="nearest_1d")
    case(S, "interpolate", [x3], size=7, mode="linear", id="linear_1d")
    case(S, "interpolate", [x3], size=7, mode="linear", align_corners=True, id="linear_1d_align")
    case(S, "interpolate", [x3], scale_factor=2.5, mode="nearest-exact", id="exact_1d")
    case(S, "interpolate", [TL(D(1, 2, 3, 4))], scale_factor=2, mode="bilinear", id="transposed_layout")
    case(S, "interpolate", [D(1, 2, 3, 4, dtype=f64)], size=[5, 7], mode="bilinear", id="bilinear_f64")
    case(S, "interpolate", [R(1, 1, 4, 4)], scale_factor=1.25, mode="bilinear", id="bilinear_randn")
    case(S, "interpolate", [D(0, 2, 3, 4)], scale_factor=2, id="zero_batch")
    case(S, "interpolate", [D(1, 2, 3, 4, dtype=f16)], scale_factor=1.5, mode="bilinear", id="bilinear_f16")
    case(S, "interpolate", [I(1, 2, 3, 4, dtype=torch.uint8)], scale_factor=2, id="nearest_uint8")
    case(S, "interpolate", [I(1, 2, 3, dtype=torch.uint8)], size=5, id="nearest_1d_uint8")


def errors():
    E = "nn_errors"
    x = D(1, 3, 8, 8)
    w = D(6, 3, 3, 3)
    case(E, "conv2d", [D(1, 1, 32, 32), D(6, 3, 5, 5)], id="channels")
    case(E, "conv2d", [D(1, 32, 32), D(6, 3, 5, 5)], id="channels_unbatched")
    case(E, "conv2d", [D(32, 32), D(6, 3, 5, 5)], id="input_2d")
    case(E, "conv2d", [D(1, 3, 4, 4), D(6, 3, 5, 5)], id="kernel_too_big")
    case(E, "conv2d", [D(1, 3, 4, 4), D(6, 3, 5, 5)], padding=1, dilation=2, id="kernel_too_big_dilated")
    case(E, "conv2d", [x, w], padding=-1, id="negative_padding")
    case(E, "conv2d", [x, w], stride=0, id="zero_stride")
    case(E, "conv2d", [x, w], dilation=0, id="zero_dilation")
    case(E, "conv2d", [x, w], dilation=-1, id="negative_dilation")
    case(E, "conv2d", [x, w], groups=0, id="zero_groups")
    case(E, "conv2d", [D(1, 4, 8, 8), D(6, 2, 3, 3)], groups=4, id="groups_weight")
    case(E, "conv2d", [x, D(6, 1, 3, 3)], groups=2, id="groups_input")
    case(E, "conv2d", [x, w, D(5)], id="bias_size")
    case(E, "conv2d", [x, w, D(6, dtype=f64)], id="bias_dtype")
    case(E, "conv2d", [x, D(6, 3, 3, 3, dtype=f64)], id="weight_dtype")
    case(E, "conv2d", [x, D(6, 3, 3)], id="weight_3d")
    case(E, "conv2d", [x, D(6, 3)], id="weight_2d")
    case(E, "conv2d", [x, w], stride=[1, 1, 1], id="stride_length")
    case(E, "conv2d", [x, w], stride=2, padding="same", id="same_strided")
    case(E, "conv2d", [x, w], padding="foo", id="padding_string")
    case(E, "conv2d", [D(2, 3, 0, 8), D(6, 3, 1, 1)], padding=1, id="zero_height")
    case(E, "conv2d", [x, D(6, 3, 0, 3)], id="zero_kernel")
    case(E, "conv2d", [x, D(0, 3, 3, 3)], id="zero_out_channels")
    case(E, "conv2d", [In(torch.ones(1, 3, 8, 8, dtype=torch.bool), torch.bool),
                       In(torch.ones(6, 3, 3, 3, dtype=torch.bool), torch.bool)], id="bool")
    case(E, "conv1d", [D(1, 2, 10), D(4, 3, 3)], id="channels")
    case(E, "conv1d", [D(1, 3, 2), D(4, 3, 3)], id="kernel_too_big")
    case(E, "conv1d", [D(1, 3, 2, 2), D(4, 3, 3)], id="input_4d")
    case(E, "conv1d", [D(1, 3, 10), D(4, 3, 3)], dilation=0, id="zero_dilation")
    case(E, "conv_transpose2d", [D(1, 2, 8, 8), D(3, 4, 3, 3)], id="channels")
    case(E, "conv_transpose2d", [D(1, 3, 8, 8), D(3, 4, 3, 3)], output_padding=1, id="output_padding")
    case(E, "conv_transpose2d", [D(1, 3, 2, 2), D(3, 4, 3, 3)], padding=3, id="output_too_small")
    case(E, "conv_transpose2d", [D(1, 3, 8, 8), D(3, 4, 3, 3)], groups=2, id="groups")
    case(E, "conv_transpose2d", [D(1, 3, 8, 8), D(3, 4, 3, 3), D(3)], id="bias")
    case(E, "conv_transpose2d", [D(1, 3, 8, 8), D(3, 4, 3, 3)], dilation=0, id="zero_dilation")
    case(E, "conv_transpose2d", [D(1, 3, 8, 8), D(3, 4, 3, 3)], stride=2, output_padding=-1, id="negative_output_padding")
    xp = D(2, 3, 8, 8)
    for name, kw in [("k0", dict(kernel_size=0)), ("k0_s1", dict(kernel_size=0, stride=1)),
                     ("kneg", dict(kernel_size=-1)), ("s0", dict(kernel_size=2, stride=0)),
                     ("sneg", dict(kernel_size=2, stride=-1)), ("pad_big", dict(kernel_size=2, stride=2, padding=2)),
                     ("pad_neg", dict(kernel_size=2, stride=2, padding=-1)), ("k_big", dict(kernel_size=9)),
                     ("k_tuple3", dict(kernel_size=[2, 2, 2])), ("s_tuple3", dict(kernel_size=2, stride=[2, 2, 2])),
                     ("pad_half", dict(kernel_size=3, padding=2, dilation=3))]:
        case(E, "max_pool2d", [xp], id=name, **kw)
        if "dilation" not in kw:
            case(E, "avg_pool2d", [xp], id=name, **kw)
    case(E, "max_pool2d", [xp], kernel_size=2, dilation=0, id="dilation0")
    case(E, "max_pool2d", [D(8, 8)], kernel_size=2, id="input_2d")
    case(E, "max_pool2d", [D(2, 3, 0, 8)], kernel_size=2, id="zero_height")
    case(E, "max_pool2d", [D(2, 0, 8, 8)], kernel_size=2, id="zero_channels")
    case(E, "max_pool2d", [In(torch.ones(1, 1, 4, 4, dtype=torch.bool), torch.bool)], kernel_size=2, id="bool")
    case(E, "avg_pool2d", [D(8, 8)], kernel_size=2, id="input_2d")
    case(E, "avg_pool2d", [D(1, 2, 3, 8, 8)], kernel_size=2, id="input_5d")
    case(E, "avg_pool2d", [xp], kernel_size=2, divisor_override=0, id="divisor_zero")
    x1 = D(2, 3, 8)
    for name, kw in [("k0", dict(kernel_size=0)), ("big", dict(kernel_size=9)), ("s0", dict(kernel_size=2, stride=0)),
                     ("pad_big", dict(kernel_size=2, stride=2, padding=2)), ("dil0", dict(kernel_size=2, dilation=0)),
                     ("pad_neg", dict(kernel_size=2, padding=-1)), ("k_tuple2", dict(kernel_size=[2, 2]))]:
        case(E, "max_pool1d", [x1], id=name, **kw)
        case(E, "max_pool1d", [x1], id=name + "_indices", return_indices=True, **kw)
    case(E, "max_pool1d", [D(2, 3, 8, 8)], kernel_size=2, id="input_4d")
    case(E, "max_pool1d", [D(2, 3, 8, 8)], kernel_size=2, return_indices=True, id="input_4d_indices")
    case(E, "max_pool1d", [D(2, 0, 4)], kernel_size=1, id="zero_channels")
    case(E, "avg_pool1d", [D(2, 3, 8, 8)], kernel_size=2, id="input_4d")
    case(E, "avg_pool1d", [x1], kernel_size=[2, 2], id="k_tuple2")
    case(E, "avg_pool1d", [x1], kernel_size=9, id="big")
    case(E, "adaptive_avg_pool2d", [xp], output_size=-1, id="negative")
    case(E, "adaptive_avg_pool2d", [D(8, 8)], output_size=2, id="input_2d")
    case(E, "adaptive_avg_pool2d", [D(2, 3, 0, 8)], output_size=2, id="zero_height")
    case(E, "adaptive_avg_pool2d", [I(1, 2, 4, 4)], output_size=2, id="int64")
    case(E, "adaptive_max_pool2d", [D(8, 8)], output_size=2, id="input_2d")
    case(E, "adaptive_max_pool2d", [xp], output_size=-1, id="negative")
    case(E, "adaptive_max_pool2d", [xp], output_size=[2, -3], id="negative_width")
    case(E, "adaptive_max_pool1d", [D(3, 8, 8)], output_size=-2, id="negative")
    case(E, "adaptive_max_pool1d", [xp], output_size=2, id="input_4d")
    case(E, "adaptive_avg_pool2d", [I(1, 2, 2)], output_size=1, id="mean_int64")
    case(E, "adaptive_avg_pool2d", [D(4)], output_size=1, id="mean_1d")
    case(E, "adaptive_max_pool2d", [D(2, 3, 0, 8)], output_size=2, id="zero_height")
    case(E, "adaptive_max_pool2d", [I(1, 2, 4, 4)], output_size=2, id="int64")
    case(E, "adaptive_avg_pool1d", [D(2, 3, 8, 8)], output_size=2, id="input_4d")
    case(E, "adaptive_avg_pool1d", [x1], output_size=[2, 2], id="tuple2")
    x4 = D(1, 2, 3, 4)
    case(E, "pad", [x4], pad=[1, 2, 3], id="odd")
    case(E, "pad", [x4], pad=[1] * 10, id="too_long")
    case(E, "pad", [x4], pad=[-3, -2], id="crop_too_much")
    case(E, "pad", [x4], pad=[1, 1], mode="reflect", value=1.0, id="reflect_value")
    case(E, "pad", [x4], pad=[1, 1], mode="reflect", id="reflect_rank")
    case(E, "pad", [D(4)], pad=[1, 1], mode="circular", id="circular_rank")
    case(E, "pad", [x4], pad=[4, 4, 1, 1], mode="reflect", id="reflect_too_big")
    case(E, "pad", [x4], pad=[1, 1, 3, 3], mode="reflect", id="reflect_too_big_h")
    case(E, "pad", [D(1, 2, 4)], pad=[-2, -3], mode="replicate", id="replicate_negative")
    case(E, "pad", [D(1, 2, 3, 4)], pad=[-2, -3, -2, -2], mode="replicate", id="replicate_negative_2d")
    case(E, "pad", [D(1, 2, 3, 4)], pad=[-2, -3, 0, 0], mode="reflect", id="reflect_negative_2d")
    case(E, "pad", [D(1, 2, 0)], pad=[1, 1], mode="replicate", id="replicate_empty")
    case(E, "pad", [D(1, 2, 4)], pad=[5, 0], mode="circular", id="circular_wrap")
    case(E, "pad", [In(torch.ones(1, 2, 2, dtype=torch.bool), torch.bool)], pad=[1, 1], mode="reflect", id="reflect_bool")
    case(E, "unfold", [D(1, 2, 5, 5)], kernel_size=0, id="k0")
    case(E, "unfold", [D(1, 2, 5, 7)], kernel_size=6, id="k_big")
    case(E, "unfold", [D(1, 2, 5, 5)], kernel_size=2, stride=0, id="s0")
    case(E, "unfold", [D(1, 2, 5, 5)], kernel_size=2, dilation=0, id="d0")
    case(E, "unfold", [D(1, 2, 5, 5)], kernel_size=2, padding=-1, id="p_neg")
    case(E, "unfold", [D(1, 2, 5, 5)], kernel_size=[2, 2, 2], id="k_tuple3")
    case(E, "unfold", [D(5, 5)], kernel_size=2, id="input_2d")
    case(E, "unfold", [D(1, 0, 5, 5)], kernel_size=2, id="zero_channels")
    case(E, "unfold", [I(1, 1, 3, 3)], kernel_size=2, id="int64")
    case(E, "fold", [D(1, 8, 16)], output_size=6, kernel_size=2, id="blocks")
    case(E, "fold", [D(1, 7, 16)], output_size=5, kernel_size=2, id="channels")
    case(E, "fold", [D(1, 8, 16, 1)], output_size=5, kernel_size=2, id="input_4d")
    case(E, "fold", [D(1, 8, 16)], output_size=5, kernel_size=2, stride=0, id="s0")
    case(E, "fold", [D(1, 8, 16)], output_size=[5, 5, 5], kernel_size=2, id="size_tuple3")
    case(E, "fold", [D(1, 8, 16)], output_size=1, kernel_size=2, id="small")
    case(E, "interpolate", [x4], scale_factor=0.1, id="scale_too_small")
    case(E, "interpolate", [x4], size=0, id="size_zero")
    case(E, "interpolate", [D(2, 3, 4)], size=0, mode="linear", id="size_zero_1d")
    case(E, "interpolate", [x4], scale_factor=-1, id="scale_negative")
    case(E, "interpolate", [I(1, 1, 2, 2)], scale_factor=2, id="int64")
    case(E, "interpolate", [I(1, 1, 2, 2)], scale_factor=2, mode="bilinear", id="int64_bilinear")
    case(E, "interpolate", [I(1, 1, 2)], scale_factor=2, id="int64_1d")
    case(E, "interpolate", [I(1, 1, 2, dtype=torch.uint8)], scale_factor=2, mode="linear", id="uint8_linear_1d")
    case(E, "conv_transpose2d", [I(1, 2, 3, 3, dtype=torch.int32), I(2, 2, 2, 2, dtype=torch.int32)], id="int32")
    case(E, "avg_pool2d", [I(1, 2, 4, 4, dtype=torch.int32)], kernel_size=2, id="int32")
    case(E, "avg_pool1d", [I(1, 2, 4, dtype=torch.int8)], kernel_size=2, id="int8")


def write(families):
    total = 0
    for fam in families:
        cases = base.FAMILIES.get(fam, [])
        path = os.path.join(HERE, f"{fam}.json")
        with open(path, "w") as f:
            f.write("[\n" + ",\n".join(json.dumps(c, separators=(",", ":")) for c in cases) + "\n]\n")
        size = os.path.getsize(path)
        total += size
        errs = sum(1 for c in cases if "err" in c)
        print(f"{fam:12s} {len(cases):4d} cases ({errs} errors) {size / 1024:.0f} KiB")
    print(f"total {total / 1024:.0f} KiB")


if __name__ == "__main__":
    torch.set_printoptions(profile="default")
    convolution()
    pooling()
    padding()
    sampling()
    errors()
    write(["convolution", "pooling", "padding", "sampling", "nn_errors"])
