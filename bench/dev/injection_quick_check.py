"""Check the result judge's fast path on real texts: every corpus result and fresh-set text it calls clean is clean to the full judge.

    .venv/bin/python bench/dev/injection_quick_check.py

Prints how many texts took the fast path and any disagreement (a text the fast path calls clean
that the full judge flags): there must be none.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from aegis_mcp.engine.detectors import injection_quick as Q  # noqa: E402
from aegis_mcp.engine.detectors import injection_result as RES  # noqa: E402
from aegis_mcp.engine.extract import extract_text  # noqa: E402

CORPORA = Path("/work/shared/corpora")


def texts() -> list[str]:
    out: list[str] = []
    for name in ("results_bipia.jsonl", "results_injecagent.jsonl", "results_benign_docs.jsonl"):
        out += [json.loads(line)["result_text"] for line in open(CORPORA / name, encoding="utf-8")]
    for s in "abcdef":
        out += [c[3] for c in importlib.import_module(f"injection_results_fresh_{s}").cases()]
    return out


def main() -> int:
    fast = bad = total = 0
    for text in texts():
        for frag in extract_text(text, "read", mode="result").fragments:
            total += 1
            if Q.nothing_addressable(frag.all_forms):
                fast += 1
                if RES.judge_text(frag.all_forms, frag.path, quick=False) is not None:
                    bad += 1
                    print("DISAGREE:", repr(frag.all_forms[0][:200]))
    print(f"{total} fragments, {fast} took the fast path, {bad} disagreements")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
