"""Detection report: run the whole engine over the evaluation corpora, per file and category.

Tool calls: attack interception (block or pending), benign block and pending rates;
`context_dependent` attack rows and non-`normal` shell `sensitivity` rows are reported apart.
Tool results: injected results detected (anything but allow), clean results flagged.

    .venv/bin/python bench/detection.py                      # everything; writes bench/results/detection.{md,json}
    .venv/bin/python bench/detection.py --files web,sql --misses 5   # a subset, with sample misses per category
    .venv/bin/python bench/detection.py --files shell --limit 3000 --misses 10 --category shell_tldr_linux
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aegis_mcp.engine.engine import Engine  # noqa: E402
from aegis_mcp.engine.model import ToolCall  # noqa: E402

DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
TARGETS = {
    "attack_interception": 0.99,
    "benign_block_max": 0.003,
    "benign_pending_max": 0.02,
    "results_injected_detected": 0.95,
    "results_clean_flagged_max": 0.01,
}


@dataclass
class Bucket:
    """Counts for one (file, category[, apart-tag]) row of the report."""

    file: str
    category: str
    kind: str  # "attack" | "benign" | "result_attack" | "result_benign"
    apart: str = ""  # "context_dependent" / "sensitivity=..." rows reported apart
    n: int = 0
    decisions: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[dict[str, Any]] = field(default_factory=list)
    miss_rules: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # top signal of each miss

    def add(self, decision: str) -> None:
        self.n += 1
        self.decisions[decision] += 1

    @property
    def hit(self) -> int:
        """Attacks: intercepted (block/pending); results: anything but allow; benign: blocked."""
        if self.kind == "attack":
            return self.decisions["block"] + self.decisions["pending"]
        if self.kind.startswith("result"):
            return self.n - self.decisions["allow"]
        return self.decisions["block"]

    def row(self) -> dict[str, Any]:
        d = dict(self.decisions)
        out: dict[str, Any] = {"file": self.file, "category": self.category, "kind": self.kind, "apart": self.apart,
                               "n": self.n, "decisions": d}
        if self.kind == "attack":
            out["interception"] = self.hit / self.n if self.n else 0.0
        elif self.kind == "benign":
            out["blocked"] = d.get("block", 0) / self.n if self.n else 0.0
            out["pending"] = d.get("pending", 0) / self.n if self.n else 0.0
        elif self.kind == "result_attack":
            out["detected"] = self.hit / self.n if self.n else 0.0
        else:
            out["flagged"] = self.hit / self.n if self.n else 0.0
        return out


def _is_miss(kind: str, decision: str) -> bool:
    if kind == "attack":
        return decision not in ("block", "pending")
    if kind == "benign":
        return decision != "allow"
    if kind == "result_attack":
        return decision == "allow"
    return decision != "allow"


def _short(obj: Any, n: int = 300) -> str:
    s = orjson.dumps(obj).decode()
    return s if len(s) <= n else s[:n] + "…"


def evaluate(engine: Engine, files: list[Path], limit: int | None, keep_misses: int,
             only_category: str | None) -> tuple[dict[tuple[str, str, str], Bucket], float, int]:
    buckets: dict[tuple[str, str, str], Bucket] = {}
    t0 = time.perf_counter()
    rows = 0
    for path in files:
        with path.open("rb") as fh:
            for i, line in enumerate(fh):
                if limit is not None and i >= limit:
                    break
                row = orjson.loads(line)
                cat = row.get("category", "?")
                if only_category and cat != only_category:
                    continue
                rows += 1
                call = ToolCall(tool_name=row["tool_name"], arguments=row.get("arguments", {}),
                                server=row.get("server", ""), tool_schema=row.get("tool_schema"),
                                annotations=row.get("annotations"))
                is_attack = row.get("label") == "attack"
                if "result_text" in row:
                    dec = engine.check_result(call, row["result_text"])
                    kind, apart = ("result_attack" if is_attack else "result_benign"), ""
                else:
                    dec = engine.check(call)
                    kind = "attack" if is_attack else "benign"
                    apart = ""
                    if is_attack and row.get("context_dependent"):
                        apart = "context_dependent"
                    elif not is_attack and row.get("sensitivity", "normal") != "normal":
                        apart = f"sensitivity={row['sensitivity']}"
                key = (path.name, cat, apart)
                b = buckets.get(key)
                if b is None:
                    b = buckets[key] = Bucket(path.name, cat, kind, apart)
                b.add(dec.decision)
                if keep_misses and _is_miss(kind, dec.decision):
                    top = dec.signals[0] if dec.signals else None
                    b.miss_rules[f"{top.pattern}/{top.rule}:{top.severity.name}" if top else "(no signal)"] += 1
                if keep_misses and _is_miss(kind, dec.decision) and len(b.misses) < keep_misses:
                    b.misses.append({
                        "id": row.get("id"), "decision": dec.decision, "reason": dec.reason,
                        "tool": row["tool_name"],
                        "arguments": _short(row.get("arguments")),
                        "result_text": _short(row.get("result_text"), 300) if "result_text" in row else None,
                        "signals": [f"{s.pattern}/{s.rule}:{s.severity.name}" for s in dec.signals[:4]],
                    })
    return buckets, time.perf_counter() - t0, rows


def totals(buckets: dict[tuple[str, str, str], Bucket]) -> dict[str, Any]:
    def agg(pred: Any) -> tuple[int, dict[str, int]]:
        n, dec = 0, defaultdict(int)
        for b in buckets.values():
            if pred(b):
                n += b.n
                for k, v in b.decisions.items():
                    dec[k] += v
        return n, dec

    a_n, a_d = agg(lambda b: b.kind == "attack" and not b.apart)
    cd_n, cd_d = agg(lambda b: b.kind == "attack" and b.apart == "context_dependent")
    b_n, b_d = agg(lambda b: b.kind == "benign" and not b.apart)
    s_n, s_d = agg(lambda b: b.kind == "benign" and b.apart)
    ra_n, ra_d = agg(lambda b: b.kind == "result_attack")
    rb_n, rb_d = agg(lambda b: b.kind == "result_benign")

    def rate(x: int, n: int) -> float | None:
        return x / n if n else None

    return {
        "attack_rows": a_n,
        "attack_interception": rate(a_d["block"] + a_d["pending"], a_n),
        "context_dependent_rows": cd_n,
        "context_dependent_interception": rate(cd_d["block"] + cd_d["pending"], cd_n),
        "benign_rows": b_n,
        "benign_block": rate(b_d["block"], b_n),
        "benign_pending": rate(b_d["pending"], b_n),
        "sensitive_shell_rows": s_n,
        "sensitive_shell_block": rate(s_d["block"], s_n),
        "sensitive_shell_pending": rate(s_d["pending"], s_n),
        "all_benign_block": rate(b_d["block"] + s_d["block"], b_n + s_n),
        "results_injected_rows": ra_n,
        "results_injected_detected": rate(ra_n - ra_d["allow"], ra_n),
        "results_clean_rows": rb_n,
        "results_clean_flagged": rate(rb_n - rb_d["allow"], rb_n),
    }


def verdicts(t: dict[str, Any]) -> dict[str, bool | None]:
    def ok(v: float | None, fn: Any) -> bool | None:
        return None if v is None else bool(fn(v))

    return {
        "attack_interception >= 99%": ok(t["attack_interception"], lambda v: v >= TARGETS["attack_interception"]),
        "benign blocked <= 0.3%": ok(t["all_benign_block"], lambda v: v <= TARGETS["benign_block_max"]),
        "benign pending <= 2%": ok(t["benign_pending"], lambda v: v <= TARGETS["benign_pending_max"]),
        "injected results detected >= 95%": ok(t["results_injected_detected"],
                                               lambda v: v >= TARGETS["results_injected_detected"]),
        "clean results flagged <= 1%": ok(t["results_clean_flagged"],
                                          lambda v: v <= TARGETS["results_clean_flagged_max"]),
    }


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{100 * v:.2f}%"


def markdown(buckets: dict[tuple[str, str, str], Bucket], t: dict[str, Any], elapsed: float, rows: int,
             policy_hash: str) -> str:
    lines = [
        "# Detection report",
        "",
        f"Generated by `bench/detection.py` over {rows} corpus rows in {elapsed:.1f} s "
        f"(default policies, policy hash `{policy_hash[:16]}…`).",
        "",
        "## Summary",
        "",
        "| measure | value | target |",
        "|---|---:|---|",
        f"| attack interception (block or pending), context-independent, {t['attack_rows']} rows | "
        f"{_pct(t['attack_interception'])} | ≥ 99% |",
        f"| benign blocked (all benign call rows) | {_pct(t['all_benign_block'])} | ≤ 0.3% |",
        f"| benign pending ({t['benign_rows']} rows, sensitive shell rows apart) | {_pct(t['benign_pending'])} | ≤ 2% |",
        f"| sensitive shell rows ({t['sensitive_shell_rows']}): blocked / pending | {_pct(t['sensitive_shell_block'])}"
        f" / {_pct(t['sensitive_shell_pending'])} | pending acceptable |",
        f"| context-dependent attack rows ({t['context_dependent_rows']}) intercepted | "
        f"{_pct(t['context_dependent_interception'])} | reported apart |",
        f"| injected tool results detected ({t['results_injected_rows']} rows) | "
        f"{_pct(t['results_injected_detected'])} | ≥ 95% |",
        f"| clean tool results flagged ({t['results_clean_rows']} rows) | {_pct(t['results_clean_flagged'])} | ≤ 1% |",
        "",
        "## Per file and category",
        "",
        "| file | category | apart | rows | block | pending | allow | other | rate |",
        "|---|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for key in sorted(buckets, key=lambda k: (k[0], k[2], k[1])):
        b = buckets[key]
        r = b.row()
        d = b.decisions
        other = b.n - d["block"] - d["pending"] - d["allow"]
        if b.kind == "attack":
            rate = f"intercepted {_pct(r['interception'])}"
        elif b.kind == "benign":
            rate = f"blocked {_pct(r['blocked'])}, pending {_pct(r['pending'])}"
        elif b.kind == "result_attack":
            rate = f"detected {_pct(r['detected'])}"
        else:
            rate = f"flagged {_pct(r['flagged'])}"
        lines.append(f"| {b.file} | {b.category} | {b.apart} | {b.n} | {d['block']} | {d['pending']} | "
                     f"{d['allow']} | {other} | {rate} |")
    lines.append("")
    lines.append("Result rows: `other` counts flag and redact verdicts (a detection for injected rows).")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="corpus directory (default %(default)s)")
    ap.add_argument("--files", help="comma-separated substrings of corpus file names to include")
    ap.add_argument("--category", help="only rows of this category")
    ap.add_argument("--limit", type=int, help="at most N rows per file")
    ap.add_argument("--misses", type=int, default=0, metavar="N", help="print N sample misses per category")
    ap.add_argument("--policy", type=Path, help="a policy file instead of the defaults")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results",
                    help="where detection.md/json go (written only for a full unfiltered run unless --write)")
    ap.add_argument("--write", action="store_true", help="write results even for a filtered run")
    ap.add_argument("--json", action="store_true", help="print the JSON report to stdout")
    args = ap.parse_args(argv)

    if not args.corpora.is_dir():
        print(f"no corpora at {args.corpora}", file=sys.stderr)
        return 2
    files = sorted(args.corpora.glob("*.jsonl"))
    if args.files:
        subs = [s.strip() for s in args.files.split(",") if s.strip()]
        files = [f for f in files if any(s in f.name for s in subs)]
    engine = Engine.from_file(args.policy) if args.policy else Engine()
    buckets, elapsed, rows = evaluate(engine, files, args.limit, args.misses, args.category)
    t = totals(buckets)
    v = verdicts(t)
    md = markdown(buckets, t, elapsed, rows, engine.policy_hash)
    report = {"totals": t, "verdicts": v, "rows": rows, "elapsed_s": elapsed, "policy_hash": engine.policy_hash,
              "buckets": [b.row() for b in buckets.values()]}

    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(md)
        for name, ok in v.items():
            print(f"  {'PASS' if ok else ('n/a ' if ok is None else 'FAIL')}  {name}")
    if args.misses:
        print("\n## Sample misses")
        for key in sorted(buckets):
            b = buckets[key]
            if not b.misses:
                continue
            n_miss = sum(b.miss_rules.values())
            print(f"\n### {b.file} / {b.category} {b.apart} ({b.kind}: {n_miss} misses of {b.n})")
            tops = sorted(b.miss_rules.items(), key=lambda kv: -kv[1])[:6]
            print("  top signal of the misses: " + ", ".join(f"{k} ×{v}" for k, v in tops))
            for m in b.misses:
                print(f"- {m['id']} {m['tool']} → {m['decision']} {m['signals']} {m['reason'][:160]}")
                print(f"    args: {m['arguments']}")
                if m.get("result_text"):
                    print(f"    result: {m['result_text']}")
    if not args.files and not args.category and args.limit is None or args.write:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "detection.md").write_text(md)
        (args.out / "detection.json").write_text(json.dumps(report, indent=2) + "\n")
        print(f"\nwrote {args.out / 'detection.md'} and detection.json", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
