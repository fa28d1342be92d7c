"""The proxy's per-call hot path: the event loop it runs on (uvloop, or asyncio as the fallback),
the arguments serialised once (hash and preview from the same canonical bytes), the in-flight
bookkeeping, and the firewall taking over from the start-up shim once the engine is ready."""

from __future__ import annotations

import asyncio
import hashlib
import importlib.util
import os
import subprocess
from pathlib import Path

import pytest

from aegis_mcp.commands.proxy import event_loop_factory
from aegis_mcp.proxy.canonical import canonical_bytes
from aegis_mcp.proxy.inflight import ANSWERED_MEMORY, InFlight, PendingRequest
from aegis_mcp.proxy.recorder import preview
from tests.proxy.conftest import LINE_SERVER, RawProxy, proxy_argv, records

HAS_UVLOOP = importlib.util.find_spec("uvloop") is not None


def test_loop_factory_prefers_uvloop_and_can_be_forced_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AEGIS_MCP_LOOP", raising=False)
    factory = event_loop_factory()
    if HAS_UVLOOP:
        assert factory is not None and type(factory()).__module__.startswith("uvloop")
    else:
        assert factory is None
    monkeypatch.setenv("AEGIS_MCP_LOOP", "asyncio")
    assert event_loop_factory() is None


@pytest.mark.anyio
@pytest.mark.parametrize("loop", ["default", "asyncio"])
async def test_a_session_works_on_either_loop(tmp_path: Path, loop: str) -> None:
    """Allowed, blocked and relayed messages, and the records, on uvloop and on plain asyncio."""
    db = tmp_path / "l.db"
    env = {**os.environ, "AEGIS_MCP_LOG": "info"}
    if loop == "asyncio":
        env["AEGIS_MCP_LOOP"] = "asyncio"
    async with RawProxy.start(proxy_argv(db, LINE_SERVER), env=env) as proxy:
        await proxy.initialize()
        listed = await proxy.request(1, "tools/list")
        assert any(t["name"] == "echo" for t in listed["result"]["tools"])
        ok = await proxy.request(2, "tools/call", {"name": "echo", "arguments": {"message": "hi there"}})
        assert ok["result"]["isError"] is False and "hi there" in str(ok["result"]["content"])
        bad = await proxy.request(3, "tools/call", {"name": "echo", "arguments": {"message": "x; rm -rf / --no-preserve-root"}})
        assert bad["result"]["isError"] is True and "aegis-mcp blocked" in bad["result"]["content"][0]["text"]
        pong = await proxy.request(4, "ping")
        assert pong["result"] == {}
    stderr = await proxy.stderr_text()
    expected = "uvloop" if loop == "default" and HAS_UVLOOP else "asyncio"
    assert f"event loop: {expected}" in stderr
    decisions = records(db, "decision")
    assert [d["decision"] for d in decisions] == ["allow", "block"]


def test_preview_from_the_canonical_bytes_is_redacted_and_bounded() -> None:
    args = {"token": "ghp_" + "a1B2" * 9, "message": "hello", "zz_blob": "x" * 5_000_000}
    encoded = canonical_bytes(args)
    text = preview("send", args, encoded=encoded)
    assert "ghp_" not in text and "REDACTED" in text
    assert len(text) <= 240 and text.startswith("send {")
    # The same rendering whether the caller passes the bytes or not (then they are computed).
    assert preview("send", args) == preview("send", args, encoded=canonical_bytes(args))


@pytest.mark.anyio
async def test_the_decision_record_hashes_the_canonical_arguments(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    args = {"message": "caf\u00e9 \U0001f600", "b": 1, "a": [True, None]}
    async with RawProxy.start(proxy_argv(db, LINE_SERVER)) as proxy:
        await proxy.initialize()
        await proxy.request(1, "tools/call", {"name": "echo", "arguments": args})
    (decision,) = records(db, "decision")
    assert decision["args_sha256"] == hashlib.sha256(canonical_bytes(args)).hexdigest()
    assert '"a":[true,null]' in decision["preview"]  # sorted keys: the bytes the hash is over


def test_inflight_bookkeeping() -> None:
    book = InFlight()
    book.remember_answered(7)
    assert book.was_answered(7) and not book.in_use(7)
    book.forwarded(7, PendingRequest("tools/call", {}))
    assert book.in_use(7) and not book.was_answered(7)  # a reused id is live again
    for i in range(ANSWERED_MEMORY + 10):
        book.remember_answered(f"id-{i}")
    assert not book.was_answered("id-0") and book.was_answered(f"id-{ANSWERED_MEMORY + 9}")

    async def scenario() -> list[object]:
        held = asyncio.get_running_loop().create_task(asyncio.sleep(10))
        book.held[8] = held
        ids = book.take_unanswered()
        await asyncio.sleep(0)
        assert held.cancelled() and not book.c2s
        return ids

    assert sorted(map(str, asyncio.run(scenario()))) == ["7", "8"]


@pytest.mark.parametrize("loop", ["default", "asyncio"])
def test_stdin_from_dev_null_is_a_client_that_left(tmp_path: Path, loop: str) -> None:
    """epoll cannot watch /dev/null: uvloop aborted the process on it (asyncio never read it).
    It is read on a thread instead, so the proxy sees end of input and exits cleanly."""
    env = {**os.environ, **({"AEGIS_MCP_LOOP": "asyncio"} if loop == "asyncio" else {})}
    with open(os.devnull, "rb") as devnull:
        out = subprocess.run(proxy_argv(tmp_path / "l.db", LINE_SERVER), stdin=devnull, capture_output=True,
                             text=True, timeout=60, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout == ""
