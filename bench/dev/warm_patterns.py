"""Which compiled patterns pay RE2's first-sight DFA cost: time in each pattern's C++ Match, first sight vs warm.

    .venv/bin/python bench/dev/warm_patterns.py [--limit 1000] [--top 30] [--builtin]

Every FastRegexp's matcher and every PatternSet's sets/filter are wrapped with a timer (the C++
calls only: the time RE2 spends, building DFA states included); half B of the corpora (warm_ab's
split) is judged on first sight, the Python memos emptied, and judged again.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "dev"))

from warm_ab import clear_python_memos, judge, load  # noqa: E402

from aegis_mcp.engine.engine import Engine  # noqa: E402
from aegis_mcp.engine.regex import FastRegexp, PatternSet  # noqa: E402

TOTALS: dict[str, list[float]] = {}  # label -> [first-sight ns, warm ns, calls]
PHASE = [0]


class Timed:
    def __init__(self, inner: Any, label: str) -> None:
        self._inner = inner
        self._label = label
        TOTALS.setdefault(label, [0.0, 0.0, 0])

    def Match(self, *a: Any) -> Any:  # noqa: N802 - mirrors the pybind method
        t0 = time.thread_time_ns()
        r = self._inner.Match(*a)
        TOTALS[self._label][PHASE[0]] += time.thread_time_ns() - t0
        return r

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def wrap_all() -> int:
    n = 0
    for obj in gc.get_objects():
        if isinstance(obj, FastRegexp):
            obj._re = Timed(obj._re, "rx " + obj._rx.pattern[:90])  # noqa: SLF001
            n += 1
        elif isinstance(obj, PatternSet):
            head = ",".join(obj._names[:3])  # noqa: SLF001
            if obj._filter is not None:  # noqa: SLF001
                obj._filter = Timed(obj._filter, f"filter[{len(obj._names)}] {head}")  # noqa: SLF001
            obj._sets = [(b, Timed(s, f"set[{len(obj._names)}]@{b} {head}")) for b, s in obj._sets]  # noqa: SLF001
            n += 1
    return n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--builtin", action="store_true")
    args = ap.parse_args()
    _, b = load(args.limit, None)
    engine = Engine(memo=False)
    engine.check(__import__("aegis_mcp.engine.model", fromlist=["ToolCall"]).ToolCall("x", {"q": "SELECT 1"}))
    print(f"wrapped {wrap_all()} patterns/sets", file=sys.stderr)
    if args.builtin:
        PHASE[0] = 1
        engine.warm_up()
        for v in TOTALS.values():
            v[1] = 0.0
        PHASE[0] = 0
    judge(engine, b)
    clear_python_memos()
    PHASE[0] = 1
    judge(engine, b)
    first = sum(v[0] for v in TOTALS.values()) / 1e9
    warm = sum(v[1] for v in TOTALS.values()) / 1e9
    print(f"RE2 Match time: first sight {first:.2f} s, warm {warm:.2f} s over {len(b)} rows")
    print("| pattern | first s | warm s | delta s |")
    print("|---|---:|---:|---:|")
    for label, v in sorted(TOTALS.items(), key=lambda kv: -(kv[1][0] - kv[1][1]))[: args.top]:
        print(f"| `{label}` | {v[0] / 1e9:.3f} | {v[1] / 1e9:.3f} | {(v[0] - v[1]) / 1e9:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
