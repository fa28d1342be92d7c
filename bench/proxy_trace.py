"""Where a proxied tools/call spends its time, measured inside a running proxy (in situ: caches
and scheduling as they really are, unlike a warm in-process micro-benchmark).

    .venv/bin/python bench/proxy_trace.py [--calls 2000] [--upstream everything|line]

Runs the proxy with timers wrapped around its steps, drives it with sequential echo calls (and the
upstream directly, for the added latency), and prints p50/mean per step, the proxy's share of the
critical path (bytes read -> judged message written on, both directions) and the collector's pauses.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import os
import shutil
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

    # The proxy's share of the critical path: from the moment a message's bytes reach the proxy
    # (the reader is fed) until the judged message is written on. Sequential calls only: the
    # last bytes read before a write are then the message that write carries on.
    fed = [0.0]
    feed_data = asyncio.StreamReader.feed_data

    def traced_feed(self: asyncio.StreamReader, data: bytes) -> None:
        fed[0] = time.perf_counter()
        feed_data(self, data)

    asyncio.StreamReader.feed_data = traced_feed  # type: ignore[method-assign]

    def critical(owner: Any, name: str, label: str) -> None:
        f = getattr(owner, name)

        @functools.wraps(f)
        async def aw(*a: Any, **k: Any) -> Any:
            try:
                return await f(*a, **k)
            finally:
                timings[label].append(time.perf_counter() - fed[0])
        setattr(owner, name, aw)

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
    critical(relay.Relay, "upstream_send", "CRITICAL PATH: request read -> written to the upstream")
    critical(relay.Relay, "send_client", "CRITICAL PATH: answer read -> written to the client")

    # Garbage-collector pauses, per generation (thread CPU time: a pause is the proxy's own work).
    import gc

    started = [0]

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started[0] = time.thread_time_ns()
        else:
            timings[f"gc pause, generation {info['generation']}"].append((time.thread_time_ns() - started[0]) / 1e9)

    gc.callbacks.append(on_gc)

    def dump() -> None:
        with open(out_path, "w") as f:
            json.dump({k: v for k, v in timings.items()}, f)

    atexit.register(dump)
    from aegis_mcp.cli import main

    return main(argv)


async def _drive(direct_argv: list[str], proxy_argv: list[str], calls: int) -> tuple[float, float]:
    """Sequential calls to the upstream directly and through the traced proxy, interleaved in
    slices of 50 (so both see the same machine load); the p50 ms of each."""
    sys.path.insert(0, str(HERE))
    from proxy_bench import LineClient, pct

    clients = [await LineClient.spawn(direct_argv), await LineClient.spawn(proxy_argv)]
    lat: list[list[float]] = [[], []]
    for client in clients:
        await client.initialize()
        for i in range(50):  # warm-up: caches, JIT of the node server, the engine's first call
            await client.call(i)
    for start in range(0, calls, 50):
        for client, out in zip(clients, lat):
            for i in range(start, min(calls, start + 50)):
                t = time.perf_counter()
                await client.call(i)
                out.append((time.perf_counter() - t) * 1000)
    for client in clients:
        await client.close()
    return pct(lat[0], 50), pct(lat[1], 50)


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
    try:  # the run's ledger and timings are thrown away: never leave them in /tmp
        direct, p50 = asyncio.run(_drive(list(UPSTREAMS[args.upstream]), argv, args.calls))
        timings = json.loads(out.read_text())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"sequential echo calls through the proxy: end-to-end p50 {p50:.3f} ms, direct {direct:.3f} ms, "
          f"added {(p50 - direct) * 1000:+.0f} µs (load average {os.getloadavg()[0]:.1f}, upstream {args.upstream})\n")
    inside = [statistics.median(v) * 1e6 for k, v in timings.items() if k.startswith("CRITICAL PATH")]
    if len(inside) == 2:
        print(f"the proxy's own share of the added p50 (both CRITICAL PATH rows): {sum(inside):.0f} µs; the rest, "
              f"~{(p50 - direct) * 1000 - sum(inside):.0f} µs, is the two extra pipe hops (a write until the peer reads it, waiting for a core included)\n")
    print("| step (inside the proxy) | p50 µs | mean µs |\n|---|---|---|")
    for label, values in timings.items():
        if len(values) >= args.calls // 2:
            print(f"| {label} | {statistics.median(values) * 1e6:.0f} | {statistics.fmean(values) * 1e6:.0f} |")
    print("\n| collector pauses (whole run, start-up included) | count | p50 µs CPU | mean µs | max µs |\n|---|---|---|---|---|")
    for label, values in sorted(timings.items()):
        if label.startswith("gc pause"):
            print(f"| {label} | {len(values)} | {statistics.median(values) * 1e6:.0f} | "
                  f"{statistics.fmean(values) * 1e6:.0f} | {max(values) * 1e6:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
