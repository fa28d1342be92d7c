"""Where one corpus file's calls spend their CPU inside Engine.check, first sight (a fresh engine).

    .venv/bin/python bench/dev/file_stages.py benign_shell_commands [--limit 2000]

Each detector, the gates and extract are wrapped with a thread-CPU clock; prints mean and p50
µs per call of each stage, how often each detector ran, and the whole check's p50 alongside.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import aegis_mcp.engine.engine as EM  # noqa: E402
from aegis_mcp.engine.model import ToolCall  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = ap.parse_args()
    clock = time.thread_time_ns
    per: dict[str, list[int]] = defaultdict(list)
    cur: dict[str, int] = defaultdict(int)
    engine = EM.Engine(memo=False)

    def wrap(name, fn):  # type: ignore[no-untyped-def]
        def w(*a, **k):  # type: ignore[no-untyped-def]
            t = clock()
            try:
                return fn(*a, **k)
            finally:
                cur[name] += clock() - t
        return w

    engine._detectors = [(n, wrap(n, d)) for n, d in engine._detector_list]  # noqa: SLF001
    EM.extract = wrap("extract", EM.extract)
    if engine._gates is not None:  # noqa: SLF001
        engine._gates.wanted = wrap("gates", engine._gates.wanted)  # type: ignore[method-assign]  # noqa: SLF001
    EM.categorize = wrap("categorize", EM.categorize)
    path = next(p for p in sorted(args.corpora.glob("*.jsonl")) if args.file in p.name)
    rows = [orjson.loads(line) for line in path.read_bytes().splitlines()[: args.limit]]
    totals: list[int] = []
    for row in rows:
        call = ToolCall(row["tool_name"], row.get("arguments", {}))
        cur.clear()
        t = clock()
        engine.check(call)
        totals.append(clock() - t)
        for k, v in cur.items():
            per[k].append(v)
    n = len(rows)
    print(f"{path.name}: {n} calls, check p50 {statistics.median(totals) / 1000:.1f} µs, mean {sum(totals) / n / 1000:.1f}")
    for k, v in sorted(per.items(), key=lambda kv: -sum(kv[1])):
        print(f"  {k:16s} ran {len(v):5d}  mean/call {sum(v) / n / 1000:7.1f}  p50 when run {statistics.median(v) / 1000:7.1f}")


if __name__ == "__main__":
    main()
