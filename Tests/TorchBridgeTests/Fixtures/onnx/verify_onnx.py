# Checks the .onnx files pytorch-tutor writes: runs export_models.py with the tutor in a
# scratch folder, then for each model runs onnx.checker.check_model and onnxruntime on the
# saved inputs and compares with the outputs the tutor's own model computed (max abs diff
# at most 1e-5), for the example batch and, for models with a dynamic batch, another one.
#
# Usage: /work/venv-torch/bin/python verify_onnx.py [path/to/pytorch-tutor]
# Needs torch, onnx and onnxruntime (pip install onnx onnxruntime).
import os
import subprocess
import sys
import tempfile

import numpy as np
import onnx
import onnxruntime
import torch

here = os.path.dirname(os.path.abspath(__file__))
tutor = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '../../../../.build/debug/pytorch-tutor'))
failures = 0
with tempfile.TemporaryDirectory() as folder:
    subprocess.run([tutor, 'run', os.path.join(here, 'export_models.py')], cwd=folder, check=True,
                   stdout=subprocess.DEVNULL)
    for name in sorted(f[:-5] for f in os.listdir(folder) if f.endswith('.onnx')):
        path = os.path.join(folder, name + '.onnx')
        onnx.checker.check_model(onnx.load(path), full_check=True)
        saved = torch.load(os.path.join(folder, name + '.pt'))
        session = onnxruntime.InferenceSession(path, providers=['CPUExecutionProvider'])
        for suffix in ['', '_other_batch']:
            if 'input' + suffix not in saved:
                continue
            x = saved['input' + suffix].numpy()
            (got,) = session.run(None, {session.get_inputs()[0].name: x})
            want = saved['output' + suffix].numpy()
            diff = float(np.abs(got - want).max())
            ok = got.shape == want.shape and diff <= 1e-5
            failures += not ok
            print(f"{name}{suffix}: checker ok, onnxruntime output {list(got.shape)}, "
                  f"max abs diff {diff:.2e} {'OK' if ok else 'FAIL'}")
sys.exit(1 if failures else 0)
