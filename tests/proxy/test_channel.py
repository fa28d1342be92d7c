"""The channels: write coalescing (every message arrives once, whole and in order) and oversized messages
(answered with an error under their own id, never left pending)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import anyio
import orjson
import pytest

from aegis_mcp.proxy.channel import MAX_MESSAGE_BYTES, SubprocessChannel
from aegis_mcp.proxy.jsonrpc import INTERNAL_ERROR, INVALID_REQUEST, id_hint

from tests.proxy.conftest import LINE_SERVER, PY, WAIT_S, RawProxy, proxy_argv, records

pytestmark = pytest.mark.anyio


async def _read(channel: SubprocessChannel, count: int) -> list[dict]:
    received = []
    with anyio.fail_after(60):
        while len(received) < count:
            line = await channel.receive()
            assert line is not None, f"channel closed after {len(received)} of {count} messages"
            received.append(orjson.loads(line))
    return received


async def test_concurrent_senders_keep_each_senders_order_and_lose_nothing() -> None:
    # `cat` echoes every byte back: what comes out is exactly what the coalescer wrote.
    channel = await SubprocessChannel.spawn(["cat"])
    try:
        senders, per_sender = 16, 60
        # Some messages are larger than a pipe buffer (64 KiB), so back-pressure (drain) is exercised
        # while other senders keep queueing into the same loop turn.
        big = "x" * 200_000

        async def sender(n: int) -> None:
            for i in range(per_sender):
                body = big if i % 20 == 7 else "m"
                await channel.send(orjson.dumps({"sender": n, "i": i, "body": body}))

        reader = asyncio.create_task(_read(channel, senders * per_sender))
        await asyncio.gather(*(sender(n) for n in range(senders)))
        received = await reader
    finally:
        await channel.close()

    per: dict[int, list[int]] = {}
    for msg in received:
        per.setdefault(msg["sender"], []).append(msg["i"])
        assert msg["body"] in ("m", big)  # no torn or merged message
    assert per == {n: list(range(per_sender)) for n in range(senders)}


async def test_a_burst_from_one_sender_arrives_in_exact_order() -> None:
    channel = await SubprocessChannel.spawn(["cat"])
    try:
        reader = asyncio.create_task(_read(channel, 500))
        for i in range(500):
            await channel.send(orjson.dumps({"i": i}))
        received = await reader
    finally:
        await channel.close()
    assert [m["i"] for m in received] == list(range(500))


def _scripted_upstream(tools: tuple[str, ...], on_call: str, prelude: str = "") -> str:
    """A tiny stdio MCP server as a `python -c` script: the handshake and tools/list, then `on_call`
    for tools/call (code at 8 spaces that sets `result` from `tool`, or writes its own answer and
    `continue`s)."""
    return (
        "import json, random, sys\n" + prelude + "\n"
        "for line in sys.stdin:\n"
        "    msg = json.loads(line)\n"
        "    if 'id' not in msg:\n"
        "        continue\n"
        "    method, i = msg['method'], msg['id']\n"
        "    if method == 'initialize':\n"
        "        result = {'protocolVersion': msg['params']['protocolVersion'], 'capabilities': {'tools': {}},\n"
        "                  'serverInfo': {'name': 'scripted', 'version': '1'}}\n"
        "    elif method == 'tools/list':\n"
        f"        result = {{'tools': [{{'name': n, 'inputSchema': {{'type': 'object'}}}} for n in {tools!r}]}}\n"
        "    else:\n"
        "        tool = msg['params']['name']\n"
        + on_call +
        "    sys.stdout.write(json.dumps({'result': result, 'jsonrpc': '2.0', 'id': i}) + '\\n')\n"
        "    sys.stdout.flush()\n"
    )


def _allow_policy(tmp_path: Path, tools: tuple[str, ...]) -> Path:
    policy = tmp_path / "allow.yaml"
    policy.write_text(f"version: 1\nsettings: {{allow_tools: [{', '.join(tools)}]}}\n")
    return policy


# An upstream whose answers to `huge` exceed the proxy's 64 MB message limit: with the id written
# last (as the TypeScript SDK does) or first (as Python SDKs do).
_HUGE_TOOLS = ("huge", "huge_id_first", "echo")
_HUGE_UPSTREAM = _scripted_upstream(_HUGE_TOOLS, prelude="from aegis_mcp.proxy.channel import MAX_MESSAGE_BYTES", on_call="""\
        if tool == "echo":
            result = {"content": [{"type": "text", "text": "still here"}]}
        else:
            text = json.dumps({"content": [{"type": "text", "text": "x" * (MAX_MESSAGE_BYTES + 1)}], "id": 99})
            if tool == "huge":
                sys.stdout.write('{"result":' + text + ',"jsonrpc":"2.0","id":' + json.dumps(i) + '}\\n')
            else:
                sys.stdout.write('{"jsonrpc":"2.0","id":' + json.dumps(i) + ',"result":' + text + '}\\n')
            sys.stdout.flush()
            continue
""")


async def test_an_oversized_upstream_answer_is_answered_with_an_error_not_left_pending(tmp_path: Path) -> None:
    policy = _allow_policy(tmp_path, _HUGE_TOOLS)
    argv = proxy_argv(tmp_path / "l.db", [PY, "-c", _HUGE_UPSTREAM], "--policy", str(policy))
    async with RawProxy.start(argv) as proxy:
        await proxy.initialize()
        await proxy.request(1, "tools/list")
        for msg_id, tool in ((2, "huge"), ("s-3", "huge_id_first")):
            # Without the fix the request stays pending: this wait would time out.
            resp = await proxy.request(msg_id, "tools/call", {"name": tool, "arguments": {}}, timeout=2 * WAIT_S)
            assert resp["error"]["code"] == INTERNAL_ERROR
            assert "larger than" in resp["error"]["message"]
        # The channel is still usable, and nothing of the discarded answer leaked through.
        resp = await proxy.request(4, "tools/call", {"name": "echo", "arguments": {}}, timeout=WAIT_S)
        assert resp["result"]["content"][0]["text"] == "still here"


async def test_an_oversized_client_request_is_refused_under_its_own_id(tmp_path: Path) -> None:
    async with RawProxy.start(proxy_argv(tmp_path / "l.db", LINE_SERVER)) as proxy:
        await proxy.initialize()
        head = b'{"jsonrpc":"2.0","id":41,"method":"tools/call","params":{"name":"echo","arguments":{"message":"'
        await proxy.send_raw(head + b"y" * (MAX_MESSAGE_BYTES + 10) + b'"}}}')
        resp = await proxy.recv_response(41, timeout=2 * WAIT_S)
        assert resp["error"]["code"] == INVALID_REQUEST
        resp = await proxy.request(42, "tools/call", {"name": "echo", "arguments": {"message": "ok"}})
        assert resp["result"]["content"][-1]["text"] == "echo: ok"


def test_id_hint_reads_only_a_top_level_id() -> None:
    assert id_hint(b'{"jsonrpc":"2.0","id":7,"result":{"content":[', b"") == 7
    assert id_hint(b'{"result":{', b'"x"}]},"jsonrpc":"2.0","id":"a\\"b"}') == 'a"b'
    assert id_hint(b'{"result":{', b'"x"}],"id":5,"jsonrpc":"2.0"}\r') == 5
    # A nested "id" (inside the result) is not the message's id.
    assert id_hint(b'{"result":{"items":[{"id":3', b'"x","id":4}]}}') is None
    assert id_hint(b'{"result":{', b'"x",{"id":4}}') is None
    assert id_hint(b"garbage", b"garbage") is None


_PROSE_UPSTREAM = _scripted_upstream(("prose", "echo"), prelude="""\
random.seed(7)
WORDS = ("the release ships on friday and dana reviews every change before the merge window closes "
         "while the team updates notes about budgets tickets owners dates and the next planning meeting").split()
PROSE = ". ".join(" ".join(random.choice(WORDS) for _ in range(12)).capitalize() for _ in range(3000))""", on_call="""\
        result = {"content": [{"type": "text", "text": PROSE if tool == "prose" else "quick"}]}
""")


async def test_a_big_result_being_scanned_keeps_its_place(tmp_path: Path) -> None:
    """The big result is scanned off the pump (the short answer behind it is read and inspected
    meanwhile), but the client gets them in the upstream's order: a faithful relay does not let a
    later message overtake an earlier one (until 18:30 on Nov 21 the short answer went first)."""
    policy = _allow_policy(tmp_path, ("prose", "echo"))
    db = tmp_path / "l.db"
    argv = proxy_argv(db, [PY, "-c", _PROSE_UPSTREAM], "--policy", str(policy))
    async with RawProxy.start(argv) as proxy:
        await proxy.initialize()
        await proxy.request(1, "tools/list")
        # The upstream answers in order: ~200 KB of prose (the engine needs a good while to scan
        # it), then a short answer.
        await proxy.send({"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "prose", "arguments": {}}})
        await proxy.send({"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "echo", "arguments": {}}})
        first = await proxy.recv(timeout=2 * WAIT_S)
        second = await proxy.recv(timeout=2 * WAIT_S)
    assert first["id"] == 2 and len(first["result"]["content"][-1]["text"]) > 150_000  # scanned, then relayed
    assert second["id"] == 3 and second["result"]["content"][0]["text"] == "quick"
    assert len(records(db, "result_scan")) == 2
