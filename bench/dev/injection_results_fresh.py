"""Score `Engine().check_result` on the fresh hand-written result sets (issue #2).

    .venv/bin/python bench/dev/injection_results_fresh.py            # set A rates + its misses
    .venv/bin/python bench/dev/injection_results_fresh.py --set b    # set B (written after the first rules)
    .venv/bin/python bench/dev/injection_results_fresh.py --set c    # set C (written after B; then used to tune)
    .venv/bin/python bench/dev/injection_results_fresh.py --set d    # set D (written last, check only)
    .venv/bin/python bench/dev/injection_results_fresh.py --set e    # set E (session 4: written first, then used to tune)
    .venv/bin/python bench/dev/injection_results_fresh.py --set f    # set F (session 4: first-sight check at the end; session 5: tuned on)
    .venv/bin/python bench/dev/injection_results_fresh.py --set g    # set G (session 5: new carriers, first-sight check at the end)
    .venv/bin/python bench/dev/injection_results_fresh.py --set h    # set H (session 6: styles nobody used; first sight 82.7% / 3.3%, then tuned)
    .venv/bin/python bench/dev/injection_results_fresh.py --set q    # set Q (session 6: mail / calendar / API JSON carriers; first sight 76.9% / 2.8%, then tuned)
    .venv/bin/python bench/dev/injection_results_fresh.py --set r    # set R (session 6: written after Q / H were tuned on; first sight 100% / 6.2%)
    .venv/bin/python bench/dev/injection_results_fresh.py --quiet    # rates only

detected = decision != "allow" (an injected text), flagged = decision != "allow" (a clean text).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from aegis_mcp.engine.engine import Engine  # noqa: E402
from aegis_mcp.engine.model import ToolCall  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="a", choices=["a", "b", "c", "d", "e", "f", "g", "h", "q", "r", "i", "j", "k"])
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    mod = importlib.import_module(f"injection_results_fresh_{a.set}")
    eng = Engine()
    tot: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    misses: list[tuple[str, str, str]] = []
    for label, tool, genre, text in mod.cases():
        d = eng.check_result(ToolCall(tool, {}), text)
        tot[label] += 1
        flagged = d.decision != "allow"
        hit[label] += flagged
        if flagged != (label == "injected"):
            misses.append((label, genre, text if label == "injected" else f"[{d.reason[:140]}] {text}"))
    inj, cl = tot["injected"], tot["clean"]
    print(f"set {a.set}: injected detected {hit['injected']}/{inj} ({hit['injected'] / inj:.1%}); "
          f"clean flagged {hit['clean']}/{cl} ({hit['clean'] / cl:.1%})")
    if not a.quiet:
        for label, genre, text in misses:
            print(f"  MISS {label:8} {genre:9} {text.replace(chr(10), '⏎')[:260]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
