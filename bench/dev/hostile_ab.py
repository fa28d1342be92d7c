"""Hostile inputs, CPU ms of two trees interleaved: the check command's line parser + engine, per input.

    .venv/bin/python bench/dev/hostile_ab.py --old /tmp/base_se [--rounds 3] [--repeat 3] [--only strings,keys]

Each round runs, in fresh processes, the working tree then the old tree (its own aegis_mcp on
PYTHONPATH); both judge the inputs of this tree's bench/engine_latency.py `hostile_inputs()` with
`judge_line` (orjson parse + Engine.check, memo off), `--repeat` times each, and report the minimum
thread-CPU ms per input. Prints per input the minimum over rounds of both trees, their ratio, and
the decisions (they must agree).
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
import gc, json, sys, time, importlib.util
tree, bench, repeat, only = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
sys.path.insert(0, tree)
# the tree's package first: the bench module puts this tree's root on sys.path, but submodules
# resolve through the already imported package's own __path__
from aegis_mcp.commands.check import judge_line
from aegis_mcp.engine.engine import Engine
from aegis_mcp.engine.extract import extract
from aegis_mcp.engine.model import ToolCall
spec = importlib.util.spec_from_file_location("engine_latency_ab", bench)
mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
assert __import__("aegis_mcp").__file__.startswith(tree), __import__("aegis_mcp").__file__
eng = Engine(memo=False)
eng.check(ToolCall("warm_up", {"q": "SELECT 1"}))
gc.collect(); gc.freeze()
out = {}
for name, data in mod.hostile_inputs():
    if only and not any(s in name for s in only.split(",")):
        continue
    best, res = 1e9, {}
    for _ in range(repeat):
        c0 = time.thread_time()
        res = judge_line(eng, data, 1)
        best = min(best, (time.thread_time() - c0) * 1000)
    out[name] = [best, res.get("decision", "error")]
print(json.dumps(out))
"""


def child(tree: Path, repeat: int, only: str) -> dict[str, list[object]]:
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
    r = subprocess.run([sys.executable, "-c", _CHILD, str(tree), str(ROOT / "bench" / "engine_latency.py"), str(repeat),
                        only], env=env, check=True, capture_output=True, text=True)
    return json.loads(r.stdout)  # type: ignore[no-any-return]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", type=Path, required=True)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", default="", help="comma-separated substrings of input names")
    args = ap.parse_args()
    best: dict[str, dict[str, list[object]]] = {"new": {}, "old": {}}
    for _ in range(args.rounds):
        for label, tree in (("new", ROOT), ("old", args.old)):
            for name, (ms, dec) in child(tree, args.repeat, args.only).items():
                prev = best[label].get(name)
                if prev is None or ms < prev[0]:  # type: ignore[operator]
                    best[label][name] = [ms, dec]
    print(f"{'input':60s} {'new ms':>8s} {'old ms':>8s} {'ratio':>6s}  decisions")
    for name, (ms, dec) in best["new"].items():
        oms, odec = best["old"].get(name, [float("nan"), "?"])
        flag = "" if dec == odec else "  DIFFER"
        print(f"{name[:60]:60s} {ms:8.1f} {oms:8.1f} {ms / oms:6.2f}  {dec}/{odec}{flag}")  # type: ignore[operator]
    print(f"load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
