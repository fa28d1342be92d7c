"""Instruction counts (valgrind callgrind) of shell.detect over corpus rows: load-independent A/B evidence.

    .venv/bin/python bench/dev/shell_callgrind.py [--old /tmp/shellab] [--files benign_shell] [--limit 1000] [--skip 0]

Runs, under `valgrind --tool=callgrind`, a child that extracts the rows' contexts and then either
stops (baseline) or also runs shell.detect once per row, for the working tree (aegis_mcp) and,
with --old, a renamed copy of an older tree (aegis_old, see bench/dev/shell_ab.py). The
difference of the two totals, divided by the rows, is the detector's instructions per call, cold
(every row judged once, as in the corpus benchmarks). The machine's load does not move it.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_CHILD = r"""
import sys, importlib, orjson
sys.path.insert(0, {old!r}); sys.path.insert(0, {root!r})
pkg, files, limit, skip, run = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5] == "1"
ext = importlib.import_module(pkg + ".engine.extract").extract
ToolCall = importlib.import_module(pkg + ".engine.model").ToolCall
detect = importlib.import_module(pkg + ".engine.detectors.shell").detect
from pathlib import Path
ctxs = []
for path in sorted(Path({corpora!r}).glob("*.jsonl")):
    if not any(s in path.name for s in files.split(",")):
        continue
    with path.open("rb") as fh:
        for i, line in enumerate(fh):
            if i < skip:
                continue
            if i >= skip + limit:
                break
            row = orjson.loads(line)
            if "result_text" not in row:
                ctxs.append(ext(ToolCall(row["tool_name"], row.get("arguments", {{}}))))
if run:
    for c in ctxs:
        detect(c)
print(len(ctxs))
"""


def instructions(script: str, args: list[str]) -> tuple[int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cg.out"
        proc = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, "-c", script, *args],
            capture_output=True, text=True, check=True,
        )
        m = re.search(r"Collected\s*:\s*(\d+)", proc.stderr)
        if m is None:
            raise SystemExit(proc.stderr[-2000:])
        return int(m.group(1)), int(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", default="", help="directory holding the aegis_old package (omit: working tree only)")
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--files", default="benign_shell")
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--skip", type=int, default=0, help="rows to skip at the start of each file")
    args = ap.parse_args()
    script = _CHILD.format(old=args.old or str(ROOT), root=str(ROOT), corpora=args.corpora)
    sides = [("new", "aegis_mcp")] + ([("old", "aegis_old")] if args.old else [])
    per: dict[str, float] = {}
    for label, pkg in sides:
        base, n = instructions(script, [pkg, args.files, str(args.limit), str(args.skip), "0"])
        full, _ = instructions(script, [pkg, args.files, str(args.limit), str(args.skip), "1"])
        per[label] = (full - base) / max(1, n)
        print(f"{label}: {n} calls, shell.detect {per[label]:,.0f} instructions per call (cold)")
    if "old" in per:
        print(f"ratio new/old: {per['new'] / per['old']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
