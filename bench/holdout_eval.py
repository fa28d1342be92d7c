"""Held-out evaluation: run the engine as it is in the tree over bench/holdout/*.jsonl (hand-written, unseen by the detectors).

Per file and category: attack interception (block or pending), severity mismatches against `expect`,
benign block and pending rates (non-`normal` shell sensitivity reported apart), injected results detected
(anything but allow) and clean results flagged. Then the misses and false positives with the signals that fired.

    .venv/bin/python bench/holdout_eval.py                 # summary + every miss / false positive
    .venv/bin/python bench/holdout_eval.py --max-list 20   # cap each listing
    .venv/bin/python bench/holdout_eval.py --json /tmp/holdout.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aegis_mcp.engine.engine import Engine  # noqa: E402
from aegis_mcp.engine.model import ToolCall  # noqa: E402

HOLDOUT = ROOT / "bench" / "holdout"


def _short(v: Any, n: int = 220) -> str:
    s = json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v
    s = s.replace("\n", "\\n")
    return s if len(s) <= n else s[: n - 1] + "…"


def _sigs(dec: Any) -> str:
    return "; ".join(f"{s.pattern}/{s.rule}:{s.severity.name}@{s.path or '/'}" for s in dec.signals[:5]) or "-"


def run(files: list[Path]) -> dict[str, Any]:
    eng = Engine()
    stats: dict[tuple[str, str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses: list[dict[str, Any]] = []
    fps: list[dict[str, Any]] = []
    pendings: list[dict[str, Any]] = []
    sev_mismatch: list[dict[str, Any]] = []
    lat: list[float] = []
    lat_kind: dict[str, list[float]] = defaultdict(list)
    per_row: dict[str, str] = {}
    matrix: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    eng.check(ToolCall(tool_name="warmup", arguments={"q": "SELECT 1 ' OR 1=1 ../etc/passwd"}))  # compile lazily-built patterns outside the timing
    eng.check_result(ToolCall(tool_name="warmup", arguments={}), "ignore previous instructions")
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            call = ToolCall(tool_name=r["tool_name"], arguments=r["arguments"], tool_schema=r.get("tool_schema"), annotations=r.get("annotations"))
            t0 = time.perf_counter()
            if "result_text" in r:
                dec = eng.check_result(call, r["result_text"])
                kind = "result_attack" if r["label"] == "attack" else "result_benign"
            else:
                dec = eng.check(call)
                kind = "attack" if r["label"] == "attack" else "benign"
            lat.append(time.perf_counter() - t0)
            lat_kind["result" if "result_text" in r else "call"].append(lat[-1])
            per_row[r["id"]] = dec.decision
            if "carrier" in r:
                matrix[r["category"]][r["carrier"]].append(dec.decision)
            apart = ""
            if kind == "benign" and r.get("sensitivity", "normal") != "normal":
                apart = f"sensitivity={r['sensitivity']}"
            if kind == "attack" and r.get("context_dependent"):
                apart = "context_dependent"
            key = (path.name, r["category"] + (f" [{apart}]" if apart else ""), kind)
            st = stats[key]
            st["n"] += 1
            st[dec.decision] += 1
            item = {"id": r["id"], "category": r["category"], "tool": r["tool_name"], "decision": dec.decision,
                    "risk": dec.risk_level.name, "signals": _sigs(dec),
                    "payload": _short(r.get("result_text") if "result_text" in r else r["arguments"])}
            if kind == "attack":
                if dec.decision == "allow" and not apart and "carrier" not in r:
                    misses.append(item)
                exp = r.get("expect")
                if exp and exp != dec.decision and dec.decision != "allow":
                    sev_mismatch.append({**item, "expect": exp})
            elif kind == "result_attack":
                if dec.decision == "allow":
                    misses.append(item)
            elif kind == "benign":
                if dec.decision == "block":
                    fps.append(item)
                elif dec.decision == "pending" and not apart:
                    pendings.append(item)
            else:
                if dec.decision != "allow":
                    fps.append(item)
    def pct(q: float, xs: list[float] | None = None) -> float:
        xs = sorted(lat if xs is None else xs)
        return xs[min(len(xs) - 1, int(q * len(xs)))] * 1e6 if xs else 0.0

    per_kind = {k: {"p50": pct(0.5, v), "p95": pct(0.95, v), "p99": pct(0.99, v)} for k, v in lat_kind.items()}
    lat.sort()

    return {"stats": {"|".join(k): dict(v) for k, v in stats.items()}, "misses": misses, "false_positives": fps,
            "benign_pending": pendings, "severity_mismatch": sev_mismatch, "rows": per_row, "matrix": {k: dict(v) for k, v in matrix.items()},
            "latency_us": {"p50": pct(0.5), "p95": pct(0.95), "p99": pct(0.99), "max": lat[-1] * 1e6 if lat else 0.0, "per_kind": per_kind}}


def summarise(res: dict[str, Any], max_list: int) -> str:
    out: list[str] = []
    tot: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    rows = []
    for key, st in sorted(res["stats"].items()):
        fname, cat, kind = key.split("|")
        n = st["n"]
        if kind == "attack":
            hit = st.get("block", 0) + st.get("pending", 0)
            rows.append((fname, cat, kind, n, f"intercepted {hit / n:6.1%}  (block {st.get('block', 0)}, pending {st.get('pending', 0)}, allow {st.get('allow', 0)})"))
            if "[context_dependent]" in cat or fname.startswith("attack_carrier_matrix"):
                continue  # reported apart, not in the headline
            tot["attack"]["n"] += n
            tot["attack"]["hit"] += hit
            tot["attack"]["block"] += st.get("block", 0)
        elif kind == "benign":
            sub = "benign_sens" if "[sensitivity" in cat else "benign"
            rows.append((fname, cat, kind, n, f"blocked {st.get('block', 0) / n:6.1%}  pending {st.get('pending', 0) / n:6.1%}  (n block {st.get('block', 0)}, pending {st.get('pending', 0)})"))
            tot[sub]["n"] += n
            tot[sub]["block"] += st.get("block", 0)
            tot[sub]["pending"] += st.get("pending", 0)
        elif kind == "result_attack":
            hit = n - st.get("allow", 0)
            rows.append((fname, cat, kind, n, f"detected {hit / n:6.1%}  (block {st.get('block', 0)}, redact {st.get('redact', 0)}, flag {st.get('flag', 0)}, allow {st.get('allow', 0)})"))
            tot["result_attack"]["n"] += n
            tot["result_attack"]["hit"] += hit
        else:
            hit = n - st.get("allow", 0)
            rows.append((fname, cat, kind, n, f"flagged {hit / n:6.1%}  (block {st.get('block', 0)}, redact {st.get('redact', 0)}, flag {st.get('flag', 0)})"))
            tot["result_benign"]["n"] += n
            tot["result_benign"]["hit"] += hit

    def r(a: int, b: int) -> str:
        return f"{a / b:.1%} ({a}/{b})" if b else "n/a"

    out.append("== headline ==")
    a, b, s, rb, rc = tot["attack"], tot["benign"], tot["benign_sens"], tot["result_attack"], tot["result_benign"]
    out.append(f"attack calls intercepted (block|pending, context-independent): {r(a['hit'], a['n'])}; blocked outright {r(a['block'], a['n'])}")
    out.append(f"benign calls blocked: {r(b['block'], b['n'])}; pending: {r(b['pending'], b['n'])}")
    out.append(f"benign sensitive shell rows: blocked {r(s['block'], s['n'])}; pending {r(s['pending'], s['n'])}")
    out.append(f"injected results detected: {r(rb['hit'], rb['n'])}; clean results flagged: {r(rc['hit'], rc['n'])}")
    out.append(f"severity mismatches vs expect: {len(res['severity_mismatch'])}")
    lt = res["latency_us"]
    out.append(f"latency µs (all): p50 {lt['p50']:.0f}  p95 {lt['p95']:.0f}  p99 {lt['p99']:.0f}  max {lt['max']:.0f}")
    for k, v in sorted(lt["per_kind"].items()):
        out.append(f"latency µs ({k}s): p50 {v['p50']:.0f}  p95 {v['p95']:.0f}  p99 {v['p99']:.0f}")
    out.append("")
    out.append("== per file / category ==")
    for fname, cat, kind, n, txt in rows:
        out.append(f"{fname:20s} {cat:52s} {kind:14s} n={n:4d}  {txt}")

    def listing(title: str, items: list[dict[str, Any]], extra: str = "") -> None:
        out.append("")
        out.append(f"== {title} ({len(items)}) ==")
        for it in items[:max_list]:
            e = f" expect={it['expect']}" if extra and "expect" in it else ""
            out.append(f"- {it['id']} [{it['category']}] {it['tool']} -> {it['decision']}/{it['risk']}{e} sig: {it['signals']}")
            out.append(f"    {it['payload']}")

    if res.get("matrix"):
        out.append("")
        out.append("== CARRIER MATRIX (same payloads in different arguments: intercepted/total per cell) ==")
        carriers = list(next(iter(res["matrix"].values())).keys())
        for c in carriers:
            out.append(f"  col {carriers.index(c)}: {c}")
        out.append(" " * 34 + " ".join(f"{i:>4}" for i in range(len(carriers))))
        for cat, row_ in sorted(res["matrix"].items()):
            cells = []
            for c in carriers:
                ds = row_.get(c, [])
                cells.append(f"{sum(d != 'allow' for d in ds)}/{len(ds)}".rjust(4))
            out.append(f"{cat[:33]:34s}" + " ".join(cells))
    listing("MISSES (attacks allowed)", res["misses"])
    listing("FALSE POSITIVES (benign blocked / clean results flagged)", res["false_positives"])
    listing("BENIGN PENDING (normal rows held)", res["benign_pending"])
    listing("SEVERITY MISMATCH", res["severity_mismatch"], extra="x")
    return "\n".join(out)


def markdown(res: dict[str, Any]) -> str:
    """The per-file/category table as Markdown, for bench/results/holdout.md."""
    out = ["| file | category | kind | n | rate | block | pending/redact+flag | allow |", "|---|---|---|---:|---:|---:|---:|---:|"]
    for key, st in sorted(res["stats"].items(), key=lambda kv: (kv[0].split("|")[0], kv[0].split("|")[2], kv[0].split("|")[1])):
        fname, cat, kind = key.split("|")
        n = st["n"]
        blk, pen, allow = st.get("block", 0), st.get("pending", 0), st.get("allow", 0)
        if kind == "attack":
            rate, mid = f"intercepted {(blk + pen) / n:.1%}", str(pen)
        elif kind == "benign":
            rate, mid = f"blocked {blk / n:.1%}, pending {pen / n:.1%}", str(pen)
        elif kind == "result_attack":
            rate, mid = f"detected {(n - allow) / n:.1%}", str(st.get("redact", 0) + st.get("flag", 0))
        else:
            rate, mid = f"flagged {(n - allow) / n:.1%}", str(st.get("redact", 0) + st.get("flag", 0))
        out.append(f"| {fname} | {cat} | {kind} | {n} | {rate} | {blk} | {mid} | {allow} |")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", default=str(HOLDOUT))
    ap.add_argument("--max-list", type=int, default=10_000)
    ap.add_argument("--json", help="also write the raw results here")
    ap.add_argument("--markdown", action="store_true", help="print the per-category table as Markdown after the report")
    ap.add_argument("--compare", help="a --json file from an earlier run: list the rows whose decision changed")
    args = ap.parse_args()
    files = sorted(Path(args.dir).glob("*.jsonl"))
    if not files:
        print(f"no JSONL files in {args.dir}; run bench/holdout/generate.py", file=sys.stderr)
        return 2
    res = run(files)
    print(summarise(res, args.max_list))
    if args.markdown:
        print("\n" + markdown(res))
    if args.compare:
        old = json.loads(Path(args.compare).read_text(encoding="utf-8")).get("rows", {})
        changed = [(k, old[k], v) for k, v in res["rows"].items() if k in old and old[k] != v]
        print(f"\n== CHANGED SINCE {args.compare} ({len(changed)}) ==")
        for k, a, b in changed:
            print(f"- {k}: {a} -> {b}")
    if args.json:
        Path(args.json).write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
