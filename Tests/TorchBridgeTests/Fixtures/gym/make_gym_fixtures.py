#!/usr/bin/env python3
"""Records the expected output of every program in this folder with real Gymnasium.

Usage: make_gym_fixtures.py PYTHON   (a Python with gymnasium 1.4 and numpy installed, e.g.
       python -m venv --system-site-packages /tmp/gymvenv (from /work/venv-torch);
       /tmp/gymvenv/bin/pip install gymnasium==1.4.0)

Each NAME.py gets NAME.out: its exact stdout under real Gymnasium. GymnasiumTests runs the
same programs on the tutor's built-in gymnasium and compares line by line. The programs
avoid the random number streams (Gymnasium's numpy PCG64 is not reproduced): they set states
directly and check dynamics, transition tables, spaces, wrappers and errors.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = sys.argv[1] if len(sys.argv) > 1 else "/tmp/gymvenv/bin/python"

for name in sorted(os.listdir(HERE)):
    if not name.endswith(".py") or name.startswith("make_"):
        continue
    result = subprocess.run([PYTHON, name], cwd=HERE, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        sys.exit(f"{name} failed under the reference:\n{result.stderr}")
    with open(os.path.join(HERE, name[:-3] + ".out"), "w") as f:
        f.write(result.stdout)
    print("recorded", name[:-3] + ".out")
