"""Concurrent calls share ledger commits without losing order or the record-before-forward rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.proxy.conftest import PY, WAIT_S, RawProxy, proxy_argv, records

pytestmark = pytest.mark.anyio

_N = 8

# Answers nothing until it holds _N tools/calls, then writes all their answers, in reverse order,
# followed by a log notification, in ONE write: the proxy reads them together.
_BURST_UPSTREAM = f"""
import json, sys
calls = []
for line in sys.stdin:
    msg = json.loads(line)
    if 'id' not in msg:
        continue
    method, i = msg['method'], msg['id']
    if method == 'initialize':
        result = {{'protocolVersion': msg['params']['protocolVersion'], 'capabilities': {{'tools': {{}}}},
                  'serverInfo': {{'name': 'burst', 'version': '1'}}}}
    elif method == 'tools/list':
        result = {{'tools': [{{'name': 'echo', 'inputSchema': {{'type': 'object'}}}}]}}
    else:
        calls.append(msg)
        if len(calls) < {_N}:
            continue
        out = [json.dumps({{'jsonrpc': '2.0', 'id': c['id'], 'result': {{'content': [
                   {{'type': 'text', 'text': 'answer ' + c['params']['arguments']['message']}}]}}}})
               for c in reversed(calls)]
        out.append(json.dumps({{'jsonrpc': '2.0', 'method': 'notifications/message',
                               'params': {{'level': 'info', 'data': 'after the burst'}}}}))
        sys.stdout.write('\\n'.join(out) + '\\n')
        sys.stdout.flush()
        calls = []
        continue
    sys.stdout.write(json.dumps({{'jsonrpc': '2.0', 'id': i, 'result': result}}) + '\\n')
    sys.stdout.flush()
"""


async def test_results_read_together_share_one_commit_and_keep_their_order(tmp_path: Path) -> None:
    policy = tmp_path / "allow.yaml"
    policy.write_text("version: 1\nsettings: {allow_tools: [echo]}\n")
    db = tmp_path / "l.db"
    async with RawProxy.start(proxy_argv(db, [PY, "-c", _BURST_UPSTREAM], "--policy", str(policy))) as proxy:
        await proxy.initialize()
        await proxy.request(1, "tools/list")
        for k in range(_N):
            await proxy.send({"jsonrpc": "2.0", "id": 100 + k, "method": "tools/call",
                              "params": {"name": "echo", "arguments": {"message": f"m{k}"}}})
        got = [await proxy.recv(timeout=2 * WAIT_S) for _ in range(_N + 1)]
    # The upstream's order (answers last-call-first, then the notification) reaches the client.
    assert [m.get("id") for m in got[:_N]] == [100 + k for k in reversed(range(_N))]
    assert [m["result"]["content"][-1]["text"] for m in got[:_N]] == [f"answer m{k}" for k in reversed(range(_N))]
    assert got[_N].get("method") == "notifications/message"
    scans = records(db, "result_scan")
    assert len(scans) == _N
    decisions = {r["seq"]: r for r in records(db, "decision")}
    assert sorted(decisions[s["call_seq"]]["preview"] for s in scans) == sorted(
        f'echo {{"message":"m{k}"}}' for k in range(_N))
    # One transaction stamps all its records with one time: the burst's records were committed
    # together (before this change: one commit, so one timestamp, per result).
    assert len({s["ts_us"] for s in scans}) == 1
