"""With AEGIS_MCP_WARM_UP=1 the proxy warms its engine while the connection is idle
(proxy/warmup.py; opt-in for now, and off by default): a session left idle
after the handshake gets a warm engine (its first injected result is judged in milliseconds, not
the ~0.2 s a cold engine takes), messages sent meanwhile are still answered at once, and the
decisions are the same as a cold engine's."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

import pytest

from aegis_mcp.proxy.relay import PendingRequest, Relay
from aegis_mcp.proxy.warmup import EngineWarmUp
from tests.proxy.conftest import LINE_SERVER, RawProxy, proxy_argv, records


async def _session(db: Path, warm: bool | None) -> tuple[float, dict, list[float], str]:
    env = {**os.environ, "AEGIS_MCP_LOG": "debug", "AEGIS_MCP_WARM_UP": "1" if warm else "0"}
    if warm is None:
        env.pop("AEGIS_MCP_WARM_UP")
    async with RawProxy.start(proxy_argv(db, LINE_SERVER), env=env) as proxy:
        await proxy.initialize()
        await proxy.request(1, "tools/list")
        pings = []
        for i in range(20):  # while it warms (or not): pings are answered at once
            t = time.perf_counter()
            await proxy.request(100 + i, "ping")
            pings.append(time.perf_counter() - t)
            await asyncio.sleep(0.05)
        await asyncio.sleep(2.0)
        t = time.perf_counter()
        injected = await proxy.request(2, "tools/call", {"name": "fetch_page", "arguments": {"url": "https://shop.example/p/1"}})
        first = time.perf_counter() - t
    return first, injected, pings, await proxy.stderr_text()


@pytest.mark.anyio
async def test_an_idle_session_warms_the_engine_without_holding_messages(tmp_path: Path) -> None:
    warm_first, warm_result, warm_pings, warm_log = await _session(tmp_path / "w.db", warm=True)
    assert "engine warmed up in" in warm_log
    # Same decision as a cold engine's: warming changes speed only.
    cold_first, cold_result, _, cold_log = await _session(tmp_path / "c.db", warm=False)
    assert "engine warmed up in" not in cold_log
    _, _, _, default_log = await _session(tmp_path / "d.db", warm=None)
    assert "engine warmed up in" not in default_log  # off unless asked for
    assert warm_result["result"]["content"][0]["text"] == cold_result["result"]["content"][0]["text"]
    warm_decisions = [r["decision"] for r in records(tmp_path / "w.db", "result_scan")]
    assert warm_decisions == [r["decision"] for r in records(tmp_path / "c.db", "result_scan")]
    assert warm_decisions in (["flag"], ["block"])  # the injected page is caught either way
    # A ping never waited for warming (each slice is ~1 ms of CPU; generous for a loaded machine).
    assert sorted(warm_pings)[len(warm_pings) // 2] < 0.05
    # The warm engine judged its first injected result faster than the cold one did.
    assert warm_first < cold_first


class _Engine:
    def __init__(self) -> None:
        self.steps = 0
        self.closed = False

    def warm_up_steps(self, slice_ms: float = 5.0):  # noqa: ANN201 - a generator, like Engine's
        try:
            for _ in range(10**6):  # never finished within the test
                self.steps += 1
                yield self.steps
        finally:
            self.closed = True


class _Channel:
    async def receive(self) -> bytes | None:
        await asyncio.sleep(10)
        return None

    async def send(self, data: bytes) -> None:
        return None

    async def close(self) -> None:
        return None


@pytest.mark.anyio
async def test_warming_waits_for_quiet_and_stops_with_the_connection() -> None:
    relay = Relay(_Channel(), _Channel(), None)
    engine = _Engine()
    warm = EngineWarmUp.start(engine, relay)
    assert warm is not None
    relay.inflight.c2s[1] = PendingRequest("tools/call", {})  # a call in flight: no warming
    await asyncio.sleep(0.05)
    assert engine.steps == 0
    del relay.inflight.c2s[1]
    relay.activity += 1  # ... and a message just read: it waits for a quiet spell first
    for _ in range(200):
        if engine.steps:
            break
        await asyncio.sleep(0.005)
    assert engine.steps > 0
    relay._closing = True  # the connection ends: the warm-up is dropped (its finally runs)
    await asyncio.sleep(0.02)
    assert engine.closed and not warm.done
    assert EngineWarmUp.start(object(), relay) is None  # an engine without warm-up: nothing to do
