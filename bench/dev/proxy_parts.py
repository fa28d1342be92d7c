"""Where the proxy's CPU per call goes, in situ: bench/dev/proxy_inproc.py with parts stubbed out
(--stub), every variant run in turn for several rounds (so load drifts hit all alike); medians.

    .venv/bin/python bench/dev/proxy_parts.py [--rounds 4] [--calls 1600] [--tree DIR]
        [--variants full,engine,result,preview,sqlite,ledger,relay,engine+preview+ledger]

A variant's cost is `full - variant` (client and fake upstream are in every number alike).
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
INPROC = str(ROOT / "bench" / "dev" / "proxy_inproc.py")
_NUM = re.compile(r"sequential ([\d.]+) .*?(\d+) concurrent ([\d.]+)")


def run(tree: str, variant: str, calls: int) -> tuple[float, float]:
    argv = [sys.executable, INPROC, "--tree", tree, "--repeat", "2", "--calls", str(calls)]
    if variant == "relay":
        argv.append("--relay-only")
    elif variant != "full":
        argv += ["--stub", variant.replace("+", ",")]  # engine+ledger: both stubbed
    out = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    m = _NUM.search(out)
    assert m, out
    return float(m.group(1)), float(m.group(3))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--calls", type=int, default=1600)
    ap.add_argument("--tree", default=str(ROOT))
    ap.add_argument("--variants", default="full,engine,result,preview,sqlite,ledger,relay")
    args = ap.parse_args()
    variants = args.variants.split(",")
    seq: dict[str, list[float]] = {v: [] for v in variants}
    conc: dict[str, list[float]] = {v: [] for v in variants}
    for r in range(args.rounds):
        order = variants if r % 2 == 0 else variants[::-1]
        for v in order:
            s, c = run(args.tree, v, args.calls)
            seq[v].append(s)
            conc[v].append(c)
    full_s, full_c = statistics.median(seq.get("full", [0])), statistics.median(conc.get("full", [0]))
    print(f"whole-process CPU µs per call, median of {args.rounds} rounds (sequential / 16 concurrent); "
          "saving = full - variant")
    for v in variants:
        ms, mc = statistics.median(seq[v]), statistics.median(conc[v])
        saving = "" if v == "full" or "full" not in variants else f"   saving {full_s - ms:6.1f} / {full_c - mc:6.1f}"
        print(f"  {v:8s} {ms:7.1f} / {mc:6.1f}{saving}   {[round(x) for x in seq[v]]} {[round(x) for x in conc[v]]}")


if __name__ == "__main__":
    main()
