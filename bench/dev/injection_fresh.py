"""Score the injection detector on the hand-written cases of `injection_cases.py` (set A and set B).

    .venv/bin/python bench/dev/injection_fresh.py            # rates for both sets, misses of set A
    .venv/bin/python bench/dev/injection_fresh.py --show-b   # also list set B's misses (spoils it)

A result counts as detected at HIGH or above (the engine flags HIGH, blocks CRITICAL); a call as
intercepted at HIGH or above. Clean results / benign calls count as false positives at HIGH+.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import injection_cases as C  # noqa: E402

from aegis_mcp.engine.detectors import injection  # noqa: E402
from aegis_mcp.engine.extract import extract, extract_text  # noqa: E402
from aegis_mcp.engine.model import RiskLevel, ToolCall  # noqa: E402


def result_sigs(text: str) -> list:
    return injection.detect(extract_text(text, "fetch_page", mode="result"))


def call_sigs(text: str) -> list:
    return injection.detect(extract(ToolCall("send_message", {"channel": "#general", "text": text})))


def top(sigs: list) -> RiskLevel:
    return max((s.severity for s in sigs), default=RiskLevel.LOW)


def run(name: str, rows: list[str], fn, want_hit: bool, show: bool) -> tuple[int, int]:
    bad = []
    crit = 0
    for t in rows:
        sigs = fn(t)
        lvl = top(sigs)
        crit += lvl is RiskLevel.CRITICAL
        if (lvl >= RiskLevel.HIGH) != want_hit:
            bad.append((t, sigs))
    n = len(rows)
    ok = n - len(bad)
    what = "detected" if want_hit else "passed"
    print(f"{name:18} {what} {ok}/{n} ({ok / n:.0%}), critical {crit}")
    if show:
        for t, sigs in bad:
            print("    -", t.replace("\n", "⏎")[:160])
            for s in sigs:
                print(f"        {s.severity.name} {s.rule}: {s.detail[:110]}")
    return ok, n


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show-b", action="store_true")
    a = ap.parse_args()
    run("A injected result", C.INJECTED_A, result_sigs, True, True)
    run("A clean result", C.CLEAN_A, result_sigs, False, True)
    run("A attack call", C.ATTACK_ARGS_A, call_sigs, True, True)
    run("A benign call", C.BENIGN_ARGS_A, call_sigs, False, True)
    run("B injected result", C.INJECTED_B, result_sigs, True, a.show_b)
    run("B clean result", C.CLEAN_B, result_sigs, False, a.show_b)
    run("B attack call", C.ATTACK_ARGS_B, call_sigs, True, a.show_b)
    run("B benign call", C.BENIGN_ARGS_B, call_sigs, False, a.show_b)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
