"""Call-side injection cost per corpus file (CPU µs of `detect` alone), its gate's open rate, and its signals.

    .venv/bin/python bench/dev/injection_call_cpu.py                       # this tree
    .venv/bin/python bench/dev/injection_call_cpu.py --root /tmp/base_inj  # another checkout, same rows
    .venv/bin/python bench/dev/injection_call_cpu.py --sigs-write /tmp/inj_sigs.jsonl   # every call row's signals
    .venv/bin/python bench/dev/injection_call_cpu.py --sigs-compare /tmp/inj_sigs.jsonl # exit 1 on any difference

Extraction happens before timing. Each row is timed `--repeat` times, the least kept (thread CPU
time, so load from other processes matters less). "gate" is the share of rows whose injection
GATE opens (roles, tool words or its patterns, as gates.GateSet decides); "stage" is detect() on
every row, gate or not, as bench/engine_latency.py's per-stage table measures it. "gate" is the
GATE's own condition (roles, tool words or patterns; without gates.py's promotion of gates that
nearly always open); "pre" (trees that have it) is the share the detector's own necessary
condition lets through (injection_call.call_state).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import orjson

CORPORA = Path("/work/shared/corpora")


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * (len(xs) - 1)))] if xs else float("nan")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[2])
    ap.add_argument("--limit", type=int, default=2000, help="rows per file (0: all)")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--files", default="")
    ap.add_argument("--sigs-write", default="")
    ap.add_argument("--sigs-compare", default="")
    a = ap.parse_args()
    sys.path.insert(0, str(a.root))
    from aegis_mcp.engine.detectors import injection  # noqa: PLC0415
    from aegis_mcp.engine.extract import extract  # noqa: PLC0415
    from aegis_mcp.engine.model import ToolCall  # noqa: PLC0415

    from aegis_mcp.engine import regex  # noqa: PLC0415

    gate = injection.GATE
    gate_rx = regex.compile_test("|".join(f"(?:{p})" for p in gate.patterns))
    try:
        from aegis_mcp.engine.detectors import injection_call_forms as F  # noqa: PLC0415
        from aegis_mcp.engine.detectors.injection_call import call_state  # noqa: PLC0415
    except ImportError:  # an older tree
        call_state = None

    def gate_open(ctx) -> bool:  # type: ignore[no-untyped-def]
        if not gate.roles.isdisjoint(f.role for f in ctx.fragments) or not gate.tool_words.isdisjoint(ctx.tool_words):
            return True
        return gate_rx.test("\n".join(x for f in ctx.fragments for x in (f.forms or (f.raw,))))

    def pre_open(ctx) -> bool:  # type: ignore[no-untyped-def]
        frags = [f for f in ctx.fragments if f.raw and len(f.raw) > 6]
        return bool(frags) and call_state(frags, [F.is_machine(f) for f in frags]) != 0  # type: ignore[misc]
    sigs_mode = bool(a.sigs_write or a.sigs_compare)
    limit = None if (a.limit == 0 or sigs_mode) else a.limit
    clock = time.thread_time_ns
    total: list[float] = []
    opened_all = rows_all = pre_all = 0
    sigs: dict[str, list] = {}  # type: ignore[type-arg]
    for path in sorted(CORPORA.glob("*.jsonl")):
        if path.name.startswith("results_") or (a.files and not any(s in path.name for s in a.files.split(","))):
            continue
        ctxs = []
        with path.open("rb") as fh:
            for i, line in enumerate(fh):
                if limit is not None and i >= limit:
                    break
                row = orjson.loads(line)
                ctxs.append((f"{path.name}:{i + 1}", extract(ToolCall(row["tool_name"], row.get("arguments", {})))))
        if sigs_mode:
            for where, ctx in ctxs:
                sigs[where] = sorted([s.pattern, s.rule, int(s.severity), s.path, s.detail] for s in injection.detect(ctx))
            continue
        per = [float("inf")] * len(ctxs)
        for _ in range(a.repeat):
            for k, (_w, ctx) in enumerate(ctxs):
                t0 = clock()
                injection.detect(ctx)
                dt = (clock() - t0) / 1000
                if dt < per[k]:
                    per[k] = dt
        opened = sum(1 for _w, c in ctxs if gate_open(c))
        pre = sum(1 for _w, c in ctxs if pre_open(c)) if call_state else -len(ctxs)
        opened_all += opened
        pre_all += pre
        rows_all += len(ctxs)
        total.extend(per)
        print(f"{path.name:36} n={len(per):5} gate {100 * opened / max(1, len(per)):5.1f}% pre {100 * pre / max(1, len(per)):5.1f}%"
              f"  mean {statistics.fmean(per):7.1f}"
              f"  p50 {pct(per, .5):7.1f}  p95 {pct(per, .95):7.1f}  p99 {pct(per, .99):8.1f} µs")
    if sigs_mode:
        if a.sigs_write:
            Path(a.sigs_write).write_bytes(b"\n".join(orjson.dumps([k, v]) for k, v in sigs.items()))
            print(f"{len(sigs)} call rows written to {a.sigs_write}")
            return 0
        before = dict(orjson.loads(x) for x in Path(a.sigs_compare).read_bytes().splitlines())
        diffs = [k for k in before if before[k] != sigs.get(k)]
        for k in diffs[:10]:
            print(f"DIFF {k}\n  before: {before[k]}\n  now:    {sigs.get(k)}", file=sys.stderr)
        print(f"{len(before)} call rows, {len(diffs)} differ")
        return 1 if diffs else 0
    print(f"{'ALL':36} n={len(total):5} gate {100 * opened_all / max(1, rows_all):5.1f}% pre {100 * pre_all / max(1, rows_all):5.1f}%"
          f"  mean {statistics.fmean(total):7.1f}"
          f"  p50 {pct(total, .5):7.1f}  p95 {pct(total, .95):7.1f}  p99 {pct(total, .99):8.1f} µs   (root {a.root})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
