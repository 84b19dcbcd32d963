#!/usr/bin/env python3
"""Records the expected output of every program in programs/ with real PyTorch.

Usage: make_fixtures.py [PYTHON]   (default: /work/venv-torch/bin/python, torch 2.15 CPU)

Each programs/NAME.py gets programs/NAME.out: its exact stdout under CPython + PyTorch.
TorchBridgeTests runs the same programs through MiniPython with the torch bridge
installed and compares stdout line by line. The programs print nothing that depends on
object ids, the thread count or floating-point summation order at the printed digit.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")
PYTHON = sys.argv[1] if len(sys.argv) > 1 else "/work/venv-torch/bin/python"

for name in sorted(os.listdir(PROGRAMS)):
    if not name.endswith(".py"):
        continue
    path = os.path.join(PROGRAMS, name)
    result = subprocess.run([PYTHON, name], cwd=PROGRAMS, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "OMP_NUM_THREADS": "1"})
    if result.returncode != 0:
        sys.exit(f"{name} failed under the reference:\n{result.stderr}")
    with open(path[:-3] + ".out", "w") as f:
        f.write(result.stdout)
    print("recorded", name[:-3] + ".out")
