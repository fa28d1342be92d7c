"""Whole-engine misses on the prompt-injection argument families (issue #2), and benign text flags.

    .venv/bin/python bench/dev/injection_misses.py                       # counts per category
    .venv/bin/python bench/dev/injection_misses.py --show 30 --category prompt_hijacking
    .venv/bin/python bench/dev/injection_misses.py --benign 20           # benign text rows held/blocked
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from aegis_mcp.engine.engine import Engine  # noqa: E402
from aegis_mcp.engine.model import ToolCall  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
ATTACKS = "attacks_prompt_injection_args.jsonl"
BENIGN = ["benign_texts_args.jsonl", "benign_injecagent_calls.jsonl", "benign_sqli_lookalikes.jsonl"]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--category", default=None)
    ap.add_argument("--benign", type=int, default=0)
    ap.add_argument("--width", type=int, default=600)
    a = ap.parse_args()
    eng = Engine()
    n: Counter[str] = Counter()
    miss: Counter[str] = Counter()
    shown = 0
    for line in open(CORPORA / ATTACKS, encoding="utf-8"):
        row = json.loads(line)
        if row.get("context_dependent"):
            continue
        cat = row["category"]
        d = eng.check(ToolCall(row["tool_name"], row["arguments"]))
        n[cat] += 1
        if str(d.decision).lower().endswith("allow"):
            miss[cat] += 1
            if shown < a.show and (a.category is None or a.category == cat):
                shown += 1
                sig = [(s.pattern, s.rule, s.severity.name) for s in d.signals]
                print(f"--- {row['id']} {cat} {row['tool_name']} {sig}")
                print(json.dumps(row["arguments"], ensure_ascii=False)[: a.width])
    for cat in sorted(n):
        print(f"{cat:40s} {n[cat] - miss[cat]}/{n[cat]}  misses {miss[cat]}")
    bn: Counter[str] = Counter()
    bd: Counter[str] = Counter()
    bshown = 0
    for name in BENIGN:
        for line in open(CORPORA / name, encoding="utf-8"):
            row = json.loads(line)
            d = eng.check(ToolCall(row["tool_name"], row["arguments"]))
            dec = str(d.decision).split(".")[-1].lower()
            bn[name] += 1
            bd[(name, dec)] += 1  # type: ignore[index]
            if dec != "allow" and bshown < a.benign:
                bshown += 1
                sig = [(s.pattern, s.rule, s.severity.name) for s in d.signals]
                print(f"+++ {row['id']} {dec} {sig}\n{json.dumps(row['arguments'], ensure_ascii=False)[: a.width]}")
    for name in BENIGN:
        print(f"{name:32s} n={bn[name]} block={bd[(name, 'block')]} pending={bd[(name, 'pending')]}")  # type: ignore[index]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
