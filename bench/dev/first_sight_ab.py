"""First-sight CPU of two trees, interleaved: each corpus row judged once by a fresh engine, per file.

    .venv/bin/python bench/dev/first_sight_ab.py --old /tmp/base_se [--limit 1500] [--rounds 3] [--files a,b]

Each round runs, in fresh processes, the working tree then the old tree (a checkout of an older
commit: its own aegis_mcp on PYTHONPATH); each child reports per file the thread-CPU sum and the
p50 of Engine.check (check_result for result rows), decision memo off. Prints the per-file
minimum over rounds of both trees and their ratio (min: the least disturbed run on a shared machine).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_CHILD = r"""
import json, sys, time, statistics
from pathlib import Path
import orjson
from aegis_mcp.engine.engine import Engine
from aegis_mcp.engine.model import ToolCall
corpora, files, limit = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
engine = Engine(memo=False)
clock = time.thread_time_ns
out = {}
for path in sorted(corpora.glob("*.jsonl")):
    if files and not any(s in path.name for s in files.split(",")):
        continue
    times = []
    for line in path.read_bytes().splitlines()[:limit]:
        row = orjson.loads(line)
        call = ToolCall(row["tool_name"], row.get("arguments", {}))
        if "result_text" in row:
            t = clock(); engine.check_result(call, row["result_text"]); times.append(clock() - t)
        else:
            t = clock(); engine.check(call); times.append(clock() - t)
    out[path.name] = [sum(times) / 1e6, statistics.median(times) / 1e3, len(times)]
print(json.dumps(out))
"""


def run(tree: Path, args: argparse.Namespace) -> dict[str, list[float]]:
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(args.corpora), args.files, str(args.limit)],
                          capture_output=True, text=True, env=env, check=True, cwd=str(tree))
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", type=Path, required=True)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--files", default="")
    ap.add_argument("--limit", type=int, default=1500)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    new: dict[str, list[list[float]]] = {}
    old: dict[str, list[list[float]]] = {}
    for _ in range(args.rounds):
        for store, tree in ((new, ROOT), (old, args.old)):
            for name, v in run(tree, args).items():
                store.setdefault(name, []).append(v)
    print(f"{'file':40s} {'n':>5s} {'new ms':>8s} {'old ms':>8s} {'ratio':>6s} {'new p50':>8s} {'old p50':>8s}")
    tn = to = 0.0
    for name in sorted(new):
        n_ms, o_ms = min(v[0] for v in new[name]), min(v[0] for v in old[name])
        n_p, o_p = min(v[1] for v in new[name]), min(v[1] for v in old[name])
        tn, to = tn + n_ms, to + o_ms
        print(f"{name:40s} {int(new[name][0][2]):5d} {n_ms:8.1f} {o_ms:8.1f} {n_ms / o_ms:6.2f} {n_p:8.1f} {o_p:8.1f}")
    print(f"{'total':40s} {'':5s} {tn:8.1f} {to:8.1f} {tn / to:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
