"""The p99 tail of tool calls: the slowest 1% of corpus call rows, where they come from, and their stages.

    .venv/bin/python bench/dev/tail_rows.py [--limit N] [--top 0.01] [--out /tmp/tail.jsonl]

Every call row judged once (first sight, memo off, thread CPU time); the slowest fraction listed
by file, argument size and role, then each of those rows' stages timed (extract, gates, each
detector alone; run after the first pass, so warm).
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from aegis_mcp.engine.engine import Engine  # noqa: E402
from aegis_mcp.engine.extract import extract  # noqa: E402
from aegis_mcp.engine.model import ToolCall  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--top", type=float, default=0.01)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    engine = Engine(memo=False)
    engine.check(ToolCall("warm_up", {"q": "SELECT 1"}))
    rows = []
    for path in sorted(CORPORA.glob("*.jsonl")):
        with path.open("rb") as fh:
            for i, line in enumerate(fh):
                if args.limit is not None and i >= args.limit:
                    break
                row = orjson.loads(line)
                if "result_text" in row:
                    continue
                call = ToolCall(row["tool_name"], row.get("arguments", {}))
                t0 = time.thread_time_ns()
                engine.check(call)
                rows.append(((time.thread_time_ns() - t0) / 1000, path.name, i, len(line), call))
    rows.sort(key=lambda r: -r[0])
    n = max(1, int(len(rows) * args.top))
    tail = rows[:n]
    print(f"{len(rows)} call rows; p99 cut {tail[-1][0]:.0f} µs; tail of {n}")
    by_file = collections.Counter(r[1] for r in tail)
    print("by file:", dict(by_file.most_common()))
    sizes = sorted(r[3] for r in tail)
    print(f"row bytes: min {sizes[0]} median {sizes[len(sizes) // 2]} max {sizes[-1]}")
    stage_tot: dict[str, float] = collections.Counter()
    roles = collections.Counter()
    out = []
    for us, name, i, size, call in tail:
        ctx = extract(call)
        roles.update(str(f.role.value) for f in ctx.fragments)
        st: dict[str, float] = {}
        t0 = time.thread_time_ns()
        ctx = extract(call)
        st["extract"] = (time.thread_time_ns() - t0) / 1000
        t0 = time.thread_time_ns()
        wanted = engine._gates.wanted(ctx) if engine._gates is not None and ctx.mode in engine._gates.modes else None  # noqa: SLF001
        st["gates"] = (time.thread_time_ns() - t0) / 1000
        for dname, detect in engine._detectors:  # noqa: SLF001
            if wanted is not None and dname not in wanted:
                continue
            t0 = time.thread_time_ns()
            detect(ctx)
            st[dname] = (time.thread_time_ns() - t0) / 1000
        for k, v in st.items():
            stage_tot[k] += v
        out.append({"us": us, "file": name, "row": i + 1, "bytes": size, "stages": st, "tool": call.tool_name,
                    "args": list(call.arguments) if isinstance(call.arguments, dict) else None})
    print("roles in tail:", dict(roles.most_common()))
    print("warm stage CPU over the tail (µs, sum):", {k: round(v) for k, v in sorted(stage_tot.items(), key=lambda kv: -kv[1])})
    for r in out[:25]:
        print(f"{r['us']:8.0f} {r['file']}:{r['row']} {r['bytes']}B {r['tool']} {r['args']} "
              + " ".join(f"{k}={v:.0f}" for k, v in sorted(r['stages'].items(), key=lambda kv: -kv[1])[:4]))
    if args.out:
        args.out.write_bytes(b"\n".join(orjson.dumps(r) for r in out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
