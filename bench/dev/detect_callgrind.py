"""Instruction counts (valgrind callgrind) of one detector (or Engine.check) over corpus rows: load-independent A/B evidence.

    .venv/bin/python bench/dev/detect_callgrind.py --detector sql [--old /tmp/shellab] [--files benign_sql] [--limit 1000] [--skip 0]

For any of sql, paths, shell, exfil, nosql, or `check` (Engine.check, decision memo off).
Runs, under `valgrind --tool=callgrind`, a child that extracts the rows'
contexts (and, for exfil, pays the secrets scan it shares with the secrets detector) and then
either stops (baseline) or also runs the detector once per row where the engine's gate opens
(`--ungated`: on every row), for the working tree (aegis_mcp) and, with --old, a renamed copy of
an older tree (aegis_old, see bench/dev/shell_ab.py). The difference of the two totals, divided
by the rows, is the detector's instructions per call, cold (every row judged once, as in the
corpus benchmarks). The machine's load does not move it.
"""

from __future__ import annotations

import argparse
import os
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
name, gated = sys.argv[6], sys.argv[7] == "1"
engine = importlib.import_module(pkg + ".engine.engine").Engine(memo=False)
scan = importlib.import_module(pkg + ".engine.detectors.secrets_scan").scan_context
detect = None if name == "check" else importlib.import_module(pkg + ".engine.detectors." + name).detect
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
                call = ToolCall(row["tool_name"], row.get("arguments", {{}}))
                ctx = ext(call)
                want = engine._gates.wanted(ctx) if gated and engine._gates is not None else None
                if name == "exfil":
                    scan(ctx)
                ctxs.append((call, ctx, want is None or name in want))
if run:
    for call, c, wanted in ctxs:
        if detect is None:
            engine.check(call)
        elif wanted:
            detect(c)
print(len(ctxs))
"""


def instructions(script: str, args: list[str]) -> tuple[int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cg.out"
        proc = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, "-c", script, *args],
            capture_output=True, text=True, check=True,
            # a fixed hash seed: set and dict layouts (and so the interpreter's instructions) must
            # not differ between the runs whose totals are subtracted
            env={**os.environ, "PYTHONHASHSEED": "0"},
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
    ap.add_argument("--detector", default="shell", help="sql, paths, shell, exfil, nosql or check")
    ap.add_argument("--ungated", action="store_true", help="run the detector on every row, gate or not")
    args = ap.parse_args()
    script = _CHILD.format(old=args.old or str(ROOT), root=str(ROOT), corpora=args.corpora)
    sides = [("new", "aegis_mcp")] + ([("old", "aegis_old")] if args.old else [])
    per: dict[str, float] = {}
    for label, pkg in sides:
        common = [pkg, args.files, str(args.limit), str(args.skip)]
        tail = [args.detector, "0" if args.ungated else "1"]
        base, n = instructions(script, [*common, "0", *tail])
        full, _ = instructions(script, [*common, "1", *tail])
        per[label] = (full - base) / max(1, n)
        print(f"{label}: {n} calls, {args.detector} {per[label]:,.0f} instructions per call (cold)")
    if "old" in per:
        print(f"ratio new/old: {per['new'] / per['old']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
