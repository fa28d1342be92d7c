"""CPU per RE2 object (pattern, set or filter) over one corpus file's calls, first sight: where the matching time goes.

    .venv/bin/python bench/dev/re2_cost.py benign_shell_commands [--warm 300] [--limit 2000] [--top 30]

Patches the C++ entry points (RE2.Match, Set.Match, Filter.Match) before the engine is imported,
so every call -- including the direct `._re.Match` fast paths -- is timed (thread CPU) and
attributed to its pattern (a set or filter: its first pattern and size). On first-sight text most
of a match's cost is building DFA states, so a pattern with counted repetition shows up here.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import re2_probe  # noqa: E402  (bench/dev is on sys.path as the script's directory; patches re2 before the engine loads)

COST: dict[str, list[int]] = defaultdict(lambda: [0, 0])


def _add_cost(kind: str, matcher: object, _args: tuple[object, ...], _result: object, ns: int) -> None:
    c = COST[re2_probe.label(matcher, kind)]
    c[0] += ns
    c[1] += 1


re2_probe.instrument(_add_cost, ("RE2", "SET", "FILTER"))
ON, clock = re2_probe.ON, re2_probe.clock

from warm_rows import row_args, warmed_engine  # noqa: E402  (bench/dev is on sys.path as the script's directory)


def main() -> None:
    args = row_args(limit=2000, warm=300, top=30)
    e, timed = warmed_engine(args)
    ON[0] = True
    t = clock()
    for c in timed:
        e.check(c)
    total = clock() - t
    ON[0] = False
    n = len(timed)
    re_total = sum(v[0] for v in COST.values())
    print(f"{n} rows: {total / n / 1e3:.1f} µs/row (with wrappers), RE2 calls {re_total / n / 1e3:.1f} µs/row, "
          f"{sum(v[1] for v in COST.values()) / n:.1f} calls/row")
    for k, (ns, cnt) in sorted(COST.items(), key=lambda kv: -kv[1][0])[: args.top]:
        print(f"  {ns / n / 1e3:6.2f} µs/row {cnt / n:5.2f} calls/row {ns / max(cnt, 1) / 1e3:6.2f} µs/call  {k[:130]!r}")


if __name__ == "__main__":
    main()
