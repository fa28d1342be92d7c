"""Dev latency of the shell / nosql / paths detectors per call, against a committed shell.py in the same run.

    .venv/bin/python bench/dev/shell_latency.py [--limit N] [--rounds 3] [--base COMMIT]

--base defaults to 548b032 (the tree before issue-2 round 3 added host/obfuscation/code/SQL rules).

Each corpus call row is extracted once; then, interleaved per row, the working-tree shell.detect,
the committed (--base) shell.detect, nosql.detect and paths.detect are timed with thread CPU
time (time.thread_time_ns: does not move with the load other engineers put on the machine).
Reports p50/p95/p99/mean in microseconds and the ratio working/HEAD.

A committed shell.py from before the split into shell_command/shell_value (issue #2 round 4) no
longer loads against today's helper modules: compare against whole trees with shell_ab.py.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import time
import types
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from aegis_mcp.engine.detectors import nosql, paths, shell  # noqa: E402
from aegis_mcp.engine.extract import extract  # noqa: E402
from aegis_mcp.engine.model import ToolCall  # noqa: E402

CORPORA = Path("/work/shared/corpora")


def _head_shell(base: str) -> types.ModuleType:
    src = subprocess.run(["git", "-C", str(ROOT), "show", f"{base}:aegis_mcp/engine/detectors/shell.py"],
                         capture_output=True, text=True, check=True).stdout
    spec = importlib.util.spec_from_loader("shell_head", loader=None)
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    try:
        exec(compile(src, "shell_head.py", "exec"), mod.__dict__)  # noqa: S102 - our own committed source
    except ImportError as exc:
        raise SystemExit(f"{base}'s shell.py does not load against today's helpers ({exc}): use bench/dev/shell_ab.py") from exc
    return mod


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=3000, help="rows per corpus file")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--base", default="548b032", help="commit whose shell.py is the baseline")
    args = ap.parse_args()
    head = _head_shell(args.base)
    ctxs = []
    for path in sorted(CORPORA.glob("*.jsonl")):
        if path.name.startswith("results_"):
            continue
        with path.open("rb") as fh:
            for i, line in enumerate(fh):
                if i >= args.limit:
                    break
                row = orjson.loads(line)
                ctxs.append(extract(ToolCall(tool_name=row["tool_name"], arguments=row["arguments"])))
    fns = {"shell (work)": shell.detect, "shell (base)": head.detect, "nosql": nosql.detect, "paths": paths.detect}
    times: dict[str, list[float]] = {k: [] for k in fns}
    clock = time.thread_time_ns
    for _ in range(args.rounds):
        for ctx in ctxs:
            for name, fn in fns.items():
                t0 = clock()
                fn(ctx)
                times[name].append((clock() - t0) / 1000)
    print(f"{len(ctxs)} call rows x {args.rounds} rounds, thread CPU time per call (us)")
    print(f"{'detector':14} {'p50':>7} {'p95':>7} {'p99':>8} {'mean':>7}")
    for name, xs in times.items():
        q = statistics.quantiles(xs, n=100)
        print(f"{name:14} {q[49]:7.1f} {q[94]:7.1f} {q[98]:8.1f} {statistics.fmean(xs):7.1f}")
    w, h = times["shell (work)"], times["shell (base)"]
    print(f"shell work/base {args.base}: mean {statistics.fmean(w) / statistics.fmean(h):.2f}x, "
          f"p50 {statistics.median(w) / statistics.median(h):.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
