#!/usr/bin/env python3
"""Appends CPython's output as `# expect:` lines to programs that have none yet.

    python3 Tests/MiniPythonTests/Programs/annotate.py

Review the appended lines (they are what CPython 3.11 printed), then run verify.py.
"""
import pathlib, subprocess, sys

root = pathlib.Path(__file__).parent
for path in sorted(root.glob("*/*.py")):
    text = path.read_text()
    if "# expect" in text:
        continue
    run = subprocess.run([sys.executable, path.name], cwd=path.parent, capture_output=True, text=True, timeout=60)
    lines = ["", "# Expected output (checked with CPython 3.11):"]
    lines += [f"# expect: {l}" for l in run.stdout.split("\n")[:-1]] if run.stdout else []
    if run.stderr.strip():
        lines.append(f"# expect error: {run.stderr.strip().splitlines()[-1]}")
    path.write_text(text + "\n".join(lines) + "\n")
    print("annotated", path.relative_to(root))
