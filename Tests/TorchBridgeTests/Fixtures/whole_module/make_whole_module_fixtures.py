"""Fixtures of whole-module torch.save / torch.load (TorchBridgeTests/SerializationTests).

Run from the repository root after `swift build`:

    /work/venv-torch/bin/python Tests/TorchBridgeTests/Fixtures/whole_module/make_whole_module_fixtures.py

1. Under real PyTorch, defines net.py's Net in __main__, saves make_net() whole as
   torch_whole.pt, and records report(net) as expected.out.
2. Runs net.py plus a torch.save under pytorch-tutor (TUTOR, default .build/debug/pytorch-tutor)
   to write tutor_whole.pt, then checks that real PyTorch loads it (weights_only=False) into a
   model that prints and computes exactly expected.out, and that its pickle names the same
   classes and functions in the same order as PyTorch's (the bytes may differ only in how
   equal strings are memoized: CPython memoizes by identity). Exits 1 on any difference.
"""
import contextlib
import io
import os
import pickletools
import subprocess
import sys
import zipfile

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..', '..'))
TUTOR = os.environ.get('TUTOR', os.path.join(ROOT, '.build', 'debug', 'pytorch-tutor'))

with open(os.path.join(HERE, 'net.py')) as f:
    NET_SOURCE = f.read()
exec(NET_SOURCE)  # Net must live in __main__, as in a user's script.


def reported(net):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        report(net)
    return out.getvalue()


def globals_of(path):
    with zipfile.ZipFile(path) as z:
        data = next(z.read(n) for n in z.namelist() if n.endswith('/data.pkl'))
    return [arg for op, arg, _ in pickletools.genops(data) if op.name == 'GLOBAL']


net = make_net()
torch.save(net, os.path.join(HERE, 'torch_whole.pt'))
expected = reported(net)
with open(os.path.join(HERE, 'expected.out'), 'w') as f:
    f.write(expected)

program = os.path.join(HERE, '_save_from_tutor.py')
with open(program, 'w') as f:
    f.write(NET_SOURCE + "\ntorch.save(make_net(), 'tutor_whole.pt')\n")
try:
    subprocess.run([TUTOR, 'run', os.path.basename(program)], cwd=HERE, check=True)
finally:
    os.remove(program)

failures = []
loaded = torch.load(os.path.join(HERE, 'tutor_whole.pt'), weights_only=False)
if reported(loaded) != expected:
    failures.append('tutor_whole.pt loads into a different model:\n' + reported(loaded))
if globals_of(os.path.join(HERE, 'tutor_whole.pt')) != globals_of(os.path.join(HERE, 'torch_whole.pt')):
    failures.append("tutor_whole.pt's pickle names other globals than PyTorch's")
if failures:
    sys.exit('\n'.join(failures))
print('wrote torch_whole.pt, tutor_whole.pt and expected.out; PyTorch loads the tutor file identically')
