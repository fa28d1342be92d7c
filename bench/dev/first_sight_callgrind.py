"""Instructions per corpus row, first sight (callgrind): two or more source trees, load-independent.

    .venv/bin/python bench/dev/first_sight_callgrind.py TREE [TREE ...] [--files a,b] [--limit 200]

Each TREE is a directory holding an `aegis_mcp` package (a snapshot or an older checkout). For each,
a child under `valgrind --tool=callgrind` builds an Engine (decision memo off) and judges every
selected row once (check, or check_result for result rows); a second child stops after building
the engine. The difference divided by the rows is the instructions per row. Fixed hash seed.
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
import sys
from pathlib import Path
import orjson
from aegis_mcp.engine.engine import Engine
from aegis_mcp.engine.model import ToolCall
corpora, files, limit, run = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"
engine = Engine(memo=False)
rows = []
for path in sorted(corpora.glob("*.jsonl")):
    if files and not any(s in path.name for s in files.split(",")):
        continue
    rows += [orjson.loads(line) for line in path.read_bytes().splitlines()[:limit]]
calls = [(ToolCall(r["tool_name"], r.get("arguments", {})), r.get("result_text")) for r in rows]
if run:
    for call, text in calls:
        if text is None:
            engine.check(call)
        else:
            engine.check_result(call, text)
print(len(calls))
"""


def instructions(tree: Path, args: argparse.Namespace, run: bool) -> tuple[int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cg.out"
        proc = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, "-c", _CHILD,
             str(args.corpora), args.files, str(args.limit), "1" if run else "0"],
            capture_output=True, text=True, check=True, cwd=str(tree),
            env={**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(tree)},
        )
        m = re.search(r"Collected\s*:\s*(\d+)", proc.stderr)
        if m is None:
            raise SystemExit(proc.stderr[-2000:])
        return int(m.group(1)), int(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("trees", nargs="+", type=Path)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--files", default="")
    ap.add_argument("--limit", type=int, default=200)
    args = ap.parse_args()
    first = None
    for tree in args.trees:
        base, n = instructions(tree, args, False)
        full, _ = instructions(tree, args, True)
        per = (full - base) / max(1, n)
        first = first or per
        print(f"{tree}: {n} rows, {per:,.0f} instructions per row (ratio to the first tree {per / first:.3f})", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
