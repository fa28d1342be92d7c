"""Dev measurement for the sql / paths / shell detectors: interception and false positives per corpus category.

Usage: .venv/bin/python bench/dev/sqlpathshell.py [--misses N] [--fps N] [--only CATEGORY]
Runs extract() + the three detectors only (not the whole engine); "intercepted" means the max
severity of our signals is >= HIGH, "blocked" = CRITICAL, "pending" = HIGH.
Latency is reported twice: wall clock (perf_counter) and thread CPU time (thread_time), per
detector too; on a shared 2-core machine the CPU time is the number that does not move with load.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import statistics
import sys
import time
from pathlib import Path

from aegis_mcp.engine.detectors import paths, shell, sql
from aegis_mcp.engine.extract import extract
from aegis_mcp.engine.model import RiskLevel, ToolCall

CORPORA = Path("/work/shared/corpora")
FILES = [
    "attacks_web_injection.jsonl",
    "benign_file_paths.jsonl",
    "benign_shell_commands.jsonl",
    "benign_sql_queries.jsonl",
    "benign_sqli_lookalikes.jsonl",
    "benign_texts_args.jsonl",
    "benign_urls.jsonl",
    "benign_injecagent_calls.jsonl",
    "benign_secret_lookalikes.jsonl",
]
OURS = {"sql_injection", "path_traversal", "sensitive_file", "shell_injection"}
DETECTORS = (sql.detect, paths.detect, shell.detect)


CPU: dict[str, list[float]] = collections.defaultdict(list)


def run(row: dict) -> tuple[RiskLevel | None, list, float]:
    call = ToolCall(tool_name=row["tool_name"], arguments=row["arguments"])
    t0 = time.perf_counter()
    c0 = time.thread_time()
    ctx = extract(call)
    sigs = []
    total = 0.0
    for name, d in zip(("sql", "paths", "shell"), DETECTORS):
        c1 = time.thread_time()
        sigs.extend(d(ctx))
        spent = time.thread_time() - c1
        CPU[name].append(spent)
        total += spent
    CPU["3 detectors"].append(total)
    CPU["extract+3"].append(time.thread_time() - c0)
    dt = time.perf_counter() - t0
    sev = max((s.severity for s in sigs), default=None)
    return sev, sigs, dt


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--misses", type=int, default=5)
    ap.add_argument("--fps", type=int, default=5)
    ap.add_argument("--only", default="")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    times: list[float] = []
    print(f"{'file/category':60} {'rows':>6} {'intercept':>9} {'block':>7} {'pending':>7}")
    for fname in FILES:
        stats: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        misses: dict[str, list] = collections.defaultdict(list)
        fps: dict[str, list] = collections.defaultdict(list)
        for line in open(CORPORA / fname, encoding="utf-8"):
            row = json.loads(line)
            cat = row["category"]
            if row["label"] == "benign" and row.get("sensitivity", "normal") != "normal":
                cat += "/" + row["sensitivity"]
            if args.only and args.only not in cat:
                continue
            sev, sigs, dt = run(row)
            times.append(dt)
            st = stats[cat]
            st["n"] += 1
            if sev is not None and sev >= RiskLevel.HIGH:
                st["hit"] += 1
                st["block" if sev == RiskLevel.CRITICAL else "pending"] += 1
                if row["label"] == "benign":
                    fps[cat].append((row["arguments"], [(s.rule, s.severity.name, s.detail[:80]) for s in sigs]))
            elif row["label"] == "attack":
                misses[cat].append(row["arguments"])
        for cat, st in sorted(stats.items()):
            n = st["n"]
            print(f"{fname[:-6] + ':' + cat:60} {n:6d} {100 * st['hit'] / n:8.2f}% {100 * st['block'] / n:6.2f}% {100 * st['pending'] / n:6.2f}%")
            for m in rnd.sample(misses[cat], min(args.misses, len(misses[cat]))):
                print("     MISS", json.dumps(m)[:200])
            for m in rnd.sample(fps[cat], min(args.fps, len(fps[cat]))):
                print("     FP  ", json.dumps(m[0])[:160], m[1][:2])
    times.sort()
    q = lambda p: times[min(len(times) - 1, int(p * len(times)))] * 1e6  # noqa: E731
    print(f"extract+3 detectors per call (wall): p50 {q(0.5):.1f} us  p95 {q(0.95):.1f} us  p99 {q(0.99):.1f} us  max {times[-1]*1e6:.0f} us  mean {statistics.fmean(times)*1e6:.1f} us")
    for name, vals in CPU.items():
        vals.sort()
        c = lambda p: vals[min(len(vals) - 1, int(p * len(vals)))] * 1e6  # noqa: E731
        print(f"  cpu {name:12}: p50 {c(0.5):.1f} us  p95 {c(0.95):.1f} us  p99 {c(0.99):.1f} us  max {vals[-1]*1e6:.0f} us")
    return 0


if __name__ == "__main__":
    sys.exit(main())
