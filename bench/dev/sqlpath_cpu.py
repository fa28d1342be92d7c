"""CPU time of the sql / paths / nosql detectors per call, optionally against a baseline copy, interleaved.

    .venv/bin/python bench/dev/sqlpath_cpu.py [--limit N] [--baseline DIR]
    .venv/bin/python bench/dev/sqlpath_cpu.py --make-baseline HEAD /tmp/sqlbase   # then --baseline /tmp/sqlbase

Every tool-call row of the corpora is extracted once; each detector is then timed on the same
context (thread CPU time), gated as the engine gates it (the cost of its own gate check is
reported on its own: the engine makes one pass for all gates). With --baseline DIR (a directory holding a package `aegis_base` that is a copy
of the detector modules with their imports renamed), the old and new detectors run on the same
row in alternating order, so load changes hit both alike. Prints p50/p95/p99/mean in µs and the
new/old ratio.
"""

from __future__ import annotations

import argparse
import importlib
import re
import subprocess
import statistics
import sys
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from aegis_mcp.engine.extract import extract  # noqa: E402
from aegis_mcp.engine.gates import GateSet  # noqa: E402
from aegis_mcp.engine.model import ToolCall  # noqa: E402

NAMES = ("sql", "paths", "nosql")
# The modules a baseline copy holds (those of them that exist at the revision).
_MODULES = ("sql", "sql_parse", "sql_rules", "sql_statement", "sql_value", "nosql", "paths", "path_decode", "path_targets")


def make_baseline(rev: str, out: Path) -> None:
    """Copy the detector modules as of git revision `rev` into out/aegis_base/ (read-only git)."""
    pkg = out / "aegis_base"
    pkg.mkdir(parents=True, exist_ok=True)
    (pkg / "__init__.py").write_text("")
    names = "|".join(_MODULES)
    for mod in _MODULES:
        shown = subprocess.run(["git", "show", f"{rev}:aegis_mcp/engine/detectors/{mod}.py"], cwd=ROOT,
                               capture_output=True, text=True)
        if shown.returncode != 0:
            continue
        src = re.sub(rf"aegis_mcp\.engine\.detectors\.({names})\b", r"aegis_base.\1", shown.stdout)
        src = re.sub(rf"from aegis_mcp\.engine\.detectors import ({names})\b", r"from aegis_base import \1", src)
        (pkg / f"{mod}.py").write_text(src)


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else float("nan")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--limit", type=int, default=None, help="rows per file")
    ap.add_argument("--baseline", default="", help="directory holding the aegis_base package")
    ap.add_argument("--files", default="")
    ap.add_argument("--make-baseline", nargs=2, metavar=("REV", "DIR"), help="write a baseline copy and exit")
    args = ap.parse_args()
    if args.make_baseline:
        make_baseline(args.make_baseline[0], Path(args.make_baseline[1]))
        return 0
    new = {n: importlib.import_module(f"aegis_mcp.engine.detectors.{n}") for n in NAMES}
    old = {}
    if args.baseline:
        sys.path.insert(0, args.baseline)
        old = {n: importlib.import_module(f"aegis_base.{n}") for n in NAMES}
    # Only these three detectors' gates: the pass the engine makes also carries the other
    # detectors' patterns, whose cost is theirs.
    gate_set = GateSet([(n, getattr(m, "GATE", None)) for n, m in new.items()])
    t_gate: list[float] = []
    clock = time.thread_time_ns
    t_new: dict[str, list[float]] = {n: [] for n in NAMES}
    t_old: dict[str, list[float]] = {n: [] for n in NAMES}
    files = sorted(p for p in Path(args.corpora).glob("*.jsonl") if not p.name.startswith("results_"))
    if args.files:
        files = [p for p in files if any(s in p.name for s in args.files.split(","))]
    rows = 0
    for path in files:
        with path.open("rb") as fh:
            for i, line in enumerate(fh):
                if args.limit is not None and i >= args.limit:
                    break
                row = orjson.loads(line)
                ctx = extract(ToolCall(row["tool_name"], row.get("arguments", {})))
                rows += 1
                t0 = clock()
                want = gate_set.wanted(ctx)
                t_gate.append((clock() - t0) / 1000)
                for n in NAMES:
                    order = ("new", "old") if rows % 2 else ("old", "new")
                    for which in order:
                        if which == "old":
                            if not old:
                                continue
                            t0 = clock()
                            old[n].detect(ctx)
                            t_old[n].append((clock() - t0) / 1000)
                        else:
                            t0 = clock()
                            if want is None or n in want:
                                new[n].detect(ctx)
                            t_new[n].append((clock() - t0) / 1000)
    print(f"{rows} call rows; CPU µs per call (thread time); 'new' skips a detector its gate shuts")
    print(f"gate pass (sql+paths+nosql gates, once per call): p50 {pct(t_gate, 50):.1f}  p95 {pct(t_gate, 95):.1f}  p99 {pct(t_gate, 99):.1f}")
    for n in NAMES:
        for label, xs in (("old", t_old[n]), ("new", t_new[n])):
            if xs:
                print(f"{n:6} {label}: p50 {pct(xs, 50):7.1f}  p95 {pct(xs, 95):7.1f}  p99 {pct(xs, 99):7.1f}  mean {statistics.fmean(xs):7.1f}")
        if t_old[n]:
            a, b = t_old[n], t_new[n]
            print(f"{n:6} new/old: p50 {pct(b, 50) / max(pct(a, 50), 1e-9):.2f}  p95 {pct(b, 95) / max(pct(a, 95), 1e-9):.2f}"
                  f"  p99 {pct(b, 99) / max(pct(a, 99), 1e-9):.2f}  mean {statistics.fmean(b) / statistics.fmean(a):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
