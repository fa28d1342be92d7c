"""Instruction counts (valgrind callgrind) of the result injection detector, this tree vs another: load-independent A/B.

    .venv/bin/python bench/dev/injection_result_callgrind.py --old /tmp/qr_off [--rows 300]

For each tree, two children run under callgrind: both import the engine, build an Engine (its sets) and
extract `--rows` tool results per corpus results file (fixed sample, seed 7); one stops there, the other
also runs the injection detector once per result (first sight, as on the wire). The difference of the
two totals is the detector's cost; the machine's load does not move it. (A tree without __pycache__
pays bytecode compilation in both children: the difference cancels it.) Takes ~5 minutes per tree.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPORA = Path("/work/shared/corpora")

_CHILD = '''
import sys, json, random
root, mode, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, root)
from aegis_mcp.engine.engine import Engine
from aegis_mcp.engine.extract import extract_text
from aegis_mcp.engine.detectors import injection
rows = []
for f in ["results_benign_docs", "results_bipia", "results_injecagent"]:
    lines = open(f"{sys.argv[4]}/{f}.jsonl").read().splitlines()
    random.Random(7).shuffle(lines)
    rows += [json.loads(l)["result_text"] for l in lines[:n]]
Engine()
ctxs = [extract_text(t, "x") for t in rows]
if mode == "run":
    for c in ctxs:
        injection.detect(c)
'''


def _count(root: Path, mode: str, rows: int, tmp: Path) -> int:
    child = tmp / "child.py"
    child.write_text(_CHILD)
    out = tmp / f"cg.{mode}.out"
    res = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, str(child),
                          str(root), mode, str(rows), str(CORPORA)], capture_output=True, text=True, check=True)
    m = re.search(r"Collected : (\d+)", res.stderr)
    if m is None:
        raise SystemExit(f"no callgrind total for {root} {mode}:\n{res.stderr[-2000:]}")
    return int(m.group(1))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--old", type=Path, required=True, help="another checkout (e.g. this tree with the detector files reverted)")
    ap.add_argument("--rows", type=int, default=300, help="results per corpus file")
    a = ap.parse_args()
    costs = {}
    with tempfile.TemporaryDirectory() as d:
        for name, root in (("old", a.old), ("new", ROOT)):
            base, run = _count(root, "none", a.rows, Path(d)), _count(root, "run", a.rows, Path(d))
            costs[name] = run - base
            print(f"{name}: {root}  detector {costs[name] / 1e9:.3f} G instructions over {3 * a.rows} results "
                  f"({costs[name] / (3 * a.rows) / 1e6:.2f} M each)")
    print(f"new / old: {costs['new'] / costs['old']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
