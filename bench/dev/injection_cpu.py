"""CPU cost of the injection detector alone (process time, so other load on the machine matters less).

    .venv/bin/python bench/dev/injection_cpu.py                      # this tree
    .venv/bin/python bench/dev/injection_cpu.py --root /tmp/head     # another checkout (e.g. `git archive HEAD`)

Rows: every prompt-injection attack and benign text call, a fixed sample of shell/SQL/path/URL calls,
and a fixed sample of tool results. Extraction is done before timing; only `detect()` is timed.
Prints p50/p95/p99 per-call process time and the total, per mode.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

CORPORA = Path("/work/shared/corpora")


def load(name: str, k: int | None, rnd: random.Random) -> list[dict]:
    rows = [json.loads(line) for line in open(CORPORA / name, encoding="utf-8")]
    return rows if k is None or k >= len(rows) else rnd.sample(rows, k)


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[2])
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    sys.path.insert(0, str(a.root))
    from aegis_mcp.engine.detectors import injection
    from aegis_mcp.engine.extract import extract, extract_text
    from aegis_mcp.engine.model import ToolCall

    rnd = random.Random(11)
    calls = (load("attacks_prompt_injection_args.jsonl", None, rnd) + load("benign_texts_args.jsonl", None, rnd)
             + load("benign_shell_commands.jsonl", 3000, rnd) + load("benign_sql_queries.jsonl", 1000, rnd)
             + load("benign_file_paths.jsonl", 1000, rnd) + load("benign_urls.jsonl", 1000, rnd))
    results = load("results_bipia.jsonl", 400, rnd) + load("results_injecagent.jsonl", 300, rnd) + load("results_benign_docs.jsonl", 300, rnd)
    cctx = [extract(ToolCall(r["tool_name"], r["arguments"]), mode="call") for r in calls]
    rctx = [extract_text(r["result_text"], r["tool_name"], mode="result") for r in results]
    for name, ctxs in (("calls", cctx), ("results", rctx)):
        best: list[float] | None = None
        for _ in range(a.repeat):
            per = []
            for c in ctxs:
                t0 = time.process_time_ns()
                injection.detect(c)
                per.append((time.process_time_ns() - t0) / 1000)
            if best is None or sum(per) < sum(best):
                best = per
        assert best is not None
        print(f"{name:8} n={len(best):5}  p50 {pct(best, .5):8.1f}us  p95 {pct(best, .95):8.1f}us  "
              f"p99 {pct(best, .99):8.1f}us  total {sum(best) / 1e6:7.3f}s  (root {a.root})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
