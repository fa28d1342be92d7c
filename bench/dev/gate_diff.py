"""Gates must never change a decision: every corpus row judged with gates on and off, compared.

    .venv/bin/python bench/dev/gate_diff.py                 # all corpora; exit 1 on any difference
    .venv/bin/python bench/dev/gate_diff.py --files shell --limit 3000 --show 5

Compares decision, risk, category and every signal (pattern, rule, severity, path, detail); also
prints the CPU time of both passes (thread time, µs per row: p50/p95/p99), so the saving is visible
(both engines share module-level caches; the order alternates per row so neither pays all cold costs).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from aegis_mcp.engine.engine import Engine  # noqa: E402
from aegis_mcp.engine.model import ToolCall  # noqa: E402


def fingerprint(d) -> tuple:  # type: ignore[no-untyped-def]
    return (d.decision, d.risk_level, d.category,
            tuple(sorted((s.pattern, s.rule, int(s.severity), s.path, s.detail) for s in d.signals)))


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p / 100 * (len(xs) - 1)))] if xs else float("nan")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--files", default="", help="comma-separated substrings of corpus file names")
    ap.add_argument("--limit", type=int, default=None, help="rows per file")
    ap.add_argument("--show", type=int, default=10, help="differences to print")
    args = ap.parse_args()
    on, off = Engine(memo=False), Engine(memo=False, gates=False)
    paths = sorted(Path(args.corpora).glob("*.jsonl"))
    if args.files:
        paths = [p for p in paths if any(s in p.name for s in args.files.split(","))]
    diffs = 0
    rows = 0
    t_on: list[float] = []
    t_off: list[float] = []
    clock = time.thread_time_ns
    for path in paths:
        with path.open("rb") as fh:
            for i, line in enumerate(fh):
                if args.limit is not None and i >= args.limit:
                    break
                row = orjson.loads(line)
                call = ToolCall(row["tool_name"], row.get("arguments", {}))
                rows += 1
                # module-level caches are shared by both engines: whoever goes first pays the cold
                # cost, so the order alternates row by row
                first, second = (on, off) if rows % 2 else (off, on)
                if "result_text" in row:
                    a0 = clock(); x = first.check_result(call, row["result_text"]); a1 = clock()
                    y = second.check_result(call, row["result_text"]); b1 = clock()
                else:
                    a0 = clock(); x = first.check(call); a1 = clock()
                    y = second.check(call); b1 = clock()
                (a, ta, b, tb) = (x, a1 - a0, y, b1 - a1) if first is on else (y, b1 - a1, x, a1 - a0)
                t_on.append(ta / 1000)
                t_off.append(tb / 1000)
                if fingerprint(a) != fingerprint(b):
                    diffs += 1
                    if diffs <= args.show:
                        print(f"DIFF {path.name}:{i + 1} tool={row['tool_name']}", file=sys.stderr)
                        print(f"  gates on : {a.decision} {[(s.pattern, s.rule, s.severity.name) for s in a.signals]}",
                              file=sys.stderr)
                        print(f"  gates off: {b.decision} {[(s.pattern, s.rule, s.severity.name) for s in b.signals]}",
                              file=sys.stderr)
    print(f"{rows} rows, {diffs} differ")
    for label, xs in (("gates on ", t_on), ("gates off", t_off)):
        print(f"{label}: p50 {pct(xs, 50):.1f}  p95 {pct(xs, 95):.1f}  p99 {pct(xs, 99):.1f} µs (thread CPU)")
    return 1 if diffs else 0


if __name__ == "__main__":
    raise SystemExit(main())
