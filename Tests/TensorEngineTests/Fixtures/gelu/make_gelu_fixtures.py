"""Record torch's float32 F.gelu (approximate='none') for GeluKernelTests.

Run with:  /work/venv-torch/bin/python make_gelu_fixtures.py   (writes gelu.json here)

Contiguous float32 tensors of more than one element go through oneDNN's piecewise
polynomial in PyTorch; a single element and strided tensors through libm's erf. Both
paths are recorded: "vector" (one contiguous tensor of all inputs) and "single"
(each input alone, 0-d). Values are float32 bit patterns.
"""
import json
import os
import struct

import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


def bits(t):
    return [struct.unpack("<I", struct.pack("<f", v))[0] for v in t.tolist()]


g = torch.Generator().manual_seed(0)
xs = torch.cat([
    torch.linspace(-12, 12, 4801),
    torch.randn(4000, generator=g) * 3,
    torch.randn(500, generator=g) * 1e-3,
    torch.randn(100, generator=g) * 1e-30,
    torch.tensor([0.0, -0.0, float("inf"), float("-inf"), float("nan"), 5.5, 5.6, -5.6, 1e-45, -1e-45, 3.0e38]),
])
vector = F.gelu(xs)
single = torch.stack([F.gelu(x) for x in xs[:: 37]])
with open(os.path.join(HERE, "gelu.json"), "w") as f:
    json.dump({"x": bits(xs), "vector": bits(vector), "single_x": bits(xs[::37]), "single": bits(single)}, f)
print("wrote", len(xs), "inputs")
