"""Where the proxy's CPU goes per tools/call: cProfile inside a real proxy process driven like the
throughput phase of bench/proxy_bench.py (varied echo arguments, 16 callers), or sequentially.

    .venv/bin/python bench/dev/proxy_profile.py [--tree DIR] [--calls 3200] [--concurrency 16]
        [--upstream everything|line] [--sort tottime] [--top 40]

Prints function calls per tools/call and the top functions. cProfile inflates small Python
functions: confirm any saving with a CPU-time A/B (bench/dev/proxy_cpu_ab.py).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import pstats
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from proxy_bench import LineClient  # noqa: E402

PY = str(ROOT / ".venv" / "bin" / "python")
UPSTREAMS = {"line": [PY, str(ROOT / "tests" / "proxy" / "servers" / "line_server.py")],
             "everything": [str(ROOT / "node_modules" / ".bin" / "mcp-server-everything")]}

# Runs inside the proxy: profile only the measured phase (started/stopped by SIGUSR1/SIGUSR2).
PROFILED_MAIN = """
import cProfile, signal, sys, runpy
sys.path.insert(0, sys.argv.pop(1))
out = sys.argv.pop(1)
import time
prof = cProfile.Profile(time.process_time)  # CPU, not wall: a pipe write that wakes the peer is preempted
signal.signal(signal.SIGUSR1, lambda *a: prof.enable())
def stop(*a):
    prof.disable(); prof.dump_stats(out)
signal.signal(signal.SIGUSR2, stop)
sys.argv[0] = "aegis-mcp"
runpy.run_module("aegis_mcp", run_name="__main__", alter_sys=True)
"""


async def run(args: argparse.Namespace) -> None:
    tmp = Path(tempfile.mkdtemp())
    out = tmp / "proxy.prof"
    c = await LineClient.spawn([PY, "-c", PROFILED_MAIN, args.tree, str(out), "proxy", "--db", str(tmp / "l.db"),
                                "--", *UPSTREAMS[args.upstream]])
    await c.initialize()
    for i in range(300):  # warm
        await c.request("tools/call", {"name": "echo", "arguments": {"message": f"warm {i}"}})
    os.kill(c.proc.pid, 10)
    await asyncio.sleep(0.2)
    n = 0
    if args.concurrency <= 1:
        for i in range(args.calls):
            await c.request("tools/call", {"name": "echo", "arguments": {"message": f"hello world {i}"}})
        n = args.calls
    else:
        per = args.calls // args.concurrency

        async def worker(w: int) -> None:
            for i in range(per):
                await c.request("tools/call", {"name": "echo", "arguments": {"message": f"hello world {w * per + i}"}})

        await asyncio.gather(*(worker(w) for w in range(args.concurrency)))
        n = per * args.concurrency
    os.kill(c.proc.pid, 12)
    await asyncio.sleep(0.5)
    await c.close()
    st = pstats.Stats(str(out))
    print(f"{st.total_calls / n:.0f} function calls per tools/call ({n} calls, tree {args.tree})")
    st.sort_stats(args.sort).print_stats(args.top)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tree", default=str(ROOT))
    ap.add_argument("--calls", type=int, default=3200)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--upstream", choices=sorted(UPSTREAMS), default="everything")
    ap.add_argument("--sort", default="tottime")
    ap.add_argument("--top", type=int, default=40)
    asyncio.run(run(ap.parse_args()))


if __name__ == "__main__":
    main()
