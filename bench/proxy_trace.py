"""Where a proxied tools/call spends its time, measured inside a running proxy (in situ: caches
and scheduling as they really are, unlike a warm in-process micro-benchmark).

    .venv/bin/python bench/proxy_trace.py [--calls 2000] [--upstream everything|line]

Runs the proxy with timers wrapped around its steps, drives it with sequential echo calls, and
prints p50/mean per step.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _traced_main(out_path: str, argv: list[str]) -> int:
    """Runs inside the proxy process: wrap the steps, run `aegis-mcp proxy`, dump the timings."""
    import atexit

    from aegis_mcp.engine.engine import Engine
    from aegis_mcp.proxy import intercept, recorder, relay

    timings: dict[str, list[float]] = defaultdict(list)

    def wrap(owner: Any, name: str, label: str) -> None:
        f = getattr(owner, name)
        if asyncio.iscoroutinefunction(f):
            @functools.wraps(f)
            async def aw(*a: Any, **k: Any) -> Any:
                t = time.perf_counter()
                try:
                    return await f(*a, **k)
                finally:
                    timings[label].append(time.perf_counter() - t)
            setattr(owner, name, aw)
        else:
            @functools.wraps(f)
            def sw(*a: Any, **k: Any) -> Any:
                t = time.perf_counter()
                try:
                    return f(*a, **k)
                finally:
                    timings[label].append(time.perf_counter() - t)
            setattr(owner, name, sw)

    wrap(Engine, "check", "engine.check")
    wrap(Engine, "check_result", "engine.check_result")
    wrap(recorder.Recorder, "decision_record", "decision record (incl. redacted preview)")
    wrap(recorder.InlineCommitter, "_flush", "ledger commit (one transaction, batched)")
    if hasattr(recorder.InlineCommitter, "commit_now"):  # the lone call's path (Nov 21)
        wrap(recorder.InlineCommitter, "commit_now", "ledger commit (one transaction, alone)")
    wrap(recorder.Recorder, "append", "await the decision's commit")
    wrap(intercept.FirewallInterceptor, "on_tools_call", "tools/call: judge + record + forward")
    wrap(intercept.FirewallInterceptor, "on_response", "result: scan + record")
    wrap(relay.Relay, "send_client", "write to the client pipe")
    wrap(relay.Relay, "forward_request", "write to the upstream pipe")

    def dump() -> None:
        with open(out_path, "w") as f:
            json.dump({k: v for k, v in timings.items()}, f)

    atexit.register(dump)
    from aegis_mcp.cli import main

    return main(argv)


async def _drive(argv: list[str], calls: int) -> float:
    sys.path.insert(0, str(HERE))
    from proxy_bench import LineClient, latency, pct

    client = await LineClient.spawn(argv)
    await client.initialize()
    lat = await latency(client, calls)
    await client.close()
    return pct(lat, 50)


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--inside":
        return _traced_main(sys.argv[2], sys.argv[3:])
    sys.path.insert(0, str(HERE))
    from proxy_bench import UPSTREAMS

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--calls", type=int, default=2000)
    ap.add_argument("--upstream", choices=sorted(UPSTREAMS), default="everything")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="aegis-trace-"))
    out = tmp / "timings.json"
    argv = [sys.executable, str(Path(__file__).resolve()), "--inside", str(out), "proxy", "--db",
            str(tmp / "ledger.db"), "--", *UPSTREAMS[args.upstream]]
    p50 = asyncio.run(_drive(argv, args.calls))
    timings = json.loads(out.read_text())
    print(f"sequential echo calls through the proxy: end-to-end p50 {p50:.3f} ms "
          f"(load average {os.getloadavg()[0]:.1f}, upstream {args.upstream})\n")
    print("| step (inside the proxy) | p50 µs | mean µs |\n|---|---|---|")
    for label, values in timings.items():
        if len(values) >= args.calls // 2:
            print(f"| {label} | {statistics.median(values) * 1e6:.0f} | {statistics.fmean(values) * 1e6:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
