"""A/B CPU time of the shell detector and of the whole engine: the working tree against a copy of an older tree, interleaved per row.

    # make the baseline once: a copy of the package renamed to aegis_old (imports rewritten)
    cp -r aegis_mcp /tmp/shellab/aegis_old && grep -rl aegis_mcp /tmp/shellab/aegis_old | xargs sed -i 's/aegis_mcp/aegis_old/g'
    .venv/bin/python bench/dev/shell_ab.py --old /tmp/shellab [--files benign_shell] [--limit N] [--profile]

Each call row is extracted by each package's own extract(); then shell.detect (new, old) and
Engine.check (new, old; decision memo off) are timed with thread CPU time, the order
alternating per row so neither side always pays cold caches. Prints p50/p95/p99/mean (µs) per
side and the ratio new/old. --profile instead prints a cProfile of the new Engine.check over the rows (cold, no A/B).
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import pstats
import statistics
import sys
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else float("nan")


def line(label: str, xs: list[float]) -> str:
    return f"{label:<22} p50 {pct(xs, 50):7.1f}  p95 {pct(xs, 95):7.1f}  p99 {pct(xs, 99):7.1f}  mean {statistics.fmean(xs):7.1f} µs"


def load(pkg: str):  # type: ignore[no-untyped-def]
    eng = importlib.import_module(f"{pkg}.engine.engine")
    ext = importlib.import_module(f"{pkg}.engine.extract")
    model = importlib.import_module(f"{pkg}.engine.model")
    shell = importlib.import_module(f"{pkg}.engine.detectors.shell")
    return eng.Engine(memo=False), ext.extract, model.ToolCall, shell.detect


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", default="/tmp/shellab", help="directory holding the aegis_old package")
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--files", default="", help="comma-separated substrings of corpus file names")
    ap.add_argument("--limit", type=int, default=None, help="rows per file")
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, args.old)
    sides = {"new": load("aegis_mcp"), "old": load("aegis_old")}
    rows = []
    for path in sorted(Path(args.corpora).glob("*.jsonl")):
        if args.files and not any(s in path.name for s in args.files.split(",")):
            continue
        with path.open("rb") as fh:
            for i, raw in enumerate(fh):
                if args.limit is not None and i >= args.limit:
                    break
                row = orjson.loads(raw)
                if "result_text" not in row:
                    rows.append((row["tool_name"], row.get("arguments", {})))
    if args.profile:  # cold: nothing ran before, so per-string caches are as on first sight
        engine, _, ToolCall, _ = sides["new"]
        prof = cProfile.Profile()
        prof.enable()
        for tool, arguments in rows:
            engine.check(ToolCall(tool, arguments))
        prof.disable()
        st = pstats.Stats(prof)
        st.sort_stats("tottime").print_stats(40)
        st.sort_stats("cumulative").print_stats(r"detectors|engine\.py|extract", 40)
        return 0
    clock = time.thread_time_ns
    times: dict[str, list[float]] = {f"{k} {s}": [] for k in ("shell", "check") for s in sides}
    for n, (tool, arguments) in enumerate(rows):
        order = ("new", "old") if n % 2 else ("old", "new")
        for side in order:
            engine, extract, ToolCall, detect = sides[side]
            call = ToolCall(tool, arguments)
            ctx = extract(call)
            t0 = clock(); detect(ctx); t1 = clock()
            engine.check(call); t2 = clock()
            times[f"shell {side}"].append((t1 - t0) / 1000)
            times[f"check {side}"].append((t2 - t1) / 1000)
    print(f"{len(rows)} call rows")
    for k in ("shell", "check"):
        for side in sides:
            print(line(f"{k} {side}", times[f"{k} {side}"]))
        new, old = times[f"{k} new"], times[f"{k} old"]
        print(f"{'':<22} ratio new/old: p50 {pct(new, 50) / pct(old, 50):.2f}  p95 {pct(new, 95) / pct(old, 95):.2f}  "
              f"p99 {pct(new, 99) / pct(old, 99):.2f}  mean {statistics.fmean(new) / statistics.fmean(old):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
