"""Step 1 of the one-scan experiment: every RE2 C++ call per row, whether it matched, on what text, and its CPU.

    .venv/bin/python bench/dev/oracle_census.py [--per-file 300] [--files a,b]

First sight (one fresh engine, memo off, rows sampled evenly over each corpus file). Each C++
entry (RE2.Match, Set.Match, Filter.Match) is timed (thread CPU) and classified by the text it
searched, against the row's scanned text J (every form of every fragment of every context the
engine built, newline-joined, as the gates join them):
  form  = the text is exactly one form   sub = a substring of J   lsub = a substring of J.lower()
  other = none of these (a derived string: dequoted, tokens re-joined, upper-cased, ...)
and whether it returned "no match". The upper bound of an oracle ("this pattern cannot occur in
J") is the CPU of the no-match calls whose text is a substring of J.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import re2_probe  # noqa: E402  (bench/dev is on sys.path as the script's directory; patches re2 before the engine loads)

LOG: list[tuple[str, bytes, bool, int, int]] = []  # (kind, text, matched, ns, id of the matcher)


def _log(kind: str, matcher: object, a: tuple, r: object, ns: int) -> None:  # type: ignore[type-arg]
    if kind == "RE2":
        _anchor, b, pos, end = a
        hit = r[0][0] != -1  # type: ignore[index]
        text = b[pos:end] if isinstance(b, bytes) else bytes(b)
    else:
        hit = bool(r)
        text = a[0]
    LOG.append((kind, text, hit, ns, id(matcher)))


re2_probe.instrument(_log)
ON, NAMES, clock = re2_probe.ON, re2_probe.NAMES, re2_probe.clock


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-file", type=int, default=300)
    ap.add_argument("--files", default="")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = ap.parse_args()

    import orjson

    from aegis_mcp.engine import engine as engine_mod
    from aegis_mcp.engine.model import ToolCall

    seen: list[bytes] = []
    forms: set[bytes] = set()
    orig_run = engine_mod.Engine._run

    def run(self, ctx, *a, **k):  # type: ignore[no-untyped-def]
        for f in ctx.fragments:
            for x in f.forms or (f.raw,):
                bx = x.encode("utf-8", "surrogatepass")
                forms.add(bx)
                seen.append(bx)
        return orig_run(self, ctx, *a, **k)

    engine_mod.Engine._run = run  # type: ignore[method-assign]
    e = engine_mod.Engine(memo=False)
    # per class: [calls, ns, miss calls, miss ns]
    total: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    per_file: dict[str, list[int]] = {}
    sites: dict[tuple[str, str, bool], list[int]] = defaultdict(lambda: [0, 0])
    rows_n = 0
    ascii_rows = 0
    for path in sorted(args.corpora.glob("*.jsonl")):
        if args.files and not any(s in path.name for s in args.files.split(",")):
            continue
        lines = path.read_bytes().splitlines()
        step = max(1, len(lines) // args.per_file)
        pf = per_file.setdefault(path.name, [0, 0, 0, 0, 0])  # rows, all ns, RE2 ns, miss-in-J ns, calls
        for line in lines[::step][: args.per_file]:
            row = orjson.loads(line)
            call = ToolCall(row["tool_name"], row.get("arguments", {}))
            seen.clear()
            forms.clear()
            LOG.clear()
            ON[0] = True
            t = clock()
            if "result_text" in row:
                e.check_result(call, row["result_text"])
            else:
                e.check(call)
            all_ns = clock() - t
            ON[0] = False
            j = b"\n".join(seen)
            jl = j.lower()
            rows_n += 1
            ascii_rows += j.isascii()
            pf[0] += 1
            pf[1] += all_ns
            for kind, text, hit, ns, who in LOG:
                if text in forms:
                    where = "form"
                elif text in j:
                    where = "sub"
                elif text in jl:
                    where = "lsub"
                else:
                    where = "other"
                c = total[(kind, where, "hit" if hit else "miss")]
                lab = NAMES.get(who, kind)
                lab = lab if isinstance(lab, str) else f"{lab[0]}[{lab[1]}] {lab[2]!r}"
                s = sites[(lab, where, hit)]
                s[0] += 1
                s[1] += ns
                c[0] += 1
                c[1] += ns
                pf[2] += ns
                pf[4] += 1
                if not hit and where in ("form", "sub"):
                    pf[3] += ns
    all_re2 = sum(v[1] for v in total.values())
    all_calls = sum(v[0] for v in total.values())
    engine_ns = sum(p[1] for p in per_file.values())
    print(f"rows {rows_n} (ASCII J: {ascii_rows}); engine CPU {engine_ns / rows_n / 1e3:.1f} µs/row; "
          f"RE2 C++ calls {all_calls / rows_n:.1f}/row, {all_re2 / rows_n / 1e3:.1f} µs/row "
          f"({100 * all_re2 / engine_ns:.0f}% of engine CPU)")
    print("| entry | text is | result | calls/row | µs/row | % of RE2 CPU |")
    print("|---|---|---|---:|---:|---:|")
    for k in sorted(total, key=lambda k: -total[k][1]):
        n, ns = total[k]
        print(f"| {k[0]} | {k[1]} | {k[2]} | {n / rows_n:.2f} | {ns / rows_n / 1e3:.2f} | {100 * ns / all_re2:.1f} |")
    print(f"\ntop {args.top} matchers by no-match CPU (µs/row):")
    misses = [(k, v) for k, v in sites.items() if not k[2]]
    for (lab, where, _), (n, ns) in sorted(misses, key=lambda kv: -kv[1][1])[: args.top]:
        print(f"  {ns / rows_n / 1e3:7.2f} µs {n / rows_n:5.2f}/row {where:5} {lab}")
    print("\n| file | rows | engine µs/row | RE2 µs/row | RE2 calls/row | no-match on form/sub µs/row (oracle bound) | bound % of engine |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, (n, a, r, m, c) in per_file.items():
        print(f"| {name} | {n} | {a / n / 1e3:.1f} | {r / n / 1e3:.1f} | {c / n:.1f} | {m / n / 1e3:.1f} | {100 * m / a:.0f}% |")


if __name__ == "__main__":
    main()
