#!/usr/bin/env python3
"""Conformance ratchet: runs the shared PyTorch conformance corpus against the
built binary and compares the failures with the committed list of known ones.

    Tests/Conformance/ratchet.py BINARY [--shared DIR]

It fails (exit 1) when a case outside known-failures.txt fails, or when a case
on the list now passes (take it off the list: the list may only shrink).
Without the shared corpus (a clone outside the team's workspace) it says so and
exits 0.
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def known_failures(path):
    names = set()
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                names.add(line)
    return names


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT), "shared"),
                    help="the shared folder holding conformance/ (default: ../shared)")
    ap.add_argument("--known", default=os.path.join(HERE, "known-failures.txt"))
    args = ap.parse_args()

    checker = os.path.join(args.shared, "conformance", "check")
    if not os.path.exists(checker):
        print(f"conformance: {checker} not found; skipping the shared corpus")
        return 0
    cmd = [sys.executable, checker, os.path.abspath(args.binary), "-j", "2"]
    run = subprocess.run(cmd, capture_output=True, text=True)
    out = run.stdout
    failing = set(re.findall(r"^FAIL\s+(\S+?):", out, re.M))
    known = known_failures(args.known)
    new = sorted(failing - known)
    fixed = sorted(known - failing)
    lines = [l for l in out.splitlines() if l.strip()]
    print(lines[-1] if lines else "conformance: the checker printed nothing")
    if new:
        print("conformance: newly failing (fix them, they passed before):")
        for name in new:
            detail = next((l for l in out.splitlines() if l.startswith(f"FAIL  {name}:")), name)
            print("  " + detail)
    if fixed:
        print("conformance: now passing, remove from Tests/Conformance/known-failures.txt:")
        for name in fixed:
            print("  " + name)
    return 1 if new or fixed else 0


if __name__ == "__main__":
    sys.exit(main())
