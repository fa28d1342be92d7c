"""The MCP conformance suite (npm @modelcontextprotocol/conformance, server side) against the Python
SDK's reference server, natively and through `aegis-mcp proxy --listen http://... --upstream http://...`:
the proxy must score the same, in both protocol eras — 0.1.16's active scenarios (the initialize
handshake, 2025-11-25) and 0.2.0-alpha's 2026-07-28 scenarios (sessionless requests).
(bench/conformance.py runs every suite in full and writes bench/results/conformance.md.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transports.servers import conformance


@pytest.mark.timeout(400)
def test_the_proxy_scores_what_the_server_scores(tmp_path: Path) -> None:
    why = conformance.missing()
    if why is not None:
        pytest.skip(why)
    runs = {"handshake (0.1.16)": ((), conformance.SUITE),
            "2026-07-28 (0.2.0-alpha)": (("--spec-version", "2026-07-28"), conformance.SUITE_NEXT)}
    with conformance.fixture() as upstream:
        native = {name: conformance.run_suite(upstream, *extra, suite=suite) for name, (extra, suite) in runs.items()}
        with conformance.proxy_in_front(upstream, tmp_path / "ledger.db") as url:
            proxied = {name: conformance.run_suite(url, *extra, suite=suite) for name, (extra, suite) in runs.items()}
    for name in runs:
        mine, theirs = proxied[name], native[name]
        assert theirs.total >= 30 and theirs.passed == theirs.total, theirs.output[-3000:]
        differ = conformance.compare(theirs, mine)
        assert not differ, f"{name}: only through the proxy: {[(n, mine.scenarios.get(n)) for n in differ]}\n{mine.output[-4000:]}"
