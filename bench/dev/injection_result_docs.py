"""Clean-text false positives of the result judge on documents found on this machine (READMEs, licences, release notes, stdlib source, package docs).

    .venv/bin/python bench/dev/injection_result_docs.py                      # this tree
    .venv/bin/python bench/dev/injection_result_docs.py --root /tmp/base     # another checkout
    .venv/bin/python bench/dev/injection_result_docs.py --show               # list each flagged chunk

None of these texts carries an injection: every chunk flagged at HIGH or above (or an engine error)
is a false positive. Files are read in 4 KB chunks (up to three per file), like a paged read_file.
The sample is fixed (seeded shuffle of /usr/share/doc, the Python stdlib, node_modules READMEs).
"""

from __future__ import annotations

import argparse
import collections
import glob
import os
import random
import sys
from pathlib import Path


def files() -> list[str]:
    out = [f for f in glob.glob("/usr/share/doc/**/*", recursive=True)
           if os.path.isfile(f) and not f.endswith((".gz", ".png", ".jpg", ".svg", ".woff", ".ttf"))]
    out += glob.glob(os.path.join(os.path.dirname(os.__file__), "*.py"))
    out += glob.glob(str(Path(__file__).resolve().parents[2] / "node_modules/**/*.md"), recursive=True)
    out.sort()
    random.Random(3).shuffle(out)
    return out[:1500]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=str(Path(__file__).resolve().parents[2]))
    ap.add_argument("--show", action="store_true")
    a = ap.parse_args()
    sys.path.insert(0, a.root)
    from aegis_mcp.engine.detectors import injection
    from aegis_mcp.engine.extract import extract_text

    n = 0
    flagged: list[tuple[str, int, str, str]] = []
    for f in files():
        try:
            text = open(f, encoding="utf-8").read()
        except (OSError, UnicodeDecodeError):
            continue
        for i in range(0, min(len(text), 12_000), 4_000):
            chunk = text[i : i + 4_000]
            if not chunk.strip():
                continue
            n += 1
            try:
                sigs = [s for s in injection.detect(extract_text(chunk, "read_file", mode="result")) if s.severity >= 2]
            except Exception as e:  # noqa: BLE001 - an engine error fails closed: count it
                flagged.append((f, i, "ENGINE_ERROR", repr(e)[:120]))
                continue
            if sigs:
                flagged.append((f, i, sigs[0].rule, sigs[0].detail[:140]))
    print(f"{len(flagged)}/{n} clean document chunks flagged ({len(flagged) / max(n, 1):.1%})")
    for rule, k in collections.Counter(r for _, _, r, _ in flagged).most_common():
        print(f"  {k:4} {rule}")
    if a.show:
        for f, i, rule, detail in flagged:
            print(f"  {f}@{i} {rule}: {detail}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
