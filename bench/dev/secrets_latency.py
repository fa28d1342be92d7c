"""CPU time of the secrets + pii + exfil detectors per call (p50/p95/p99), for before/after comparisons.

Runs extract() once per row, then times only the three detectors (`time.process_time_ns`:
CPU, not wall clock, so other engineers' load matters less). `--root DIR` imports the package
from another tree (e.g. `git archive HEAD aegis_mcp | tar -x -C /tmp/before`), so two versions
can be measured interleaved in the same run:

    .venv/bin/python bench/dev/secrets_latency.py --root /tmp/before --root . --rounds 3
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpora"
FILES = ("attacks_secrets_pii.jsonl", "benign_secret_lookalikes.jsonl", "benign_texts_args.jsonl",
         "benign_urls.jsonl", "benign_shell_commands.jsonl", "benign_sql_queries.jsonl", "attacks_injecagent_calls.jsonl")


def _child(limit: int) -> None:
    import time

    from aegis_mcp.engine.detectors import exfil, pii, secrets
    from aegis_mcp.engine.extract import extract
    from aegis_mcp.engine.model import ToolCall

    rows = []
    for name in FILES:
        with open(CORPORA / name) as fh:
            for i, line in enumerate(fh):
                if i >= limit:
                    break
                r = json.loads(line)
                rows.append(ToolCall(r["tool_name"], r.get("arguments", {})))
    ctxs = [extract(c) for c in rows]
    dets = (secrets.detect, pii.detect, exfil.detect)
    for ctx in ctxs:  # warm-up: RE2 builds its DFA lazily
        for d in dets:
            d(ctx)
    out = []
    for call in rows:
        ctx = extract(call)  # a fresh context: the per-call memo must not carry over
        t0 = time.process_time_ns()
        for d in dets:
            d(ctx)
        out.append((time.process_time_ns() - t0) / 1000)
    out.sort()
    q = lambda p: out[min(len(out) - 1, int(len(out) * p))]  # noqa: E731
    print(json.dumps({"n": len(out), "p50": q(0.5), "p95": q(0.95), "p99": q(0.99), "mean": sum(out) / len(out)}))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", action="append", default=[])
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--limit", type=int, default=1500, help="rows per corpus file")
    ap.add_argument("--child", action="store_true")
    args = ap.parse_args()
    if args.child:
        _child(args.limit)
        return 0
    roots = args.root or ["."]
    results: dict[str, list[dict]] = {r: [] for r in roots}
    for _ in range(args.rounds):
        for root in roots:  # interleaved, so drifting machine load hits every version alike
            env = {**os.environ, "PYTHONPATH": str(Path(root).resolve())}
            res = subprocess.run([sys.executable, __file__, "--child", "--limit", str(args.limit)],
                                 env=env, capture_output=True, text=True, check=True)
            results[root].append(json.loads(res.stdout))
    base = None
    for root, runs in results.items():
        best = {k: min(r[k] for r in runs) for k in ("p50", "p95", "p99", "mean")}
        base = base or best
        print(f"{root:30} n={runs[0]['n']:6d}  CPU us/call  p50 {best['p50']:7.1f}  p95 {best['p95']:7.1f}  "
              f"p99 {best['p99']:8.1f}  mean {best['mean']:7.1f}  (p50 x{best['p50'] / base['p50']:.2f}, "
              f"mean x{best['mean'] / base['mean']:.2f} vs first root)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
