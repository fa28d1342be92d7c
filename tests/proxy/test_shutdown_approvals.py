"""A proxy whose client goes away closes the calls it still holds for a human at once, as
`expired_orphaned` with a recorded reason, instead of leaving them `pending` for the next start
or `approvals list` to find."""

from __future__ import annotations

from pathlib import Path

import anyio
import pytest

from aegis_mcp.ledger.store import LedgerStore
from tests.proxy.conftest import LINE_SERVER, TEST_POLICY, WAIT_S, RawProxy, proxy_argv, records
from tests.proxy.test_redteam_wire import _held

pytestmark = pytest.mark.anyio

META = {"_meta": {"io.modelcontextprotocol/protocolVersion": "2026-07-28",
                  "io.modelcontextprotocol/clientInfo": {"name": "c", "version": "1"},
                  "io.modelcontextprotocol/clientCapabilities": {"elicitation": {}}}}


async def test_held_calls_are_closed_when_the_client_goes_away(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    async with RawProxy.start(proxy_argv(db, LINE_SERVER, "--policy", str(TEST_POLICY))) as proxy:
        await proxy.initialize()
        await proxy.send({"jsonrpc": "2.0", "id": 1, "method": "tools/call",
                          "params": {"name": "echo", "arguments": {"message": "hold-me"}}})
        await _held(db)
        with anyio.fail_after(WAIT_S):  # the approval is written just after the decision
            while True:
                with LedgerStore.open(db, readonly=True) as store:
                    if store.list_approvals("pending"):
                        break
                await anyio.sleep(0.05)
        await proxy.process.stdin.aclose()  # the client leaves while the call is held
        with anyio.fail_after(WAIT_S):
            await proxy.process.wait()
    with LedgerStore.open(db, readonly=True) as store:
        approvals = store.list_approvals(None)
    assert [(a.status, a.approver) for a in approvals] == [("expired_orphaned", "system")]
    closing = [r for r in records(db, "approval") if r["decision"] == "expired_orphaned"]
    assert len(closing) == 1 and "shut down" in closing[0]["reason"]


async def test_a_2026_question_awaiting_its_retry_is_closed_too(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    async with RawProxy.start(proxy_argv(db, LINE_SERVER, "--policy", str(TEST_POLICY))) as proxy:
        resp = await proxy.request(1, "tools/call", {"name": "echo", "arguments": {"message": "hold-me"}, **META})
        assert resp["result"]["resultType"] == "input_required"  # the client would now ask its human
    with LedgerStore.open(db, readonly=True) as store:
        assert [a.status for a in store.list_approvals(None)] == ["expired_orphaned"]
