"""Closing the held calls of a dead proxy: close_orphaned_approvals closes exactly the pending
approvals whose holder is gone (not live ones, not an older proxy's without a holder row, not
another server's when asked for one), each with a hash-chained "approval" record by "system",
and only once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from aegis_mcp.ledger.holder import new_instance, this_process
from aegis_mcp.ledger.store import LedgerStore
from tests.ledger.helpers import verify


def test_only_the_dead_holders_calls_of_that_server_are_closed(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    host, pid, process = this_process()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    with LedgerStore.open(db) as store:
        def hold(server: str, sha: str, holder_pid: int | None) -> str:
            holder = None if holder_pid is None else (new_instance(), host, holder_pid, process)
            return store.create_approval(server=server, tool="write_file", args_sha256=sha * 64, agent_id="a",
                                         summary={}, timeout_s=600, holder=holder)

        live = hold("fs", "1", pid)
        gone = hold("fs", "2", dead.pid)
        legacy = hold("fs", "3", None)
        elsewhere = hold("db", "4", dead.pid)

        assert store.close_orphaned_approvals("fs") == [gone]
        assert store.close_orphaned_approvals("fs") == []  # once
        closed = store.get_approval(gone)
        assert closed is not None and closed.status == "expired_orphaned" and closed.approver == "system"
        assert not store.decide_approval(gone, approve=True, approver="bob", channel="cli")  # no longer decidable
        assert {a.id for a in store.list_approvals("pending")} == {live, legacy, elsewhere}
        assert store.close_orphaned_approvals() == [elsewhere]  # every server
        records = [r.record for r in store.records() if r.record["kind"] == "approval"]
    assert [(r["approval_id"], r["decision"], r["approver"]) for r in records] == [
        (gone, "expired_orphaned", "system"), (elsewhere, "expired_orphaned", "system")]
    assert f"proxy pid {dead.pid}" in records[0]["reason"] and "has exited" in records[0]["reason"]
    assert verify(db).ok


def test_a_proxy_closing_down_closes_only_the_approvals_it_holds(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    host, pid, process = this_process()
    me, other = new_instance(), new_instance()
    with LedgerStore.open(db) as store:
        def hold(instance: str, sha: str) -> str:
            return store.create_approval(server="fs", tool="write_file", args_sha256=sha * 64, agent_id="a",
                                         summary={}, timeout_s=600, holder=(instance, host, pid, process))

        mine, theirs = hold(me, "1"), hold(other, "2")
        decided = hold(me, "3")
        assert store.decide_approval(decided, approve=False, approver="bob", channel="cli")
        assert store.close_held_approvals(me, "the proxy holding it shut down") == [mine]
        assert store.close_held_approvals(me, "again") == []  # once
        closed = store.get_approval(mine)
        assert closed is not None and closed.status == "expired_orphaned" and closed.approver == "system"
        assert not store.decide_approval(mine, approve=True, approver="bob", channel="cli")
        assert [a.id for a in store.list_approvals("pending")] == [theirs]
        approvals = [r.record for r in store.records() if r.record["kind"] == "approval"]
    assert approvals[-1]["approval_id"] == mine and approvals[-1]["decision"] == "expired_orphaned"
    assert "shut down" in approvals[-1]["reason"]
    assert verify(db).ok
