#!/usr/bin/env python3
"""Checks every program's inline expectations against the real CPython running this script.

    python3 Tests/MiniPythonTests/Programs/verify.py [--write]

`# expect: text` lines must equal CPython's stdout lines; `# expect error: T: msg` the last
stderr line. With --write, the expectations of programs whose expectations are missing
(a line ending in `# expect: ?`) are not touched; this tool only verifies.
"""
import pathlib, subprocess, sys

root = pathlib.Path(__file__).parent
failed = 0
count = 0
for path in sorted(root.glob("*/*.py")):
    count += 1
    text = path.read_text()
    expected = [l.split("# expect: ", 1)[1] for l in text.splitlines() if "# expect: " in l]
    errors = [l.split("# expect error: ", 1)[1] for l in text.splitlines() if "# expect error: " in l]
    run = subprocess.run([sys.executable, path.name], cwd=path.parent, capture_output=True, text=True)
    got = run.stdout.splitlines()
    err = run.stderr.strip().splitlines()[-1] if run.stderr.strip() else None
    want_err = errors[0] if errors else None
    if got != expected or err != want_err:
        failed += 1
        print(f"MISMATCH {path.relative_to(root)}")
        for i, (a, b) in enumerate(zip(expected + ["<none>"] * 99, got + ["<none>"] * 99)):
            if a != b:
                print(f"  line {i + 1}: expected {a!r}, CPython {b!r}")
                break
        if err != want_err:
            print(f"  error: expected {want_err!r}, CPython {err!r}")
print(f"{count - failed}/{count} programs match CPython")
sys.exit(1 if failed else 0)
