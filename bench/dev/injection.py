"""Dev measurement for the prompt-injection detector alone: per file/category rates and sample misses.

    .venv/bin/python bench/dev/injection.py                 # calls + results
    .venv/bin/python bench/dev/injection.py --only results --misses 8 --category bipia_email_injected
    .venv/bin/python bench/dev/injection.py --fp 20          # show flagged benign rows
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from aegis_mcp.engine.detectors import injection  # noqa: E402
from aegis_mcp.engine.extract import extract, extract_text  # noqa: E402
from aegis_mcp.engine.model import RiskLevel, ToolCall  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
CALL_FILES = ["attacks_prompt_injection_args.jsonl", "benign_texts_args.jsonl", "benign_injecagent_calls.jsonl",
              "attacks_injecagent_calls.jsonl", "benign_urls.jsonl", "benign_sqli_lookalikes.jsonl",
              "benign_sql_queries.jsonl", "benign_shell_commands.jsonl", "benign_file_paths.jsonl",
              "attacks_web_injection.jsonl", "attacks_secrets_pii.jsonl", "benign_secret_lookalikes.jsonl"]
RESULT_FILES = ["results_bipia.jsonl", "results_injecagent.jsonl", "results_benign_docs.jsonl"]


def short(row: dict, n: int = 240) -> str:
    s = row.get("result_text") or json.dumps(row["arguments"], ensure_ascii=False)
    return s.replace("\n", "⏎").replace("ö ", "")[:n]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", choices=["calls", "results"], default=None)
    ap.add_argument("--misses", type=int, default=3)
    ap.add_argument("--fp", type=int, default=3)
    ap.add_argument("--category", default=None)
    ap.add_argument("--quick", action="store_true", help="skip the big non-injection call files")
    args = ap.parse_args()
    rnd = random.Random(7)
    files = []
    if args.only != "results":
        files += [(f, "call") for f in (CALL_FILES[:3] if args.quick else CALL_FILES)]
    if args.only != "calls":
        files += [(f, "result") for f in RESULT_FILES]
    total_t = 0.0
    n_calls = 0
    for fname, mode in files:
        buckets: dict[tuple, list] = defaultdict(lambda: [0, 0, 0, [], 0.0])  # n, high, crit, samples
        for line in open(CORPORA / fname, encoding="utf-8"):
            row = json.loads(line)
            cat = row["category"]
            if args.category and cat != args.category:
                continue
            apart = "ctxdep" if row.get("context_dependent") else ""
            call = ToolCall(row["tool_name"], row["arguments"])
            t0 = time.perf_counter()
            if mode == "call":
                ctx = extract(call, mode="call")
            else:
                ctx = extract_text(row["result_text"], row["tool_name"], mode="result")
            t1 = time.perf_counter()
            sigs = injection.detect(ctx)
            dt = time.perf_counter() - t1
            if mode == "call":
                total_t += dt
                n_calls += 1
            top = max((s.severity for s in sigs), default=RiskLevel.LOW)
            b = buckets[(row["label"], cat, apart)]
            b[0] += 1
            b[4] += dt
            hit = top >= RiskLevel.HIGH
            b[1] += hit
            b[2] += top >= RiskLevel.CRITICAL
            want = (row["label"] == "attack" and not hit) or (row["label"] == "benign" and hit)
            if want:
                b[3].append((row, sigs))
        print(f"== {fname} ({mode})")
        for (label, cat, apart), (n, high, crit, samples, tt) in sorted(buckets.items()):
            rate = high / n if n else 0
            tag = "detected" if label == "attack" else "FLAGGED"
            print(f"  {label:6} {cat:40} {apart:6} n={n:5}  {tag} {rate:7.2%} (crit {crit / n:6.2%})  "
                  f"mean {tt / n * 1e6:7.1f}us")
            k = args.misses if label == "attack" else args.fp
            for row, sigs in rnd.sample(samples, min(k, len(samples))):
                print(f"      - {row['id']} {row['tool_name']}: {short(row)}")
                for s in sigs:
                    print(f"          {s.severity.name} {s.rule} {s.path} {s.detail[:120]}")
    if n_calls:
        print(f"call-mode detect mean {total_t / n_calls * 1e6:.1f}us over {n_calls} calls")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
