"""Proxy CPU per tools/call, A/B between source trees, interleaved (CPU from /proc schedstat, so a
loaded machine distorts it far less than wall-clock latency); optionally system calls per call.

    .venv/bin/python bench/dev/proxy_cpu_ab.py new=/work/main base=/tmp/base_proxy [--rounds 6]
        [--upstream line|everything] [--strace] [--vary]

Each round starts one proxy per tree (ledger on, default engine) and measures 1000 sequential echo
calls, then 1600 calls 16 at a time; trees alternate order between rounds. Prints medians and
every round's value. --strace counts system calls of one extra run per tree (`strace -c`).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from proxy_bench import LineClient, _cpu_s  # noqa: E402

PY = str(ROOT / ".venv" / "bin" / "python")
UPSTREAMS = {"line": [PY, str(ROOT / "tests" / "proxy" / "servers" / "line_server.py")],
             "everything": [str(ROOT / "node_modules" / ".bin" / "mcp-server-everything")]}
ECHO = {"name": "echo", "arguments": {"message": "hello"}}
_COUNT = iter(range(1 << 62))
VARY = "--vary" in sys.argv  # the arguments change per call (as in bench/proxy_bench.py): no memo hits


def _echo() -> dict[str, object]:
    return {"name": "echo", "arguments": {"message": f"hello world {next(_COUNT)}"}} if VARY else ECHO


async def _client(tree: str, db: str, upstream: list[str]) -> LineClient:
    # PYTHONPATH and the working directory both point at the tree: `-m aegis_mcp` imports its code.
    os.chdir(tree)
    c = await LineClient.spawn(["env", f"PYTHONPATH={tree}", PY, "-m", "aegis_mcp", "proxy", "--db", db, "--", *upstream])
    await c.initialize()
    for _ in range(200):  # warm: engine memo, caches, the ledger's tail
        await c.request("tools/call", ECHO)
    return c


async def _close(c: LineClient) -> None:
    assert c.proc.stdin is not None
    c.proc.stdin.close()
    await c.proc.wait()


async def one_round(tree: str, db: str, upstream: list[str]) -> tuple[float, float]:
    c = await _client(tree, db, upstream)
    pid = c.proc.pid
    t0 = _cpu_s(pid)
    for _ in range(1000):
        await c.request("tools/call", _echo())
    t1 = _cpu_s(pid)
    for _ in range(100):
        await asyncio.gather(*[c.request("tools/call", _echo()) for _ in range(16)])
    t2 = _cpu_s(pid)
    await _close(c)
    return (t1 - t0) / 1000 * 1e6, (t2 - t1) / 1600 * 1e6


async def syscalls(tree: str, db: str, upstream: list[str], concurrency: int) -> dict[str, int]:
    c = await _client(tree, db, upstream)
    out = Path(tempfile.mkdtemp()) / "strace.txt"
    tracer = subprocess.Popen(["strace", "-c", "-p", str(c.proc.pid), "-o", str(out)], stderr=subprocess.DEVNULL)
    time.sleep(1.0)  # strace attaches asynchronously
    for _ in range(1600 // concurrency):
        await asyncio.gather(*[c.request("tools/call", ECHO) for _ in range(concurrency)])
    tracer.send_signal(2)
    tracer.wait()
    await _close(c)
    counts: dict[str, int] = {}
    for line in out.read_text().splitlines()[2:]:
        parts = line.split()
        if len(parts) >= 5 and parts[-1] != "total" and parts[3].isdigit():
            counts[parts[-1]] = int(parts[3])
    return counts


async def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("trees", nargs="+", help="name=path of a source tree (e.g. made by git archive)")
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--upstream", choices=sorted(UPSTREAMS), default="line")
    ap.add_argument("--strace", action="store_true")
    ap.add_argument("--vary", action="store_true", help="different arguments every call (no memo hits)")
    args = ap.parse_args()
    trees = [tuple(t.split("=", 1)) for t in args.trees]
    upstream = UPSTREAMS[args.upstream]
    tmp = tempfile.mkdtemp()
    res: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name, _ in trees}
    for r in range(args.rounds):
        for name, tree in (trees if r % 2 == 0 else list(reversed(trees))):
            seq, conc = await one_round(tree, os.path.join(tmp, f"{name}.db"), upstream)
            res[name][0].append(seq)
            res[name][1].append(conc)
    print(f"proxy CPU µs per call, median of {args.rounds} rounds (upstream {args.upstream}; load {os.getloadavg()[0]:.1f})")
    for name, (seq, conc) in res.items():
        print(f"  {name:10s} sequential {statistics.median(seq):6.1f} {[round(x) for x in seq]}   "
              f"16 concurrent {statistics.median(conc):6.1f} {[round(x) for x in conc]}")
    if args.strace:
        for concurrency in (1, 16):
            print(f"system calls per call, {concurrency} at a time (strace -c over 1600 calls):")
            for name, tree in trees:
                counts = await syscalls(tree, os.path.join(tmp, f"{name}-s.db"), upstream, concurrency)
                total = sum(counts.values())
                top = ", ".join(f"{k} {v / 1600:.2f}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1])[:6])
                print(f"  {name:10s} {total / 1600:5.1f}  ({top})")


if __name__ == "__main__":
    asyncio.run(main())
