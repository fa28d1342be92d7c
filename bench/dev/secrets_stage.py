"""CPU cost of the secrets and PII stages (the shared scan included) per corpus row, A/B between trees.

    .venv/bin/python bench/dev/secrets_stage.py                        # this tree
    .venv/bin/python bench/dev/secrets_stage.py --root /tmp/base_x     # another tree (e.g. `git archive e397627`)
    .venv/bin/python bench/dev/secrets_stage.py --limit 2000 --reps 3 --files attacks,benign_urls

Each row's context is extracted once; `secrets.detect` then `pii.detect` are timed on it
(thread CPU time) with the per-call scan memo cleared, `--reps` times, and the *minimum* per
row is kept: on a shared, loaded machine the minimum of a few runs is the stable estimate of
what the code costs (the first run, which warms RE2's lazily built DFAs, is not counted when
reps > 1). Run two trees one after the other, twice, interleaved, and compare.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=HERE.parent.parent, help="the tree whose aegis_mcp is measured")
    ap.add_argument("--corpora", type=Path, default=HERE.parent.parent.parent / "shared" / "corpora")
    ap.add_argument("--limit", type=int, default=2000, help="rows per corpus file")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--files", help="comma-separated substrings of corpus file names")
    args = ap.parse_args(argv)
    root = str(args.root.resolve())
    sys.path.insert(0, root)
    import orjson  # noqa: PLC0415

    from aegis_mcp.engine.detectors import pii, secrets, secrets_scan  # noqa: PLC0415
    from aegis_mcp.engine.engine import Engine  # noqa: PLC0415
    from aegis_mcp.engine.extract import extract, extract_text  # noqa: PLC0415
    from aegis_mcp.engine.model import ToolCall  # noqa: PLC0415

    if not secrets.__file__.startswith(root):
        print(f"imported {secrets.__file__}, not from {root}", file=sys.stderr)
        return 2
    ctxs: dict[str, list[object]] = {"call": [], "result": []}
    for path in sorted(args.corpora.glob("*.jsonl")):
        if args.files and not any(s in path.name for s in args.files.split(",")):
            continue
        with path.open("rb") as fh:
            for i, line in enumerate(fh):
                if i >= args.limit:
                    break
                row = orjson.loads(line)
                call = ToolCall(row["tool_name"], row.get("arguments", {}))
                if "result_text" in row:
                    ctxs["result"].append(extract_text(row["result_text"], call.tool_name))
                else:
                    ctxs["call"].append(extract(call))
    Engine(memo=False)  # (compiles what an engine compiles, as in a real run)
    gc.collect()
    gc.freeze()
    clock = time.thread_time_ns
    print(f"tree {root}")
    for kind, cs in ctxs.items():
        if not cs:
            continue
        best_s = [float("inf")] * len(cs)
        best_p = [float("inf")] * len(cs)
        for rep in range(args.reps):
            for j, ctx in enumerate(cs):
                secrets_scan._cache = None  # noqa: SLF001 - each row pays its own scan
                t0 = clock()
                secrets.detect(ctx)  # type: ignore[arg-type]
                t1 = clock()
                pii.detect(ctx)  # type: ignore[arg-type]
                t2 = clock()
                if rep or args.reps == 1:
                    best_s[j] = min(best_s[j], (t1 - t0) / 1000)
                    best_p[j] = min(best_p[j], (t2 - t1) / 1000)
        for name, xs in (("secrets", best_s), ("pii", best_p)):
            ys = sorted(xs)
            q = [ys[min(len(ys) - 1, int(round(p / 100 * (len(ys) - 1))))] for p in (50, 95, 99)]
            print(f"{kind:6} {name:8} n={len(xs):6d} mean={statistics.fmean(xs):7.1f} p50={q[0]:6.1f} "
                  f"p95={q[1]:7.1f} p99={q[2]:7.1f} µs  total={sum(xs) / 1000:8.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
