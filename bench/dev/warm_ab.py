"""Is first-sight cost RE2 DFA building, and does warming on other text recover it? (issue #2, step 1)

    .venv/bin/python bench/dev/warm_ab.py [--limit 1500] [--conds fresh,half_a,builtin,self_dfa,self] [--rounds 3]

Corpus rows are split by row index parity into halves A (even) and B (odd). Each condition runs in
its own fresh process (RE2's lazily built DFA states live in the compiled patterns, which are
process-wide), builds `Engine(memo=False)`, warms it, then times every row of half B once:
  fresh    nothing before B (first sight, what bench/engine_latency.py measures)
  half_a   half A judged once first (traffic of the same kinds, never the same rows)
  builtin  the shipped generic warm-up (`Engine.warm_up()`, text written for the package)
  self     B judged twice first (upper bound: DFA states and every per-string memo warm)
  self_dfa B judged twice first, then the Python-side memos emptied (lru_caches of aegis_mcp, each
           pattern's short-string memo, module-level *MEMO*/*CACHE* dicts): what warm DFAs alone give
Thread CPU time per row; total CPU and p50/p95/p99, calls and results apart.
"""

from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
CORPORA = ROOT.parent / "shared" / "corpora"


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, int(round(p / 100 * (len(xs) - 1)))))] if xs else float("nan")


def load(limit: int | None, files: str | None) -> tuple[list[Any], list[Any]]:
    a: list[Any] = []
    b: list[Any] = []
    for path in sorted(CORPORA.glob("*.jsonl")):
        if files and not any(s in path.name for s in files.split(",")):
            continue
        with path.open("rb") as fh:
            for i, line in enumerate(fh):
                if limit is not None and i >= 2 * limit:
                    break
                row = orjson.loads(line)
                (a if i % 2 == 0 else b).append((path.name, row))
    return a, b


def judge(engine: Any, rows: list[Any], clock: Any = None) -> list[tuple[str, str, float]]:
    from aegis_mcp.engine.model import ToolCall  # noqa: PLC0415

    out = []
    for name, row in rows:
        call = ToolCall(row["tool_name"], row.get("arguments", {}))
        t0 = time.thread_time_ns()
        if "result_text" in row:
            engine.check_result(call, row["result_text"])
            kind = "result"
        else:
            engine.check(call)
            kind = "call"
        out.append((name, kind, (time.thread_time_ns() - t0) / 1000))
    return out


def clear_python_memos() -> None:
    """Empty the engine's Python-side memos, leaving RE2's compiled state (and its DFAs) alone."""
    import functools  # noqa: PLC0415

    from aegis_mcp.engine.regex import FastRegexp  # noqa: PLC0415

    for obj in gc.get_objects():
        if isinstance(obj, functools._lru_cache_wrapper) and getattr(obj, "__module__", "").startswith("aegis_mcp"):  # noqa: SLF001
            obj.cache_clear()
        elif isinstance(obj, FastRegexp):
            obj._memo.clear()  # noqa: SLF001
    for name, mod in list(sys.modules.items()):
        if name.startswith("aegis_mcp"):
            for attr, val in vars(mod).items():
                if isinstance(val, dict) and ("MEMO" in attr.upper() or "CACHE" in attr.upper()):
                    val.clear()


def one(cond: str, limit: int | None, files: str | None, set_chunk: str | None = None) -> dict[str, Any]:
    if set_chunk:  # an experiment: "N" or "N/INSTS": every PatternSet chunked so (before any detector is imported)
        from aegis_mcp.engine import regex  # noqa: PLC0415

        n, _, insts = set_chunk.partition("/")
        regex.SET_CHUNK = int(n)
        regex.PatternSet.__init__.__defaults__ = (int(n), True, int(insts) if insts else None)
    from aegis_mcp.engine.engine import Engine  # noqa: PLC0415

    a, b = load(limit, files)
    engine = Engine(memo=False)
    warm_cpu = 0.0
    c0 = time.process_time()
    if cond == "half_a":
        judge(engine, a)
    elif cond == "builtin":
        engine.warm_up()
    elif cond in ("self", "self_dfa"):
        judge(engine, b)
        judge(engine, b)
        if cond == "self_dfa":
            clear_python_memos()
    warm_cpu = time.process_time() - c0
    gc.collect()
    gc.freeze()
    times = judge(engine, b)
    res: dict[str, Any] = {"cond": cond + (f"@chunk{set_chunk}" if set_chunk else ""), "warm_cpu_s": warm_cpu}
    for kind in ("call", "result"):
        xs = [t for _, k, t in times if k == kind]
        res[kind] = {"n": len(xs), "cpu_s": sum(xs) / 1e6, "p50": pct(xs, 50), "p95": pct(xs, 95), "p99": pct(xs, 99)}
    per_file: dict[str, list[float]] = {}
    for name, _, t in times:
        per_file.setdefault(name, []).append(t)
    res["per_file"] = {k: {"n": len(v), "cpu_s": sum(v) / 1e6, "p50": pct(v, 50), "p99": pct(v, 99)} for k, v in per_file.items()}
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=1500, help="rows per half per file (default 1500)")
    ap.add_argument("--files")
    ap.add_argument("--conds", default="fresh,half_a,builtin,self")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--set-chunks", default="",
                    help="experiment: comma-separated PatternSet chunkings to try per condition, each N (patterns) or "
                         "N/INSTS (patterns/RE2 program instructions; INSTS 0 = no budget), e.g. 64/0,64/16000")
    ap.add_argument("--set-chunk", help=argparse.SUPPRESS)
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--rounds", type=int, default=1,
                    help="run the conditions interleaved this many times; report each condition's median-CPU run")
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.limit, args.files, args.set_chunk)))
        return 0
    runs: dict[str, list[dict[str, Any]]] = {}
    for _ in range(args.rounds):  # interleaved, so load changes hit every condition alike
        for cond in args.conds.split(","):
            for chunk in (args.set_chunks.split(",") if args.set_chunks else [""]):
                cmd = [sys.executable, __file__, "--one", cond, "--limit", str(args.limit)] + (["--files", args.files] if args.files else [])
                cmd += ["--set-chunk", chunk] if chunk else []
                out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
                r = json.loads(out.strip().splitlines()[-1])
                runs.setdefault(r["cond"], []).append(r)
                print(f"done {r['cond']}", file=sys.stderr)
    results = []
    for cond, rs in runs.items():
        rs.sort(key=lambda r: r["call"]["cpu_s"] + r["result"]["cpu_s"])
        results.append(rs[len(rs) // 2])
    print("| condition | warm-up CPU s | kind | n | CPU s (half B) | p50 µs | p95 µs | p99 µs |")
    print("|---|---:|---|---:|---:|---:|---:|---:|")
    for r in results:
        for kind in ("call", "result"):
            s = r[kind]
            print(f"| {r['cond']} | {r['warm_cpu_s']:.2f} | {kind} | {s['n']} | {s['cpu_s']:.2f} | {s['p50']:.1f} | {s['p95']:.1f} | {s['p99']:.1f} |")
    print()
    files = list(results[0]["per_file"])
    print("| file | " + " | ".join(f"{r['cond']} p50/p99" for r in results) + " |")
    print("|---|" + "---:|" * len(results))
    for f in files:
        print(f"| {f} | " + " | ".join(f"{r['per_file'][f]['p50']:.0f}/{r['per_file'][f]['p99']:.0f}" for r in results) + " |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
