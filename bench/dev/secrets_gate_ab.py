"""A/B of detector gates by CPU time: the whole engine with some detectors' gates removed, interleaved per row.

Each variant is an Engine whose GateSet lacks the GATEs of the named detectors (they always run),
so the cost of a gate (its share of the one shared RE2 pass, cold and warm) is weighed against
what it skips. Rows are taken round-robin from the corpora; every variant judges every row in
turn (the order rotates per row), twice: a cold pass (novel texts build DFA states) and a warm one.

    .venv/bin/python bench/dev/secrets_gate_ab.py --limit 600 --variant none= --variant exfil=exfil \
        --variant mine=secrets,pii,exfil
(`name=det1,det2`: the detectors whose gates that variant drops; `none=` drops nothing.)
`--derived` gives secrets and pii the gates of bench/dev/secrets_gate_derive.py (not shipped).
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from aegis_mcp.engine.engine import DETECTOR_NAMES, Engine  # noqa: E402
from aegis_mcp.engine.gates import GateSet  # noqa: E402
from aegis_mcp.engine.model import ToolCall  # noqa: E402


def pct(xs: list[int], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p / 100 * (len(xs) - 1)))] / 1000 if xs else float("nan")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--limit", type=int, default=600, help="rows per corpus file (tool calls only)")
    ap.add_argument("--variant", action="append", default=[], help="name=detectors whose gates to drop")
    ap.add_argument("--derived", action="store_true", help="secrets/pii get the derived gates (experiment)")
    args = ap.parse_args()
    extra = {}
    if args.derived:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import secrets_gate_derive as derived  # noqa: PLC0415

        extra = {"secrets": derived.SECRETS_GATE, "pii": derived.PII_GATE}
    variants = args.variant or ["all-gates=", "no-gates=*"]
    engines: list[tuple[str, Engine]] = []
    for v in variants:
        name, _, dropped = v.partition("=")
        drop = set(DETECTOR_NAMES) if dropped == "*" else {d for d in dropped.split(",") if d}
        eng = Engine(memo=False)
        gates = [(n, None if n in drop else extra.get(n) or getattr(
            importlib.import_module(f"aegis_mcp.engine.detectors.{n}"), "GATE", None)) for n in DETECTOR_NAMES]
        eng._gates = GateSet(gates)  # noqa: SLF001 - a bench swapping one part
        engines.append((name, eng))
    calls = []
    for path in sorted(Path(args.corpora).glob("*.jsonl")):
        with path.open("rb") as fh:
            n = 0
            for line in fh:
                row = orjson.loads(line)
                if "result_text" in row:
                    continue
                calls.append(ToolCall(row["tool_name"], row.get("arguments", {})))
                n += 1
                if n >= args.limit:
                    break
    clock = time.thread_time_ns
    for label in ("cold", "warm"):
        times: dict[str, list[int]] = {name: [] for name, _ in engines}
        for i, call in enumerate(calls):
            k = i % len(engines)
            for name, eng in engines[k:] + engines[:k]:
                t0 = clock()
                eng.check(call)
                times[name].append(clock() - t0)
        for name, ts in times.items():
            print(f"{label:4} {name:12} n={len(ts)} p50 {pct(ts, 50):7.1f}  p95 {pct(ts, 95):7.1f}  p99 {pct(ts, 99):7.1f}  "
                  f"mean {sum(ts) / len(ts) / 1000:7.1f} µs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
