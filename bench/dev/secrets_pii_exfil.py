"""Dev measurement for the secrets / pii / data_exfiltration detectors over the shared corpora.

Runs extract() + the three detectors (not the whole engine) on every relevant row and prints,
per file and category: attack interception (max severity >= HIGH), benign "would block"
(CRITICAL) and "would pend" (HIGH) rates, plus a sample of misses / false positives. For
result files only the clean rows are counted (injected instructions are another detector's).
`--latency` then times the three detectors in a second, warm pass (p50/p95/p99 per call)
against extract() on the same rows as the baseline.

    .venv/bin/python bench/dev/secrets_pii_exfil.py [--samples N] [--only FILE_SUBSTRING] [--latency]
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

from aegis_mcp.engine.detectors import exfil, pii, secrets
from aegis_mcp.engine.extract import extract, extract_text
from aegis_mcp.engine.model import RiskLevel, ToolCall

CORPORA = Path("/work/shared/corpora")
FILES = {
    "attacks_secrets_pii.jsonl": None,
    "attacks_injecagent_calls.jsonl": None,
    "attacks_web_injection.jsonl": {"ssrf", "lfi_wrapper"},
    "benign_secret_lookalikes.jsonl": None,
    "benign_urls.jsonl": None,
    "benign_injecagent_calls.jsonl": None,
    "benign_texts_args.jsonl": None,
    "benign_shell_commands.jsonl": None,
    "benign_sql_queries.jsonl": None,
    "benign_file_paths.jsonl": None,
    "benign_sqli_lookalikes.jsonl": None,
    "results_benign_docs.jsonl": None,
    "results_injecagent.jsonl": None,
    "results_bipia.jsonl": None,
}
DETECTORS = (("secrets", secrets.detect), ("pii", pii.detect), ("exfil", exfil.detect))


def run_row(row: dict) -> tuple[RiskLevel, list]:
    call = ToolCall(row["tool_name"], row.get("arguments", {}))
    if "result_text" in row:
        ctx = extract_text(row["result_text"], row["tool_name"], mode="result")
    else:
        ctx = extract(call)
    sigs = []
    for _, det in DETECTORS:
        sigs.extend(det(ctx))
    top = max((s.severity for s in sigs), default=RiskLevel.LOW)
    return top, sigs


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--samples", type=int, default=4)
    ap.add_argument("--only", default="")
    ap.add_argument("--latency", action="store_true")
    args = ap.parse_args()
    print(f"{'file':34} {'category':34} {'n':>6} {'intercept%':>10} {'block%':>7} {'pend%':>7} {'us/row':>7}")
    for fname, cats in FILES.items():
        if args.only and args.only not in fname:
            continue
        stats: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        samples: dict[str, list] = collections.defaultdict(list)
        with open(CORPORA / fname) as fh:
            for line in fh:
                row = json.loads(line)
                if cats is not None and row["category"] not in cats:
                    continue
                if "result_text" in row and row.get("label") == "attack":
                    continue
                cat = row["category"] + ("[ctxdep]" if row.get("context_dependent") else "")
                t0 = time.perf_counter()
                top, sigs = run_row(row)
                st = stats[cat]
                st["us"] += int((time.perf_counter() - t0) * 1e6)
                st["n"] += 1
                attack = row.get("label") == "attack"
                if top >= RiskLevel.HIGH:
                    st["hit"] += 1
                if top is RiskLevel.CRITICAL:
                    st["block"] += 1
                elif top is RiskLevel.HIGH:
                    st["pend"] += 1
                bad = (attack and top < RiskLevel.HIGH) or (not attack and top >= RiskLevel.HIGH)
                if bad and len(samples[cat]) < args.samples:
                    payload = row.get("result_text") or json.dumps(row.get("arguments"))
                    samples[cat].append((top.name, [f"{s.pattern}/{s.rule}:{s.severity.name}:{s.detail[:80]}" for s in sigs][:3], payload[:220]))
        for cat, st in sorted(stats.items()):
            n = st["n"]
            print(f"{fname[:34]:34} {cat[:34]:34} {n:6d} {100 * st['hit'] / n:10.2f} {100 * st['block'] / n:7.2f} "
                  f"{100 * st['pend'] / n:7.2f} {st['us'] / n:7.1f}")
        for cat, ss in samples.items():
            for s in ss:
                print(f"    MISS/FP [{cat}] {s[0]} {s[1]} :: {s[2]!r}")
    if args.latency:
        latency()
    return 0


def _pct(xs: list[float], q: float) -> float:
    return xs[min(len(xs) - 1, int(len(xs) * q))]


def latency(limit: int = 4000) -> None:
    """Warm-pass per-call time of the three detectors vs extract() on the same rows."""
    print(f"\n{'file':34} {'rows':>5} {'extract p50/p95/p99 us':>24} {'3 detectors p50/p95/p99 us':>28} {'ratio p50':>9}")
    for fname in FILES:
        with open(CORPORA / fname) as fh:
            rows = [json.loads(line) for _, line in zip(range(limit), fh)]
        calls = [ToolCall(r["tool_name"], r.get("arguments", {})) for r in rows if "result_text" not in r]
        if not calls:
            continue
        ctxs = [extract(c) for c in calls]
        for c in ctxs:  # warm-up pass: RE2 builds its DFA lazily
            for _, det in DETECTORS:
                det(c)
        ext: list[float] = []
        det_t: list[float] = []
        for call in calls:
            t0 = time.perf_counter()
            ctx = extract(call)
            t1 = time.perf_counter()
            for _, det in DETECTORS:
                det(ctx)
            t2 = time.perf_counter()
            ext.append((t1 - t0) * 1e6)
            det_t.append((t2 - t1) * 1e6)
        ext.sort()
        det_t.sort()
        print(f"{fname[:34]:34} {len(calls):5d} {_pct(ext, .5):8.1f}/{_pct(ext, .95):6.1f}/{_pct(ext, .99):7.1f} "
              f"{_pct(det_t, .5):10.1f}/{_pct(det_t, .95):7.1f}/{_pct(det_t, .99):8.1f} {_pct(det_t, .5) / _pct(ext, .5):9.2f}")


if __name__ == "__main__":
    sys.exit(main())
