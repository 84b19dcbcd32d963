"""Records PyTorch's elementwise sqrt (MKL vsSqrt/vdSqrt on the AVX-512 machine that makes the
fixtures) for VMLSqrtTests: inputs and outputs as hexadecimal bit patterns.

Run with:  /work/venv-torch/bin/python make_vml_sqrt.py   (writes vml_sqrt.txt beside it)

Per dtype: special values, every binade (random bit patterns), and inputs whose PyTorch root
is 1 ulp below the correctly rounded one, so that a correctly rounded sqrt fails the test.
Lines: "f32 <input bits> <output bits>" or "f64 <input bits> <output bits>".
"""
import os
import struct

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
torch.manual_seed(0)


def pick(x, count_low, count_any):
    y = x.sqrt()
    exact = torch.from_numpy(np.sqrt(x.numpy()))
    low = (y != exact).nonzero().flatten()[:count_low]
    return torch.cat([x[low], x[:count_any]])


f32_special = torch.tensor([0.0, -0.0, float('inf'), float('-inf'), float('nan'), -1.0, 1.0, 4.0, 2.0, 0.25,
                            1e-45, 1e-40, 1.1754942e-38, 1.17549435e-38, 7.9e-31, 3.4028235e38], dtype=torch.float32)
bits32 = torch.randint(0, 2**31 - 1, (200000,), dtype=torch.int64).to(torch.int32).view(torch.float32)
f32 = torch.cat([f32_special, pick(bits32, 400, 600), pick(torch.rand(200000) * 3 + 0.25, 400, 200)])

f64_special = torch.tensor([0.0, -0.0, float('inf'), float('nan'), -2.0, 1.0, 4.0, 5e-324, 1e-310, 1.7976931348623157e308],
                           dtype=torch.float64)
bits64 = torch.randint(0, 2**62, (200000,), dtype=torch.int64).view(torch.float64).abs()
bits64 = bits64[torch.isfinite(bits64)]
f64 = torch.cat([f64_special, pick(bits64, 300, 400), pick(torch.rand(200000, dtype=torch.float64) * 3 + 0.25, 300, 100)])

with open(os.path.join(HERE, "vml_sqrt.txt"), "w") as out:
    for x, y in zip(f32.tolist(), f32.sqrt().tolist()):
        out.write("f32 %08x %08x\n" % (struct.unpack('<I', struct.pack('<f', x))[0], struct.unpack('<I', struct.pack('<f', y))[0]))
    for x, y in zip(f64.tolist(), f64.sqrt().tolist()):
        out.write("f64 %016x %016x\n" % (struct.unpack('<Q', struct.pack('<d', x))[0], struct.unpack('<Q', struct.pack('<d', y))[0]))
print(len(f32), "float32 and", len(f64), "float64 cases")
