"""Which stages pay RE2's first-sight DFA cost: per-stage CPU over corpus rows, first sight vs DFA-warm.

    .venv/bin/python bench/dev/warm_stages.py [--limit 1500] [--files ...]

One fresh process: every row's context is extracted and each detector run on it alone (as
bench/engine_latency.py's stage table does), timed; then the Python-side memos are emptied
(bench/dev/warm_ab.py's clear_python_memos) and the same pass timed again, so the second pass
differs from the first only by RE2's DFA states (and library-internal caches).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "dev"))

from warm_ab import clear_python_memos, load  # noqa: E402

from aegis_mcp.engine.engine import Engine  # noqa: E402
from aegis_mcp.engine.extract import extract, extract_text  # noqa: E402
from aegis_mcp.engine.model import ToolCall  # noqa: E402
from aegis_mcp.engine.results import RESULT_DETECTORS  # noqa: E402


def one_pass(engine: Engine, rows: list) -> dict[str, float]:  # type: ignore[type-arg]
    tot: dict[str, float] = {}
    clock = time.thread_time_ns
    for _, row in rows:
        call = ToolCall(row["tool_name"], row.get("arguments", {}))
        kind = "result" if "result_text" in row else "call"
        t0 = clock()
        ctx = extract_text(row["result_text"], call.tool_name) if kind == "result" else extract(call)
        t1 = clock()
        tot[f"{kind}:extract"] = tot.get(f"{kind}:extract", 0) + (t1 - t0)
        gates = engine._gates  # noqa: SLF001
        if gates is not None and ctx.mode in gates.modes:
            t0 = clock()
            wanted = gates.wanted(ctx)
            tot[f"{kind}:gates"] = tot.get(f"{kind}:gates", 0) + (clock() - t0)
        else:
            wanted = None
        for name, detect in engine._detectors:  # noqa: SLF001
            if kind == "result" and name not in RESULT_DETECTORS:
                continue
            if wanted is not None and name not in wanted:
                continue
            t0 = clock()
            detect(ctx)
            tot[f"{kind}:{name}"] = tot.get(f"{kind}:{name}", 0) + (clock() - t0)
    return {k: v / 1e9 for k, v in tot.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=1500)
    ap.add_argument("--files")
    ap.add_argument("--builtin", action="store_true", help="run Engine.warm_up() before the first pass")
    args = ap.parse_args()
    _, b = load(args.limit, args.files)
    engine = Engine(memo=False)
    if args.builtin:
        engine.warm_up()
    first = one_pass(engine, b)
    clear_python_memos()
    warm = one_pass(engine, b)
    print("| stage | first sight CPU s | DFA-warm CPU s | first-sight share |")
    print("|---|---:|---:|---:|")
    for k in sorted(first, key=lambda k: -first[k]):
        print(f"| {k} | {first[k]:.3f} | {warm.get(k, 0):.3f} | {1 - warm.get(k, 0) / first[k]:.0%} |")
    print(f"| total | {sum(first.values()):.2f} | {sum(warm.values()):.2f} | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
