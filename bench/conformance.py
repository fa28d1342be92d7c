"""The MCP conformance suite natively vs through the proxy; writes bench/results/conformance.md.

    .venv/bin/python bench/conformance.py

Three runs, each against the fixture natively and through the proxy: @modelcontextprotocol/conformance
0.1.16 `--suite all`, 0.2.0-alpha (npm alias conformance-next, what the Python SDK's CI pins)
`--suite all`, and 0.2.0-alpha `--spec-version 2026-07-28`. The fixture is the Python SDK's reference
server (examples/servers/everything-server, installed by scripts/setup.sh into .venv-everything);
the proxy runs `--listen http://... --upstream http://<fixture>` with the built-in policies. A
scenario that fails only through the proxy is a proxy bug.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.transports.servers import conformance  # noqa: E402

LATENCY_CALLS = 200  # per path, in interleaved blocks of 20


async def _latencies(direct: str, proxied: str, db: Path) -> dict[str, list[float]]:
    """Sequential `tools/call test_simple_text` round trips (ms) by an mcp SDK client: to the fixture
    directly, through the proxy's HTTP front, and from stdio through `proxy --upstream http://...`
    (the Claude Desktop shape), interleaved so load hits all alike."""
    import os

    from mcp import Client, StdioServerParameters
    from mcp.client.streamable_http import streamable_http_client

    stdio = StdioServerParameters(command=sys.executable, args=["-m", "aegis_mcp", "proxy", "--db", str(db),
                                                                "--upstream", direct], env=dict(os.environ))
    out: dict[str, list[float]] = {"direct": [], "proxied": [], "stdio": []}
    async with Client(streamable_http_client(direct), mode="legacy") as a, \
               Client(streamable_http_client(proxied), mode="legacy") as b, Client(stdio, mode="legacy") as c:
        for client in (a, b, c):  # warm-up (engine load, first-call paths)
            for _ in range(5):
                await client.call_tool("test_simple_text", {})
        for _ in range(LATENCY_CALLS // 20):
            for name, client in (("direct", a), ("proxied", b), ("stdio", c)):
                for _ in range(20):
                    started = time.perf_counter()
                    await client.call_tool("test_simple_text", {})
                    out[name].append((time.perf_counter() - started) * 1000)
    return out


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


RUNS = [
    ("0.1.16 --suite all", ("--suite", "all"), conformance.SUITE),
    ("0.2.0-alpha --suite all", ("--suite", "all"), conformance.SUITE_NEXT),
    ("0.2.0-alpha --spec-version 2026-07-28", ("--spec-version", "2026-07-28"), conformance.SUITE_NEXT),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "conformance.md"))
    args = parser.parse_args()
    why = conformance.missing()
    if why is not None:
        print(why, file=sys.stderr)
        return 2
    results = []
    with tempfile.TemporaryDirectory() as tmp, conformance.fixture() as upstream:
        native = [conformance.run_suite(upstream, *extra, suite=suite) for _, extra, suite in RUNS]
        with conformance.proxy_in_front(upstream, Path(tmp) / "ledger.db") as url:
            proxied = [conformance.run_suite(url, *extra, suite=suite) for _, extra, suite in RUNS]
            import anyio

            latency = anyio.run(_latencies, upstream, url, Path(tmp) / "stdio.db")
    lines = [
        "# MCP conformance suite: native vs through aegis-mcp proxy",
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by `.venv/bin/python bench/conformance.py` "
        "(Node 22 from the npm package `node`; suites pinned in package.json): `conformance server --url URL ...` "
        "against the mcp SDK's examples/servers/everything-server (the mcp version of .venv), natively and "
        "through `aegis-mcp proxy --listen http://127.0.0.1:N/mcp --upstream http://<fixture>/mcp` "
        "(built-in policies; one proxy process for all runs). A failure only through the proxy is a proxy bug.",
        "",
        "| run | native | through the proxy | scenarios that differ |",
        "|---|---|---|---|",
    ]
    differ_total = 0
    for (name, _, _), n, p in zip(RUNS, native, proxied):
        differ = conformance.compare(n, p)
        differ_total += len(differ)
        results.append((name, n, p, differ))
        lines.append(f"| {name} | {n.passed}/{n.total} checks ({n.seconds:.1f} s) | {p.passed}/{p.total} "
                     f"({p.seconds:.1f} s) | {', '.join(differ) or 'none'} |")
    d, p_, st = latency["direct"], latency["proxied"], latency["stdio"]
    lines += [
        "",
        f"Round trip of `tools/call test_simple_text` ({LATENCY_CALLS} sequential calls per path, mcp SDK client, "
        "handshake era, interleaved blocks of 20; wall clock on a shared 2-core machine: noisy):",
        "",
        "| path | p50 ms | p95 ms | p99 ms |",
        "|---|---|---|---|",
        f"| client → fixture | {_pct(d, .5):.2f} | {_pct(d, .95):.2f} | {_pct(d, .99):.2f} |",
        f"| client → proxy (HTTP front, HTTP upstream) → fixture | {_pct(p_, .5):.2f} | {_pct(p_, .95):.2f} | "
        f"{_pct(p_, .99):.2f} |",
        f"| ratio | {_pct(p_, .5) / _pct(d, .5):.2f}x | {_pct(p_, .95) / _pct(d, .95):.2f}x | "
        f"{_pct(p_, .99) / _pct(d, .99):.2f}x |",
        f"| stdio client → proxy (`--upstream http://...`) → fixture | {_pct(st, .5):.2f} | {_pct(st, .95):.2f} | "
        f"{_pct(st, .99):.2f} |",
        f"| ratio | {_pct(st, .5) / _pct(d, .5):.2f}x | {_pct(st, .95) / _pct(d, .95):.2f}x | "
        f"{_pct(st, .99) / _pct(d, .99):.2f}x |",
        "",
        "Notes. `--suite all` includes pending/draft scenarios; the 0.2.0-alpha ones the fixture itself fails",
        "fail the same way through the proxy. `server-sse-polling` through the proxy lacks one check,",
        "`server-sse-disconnect-resume` (reported INFO, not failed): the fixture closes its SSE stream",
        "mid-call to make the client resume; the proxy's HTTP client resumes that stream itself (the mcp",
        "SDK transport, Last-Event-ID) and keeps its own stream to the client open, so the client never",
        "sees the disconnect the check wants to observe. The proxy's front resumes its own streams too",
        "(a bounded per-session event store, `retry` 1000 ms).",
    ]
    for name, n, p, _ in results:
        lines += ["", f"## {name}", "", "| scenario | native (passed/failed) | through the proxy |", "|---|---|---|"]
        for scenario in sorted(set(n.scenarios) | set(p.scenarios)):
            a, b = n.scenarios.get(scenario), p.scenarios.get(scenario)
            lines.append(f"| {scenario} | {a[0] if a else '-'}/{a[1] if a else '-'} | "
                         f"{b[0] if b else '-'}/{b[1] if b else '-'}{'' if a == b else ' **differs**'} |")
    Path(args.out).write_text("\n".join(lines) + "\n")
    print("\n".join(lines[6:6 + len(RUNS)]))
    # exit 1 only for a check that fails through the proxy and not natively (a proxy bug)
    worse = [s for _, n, p, _ in results for s in p.scenarios if p.scenarios[s][1] > n.scenarios.get(s, (0, 0))[1]]
    return 1 if worse else 0


if __name__ == "__main__":
    raise SystemExit(main())
