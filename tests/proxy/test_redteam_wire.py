"""Red team, client side: JSON-RPC shapes a hijacked agent (or a hostile client library) could use
to get a tools/call past the judge. The upstream is hostile_server.py, a lax peer that reads
duplicate keys first-wins, trims and lower-cases method names and runs a tools/call sent as a
notification: every test proves, from its log, that the blocked call never ran there."""

from __future__ import annotations

import json
import os
from pathlib import Path

import anyio
import pytest

from tests.proxy.conftest import PY, TEST_POLICY, RawProxy, proxy_argv, records

pytestmark = pytest.mark.anyio

HOSTILE = [PY, str(Path(__file__).parent / "servers" / "hostile_server.py")]
BLOCKED_ARGS = '{"name":"echo","arguments":{"message":"block-me"}}'


def _env(log: Path) -> dict[str, str]:
    return {**os.environ, "HOSTILE_LOG": str(log)}


def _executed(log: Path) -> list[str]:
    lines = log.read_text().splitlines() if log.exists() else []
    return [line for line in lines if line.startswith("EXEC ")]


def _received(log: Path) -> list[str]:
    lines = log.read_text().splitlines() if log.exists() else []
    return [line[5:] for line in lines if line.startswith("RECV ")]


def _argv(tmp_path: Path) -> list[str]:
    return proxy_argv(tmp_path / "l.db", HOSTILE, "--policy", str(TEST_POLICY))


async def _held(db: Path) -> None:
    """Wait until the ledger holds a call's decision (the call is then held, not in the pipe)."""
    with anyio.fail_after(60):
        while True:
            try:
                if records(db, "decision"):
                    return
            except Exception:  # the ledger file is created by the proxy, a moment after it starts
                pass
            await anyio.sleep(0.05)


async def _settle(proxy: RawProxy, msg_id: int) -> None:
    """A ping answered after the probe: the upstream has read everything sent before it."""
    assert (await proxy.request(msg_id, "ping"))["result"] == {}


async def test_a_duplicate_method_key_cannot_smuggle_a_call_past_the_judge(tmp_path: Path) -> None:
    log = tmp_path / "up.log"
    async with RawProxy.start(_argv(tmp_path), env=_env(log)) as proxy:
        await proxy.initialize()
        probes = [
            # the proxy's parser keeps the last "method" (ping); a first-wins upstream runs the call
            f'{{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{BLOCKED_ARGS},"method":"ping"}}',
            # the same with the second key spelt with an escape
            f'{{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{BLOCKED_ARGS},"m\\u0065thod":"ping"}}',
            # and as a notification
            f'{{"jsonrpc":"2.0","method":"tools/call","params":{BLOCKED_ARGS},"method":"notifications/progress"}}',
        ]
        for probe in probes:
            await proxy.send_raw(probe.encode())
        for msg_id in (5, 6):
            resp = await proxy.recv_response(msg_id)
            assert resp["error"]["code"] == -32600 and "duplicate" in resp["error"]["message"]
        await _settle(proxy, 7)
    assert _executed(log) == []
    assert not any("block-me" in line for line in _received(log))


async def test_a_method_spelt_loosely_is_refused_not_relayed(tmp_path: Path) -> None:
    log = tmp_path / "up.log"
    async with RawProxy.start(_argv(tmp_path), env=_env(log)) as proxy:
        await proxy.initialize()
        for msg_id, method in enumerate(["tools/call ", "Tools/Call", "\ttools/call", "TOOLS/CALL\u0000"], start=10):
            await proxy.send({"jsonrpc": "2.0", "id": msg_id, "method": method,
                              "params": json.loads(BLOCKED_ARGS)})
            resp = await proxy.recv_response(msg_id)
            assert resp["error"]["code"] == -32600, method
        await _settle(proxy, 20)
    assert _executed(log) == []


async def test_a_tools_call_sent_as_a_notification_never_reaches_the_upstream(tmp_path: Path) -> None:
    log = tmp_path / "up.log"
    async with RawProxy.start(_argv(tmp_path), env=_env(log)) as proxy:
        await proxy.initialize()
        await proxy.send({"jsonrpc": "2.0", "method": "tools/call", "params": json.loads(BLOCKED_ARGS)})
        await proxy.send({"jsonrpc": "2.0", "method": "Tools/Call ", "params": json.loads(BLOCKED_ARGS)})
        await _settle(proxy, 3)
    assert _executed(log) == []


async def test_escaped_method_names_are_judged_like_plain_ones(tmp_path: Path) -> None:
    """`tools\\/call` and `tools/c\\u0061ll` are tools/call to every JSON parser: judged, blocked."""
    log = tmp_path / "up.log"
    async with RawProxy.start(_argv(tmp_path), env=_env(log)) as proxy:
        await proxy.initialize()
        for msg_id, spelling in ((3, "tools\\/call"), (4, "tools/c\\u0061ll")):
            await proxy.send_raw(f'{{"jsonrpc":"2.0","id":{msg_id},"method":"{spelling}","params":{BLOCKED_ARGS}}}'.encode())
            resp = await proxy.recv_response(msg_id)
            assert resp["result"]["isError"] is True and "blocked" in resp["result"]["content"][0]["text"]
        await _settle(proxy, 5)
    assert _executed(log) == []
    assert [r["decision"] for r in records(tmp_path / "l.db", "decision")] == ["block", "block"]


async def test_odd_shapes_are_refused_or_judged_and_the_proxy_lives_on(tmp_path: Path) -> None:
    log = tmp_path / "up.log"
    async with RawProxy.start(_argv(tmp_path), env=_env(log)) as proxy:
        await proxy.initialize()
        refused = [
            (b'[{"jsonrpc":"2.0","id":30,"method":"tools/call","params":' + BLOCKED_ARGS.encode() + b"}]", -32600),
            (b'{"jsonrpc":"2.0","id":NaN,"method":"tools/call","params":' + BLOCKED_ARGS.encode() + b"}", -32700),
            (b'{"jsonrpc":"2.0","id":{"a":1},"method":"tools/call","params":' + BLOCKED_ARGS.encode() + b"}", -32600),
            (b'{"jsonrpc":"2.0","id":31,"method":"tools/call","params":' + BLOCKED_ARGS.encode() + b"}"
             b'{"jsonrpc":"2.0","id":32,"method":"ping"}', -32700),  # two messages on one line
        ]
        for raw, code in refused:
            await proxy.send_raw(raw)
            assert (await proxy.recv())["error"]["code"] == code, raw
        # judged, whatever the wrapping: a BOM, CRLF, a lone surrogate, params as an array
        await proxy.send_raw(b"\xef\xbb\xbf" + f'{{"jsonrpc":"2.0","id":33,"method":"tools/call","params":{BLOCKED_ARGS}}}'.encode())
        assert (await proxy.recv_response(33))["result"]["isError"] is True
        await proxy.send_raw(f'{{"jsonrpc":"2.0","id":34,"method":"tools/call","params":{BLOCKED_ARGS}}}\r'.encode())
        assert (await proxy.recv_response(34))["result"]["isError"] is True
        await proxy.send_raw(b'{"jsonrpc":"2.0","id":35,"method":"tools/call","params":{"name":"echo",'
                             b'"arguments":{"message":"\\ud800 block-me"}}}')
        assert (await proxy.recv_response(35))["result"]["isError"] is True
        await proxy.send_raw(b'{"jsonrpc":"2.0","id":36,"method":"tools/call","params":["echo",{"message":"block-me"}]}')
        assert (await proxy.recv_response(36))["error"]["code"] == -32602
        await _settle(proxy, 37)
    assert _executed(log) == []


async def test_a_held_call_id_cannot_be_reused_or_answered_by_the_client(tmp_path: Path) -> None:
    """While id 40 is held for a human: a second call with id 40 is refused; a JSON-RPC response
    carrying id 40 from the client (as if answering a server request) is not relayed; a cancel
    then a retry under the same id is judged afresh."""
    log = tmp_path / "up.log"
    async with RawProxy.start(_argv(tmp_path), env=_env(log)) as proxy:
        await proxy.initialize()
        await proxy.send({"jsonrpc": "2.0", "id": 40, "method": "tools/call",
                          "params": {"name": "echo", "arguments": {"message": "hold-me"}}})
        await _held(tmp_path / "l.db")
        await proxy.send({"jsonrpc": "2.0", "id": 40, "method": "tools/call", "params": json.loads(BLOCKED_ARGS)})
        assert "already in use" in (await proxy.recv_response(40))["error"]["message"]
        await proxy.send({"jsonrpc": "2.0", "id": 40, "result": {"content": [{"type": "text", "text": "approved"}]}})
        await proxy.send({"jsonrpc": "2.0", "method": "notifications/cancelled", "params": {"requestId": 40}})
        await anyio.sleep(0.2)
        await proxy.send({"jsonrpc": "2.0", "id": 40, "method": "tools/call", "params": json.loads(BLOCKED_ARGS)})
        assert (await proxy.recv_response(40))["result"]["isError"] is True
        await _settle(proxy, 41)
    assert _executed(log) == []
    assert not any('"approved"' in line for line in _received(log))  # the unsolicited response was dropped


async def test_a_near_spelling_of_a_listed_tool_is_refused(tmp_path: Path) -> None:
    """`Echo `: a server matching tool names loosely would run `echo`, judged under another name
    (a policy keyed to `echo`, its schema and annotations dodged): refused and recorded."""
    log = tmp_path / "up.log"
    async with RawProxy.start(_argv(tmp_path), env=_env(log)) as proxy:
        await proxy.initialize()
        await proxy.request(1, "tools/list")
        for msg_id, name in ((2, "Echo "), (3, "ECHO"), (4, "e-c-h-o")):
            resp = await proxy.request(msg_id, "tools/call", {"name": name, "arguments": {"message": "hi"}})
            assert resp["result"]["isError"] is True and "near-spelling" in resp["result"]["content"][0]["text"]
        resp = await proxy.request(5, "tools/call", {"name": "echo", "arguments": {"message": "hi"}})
        assert resp["result"].get("isError") is not True
    assert len(_executed(log)) == 1
    assert [r["decision"] for r in records(tmp_path / "l.db", "decision")] == ["block", "block", "block", "allow"]
