"""The relay keeps each direction's message order: a big result (inspected off the pump) is not
overtaken by what the upstream sent after it, and a tools/call being judged is not overtaken by
what the client sent after it."""

from __future__ import annotations

import asyncio
import json
import shlex
from pathlib import Path
from typing import Any

import pytest

from tests.proxy.conftest import EVERYTHING, PY, WAIT_S, RawProxy, proxy_argv

pytestmark = pytest.mark.anyio

# Ordinary prose, well past the size at which a result is inspected in a task of its own (and its
# text scanned on a worker thread): long enough that the scan takes milliseconds.
_PROSE = ("The quarterly report covers revenue, hiring and the office move. Sales grew in the north "
          "region while the south stayed flat; the team expects a busy spring. ")
_BIG = (_PROSE * 400)[:40_000]


def _call(msg_id: int, name: str, arguments: dict[str, Any]) -> bytes:
    return json.dumps({"jsonrpc": "2.0", "id": msg_id, "method": "tools/call",
                       "params": {"name": name, "arguments": arguments}}).encode()


def _ping(msg_id: int) -> bytes:
    return json.dumps({"jsonrpc": "2.0", "id": msg_id, "method": "ping"}).encode()


async def _read(proxy: RawProxy, n: int) -> list[dict[str, Any]]:
    return [await proxy.recv(timeout=2 * WAIT_S) for _ in range(n)]


def _teed(tmp_path: Path) -> tuple[list[str], Path, Path]:
    """server-everything with what it reads and what it writes copied aside, in order."""
    seen_in, seen_out = tmp_path / "upstream_in.jsonl", tmp_path / "upstream_out.jsonl"
    script = f'tee {shlex.quote(str(seen_in))} | {shlex.quote(EVERYTHING[0])} | tee {shlex.quote(str(seen_out))}'
    return ["sh", "-c", script], seen_in, seen_out


def _key(msg: dict[str, Any]) -> tuple[Any, Any, str]:
    """A message's identity: id and method, and for a notification its params (progress steps differ)."""
    return (msg.get("id"), msg.get("method"), json.dumps(msg.get("params"), sort_keys=True) if "id" not in msg else "")


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


async def test_server_everything_sees_and_sends_in_order_through_the_proxy(tmp_path: Path) -> None:
    """Big results (inspected off the pump), small ones, pings and progress notifications, sent
    together: the client receives exactly the upstream's output order, and the upstream receives
    exactly the client's order. Before the fix a big echo was overtaken by the answers after it,
    and a ping sent right after a tools/call reached the upstream before the call."""
    upstream, seen_in, seen_out = _teed(tmp_path)
    sent: list[bytes] = []
    received: list[dict[str, Any]] = []
    async with RawProxy.start(proxy_argv(tmp_path / "l.db", upstream)) as proxy:
        await proxy.initialize()
        await proxy.request(1, "tools/list")
        batches = [
            [_call(10, "echo", {"message": _BIG}), _call(11, "echo", {"message": "small"}), _ping(12)],
            [_call(20, "echo", {"message": "small first"}), _ping(21), _call(22, "echo", {"message": _BIG})],
            [json.dumps({"jsonrpc": "2.0", "id": 30, "method": "tools/call", "params": {
                "name": "trigger-long-running-operation", "arguments": {"duration": 0.2, "steps": 2},
                "_meta": {"progressToken": "p30"}}}).encode(),
             _call(31, "echo", {"message": _BIG}), _call(32, "echo", {"message": _BIG[::-1]}), _ping(33)],
        ]
        for batch in batches:
            sent += batch
            await proxy.send_raw(b"\n".join(batch))
            want = {json.loads(b)["id"] for b in batch}
            while want - {m.get("id") for m in received if "method" not in m}:
                received.append(await proxy.recv(timeout=2 * WAIT_S))
    # (the proxy has exited: both copies are complete)
    sent_keys = [_key(json.loads(b)) for b in sent]
    assert [k for k in map(_key, _lines(seen_in)) if k in sent_keys] == sent_keys
    got = [_key(m) for m in received]
    assert len(set(got)) == len(got)
    assert got == [k for k in map(_key, _lines(seen_out)) if k in set(got)]
    assert any(m.get("method") == "notifications/progress" for m in received)


# Answers a tools/call with a big text result immediately followed (same write) by a log
# notification and a small server→client request: neither may reach the client first.
_NOTIFY_UPSTREAM = """
import json, sys
def out(o):
    return json.dumps(o) + '\\n'
for line in sys.stdin:
    msg = json.loads(line)
    if 'id' not in msg or 'method' not in msg:
        continue
    method, i = msg['method'], msg['id']
    if method == 'initialize':
        sys.stdout.write(out({'jsonrpc': '2.0', 'id': i, 'result': {
            'protocolVersion': msg['params']['protocolVersion'], 'capabilities': {'tools': {}, 'logging': {}},
            'serverInfo': {'name': 'notify', 'version': '1'}}}))
    elif method == 'tools/list':
        sys.stdout.write(out({'jsonrpc': '2.0', 'id': i, 'result': {'tools': [
            {'name': 'report', 'inputSchema': {'type': 'object'}}]}}))
    elif method == 'tools/call':
        text = msg['params']['arguments'].get('text', '')
        sys.stdout.write(out({'jsonrpc': '2.0', 'id': i, 'result': {'content': [{'type': 'text', 'text': text}]}})
                         + out({'jsonrpc': '2.0', 'method': 'notifications/message',
                                'params': {'level': 'info', 'data': 'after ' + str(i)}})
                         + out({'jsonrpc': '2.0', 'id': 'srv-' + str(i), 'method': 'roots/list', 'params': {}}))
    else:
        sys.stdout.write(out({'jsonrpc': '2.0', 'id': i, 'result': {}}))
    sys.stdout.flush()
"""


async def test_notification_and_request_after_a_big_result_keep_their_place(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    async with RawProxy.start(proxy_argv(db, [PY, "-c", _NOTIFY_UPSTREAM])) as proxy:
        await proxy.initialize(capabilities={"roots": {}})
        await proxy.request(1, "tools/list")
        for k, text in enumerate([_BIG, "short", _BIG]):
            await proxy.send_raw(_call(20 + k, "report", {"text": text}))
            got = await _read(proxy, 3)
            assert got[0].get("id") == 20 + k and "result" in got[0], got[0].get("method")
            assert got[1].get("method") == "notifications/message"
            assert got[2].get("method") == "roots/list"


def test_call_order_lets_calls_go_in_arrival_order_and_a_held_call_fall_behind() -> None:
    from aegis_mcp.proxy.ordering import CallOrder

    async def scenario() -> list[str]:
        order, went = CallOrder(), []

        async def forward(name: str) -> None:
            wait = order.before_forward(name)
            if wait is not None:
                await wait
            went.append(name)
            order.release(name)

        async def other(name: str) -> None:
            wait = order.wait_turn()
            if wait is not None:
                await wait
            went.append(name)

        for name in ("a", "held", "b", "c"):
            order.take_place(name)
        tasks = [asyncio.create_task(forward("c")), asyncio.create_task(other("ping")),
                 asyncio.create_task(forward("b"))]
        await asyncio.sleep(0)
        assert went == []  # all wait for "a"
        order.release("held")  # goes to a human: the others need not wait for it
        await forward("a")
        await asyncio.gather(*tasks)
        return went

    assert asyncio.run(scenario()) == ["a", "b", "c", "ping"]
