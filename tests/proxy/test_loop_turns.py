"""A lone call is never kept waiting by the proxy's own machinery: its decision is committed and the
call written to the upstream in the same turn of the event loop, and likewise its result's record
and the result written to the client (each commit strictly before its write: no record, no forward).

The relay runs in this process over real pipes, with the real engine and a real SQLite ledger; a
callback re-armed every turn counts the loop's turns.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

import orjson
import pytest

from aegis_mcp.proxy.app import ProxyOptions, _build_interceptor
from aegis_mcp.proxy.channel import StdioChannel
from aegis_mcp.proxy.relay import Relay

pytestmark = pytest.mark.anyio


async def _reader(fd: int) -> asyncio.StreamReader:
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), os.fdopen(fd, "rb", buffering=0))
    return reader


async def _echo_upstream(reader: asyncio.StreamReader, out_fd: int) -> None:
    """Answers like server-everything's echo (tools/list, tools/call echo, anything else: {})."""
    while line := await reader.readline():
        msg = orjson.loads(line)
        if "id" not in msg:
            continue
        result: Any = {}
        if msg.get("method") == "tools/list":
            result = {"tools": [{"name": "echo", "inputSchema": {"type": "object"}}]}
        elif msg.get("method") == "tools/call":
            result = {"content": [{"type": "text", "text": f"Echo: {msg['params']['arguments']['message']}"}]}
        os.write(out_fd, orjson.dumps({"jsonrpc": "2.0", "id": msg["id"], "result": result}) + b"\n")


async def test_a_lone_call_is_forwarded_and_answered_in_the_turn_its_record_is_committed(tmp_path: Path) -> None:
    loop = asyncio.get_running_loop()
    c2p_r, c2p_w = os.pipe()
    p2c_r, p2c_w = os.pipe()
    p2u_r, p2u_w = os.pipe()
    u2p_r, u2p_w = os.pipe()
    client_ch = await StdioChannel.open(c2p_r, p2c_w, guard_stdout=False)
    upstream_ch = await StdioChannel.open(u2p_r, p2u_w, guard_stdout=False)
    interceptor = await _build_interceptor(ProxyOptions(command=["echo"], db_path=tmp_path / "l.db"), "s" * 32, "echo")

    turns = 0
    events: list[tuple[str, int]] = []

    def tick() -> None:
        nonlocal turns
        turns += 1
        loop.call_soon(tick)

    def traced(owner: Any, name: str, label: str) -> None:
        inner = getattr(owner, name)
        if asyncio.iscoroutinefunction(inner):
            async def wrapper(*args: Any) -> Any:
                events.append((label, turns))
                return await inner(*args)
        else:
            def wrapper(*args: Any) -> Any:  # type: ignore[misc]
                result = inner(*args)  # the commit counts once it is done
                events.append((label, turns))
                return result
        setattr(owner, name, wrapper)

    store = interceptor.recorder.store
    traced(store, "append_many", "commit")
    for channel, label in ((upstream_ch, "to upstream"), (client_ch, "to client")):
        traced(channel, "send", label)
        traced(channel, "send_now", label)
    relay = Relay(client_ch, upstream_ch, interceptor)  # (it looks the channels' send_now up once)

    tasks = [loop.create_task(relay.run()), loop.create_task(_echo_upstream(await _reader(p2u_r), u2p_w))]
    replies = await _reader(p2c_r)
    tick()
    try:
        async def request(msg_id: int, method: str, params: dict[str, Any]) -> dict[str, Any]:
            os.write(c2p_w, orjson.dumps({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params}) + b"\n")
            answer: dict[str, Any] = orjson.loads(await asyncio.wait_for(replies.readline(), 30))
            return answer

        await request(1, "initialize", {"protocolVersion": "2025-11-25", "capabilities": {},
                                        "clientInfo": {"name": "t", "version": "1"}})
        await request(2, "tools/list", {})
        for i in range(3):  # the first call pays for first-use work; every one must keep the property
            events.clear()
            answer = await request(10 + i, "tools/call", {"name": "echo", "arguments": {"message": f"hello {i}"}})
            assert answer["result"]["content"][0]["text"] == f"Echo: hello {i}"
            labels = [label for label, _ in events]
            assert labels == ["commit", "to upstream", "commit", "to client"], events
            (_, decided), (_, forwarded), (_, scanned), (_, answered) = events
            assert forwarded == decided, f"the call waited {forwarded - decided} loop turn(s) after its commit"
            assert answered == scanned, f"the result waited {answered - scanned} loop turn(s) after its commit"
        decisions = [r for r in (s.record for s in store.records()) if r["kind"] in ("decision", "result_scan")]
        assert [r["kind"] for r in decisions] == ["decision", "result_scan"] * 3
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await relay.shutdown()
