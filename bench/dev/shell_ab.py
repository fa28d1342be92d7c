"""A/B CPU time of the sql / paths / shell / exfil / nosql detectors and of the whole engine: the working tree against a copy of an older tree, interleaved per row.

    # make the baseline once: a copy of the package renamed to aegis_old (imports rewritten)
    mkdir -p /tmp/shellab && git archive HEAD aegis_mcp | tar -x -C /tmp/shellab && mv /tmp/shellab/aegis_mcp /tmp/shellab/aegis_old \
        && grep -rl aegis_mcp /tmp/shellab/aegis_old | xargs sed -i 's/aegis_mcp/aegis_old/g'
    .venv/bin/python bench/dev/shell_ab.py --old /tmp/shellab [--files benign_shell] [--limit N] [--detectors shell,paths]
    .venv/bin/python bench/dev/shell_ab.py --profile [--detectors paths] --files benign_file_paths

Each call row is extracted by each package's own extract(); then each chosen detector (new, old)
and Engine.check (new, old; decision memo off) are timed with thread CPU time, the order
alternating per row so neither side always pays cold caches. Each detector runs on every row,
gate or no gate (as bench/engine_latency.py's stage table times it); the secrets scan exfil may
share is paid, untimed, before it. Prints p50/p95/p99/mean (µs) per side, the ratio new/old,
and per corpus file the p50 and mean of each. --profile instead prints a cProfile of the new
detectors (or, with --detectors check, Engine.check) over the rows (cold, no A/B).
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

DETECTORS = ("sql", "paths", "shell", "exfil", "nosql")


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else float("nan")


def line(label: str, xs: list[float]) -> str:
    return f"{label:<22} p50 {pct(xs, 50):7.1f}  p95 {pct(xs, 95):7.1f}  p99 {pct(xs, 99):7.1f}  mean {statistics.fmean(xs):7.1f} µs"


def load(pkg: str, names: list[str]):  # type: ignore[no-untyped-def]
    eng = importlib.import_module(f"{pkg}.engine.engine")
    ext = importlib.import_module(f"{pkg}.engine.extract")
    model = importlib.import_module(f"{pkg}.engine.model")
    secrets = importlib.import_module(f"{pkg}.engine.detectors.secrets_scan")
    dets = {n: importlib.import_module(f"{pkg}.engine.detectors.{n}").detect for n in names}
    return eng.Engine(memo=False), ext.extract, model.ToolCall, dets, secrets.scan_context


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", default="/tmp/shellab", help="directory holding the aegis_old package")
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--files", default="", help="comma-separated substrings of corpus file names")
    ap.add_argument("--limit", type=int, default=None, help="rows per file")
    ap.add_argument("--detectors", default="shell", help=f"comma-separated, of {','.join(DETECTORS)} (or 'check')")
    ap.add_argument("--no-check", action="store_true", help="skip timing Engine.check")
    ap.add_argument("--gated", action="store_true", help="time a detector only where its side's engine gate opens (0 elsewhere)")
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    names = [n for n in args.detectors.split(",") if n in DETECTORS]
    rows: list[tuple[str, str, dict]] = []
    for path in sorted(Path(args.corpora).glob("*.jsonl")):
        if args.files and not any(s in path.name for s in args.files.split(",")):
            continue
        with path.open("rb") as fh:
            for i, raw in enumerate(fh):
                if args.limit is not None and i >= args.limit:
                    break
                row = orjson.loads(raw)
                if "result_text" not in row:
                    rows.append((path.stem, row["tool_name"], row.get("arguments", {})))
    if args.profile:  # cold: nothing ran before, so per-string caches are as on first sight
        engine, extract, ToolCall, dets, scan = load("aegis_mcp", names)
        ctxs = [extract(ToolCall(tool, arguments)) for _, tool, arguments in rows]
        gates = engine._gates if args.gated else None  # noqa: SLF001
        prof = cProfile.Profile()
        if not names:
            prof.enable()
            for _, tool, arguments in rows:
                engine.check(ToolCall(tool, arguments))
            prof.disable()
        else:
            for ctx in ctxs:
                if "exfil" in dets:
                    scan(ctx)
                want = gates.wanted(ctx) if gates is not None else None
                prof.enable()
                for name, d in dets.items():
                    if want is None or name in want:
                        d(ctx)
                prof.disable()
        st = pstats.Stats(prof)
        st.sort_stats("tottime").print_stats(30)
        st.sort_stats("cumulative").print_stats(r"detectors|engine\.py|extract", 30)
        return 0
    sys.path.insert(0, args.old)
    sides = {"new": load("aegis_mcp", names), "old": load("aegis_old", names)}
    clock = time.thread_time_ns
    stages = names + ([] if args.no_check else ["check"])
    times: dict[str, list[float]] = {f"{k} {s}": [] for k in stages for s in sides}
    per_file: dict[str, dict[str, list[float]]] = {}
    for n, (fname, tool, arguments) in enumerate(rows):
        order = ("new", "old") if n % 2 else ("old", "new")
        pf = per_file.setdefault(fname, {})
        for side in order:
            engine, extract, ToolCall, dets, scan = sides[side]
            call = ToolCall(tool, arguments)
            ctx = extract(call)
            want = engine._gates.wanted(ctx) if args.gated and engine._gates is not None else None  # noqa: SLF001
            for name, detect in dets.items():
                if want is not None and name not in want:
                    times[f"{name} {side}"].append(0.0)
                    pf.setdefault(f"{name} {side}", []).append(0.0)
                    continue
                if name == "exfil":
                    scan(ctx)  # the engine's secrets detector pays this scan first
                t0 = clock()
                detect(ctx)
                dt = (clock() - t0) / 1000
                times[f"{name} {side}"].append(dt)
                pf.setdefault(f"{name} {side}", []).append(dt)
            if not args.no_check:
                t0 = clock()
                engine.check(call)
                dt = (clock() - t0) / 1000
                times[f"check {side}"].append(dt)
                pf.setdefault(f"check {side}", []).append(dt)
    print(f"{len(rows)} call rows")
    for k in stages:
        for side in sides:
            print(line(f"{k} {side}", times[f"{k} {side}"]))
        new, old = times[f"{k} new"], times[f"{k} old"]
        print(f"{'':<22} ratio new/old: p50 {pct(new, 50) / max(pct(old, 50), 1e-9):.2f}  p95 {pct(new, 95) / max(pct(old, 95), 1e-9):.2f}  "
              f"p99 {pct(new, 99) / max(pct(old, 99), 1e-9):.2f}  mean {statistics.fmean(new) / statistics.fmean(old):.2f}")
    print("\nper file: old -> new (p50 / mean µs)")
    for fname, d in per_file.items():
        cells = []
        for k in stages:
            o, w = d[f"{k} old"], d[f"{k} new"]
            cells.append(f"{k} {pct(o, 50):.1f}->{pct(w, 50):.1f} / {statistics.fmean(o):.1f}->{statistics.fmean(w):.1f}")
        print(f"  {fname:<36} " + " | ".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
